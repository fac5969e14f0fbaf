"""No two modules under tui/ import each other, whichever way: at the top,
inside a function, or only for type checking (issue 23). A pair that does
is one thing in two files, or a collaborator that is a mixin in disguise."""

from __future__ import annotations

import ast
from pathlib import Path

TUI = Path(__file__).resolve().parents[2] / "tui"


def module_name(path: Path) -> str:
    parts = path.relative_to(TUI.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in TUI.rglob("*.py")}


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The tui modules `name` imports anywhere in its file."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def mutual_pairs(known: dict[str, Path]) -> list[tuple[str, str]]:
    edges = {name: imported(name, path, known) for name, path in known.items()}
    return sorted((a, b) for a, targets in edges.items() for b in targets if a < b and a in edges[b])


def test_no_two_modules_under_tui_import_each_other():
    assert mutual_pairs(modules()) == []


def test_an_import_inside_a_function_or_for_type_checking_counts(tmp_path, monkeypatch):
    """The check itself: a pair hidden in a function and a TYPE_CHECKING block is found."""
    package = tmp_path / "tui"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("def f():\n    from tui.b import g\n")
    (package / "b.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from tui import a\n")
    (package / "c.py").write_text("import tui.a\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["TUI"]), "TUI", package)
    assert mutual_pairs(modules()) == [("tui.a", "tui.b")]
