"""The child side of `tui.app.offload`: ``python -m tui.app.offload_child``.

Reads a pickled ``(function, args)`` from stdin, writes a pickled ``(ok, value)`` to
stdout. It imports nothing but what the function needs, so it starts fast.
"""

from __future__ import annotations

import os
import pickle
import sys

NICENESS = 5
"""How much lower than the interface the child runs: on a busy machine (two cores, a
megabyte pair aligning, both texts wrapping) the system then gives the interface
the processor first, so keys do not wait behind the work."""


def serve() -> None:
    """Run one call and answer with its result, or with the exception it raised."""
    if hasattr(os, "nice"):  # not on Windows
        os.nice(NICENESS)
    function, args = pickle.load(sys.stdin.buffer)
    try:
        answer = (True, function(*args))
    except Exception as error:  # noqa: BLE001 - handed back to the parent to raise
        answer = (False, error)
    pickle.dump(answer, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    serve()
