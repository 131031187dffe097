"""The core's packages are layered: each imports only from those before it in the pipeline."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.paths import ROOT

LAYERS = ("spans", "text", "language", "metadata", "reading", "alignment", "story", "reports")
"""The core's packages, lowest first (as `tui/core/__init__.py` lists them)."""
CORE = ROOT / "tui" / "core"


def layer_of(module: str) -> int:
    """The rank of a ``tui.core.<package>...`` module's package."""
    return LAYERS.index(module.split(".")[2])


def core_imports(path: Path) -> list[tuple[int, str]]:
    """Every ``tui.core`` module ``path`` imports, anywhere in it, with its line."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = (
                [node.module]
                if node.module != "tui.core"
                else [f"tui.core.{alias.name}" for alias in node.names]
            )
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found += [(node.lineno, name) for name in names if name.startswith("tui.core.")]
    return found


def test_every_core_module_is_in_a_layer() -> None:
    for path in CORE.rglob("*.py"):
        parts = path.relative_to(CORE).parts
        if parts != ("__init__.py",):
            assert parts[0].removesuffix(".py") in LAYERS, path


def test_no_package_imports_from_a_later_one() -> None:
    wrong = []
    for path in sorted(CORE.rglob("*.py")):
        parts = path.relative_to(CORE).parts
        if parts == ("__init__.py",):
            continue
        own = LAYERS.index(parts[0].removesuffix(".py"))
        for line, module in core_imports(path):
            if layer_of(module) > own:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert wrong == []


def test_the_core_docstring_lists_the_layers_in_order() -> None:
    doc = ast.get_docstring(ast.parse((CORE / "__init__.py").read_text(encoding="utf-8"))) or ""
    listed = [line.split()[0] for line in doc.splitlines() if line.startswith("    ")]
    assert tuple(name for name in listed if name in LAYERS) == LAYERS
