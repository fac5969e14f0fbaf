"""The core's packages import one way only: common -> routines -> plan ->
journal -> watch -> insights -> experiments (read from the source, as harlequin's
import contract). watch reads activity files and records runs through the journal."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "tui" / "core"
ORDER = ("common", "routines", "plan", "journal", "watch", "insights", "experiments")


def core_package(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if parts[:2] == ["tui", "core"] and len(parts) > 2 else None


def wrong_arrows(root: Path) -> list[str]:
    """Every import from a package to one at or after it in ORDER (or to a
    top-level core module, which only sits above the packages)."""
    found = []
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).parts
        if len(parts) < 2:
            continue  # a top-level module may import any package
        own = parts[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            other = core_package(node.module)
            if other is None or other == own:
                continue
            if other not in ORDER or ORDER.index(other) > ORDER.index(own):
                found.append(f"{path.relative_to(root)}:{node.lineno}: {own} imports {node.module}")
    return found


def test_the_core_has_few_modules_of_its_own_and_packages_by_feature():
    own = sorted(p.name for p in CORE.glob("*.py"))
    assert len(own) <= 8, own
    assert sorted(p.name for p in CORE.iterdir() if (p / "__init__.py").exists()) == sorted(ORDER)


def test_packages_import_only_those_before_them():
    assert wrong_arrows(CORE) == []


def test_the_check_finds_an_arrow_the_wrong_way(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "bad.py").write_text("from tui.core.journal.journal import Journal\n")
    (tmp_path / "plan" / "fine.py").write_text("from tui.core.routines.model import Routine\n")
    assert wrong_arrows(tmp_path) == ["plan/bad.py:1: plan imports tui.core.journal.journal"]
