"""Copying text, and saying truthfully where it went.

Three ways, tried in turn:

1. The system clipboard, through pyperclip (as posting does): the platform's own
   (``pbcopy``, ``clip``, ``wl-copy``, ``xclip``, ``xsel``). When it works, the text
   is on the clipboard: "Copied ... to the system clipboard".
2. The terminal's clipboard, by the OSC 52 escape (Textual's `App.copy_to_clipboard`).
   No terminal answers it, so whether it arrived cannot be known: the message says
   the terminal may ignore it. Inside tmux, ``tmux show -gv set-clipboard`` tells:
   ``off`` means tmux drops the sequence, so this way is known not to work.
3. Neither: the user is told so, and offered to save the text to a file.

The text copied is the text as shown (`shown_text`): no Markdown markup or escapes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from textual.app import App

from tui.core.spans import Span
from tui.core.text.document import Document

_TMUX_TIMEOUT = 1.0
"""Seconds tmux may take to say how it treats OSC 52."""


def system_copy(text: str) -> bool:
    """Put ``text`` on the system clipboard; False when this system has none pyperclip can use."""
    import pyperclip  # deferred: it probes the platform when imported

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException:
        return False
    return True


def terminal_drops_osc52(environ: dict[str, str] | None = None) -> bool:
    """True when the text sent by OSC 52 is known to be dropped (tmux, ``set-clipboard off``)."""
    environ = dict(os.environ) if environ is None else environ
    if not environ.get("TMUX"):
        return False
    tmux = shutil.which("tmux")
    if tmux is None:
        return False
    try:
        answer = subprocess.run(
            [tmux, "show", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=_TMUX_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return answer.returncode == 0 and answer.stdout.strip() == "off"


def shown_text(document: Document) -> str:
    """The text a reader sees in ``document``: its blocks, a blank line between them."""
    return "\n\n".join(block.prefix + block.text for block in document.blocks if block.text)


def shown_span(document: Document, span: Span) -> str:
    """The text a reader sees of the source ``span`` (markup and escapes hidden)."""
    parts = []
    for index in document.blocks_overlapping(span):
        block = document.blocks[index]
        start, end = block.display_range(span)
        parts.append(block.text[start:end])
    return "\n\n".join(part for part in parts if part)


def copy(app: App[object], text: str, what: str) -> None:
    """Copy ``text`` the best way there is, and tell the user which (``what`` names it).

    When no way can work, the user is offered to save the text to a new file.
    """
    app.copy_to_clipboard(text)  # Textual's own copy, and the OSC 52 sequence
    if system_copy(text):
        app.notify(f"Copied {what} to the system clipboard", markup=False)
        return
    if not terminal_drops_osc52():
        app.notify(
            f"Sent {what} to the terminal's clipboard (OSC 52): your terminal may ignore it",
            markup=False,
        )
        return
    from tui.app.screens.export import Export, ExportScreen, free_path

    offer = Export(
        "Nothing could take the copy",
        "No system clipboard, and tmux drops the terminal's (set-clipboard off). "
        f"Save {what} to a new file instead",
        free_path(Path.cwd(), "storyreader-copy", ".txt"),
        lambda _format: text,
    )
    app.push_screen(ExportScreen(offer))
