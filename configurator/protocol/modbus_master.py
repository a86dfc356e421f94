"""The Modbus RTU master: one transaction at a time over any ByteTransport, asynchronously.

It owns the bus: a lock serialises every transaction, so polling, a settings write and a
backup never interleave frames. What a transaction does (answers reassembled by expected length
and CRC, an adapter's echo dropped, timeouts scaled with the baud rate, retries, every failure
one of the project's errors with a sentence for the user) is protocol/transaction.py's
`ModbusLogic`; this module runs its steps on an asyncio transport. The blocking driver of the
same steps is protocol/modbus_blocking.py.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from typing import TypeVar

from ..transport.base import ByteTransport
from . import modbus_rtu as rtu
from .retries import DEFAULT_RETRIES, FIRST_CONTACT_RETRIES, MAX_RETRIES
from .transaction import (
    TRAFFIC_TAPS,
    LinkCounters,
    ModbusLogic,
    Send,
    Step,
    Steps,
    TrafficEntry,
    drain_steps,
    drive_async,
    publish,
    settle_steps,
)

__all__ = ["DEFAULT_RETRIES", "FIRST_CONTACT_RETRIES", "MAX_RETRIES", "TRAFFIC_TAPS",
           "LinkCounters", "ModbusMaster", "TrafficEntry", "drain", "publish", "run_steps",
           "settle"]

T = TypeVar("T")


async def run_steps(steps: Steps[T], transport: ByteTransport) -> T:
    """Run protocol logic on an asyncio transport: its result, or the error it raised. What
    the transport raises (a lost link, a dropped BLE link) is raised inside the logic."""
    async def perform(step: Step) -> bytes | None:
        if isinstance(step, Send):
            await transport.send(step.data)
            return None
        with suppress(TimeoutError):  # nothing in time: the logic is told None
            return await transport.receive(step.timeout)
        return None
    return await drive_async(steps, perform)


@dataclass
class ModbusMaster(ModbusLogic):
    """Modbus RTU transactions with retries over a ByteTransport."""

    transport: ByteTransport
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    async def read_registers(self, device_id: int, address: int, count: int,
                             *, timeout: float | None = None, retries: int | None = None
                             ) -> list[int]:
        """FC03: read `count` holding registers starting at `address`."""
        async with self._lock:
            return await run_steps(self.read_steps(device_id, address, count, timeout=timeout,
                                                   retries=retries), self.transport)

    async def write_registers(self, device_id: int, function_code: int, address: int,
                              words: Sequence[int], *, what: str = "", retries: int = 0) -> None:
        """FC06 (one word) or FC16 write; `device_id` 0 broadcasts and waits for no answer.

        Sent once by default: whether a write whose answer was lost is sent again is for the
        caller to decide after reading back (`retries` > 0 re-sends it blindly)."""
        async with self._lock:
            await run_steps(self.write_steps(device_id, function_code, address, words,
                                             what=what, retries=retries), self.transport)

    async def transact(self, request: bytes, reply_len: int, *, what: str,
                       timeout: float | None = None, retries: int | None = None) -> rtu.Reply:
        """Send `request`, return its decoded answer; retries timeouts and garbled answers."""
        async with self._lock:
            return await run_steps(self.transact_steps(request, reply_len, what=what,
                                                       timeout=timeout, retries=retries),
                                   self.transport)


async def drain(transport: ByteTransport, quiet_chars: int = 4) -> bytes:
    """What the line still sends: read until it has been quiet for `quiet_chars` characters,
    half a second at the most (protocol/transaction.py `drain_steps`)."""
    return await run_steps(drain_steps(transport, quiet_chars), transport)


async def settle(transport: ByteTransport, counters: LinkCounters,
                 log: Callable[[str, bytes, str], None]) -> None:
    """Before a retry (every master): drain a late answer, count it and log it as discarded."""
    await run_steps(settle_steps(transport, counters, log), transport)
