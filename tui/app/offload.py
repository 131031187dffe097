"""Run long core work in another process, so the interface keeps the interpreter.

A thread worker keeps the screen from blocking, but Python runs one thread at a time:
while a thread aligns two megabyte articles, key presses wait for their turn. A child
process has its own interpreter, so the interface stays as quick as when idle.

The child is a plain ``python -m tui.app.offload_child`` with pipes, not
`multiprocessing`: Textual captures ``sys.stderr`` while it runs, and `multiprocessing`
would hand that to its helper processes.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import TypeVar

from textual.worker import NoActiveWorker, get_current_worker

T = TypeVar("T")

_POLL_SECONDS = 0.05
"""How often the waiting thread checks whether its worker was cancelled."""


class OffloadCancelledError(Exception):
    """The worker waiting for the child process was cancelled; the child was stopped."""


def run_in_process(function: Callable[..., T], *args: object) -> T:
    """``function(*args)`` in a fresh Python process; call it from a thread worker.

    The function and its arguments and result must pickle. If the calling worker is
    cancelled while waiting, the child is killed at once.

    Raises:
        OffloadCancelledError: The calling worker was cancelled.
        RuntimeError: The child ended without an answer.
    """
    try:
        worker = get_current_worker()
    except NoActiveWorker:
        worker = None
    request = pickle.dumps((function, args), protocol=pickle.HIGHEST_PROTOCOL)
    command = [sys.executable, "-m", "tui.app.offload_child"]
    with subprocess.Popen(
        command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    ) as child:
        assert child.stdin is not None
        # The whole request first (`communicate` cannot resume sending after a
        # timeout); its first call then closes stdin.
        child.stdin.write(request)
        child.stdin.flush()
        while True:
            try:
                output, _ = child.communicate(timeout=_POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                if worker is not None and worker.is_cancelled:
                    child.kill()
                    raise OffloadCancelledError from None
    if not output:
        raise RuntimeError(f"the process running {function.__name__} ended without an answer")
    ok, value = pickle.loads(output)
    if not ok:
        raise value
    return value
