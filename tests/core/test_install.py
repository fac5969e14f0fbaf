"""The installed command works from anywhere, with the shipped routines inside the package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(p.name for p in (ROOT / "routines").glob("*.toml"))


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


def where_routines_are(cwd, pythonpath):
    """Where the app finds its shipped routines, and its own code, when run
    with PYTHONPATH in front of everything else."""
    code = "import tui.core.common.paths as p; print(p.__file__); print(p.BUILTIN_ROUTINES_DIR)"
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    result = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    module, folder = result.stdout.splitlines()
    return Path(module), Path(folder)


def test_the_installed_app_finds_routines_beside_its_code(tmp_path):
    """Editable (development) or plain (CI, users) install: the shipped
    routines are found either in the checkout or inside the installed tui."""
    module, folder = where_routines_are(tmp_path, "")
    package = module.parents[2]  # tui/core/common/paths.py -> tui
    assert folder in (ROOT / "routines", package / "routines")
    assert (folder / "post-run-stretches.toml").is_file()


def test_a_checkout_finds_the_top_level_routines_folder(tmp_path):
    tree = tmp_path / "source"  # a plain source tree, not installed
    shutil.copytree(ROOT / "tui", tree / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "routines", tree / "routines")
    module, folder = where_routines_are(tmp_path, tree)
    assert module.is_relative_to(tree) and folder == tree / "routines"


@pytest.mark.slow
def test_the_wheel_installs_only_tui_and_finds_its_routines(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = tmp_path.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {n.split("/")[0] for n in names if ".dist-info/" not in n} == {"tui"}
    assert sorted(n.removeprefix("tui/routines/") for n in names if n.startswith("tui/routines/")) == SHIPPED

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
                    "--target", str(site), str(wheel)], check=True, capture_output=True)
    assert not (site / "routines").exists()
    decoy = site / "routines"  # another project's top-level `routines`, beside tui
    decoy.mkdir()
    (decoy / "__init__.py").write_text("")
    (decoy / "decoy.toml").write_text((ROOT / "routines" / "foam-rolling.toml").read_text()
                                      .replace('"foam-rolling"', '"decoy"'))
    module, folder = where_routines_are(tmp_path, site)
    assert module.is_relative_to(site / "tui") and folder == site / "tui" / "routines"

    env = {**os.environ, "PYTHONPATH": str(site)}
    listed = subprocess.run([sys.executable, "-m", "tui", "routines", "--json"], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert listed.returncode == 0, listed.stderr
    ids = {r["id"] for r in json.loads(listed.stdout)}
    assert ids == {name.removesuffix(".toml") for name in SHIPPED if name not in ("plan.toml", "evidence.toml")}
    plan = subprocess.run([sys.executable, "-m", "tui", "plan", "--ended", "now", "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert plan.returncode == 0, plan.stderr
    assert "stretch" in {step["step"] for step in json.loads(plan.stdout)["steps"]}
