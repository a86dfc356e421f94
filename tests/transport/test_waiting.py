"""`within`: a timeout that never loses the caller's cancellation (the wait_for bug, gh-86296)."""

from __future__ import annotations

import asyncio

import pytest

from configurator.transport.waiting import within


def test_a_result_in_time_is_returned() -> None:
    async def main() -> int:
        queue: asyncio.Queue[int] = asyncio.Queue()
        queue.put_nowait(7)
        return await within(queue.get(), 1.0)

    assert asyncio.run(main()) == 7


def test_silence_is_a_timeout_and_the_item_stays_queued() -> None:
    async def main() -> int:
        queue: asyncio.Queue[int] = asyncio.Queue()
        with pytest.raises(TimeoutError):
            await within(queue.get(), 0.0)
        queue.put_nowait(3)
        return queue.qsize()

    assert asyncio.run(main()) == 1


def test_a_cancellation_arriving_with_the_data_is_not_lost() -> None:
    """The receiver is cancelled in the same loop turn as its data arrives: it must end
    cancelled (wait_for on 3.10/3.11 would return the data and the caller would go on)."""

    async def main() -> tuple[bool, int]:
        queue: asyncio.Queue[bytes] = asyncio.Queue()
        receiver = asyncio.ensure_future(within(queue.get(), 5.0))
        await asyncio.sleep(0)  # one loop turn (no time passes): the receiver waits now
        queue.put_nowait(b"frame")
        receiver.cancel()
        with pytest.raises(asyncio.CancelledError):
            await receiver
        return receiver.cancelled()

    assert asyncio.run(main())
