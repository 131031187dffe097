"""The pure core stays free of Textual and Rich, including modules added later."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import tui.core

ROOT = Path(__file__).resolve().parents[2]


def core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(tui.core.__path__, prefix="tui.core.")
    )


def test_every_core_module_is_found():
    modules = core_modules()
    assert {
        "tui.core.reading.loading",
        "tui.core.metadata.extract",
        "tui.core.reading.formats.text",
    } <= set(modules)


def test_importing_the_core_loads_no_ui_library():
    imports = "; ".join(f"import {name}" for name in core_modules())
    probe = (
        f"{imports}; import sys; "
        "print([m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert done.stdout.strip() == "[]"
