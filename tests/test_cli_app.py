"""``storyreader [PATH...]``: when the app starts, when it refuses, how it ends after an error."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import textwrap
import time

import pytest

from tests.paths import ROOT, SEEDS
from tui.cli import main

NO_TERMINAL = "storyreader: the app needs a terminal, and stdout or stdin is not one"


def test_a_path_that_does_not_exist_is_an_error_not_an_empty_app(capsys):
    assert main(["/nonexistent"]) == 2
    assert capsys.readouterr().err == "storyreader: /nonexistent: not found\n"


def test_a_mistyped_command_is_named_with_the_command_meant(capsys):
    assert main(["lst", str(SEEDS)]) == 2
    assert capsys.readouterr().err == (
        "storyreader: lst is neither a file nor a command; did you mean `storyreader list`?\n"
    )
    assert main(["overveiw"]) == 2
    assert "did you mean `storyreader overview`?" in capsys.readouterr().err


def test_a_missing_name_is_shown_inert(capsys, tmp_path):
    assert main([str(tmp_path / "a\x1b[2Jb"), str(tmp_path / "c\u202ed")]) == 2
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err
    assert err.splitlines() == [
        f"storyreader: {tmp_path}/a^[[2Jb: not found",
        f"storyreader: {tmp_path}/c<U+202E>d: not found",
    ]


def test_without_a_terminal_the_app_does_not_start(capsys):
    """In-process under pytest, stdout is captured: not a terminal."""
    assert main([str(SEEDS)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(NO_TERMINAL)
    assert "storyreader list" in err


def test_piped_the_app_writes_nothing_into_the_pipe():
    done = subprocess.run(
        [sys.executable, "-m", "tui", str(SEEDS)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == b""
    assert done.stderr.decode().startswith(NO_TERMINAL)


CRASHING_APP = """
import sys
from tui.app import app as app_module
from tui.cli import main

started = app_module.StoryReaderApp.on_mount

def fail():
    raise RuntimeError("deliberate failure for the test")

def on_mount(self):
    started(self)
    if {in_thread}:
        self.set_timer(0.3, lambda: self.run_worker(fail, thread=True))
    else:
        self.set_timer(0.3, fail)

app_module.StoryReaderApp.on_mount = on_mount
sys.exit(main([sys.argv[1]]))
"""


def run_in_terminal(script: str) -> tuple[int, str]:
    """Run ``script`` with a pseudo-terminal as stdin, stdout and stderr; its code and output."""
    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(SEEDS)],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        cwd=ROOT,
        env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", "LINES": "30"},
        close_fds=True,
    )
    os.close(follower)
    output = bytearray()
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            output += chunk
        elif child.poll() is not None:
            break
    code = child.wait(timeout=30)
    os.close(leader)
    return code, output.decode("utf-8", "replace")


@pytest.mark.parametrize("in_thread", [False, True], ids=["handler", "thread-worker"])
def test_after_an_unhandled_error_the_app_exits_non_zero_and_says_where_the_traceback_is(
    in_thread,
):
    code, output = run_in_terminal(textwrap.dedent(CRASHING_APP.format(in_thread=in_thread)))
    assert code == 1
    assert "deliberate failure for the test" in output  # Textual's traceback, after the app
    said = "storyreader: the app stopped on an unexpected error (exit code 1); its traceback"
    assert f"{said} is above" in output
