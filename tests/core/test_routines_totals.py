"""`routines` and `routines --json` give the same totals (issue 24, smaller
things): each line's exercise count, the holds' time (total_seconds)
and a session's time with its pauses (planned_seconds), which follow the
get-ready and switch-sides settings. The README says what the text lists."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.core.cli_support import run
from tui.core.common.when import format_duration

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"  (\S+) +.+? +(\d+) +(\d+:\d\d) +(\d+:\d\d)")


def test_the_text_shows_the_totals_the_json_gives(capsys, tmp_path, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("get_ready_seconds = 12\nswitch_sides_seconds = 9\n")
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(config))
    code, text, err = run(capsys, "routines")
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "routines", "--json")
    listed = {r["id"]: r for r in json.loads(out)}
    lines = [LINE.fullmatch(line) for line in text.splitlines()]
    shown = {m[1]: (int(m[2]), m[3], m[4]) for m in lines if m}
    assert set(shown) == set(listed) and len(listed) >= 7
    for routine_id, routine in listed.items():
        assert shown[routine_id] == (len(routine["exercises"]), format_duration(routine["total_seconds"]),
                                     format_duration(routine["planned_seconds"])), routine_id
    assert shown["cool-down-walk"] == (3, "5:00", "5:36")  # 3 x 12 s to get ready, no sides to switch
    assert text.splitlines()[0].split() == ["exercises", "holds", "with", "pauses"]


def test_the_readme_says_what_routines_lists():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `recovery-tui routines"))
    assert "how many exercises" in row and "holds" in row and "with its pauses" in row
    assert "`total_seconds`" in row and "`planned_seconds`" in row
