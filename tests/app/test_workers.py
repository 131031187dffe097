"""Starting a worker costs the interface nothing that grows with the work's input."""

from __future__ import annotations

import ast
from pathlib import Path

import tui.app

APP = Path(tui.app.__file__).parent


def _work_decorators(tree: ast.AST) -> list[tuple[ast.FunctionDef, ast.Call]]:
    return [
        (function, decorator)
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef)
        for decorator in function.decorator_list
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "work"
    ]


def test_workers_with_arguments_name_themselves() -> None:
    """Without a ``description``, Textual's ``@work`` builds one from the ``repr`` of every
    argument, on the interface's thread: for a megabyte article or its rendered document
    that took half a second, while the screen waited."""
    unnamed = [
        f"{path.relative_to(APP)}:{function.name}"
        for path in sorted(APP.rglob("*.py"))
        for function, decorator in _work_decorators(ast.parse(path.read_text(encoding="utf-8")))
        if len(function.args.args) > 1
        and not any(keyword.arg == "description" for keyword in decorator.keywords)
    ]
    workers = [
        function.name
        for path in APP.rglob("*.py")
        for function, _ in _work_decorators(ast.parse(path.read_text(encoding="utf-8")))
    ]
    assert len(workers) >= 5  # the scan finds the app's workers
    assert unnamed == []
