"""Two rules of the code's shape, read from the source (nothing is run):

- a name is imported from the module that defines it, never passed through
  another module (so each module says what it owns, and moving a name breaks
  its importers at once rather than leaving a re-export behind);
- the core uses no private attribute of another object (TinyDB's, Textual's
  or CPython's): only its own, through `self` or `cls`;
- neither the app nor its tests import a library's private module
  (`textual.widgets._toast`): query a widget by its type's name instead.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("tui", "routines", "tests")


def python_files(*folders: str) -> list[Path]:
    return sorted(path for folder in folders for path in (ROOT / folder).rglob("*.py"))


def shown(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def module_file(module: str) -> tuple[Path, bool] | None:
    """(its file, whether it is a package) for one of our own modules."""
    base = ROOT.joinpath(*module.split("."))
    if (base / "__init__.py").exists():
        return base / "__init__.py", True
    if base.with_suffix(".py").exists():
        return base.with_suffix(".py"), False
    return None


def defined_names(path: Path) -> set[str]:
    """What a module defines at its top level (classes, functions, assignments),
    including under `if`/`try`, but not what it imports."""
    names: set[str] = set()

    def visit(statements: list[ast.stmt]) -> None:
        for node in statements:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(node.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names.update(n.id for target in targets for n in ast.walk(target) if isinstance(n, ast.Name))
            elif isinstance(node, (ast.If, ast.Try)):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)

    visit(ast.parse(path.read_text(encoding="utf-8")).body)
    return names


def pass_through_imports(files: list[Path]) -> list[str]:
    """Every `from <our module> import name` where that module does not define
    the name (and, for a package, it is not one of its modules)."""
    found = []
    defined: dict[Path, set[str]] = {}
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                    and node.module.split(".")[0] in PACKAGES):
                continue
            where = module_file(node.module)
            if where is None:
                found.append(f"{shown(path)}:{node.lineno}: no module {node.module}")
                continue
            source, is_package = where
            if source not in defined:  # each module read once, not once per import of it (3 s -> 1 s)
                defined[source] = defined_names(source)
            names = defined[source]
            for alias in node.names:
                submodule = module_file(f"{node.module}.{alias.name}") if is_package else None
                if alias.name not in names and submodule is None:
                    found.append(f"{shown(path)}:{node.lineno}: {alias.name} is not defined "
                                 f"in {node.module}")
    return found


def test_names_are_imported_from_the_module_that_defines_them():
    files = python_files(*PACKAGES)
    assert len(files) > 100
    assert pass_through_imports(files) == []


def test_the_check_finds_a_name_passed_through(tmp_path):
    """The check itself: tui.core.journal.journal uses FieldError but records.py defines it."""
    importer = tmp_path / "importer.py"
    importer.write_text("from tui.core.journal.journal import FieldError, Journal\nfrom tui.core.journal.records import FieldError\n")
    assert pass_through_imports([ROOT / "tui" / "core" / "journal" / "journal.py"]) == []
    assert pass_through_imports([importer]) == [f"{importer}:1: FieldError is not defined in tui.core.journal.journal"]


# name._attr on any name but self and cls, a call's result's (super()._x too),
# or a private attribute of a private attribute (self._db._storage).
PRIVATE_USE = re.compile(r"(?<![\w.])(?!self\b|cls\b)[A-Za-z_]\w*\._[a-z]|\)\._[a-z]|\._[a-z]\w*\._[a-z]")


def test_the_core_uses_no_private_attribute_of_another_object():
    found = [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
             for path in python_files("tui/core")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if PRIVATE_USE.search(line.split("#")[0])]
    assert found == []
    assert PRIVATE_USE.search("atexit._ncallbacks()") and PRIVATE_USE.search("app._driver._size")
    assert PRIVATE_USE.search("self._db._storage") and PRIVATE_USE.search("Table(s)._read_table()")
    assert not PRIVATE_USE.search("self._db.storage") and not PRIVATE_USE.search("cls._fields")


def private_imports(path: Path) -> list[str]:
    """`from a._b import c` and `import a._b` of a module outside our own packages."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else (
            [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        found += [f"{shown(path)}:{node.lineno}: {name}" for name in names
                  if name.split(".")[0] not in PACKAGES and any(part.startswith("_") for part in name.split("."))
                  and name != "__future__"]
    return found


def test_no_private_module_of_a_library_is_imported():
    assert [line for path in python_files("tui", "tests") for line in private_imports(path)] == []


def test_the_check_finds_a_private_module(tmp_path):
    source = tmp_path / "t.py"
    source.write_text("from textual.widgets._toast import Toast\nimport rich._loop\nfrom tui.x import _y\n")
    assert private_imports(source) == [f"{source}:1: textual.widgets._toast", f"{source}:2: rich._loop"]
