"""Waiting with a timeout without losing a cancellation.

`asyncio.wait_for` on Python 3.10 and 3.11 returns the result when a cancellation arrives in the
same loop turn as the result (gh-86296): a cancelled scan or search then goes on. `asyncio.timeout`
fixes it but exists only from 3.11, and this package supports 3.10.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def within(awaitable: Awaitable[T], timeout: float) -> T:
    """The result of `awaitable`, or TimeoutError after `timeout` seconds (the awaitable is then
    cancelled); a cancellation of the caller always propagates."""
    task = asyncio.ensure_future(awaitable)
    try:
        done, _pending = await asyncio.wait({task}, timeout=max(timeout, 0.0))
    except asyncio.CancelledError:
        task.cancel()
        raise
    if not done:
        task.cancel()
        raise TimeoutError
    return task.result()


__all__ = ["within"]
