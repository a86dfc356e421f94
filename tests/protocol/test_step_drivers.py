"""The one driver loop of step logic (protocol/transaction.py `drive_async`, and `drive`, the same
loop with no event loop): answers go in, errors are raised where the logic waits, and the logic
is closed whatever happens. Pure logic, no I/O: the drivers over a real pty are tested in
tests/transport/test_master_over_pty.py."""

from __future__ import annotations

import asyncio
from collections.abc import Generator

import pytest

from configurator.protocol.transaction import drive, drive_async

Logic = Generator[int, str, list[str]]


def echo_three(log: list[str]) -> Logic:
    """Asks for 3 answers; an error at a step is recorded and the logic goes on."""
    got: list[str] = []
    try:
        for step in range(3):
            try:
                got.append((yield step))
            except LookupError as exc:
                got.append(f"error {exc}")
        return got
    finally:
        log.append("closed")


def perform(step: int) -> str:
    if step == 1:
        raise KeyError("one")
    return f"answer {step}"


async def perform_async(step: int) -> str:
    await asyncio.sleep(0)  # one turn of the loop: this driver really waits
    return perform(step)


def test_blocking_driver_sends_answers_and_throws_errors_into_the_logic():
    log: list[str] = []
    assert drive(echo_three(log), perform) == ["answer 0", "error 'one'", "answer 2"]
    assert log == ["closed"]


def test_async_driver_is_the_same_loop():
    log: list[str] = []
    result = asyncio.run(drive_async(echo_three(log), perform_async))
    assert result == ["answer 0", "error 'one'", "answer 2"]
    assert log == ["closed"]


@pytest.mark.parametrize("driver", ["blocking", "async"])
def test_an_error_the_logic_does_not_handle_reaches_the_caller_and_closes_it(driver):
    def failing(step: int) -> str:
        raise ValueError(f"step {step}")

    async def failing_async(step: int) -> str:
        return failing(step)

    log: list[str] = []
    with pytest.raises(ValueError, match="step 0"):
        if driver == "blocking":
            drive(echo_three(log), failing)
        else:
            asyncio.run(drive_async(echo_three(log), failing_async))
    assert log == ["closed"]


def test_the_caller_stopping_early_closes_the_logic():
    """A KeyboardInterrupt (Ctrl+C during a read) is not handed to the logic: it leaves at
    once, and the logic is still closed."""
    def interrupted(step: int) -> str:
        raise KeyboardInterrupt

    log: list[str] = []
    with pytest.raises(KeyboardInterrupt):
        drive(echo_three(log), interrupted)
    assert log == ["closed"]
