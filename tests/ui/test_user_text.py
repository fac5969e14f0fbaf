"""Text from the runner's files or the file system is shown as written:
square brackets in it are not read as Textual markup."""

from __future__ import annotations

from tests.ui.helpers import make_app

# "[b]" is bold in markup and would vanish; "[/]" closes nothing, and markup
# cannot draw it at all: the app stopped at start with a settings file holding it.
BRACKETS = "[b]x.toml: field 'theme': got '[/]nope'"


def toasts(app) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def test_a_startup_problem_with_brackets_is_shown_as_written():
    app = make_app(startup_problems=[BRACKETS])
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert BRACKETS in toasts(app)


async def test_an_unknown_theme_with_brackets_is_reported_as_written(tmp_path):
    from dataclasses import replace

    from tui.core.common.settings import DEFAULTS

    app = make_app(settings=replace(DEFAULTS, theme="[/]nope"), settings_path=tmp_path / "[b]settings.toml")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = toasts(app)
        assert "[b]settings.toml" in shown and "'[/]nope'" in shown


async def test_a_question_with_brackets_in_its_detail_is_shown_as_written():
    from textual.widgets import Label

    from tui.dialogs.confirm import ConfirmScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(ConfirmScreen("Move [b]it[/b] aside?", "/home/me/[runs]/journal.json: '[/]'"))
        await pilot.pause()
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert "Move [b]it[/b] aside?" in labels
        assert "/home/me/[runs]/journal.json: '[/]'" in labels
