"""The installed command works from anywhere, with the shipped routines inside the package."""

from __future__ import annotations

import json
import subprocess
import sys


def run(args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True
    )


def test_routines_json_from_outside_the_checkout(tmp_path):
    result = run(["routines", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    routines = {r["id"]: r for r in json.loads(result.stdout)}
    assert {"warmup-drills", "post-run-stretches", "runner-yoga", "cool-down-walk",
            "foam-rolling", "legs-up-the-wall"} <= set(routines)
    stretches = routines["post-run-stretches"]
    assert set(stretches) == {"id", "name", "kind", "description", "total_seconds", "planned_seconds", "exercises"}
    assert stretches["total_seconds"] == sum(e["seconds"] * e["sides"] for e in stretches["exercises"])
    assert set(stretches["exercises"][0]) == {"name", "seconds", "sides", "areas", "cue"}


def test_version_and_usage_errors(tmp_path):
    result = run(["--version"], tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("recovery-tui ")
    for bad in (["--nope"], ["start"], ["start", "no-such-routine"], ["run", "no-such-routine"],
                ["routines", "--yaml"]):
        result = run(bad, tmp_path)
        assert result.returncode == 2, bad
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert result.stderr.startswith("recovery-tui: ")


def test_validate_reports_every_bad_file(tmp_path):
    good = tmp_path / "good.toml"
    good.write_text(
        'id = "g"\nname = "G"\nkind = "yoga"\ndescription = "d"\n'
        '[[exercises]]\nname = "Cat-cow"\nseconds = 30\nsides = 1\nareas = ["back"]\ncue = "Move."\n'
    )
    bad = tmp_path / "bad.toml"
    bad.write_text(good.read_text().replace("sides = 1", "sides = 4"))
    ugly = tmp_path / "ugly.toml"
    ugly.write_text("id = [")
    result = run(["validate", str(good), str(bad), str(ugly)], tmp_path)
    assert result.returncode == 1
    assert "ok: " in result.stdout
    assert f"{bad}: exercise 1 ('Cat-cow'): field 'sides'" in result.stderr
    assert f"{ugly}: invalid TOML" in result.stderr
    assert run(["validate", str(good)], tmp_path).returncode == 0


def test_broken_user_routine_is_reported_not_fatal(tmp_path, isolated_user_dirs):
    user = isolated_user_dirs / "config" / "recovery-tui" / "routines"
    user.mkdir(parents=True)
    (user / "broken.toml").write_text('id = "x"\n')
    result = run(["routines"], tmp_path)
    assert "Post-run stretches" in result.stdout
    assert "broken.toml" in result.stderr and "field 'name': missing" in result.stderr
    assert result.returncode == 1
