"""The Modbus RTU master: one transaction at a time over any ByteTransport.

It owns the bus: a lock serialises every transaction, so polling, a settings write and a
backup never interleave frames. Answers are reassembled by expected length and CRC, an
adapter's echo is dropped, timeouts scale with the baud rate, and every failure becomes one
of the project's errors with a sentence for the user.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..errors import FrameError, MeterExceptionError, MeterTimeoutError
from ..i18n import QT_TRANSLATE_NOOP, message_of
from ..transport.base import ByteTransport
from . import modbus_rtu as rtu

DEFAULT_TURNAROUND = 0.5  # seconds allowed for the meter to start answering


@dataclass
class LinkCounters:
    """What happened on the link; tests and the diagnostics page count on these."""

    transactions: int = 0
    timeouts: int = 0
    crc_errors: int = 0
    exceptions: int = 0
    retries: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0


@dataclass(frozen=True)
class TrafficEntry:
    """One frame seen on the link."""

    time: float
    direction: str  # "tx", "rx", or "error"
    data: bytes
    note: str = ""
    protocol: str = ""  # "modbus", "mbus" or "ble" (the master's); "" = unknown
    chunks: int = 0  # rx: how many transport chunks (BLE notifications) made the frame


TrafficTap = Callable[[TrafficEntry], None]
TRAFFIC_TAPS: list[TrafficTap] = []
"""Process-wide observers of every frame of every master (the CLI's --trace)."""


def publish(entry: TrafficEntry, on_traffic: TrafficTap | None) -> None:
    """Hand one frame to the master's own observer and to every process-wide tap."""
    if on_traffic is not None:
        on_traffic(entry)
    for tap in TRAFFIC_TAPS:
        tap(entry)


@dataclass
class ModbusMaster:
    """Modbus RTU transactions with retries over a ByteTransport."""

    transport: ByteTransport
    timeout: float | None = None  # None: wire time + DEFAULT_TURNAROUND
    retries: int = 1
    counters: LinkCounters = field(default_factory=LinkCounters)
    on_traffic: Callable[[TrafficEntry], None] | None = None
    echo: bool | None = None  # does the adapter echo what we send? learned on the first answer
    protocol: str = "modbus"  # for the traffic log: "ble" when the frames go through GATT
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def answer_timeout(self, request_len: int, reply_len: int) -> float:
        """How long to wait for an answer: the user's timeout, or wire time plus turnaround."""
        if self.timeout is not None:
            return self.timeout
        return (request_len + reply_len) * self.transport.char_time() + DEFAULT_TURNAROUND

    async def read_registers(self, device_id: int, address: int, count: int,
                             *, timeout: float | None = None, retries: int | None = None
                             ) -> list[int]:
        """FC03: read `count` holding registers starting at `address`."""
        request = rtu.build_read(device_id, address, count)
        what = QT_TRANSLATE_NOOP("Errors", "reading 0x{address:04X}").format(address=address)
        reply = await self.transact(request, 5 + 2 * count, timeout=timeout, retries=retries,
                                    what=what)
        if len(reply.registers) != count:
            self.counters.crc_errors += 1
            raise FrameError(QT_TRANSLATE_NOOP(
                "Errors", "Meter {meter} sent {got} registers instead of {count} for "
                "0x{address:04X}.").format(meter=device_id, got=len(reply.registers),
                                            count=count, address=address))
        return list(reply.registers)

    async def write_registers(self, device_id: int, function_code: int, address: int,
                              words: Sequence[int], *, what: str = "") -> None:
        """FC06 (one word) or FC16 write; `device_id` 0 broadcasts and waits for no answer."""
        if function_code == rtu.WRITE_SINGLE:
            request = rtu.build_write_single(device_id, address, words[0])
        else:
            request = rtu.build_write_multiple(device_id, address, words)
        if device_id == rtu.BROADCAST:
            async with self._lock:
                await self._send(request)
            return
        await self.transact(request, 8, what=what or QT_TRANSLATE_NOOP(
            "Errors", "writing 0x{address:04X}").format(address=address), retries=0)

    async def transact(self, request: bytes, reply_len: int, *, what: str,
                       timeout: float | None = None, retries: int | None = None) -> rtu.Reply:
        """Send `request`, return its decoded answer; retries timeouts and garbled answers."""
        attempts = 1 + (self.retries if retries is None else retries)
        wait = timeout if timeout is not None else self.answer_timeout(len(request), reply_len)
        async with self._lock:
            last_error: Exception | None = None
            for attempt in range(attempts):
                if attempt:
                    self.counters.retries += 1
                try:
                    reply = await self._exchange(request, wait)
                except (MeterTimeoutError, FrameError) as exc:
                    last_error = exc
                    continue
                if reply.is_exception:
                    self.counters.exceptions += 1
                    raise _exception_error(request[0], reply.exception_code, what)
                return reply
            assert last_error is not None
            raise last_error

    async def _send(self, request: bytes) -> None:
        self.transport.discard_input()
        self.counters.transactions += 1
        self.counters.bytes_sent += len(request)
        self._log("tx", request)
        await self.transport.send(request)

    async def _exchange(self, request: bytes, wait: float) -> rtu.Reply:
        await self._send(request)
        deadline = time.monotonic() + wait
        buffer = b""
        chunks = 0
        while True:
            remaining = deadline - time.monotonic()
            try:
                chunk = await self.transport.receive(remaining)
            except TimeoutError:
                return self._at_timeout(request, buffer, wait)
            self.counters.bytes_received += len(chunk)
            buffer += chunk
            chunks += 1
            adu, self.echo = rtu.take_answer(request, buffer, self.echo)
            if adu is not None:
                return self._decode(request, adu, chunks)

    def _at_timeout(self, request: bytes, buffer: bytes, wait: float) -> rtu.Reply:
        if buffer and buffer != request:
            # What arrived may be a whole answer that merely looked like an echo starting.
            adu, _ = rtu.take_answer(request, buffer, False)
            if adu is not None:
                return self._decode(request, adu)
            self.counters.crc_errors += 1
            self._log("error", buffer, QT_TRANSLATE_NOOP("Services", "incomplete answer"))
            raise FrameError(QT_TRANSLATE_NOOP(
                "Errors", "Meter {meter} sent an incomplete answer ({frame}).").format(
                meter=request[0], frame=buffer.hex(" ")))
        self.counters.timeouts += 1
        self._log("error", b"", QT_TRANSLATE_NOOP("Services", "timeout"))
        raise MeterTimeoutError(QT_TRANSLATE_NOOP(
            "Errors", "No answer from meter {meter} within {seconds:.2f} s on {link}.").format(
            meter=request[0], seconds=wait, link=self.transport.description))

    def _decode(self, request: bytes, adu: bytes, chunks: int = 0) -> rtu.Reply:
        try:
            reply = rtu.parse_reply(request, adu)
        except rtu.FrameCorrupt as exc:
            self.counters.crc_errors += 1
            self._log("error", adu, message_of(exc))
            raise FrameError(QT_TRANSLATE_NOOP(
                "Errors", "Garbled answer from meter {meter} ({problem}); check wiring, "
                "termination and baud rate.").format(meter=request[0],
                                                     problem=message_of(exc))) from None
        self._log("rx", adu, chunks=chunks)
        return reply

    def _log(self, direction: str, data: bytes, note: str = "", chunks: int = 0) -> None:
        publish(TrafficEntry(time.time(), direction, data, note, self.protocol, chunks),
                self.on_traffic)


def _exception_error(device_id: int, code: int, what: str) -> MeterExceptionError:
    meanings = {
        1: QT_TRANSLATE_NOOP("Errors", "it does not support that function there"),
        2: QT_TRANSLATE_NOOP("Errors", "it has no such register"),
        3: QT_TRANSLATE_NOOP("Errors", "it refused the value"),
        4: QT_TRANSLATE_NOOP("Errors", "it could not carry out the request"),
    }
    meaning = meanings.get(code, rtu.EXCEPTION_NAMES.get(code, "unknown exception"))
    return MeterExceptionError(QT_TRANSLATE_NOOP(
        "Errors", "Meter {meter} answered {what} with exception {code} ({name}): "
        "{meaning}.").format(meter=device_id, what=what, code=code,
                             name=rtu.EXCEPTION_NAMES.get(code, "unknown"), meaning=meaning),
        code)
