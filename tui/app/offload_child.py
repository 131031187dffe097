"""The child side of `tui.app.offload`: ``python -m tui.app.offload_child``.

Reads a pickled ``(function, args)`` from stdin, writes a pickled ``(ok, value)`` to
stdout. It imports nothing but what the function needs, so it starts fast.
"""

from __future__ import annotations

import pickle
import sys


def serve() -> None:
    """Run one call and answer with its result, or with the exception it raised."""
    function, args = pickle.load(sys.stdin.buffer)
    try:
        answer = (True, function(*args))
    except Exception as error:  # noqa: BLE001 - handed back to the parent to raise
        answer = (False, error)
    pickle.dump(answer, sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    serve()
