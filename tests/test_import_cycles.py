"""No module of `tui` imports, while it is being imported, a module that imports it back.

A cycle works only while each side's names happen to be defined before the other
asks for them, so it breaks on an innocent reordering. Only imports that run when a
module is imported count: those inside functions run later, and those under
``if TYPE_CHECKING:`` never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator, Mapping
from pathlib import Path

import tui

PACKAGE = Path(tui.__file__).resolve().parent


def module_name(path: Path) -> str:
    """``tui/app/app.py`` → ``tui.app.app``; a package is named by its ``__init__.py``."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def import_time_imports(node: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """The import statements in ``node`` that run when its module is imported."""
    if isinstance(node, ast.Import | ast.ImportFrom):
        yield node
    elif isinstance(node, ast.If) and _type_checking(node):
        for statement in node.orelse:
            yield from import_time_imports(statement)
    elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        for child in ast.iter_child_nodes(node):
            yield from import_time_imports(child)


def imported_modules(package: str, tree: ast.Module, modules: set[str]) -> set[str]:
    """The modules of ``modules`` that a module of ``package`` imports when imported.

    ``from package import name`` imports the submodule ``package.name`` if there is one,
    else the package itself.
    """
    found: set[str] = set()
    for statement in import_time_imports(tree):
        if isinstance(statement, ast.Import):
            targets = [alias.name for alias in statement.names]
        else:
            base = statement.module or ""
            if statement.level:  # relative: counted up from the module's own package
                parent = package.split(".")[: len(package.split(".")) - statement.level + 1]
                base = ".".join([*parent, base] if base else parent)
            targets = [f"{base}.{alias.name}" for alias in statement.names]
            targets = [target if target in modules else base for target in targets]
        found.update(target for target in targets if target in modules)
    return found


def import_graph() -> dict[str, set[str]]:
    """Each module of `tui`, with the modules of `tui` it imports when imported."""
    paths = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in sorted(paths.items()):
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = imported_modules(package, tree, set(paths))
    return graph


def find_cycle(graph: Mapping[str, set[str]]) -> list[str] | None:
    """A cycle of ``graph`` as its modules in import order, the first repeated last."""
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> list[str] | None:
        path.append(module)
        on_path.add(module)
        for imported in sorted(graph.get(module, ())):
            if imported in on_path:
                return [*path[path.index(imported) :], imported]
            if imported not in done and (cycle := visit(imported)):
                return cycle
        on_path.discard(path.pop())
        done.add(module)
        return None

    for module in sorted(graph):
        if module not in done and (cycle := visit(module)):
            return cycle
    return None


def test_the_graph_sees_import_time_imports_only() -> None:
    graph = import_graph()
    assert "tui.app.screens.library" in graph["tui.app.app"]  # a module-level import
    assert "tui.app.screens.compare" not in graph["tui.app.app"]  # imported in a method
    assert "tui.app.app" not in graph["tui.app.screens.library"]  # under TYPE_CHECKING


def test_relative_imports_count_from_the_module_package() -> None:
    modules = {"tui", "tui.app", "tui.app.app", "tui.app.widgets", "tui.app.widgets.reader"}
    tree = ast.parse("from . import app\nfrom .widgets import reader\nfrom .. import __version__")
    found = imported_modules("tui.app", tree, modules)
    assert found == {"tui.app.app", "tui.app.widgets.reader", "tui"}


def test_a_cycle_is_found_and_reported_in_import_order() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert find_cycle(graph) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"b"}}) is None


def test_tui_has_no_import_cycle() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or ())
