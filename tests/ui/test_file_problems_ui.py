"""How the app tells the runner about problems in their files: every problem
of a settings file in one notice, a bad plan file worded as `validate` words it,
and "Saved to" only once something is saved."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from tests.clock import FakeClock
from tests.ui.helpers import make_app, settle
from tests.ui.test_plan_ui import open_plan
from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.common.settings import load_settings
from tui.screens.home import HomeScreen
from tui.screens.settings import SettingsScreen

SEVEN_BAD_VALUES = '''units = "furlongs"
bedtime = "25:99"
get_ready_seconds = 99
switch_sides_seconds = "five"
sound = "loud"
theme = "no-such-theme"
colour = "blue"
'''


def toasts(app) -> list[Widget]:
    return list(app.screen.query("Toast"))


async def test_seven_bad_settings_make_one_notice_listing_them_all(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text(SEVEN_BAD_VALUES)
    settings, problems = load_settings(path)  # as `recovery-tui` does: themes are checked by the app
    app = make_app(settings=settings, settings_problems=problems, settings_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await settle(pilot)
        [toast] = toasts(app)
        text = str(toast.render())
        assert "7 problems in your settings: defaults used" in text
        for key in ("units", "bedtime", "get_ready_seconds", "switch_sides_seconds", "sound", "theme", "colour"):
            assert f"• field '{key}': " in text, key
        assert text.count(str(path)) == 1  # the file named once, not on every line
        assert "'no-such-theme' is not a known theme" in text
        assert app.theme == "textual-dark"


async def test_saved_to_appears_only_after_a_save(tmp_path):
    path = tmp_path / "config" / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        before = str(screen.query_one("#settings-path", Static).render())
        assert str(path) in before and "Saved" not in before and "not created yet" in before
        assert not any("Saved" in str(toast.render()) for toast in toasts(app))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert path.exists()
        assert [str(toast.render()) for toast in toasts(app)] == [f"Saved to {path}"]


async def test_a_bad_user_plan_is_one_notice_worded_as_validate_words_it(tmp_path, monkeypatch):
    from tui.core.validate import check_files

    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path))
    user_plan = tmp_path / "plan.toml"
    user_plan.write_text(PLAN_FILE.read_text().replace('title = "Drink"', "title = 5")
                         .replace('routine = "foam-rolling"', 'routine = "no-such-routine"')
                         .replace('end_minutes = 15', 'end_minutes = 5', 1))
    validate_lines = [str(e) for e in check_files([user_plan], [p.stem for p in builtin_routine_files()]).errors]
    assert len(validate_lines) == 3
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot)
        await pilot.pause()
        assert next(step for step in screen.steps if step.id == "hydrate").title == "Drink"  # the shipped plan
        notices = [toast for toast in toasts(app) if "plan" in str(toast.render()).lower()]
        assert len(notices) == 1
        text = str(notices[0].render())
        assert "using the built-in plan" in text
        for line in validate_lines:
            assert line in text


async def test_home_counts_files_and_problems_of_broken_routines(tmp_path):
    from tests.core.test_validate import MANY_PROBLEMS

    user = tmp_path / "routines"
    user.mkdir()
    (user / "bad.toml").write_text(MANY_PROBLEMS)
    app = make_app(user_dir=user)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = str(app.screen.query_one("#load-errors", Static).render())
        assert shown.startswith("1 routine file could not be loaded (10 problems; "
                                "recovery-tui validate FILE lists them all):")
        assert len(app.library.errors) == 10
