"""Worker threads step aside while the interface answers a key, and only then."""

from __future__ import annotations

import threading
import time

from textual.events import Key

from tests.helpers import make_app, settle
from tui.app import courtesy as courtesy_module
from tui.app.courtesy import Courtesy, courtesy


def test_a_worker_waits_while_the_interface_answers_then_goes_on() -> None:
    gate = Courtesy()
    steps: list[float] = []

    def work() -> None:
        for _ in range(3):
            gate.wait()
            steps.append(time.monotonic())

    gate.hold()
    worker = threading.Thread(target=work)
    held = time.monotonic()
    worker.start()
    time.sleep(0.1)
    assert steps == []  # held back while the interface works
    gate.release()
    worker.join(1)
    assert len(steps) == 3 and steps[0] - held >= 0.1


def test_a_worker_is_never_held_longer_than_the_longest_wait() -> None:
    gate = Courtesy()
    gate.hold()  # and never released: a key whose answer never painted
    start = time.monotonic()
    gate.wait()
    waited = time.monotonic() - start
    assert courtesy_module.LONGEST_WAIT * 0.9 <= waited < courtesy_module.LONGEST_WAIT + 0.2
    start = time.monotonic()
    gate.wait()  # the first worker to give up opened the gate for all
    assert time.monotonic() - start < 0.05


def test_polite_cancellation_still_cancels() -> None:
    gate = Courtesy()
    assert gate.polite(lambda: True)() is True
    assert gate.polite(lambda: False)() is False


async def test_a_key_holds_the_workers_until_its_answer_is_painted() -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        seen: list[bool] = []
        original = courtesy.hold

        def hold() -> None:
            original()
            seen.append(courtesy._open.is_set())

        courtesy.hold = hold  # type: ignore[method-assign]
        try:
            app.post_message(Key("question_mark", "?"))
            await pilot.pause()
            await pilot.pause()
        finally:
            del courtesy.hold
        assert seen and not any(seen)  # the key closed the gate ...
        assert courtesy._open.is_set()  # ... and the painted help opened it again
        assert type(app.screen).__name__ == "HelpScreen"
