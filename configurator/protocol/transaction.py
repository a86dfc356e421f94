"""The Modbus RTU transaction with no I/O in it: what the master does, step by step.

A transaction (send, collect the answer by expected length and CRC, drop an adapter's echo,
retry timeouts and garbled answers, let the line fall silent before a retry) is written once,
here, as a generator of I/O steps: it yields `Send(data)` and `Receive(timeout)` and is sent
back what a `Receive` got (bytes, or None when nothing came in time). Two drivers run it: the
asynchronous `ModbusMaster` (protocol/modbus_master.py: the window, scans, writes, every
session) and the blocking `BlockingModbusMaster` (protocol/modbus_blocking.py: a one-shot CLI
read, which then never imports asyncio; docs/DECISIONS.md P2). Both share the counters, the
traffic log and the error sentences below, so a read behaves the same through either.

Retries (docs/DECISIONS.md F1-F4): a read is tried up to 1 + DEFAULT_RETRIES = 6 times.
A command is several transactions (`read` 7, `info` 4), and a transaction fails only when
every attempt fails: with a fraction p of the answers lost or garbled that is p^6, so a
7-transaction read fails with about 7 p^6: 0.2 % at p = 25 % (15 % dropped + 10 % garbled:
10 of 10 reads succeed with 98 % probability) and 2.9 % at p = 40 % (9 or 10 of 10 with 97 %).
Five retries are the fewest that give both: with four, 7 % of the reads fail at 40 % (9 of 10
only 84 % of the time). Retries cost nothing on a clean line. Silence from a device that has
never answered this master is retried only FIRST_CONTACT_RETRIES times (4 attempts; all
four lost: 0.15^4 = 0.05 % at 15 % loss), so a wrong address fails after 4 timeouts, not 6.
Writes are sent once unless the caller asks otherwise: re-sending a write whose answer was
lost is the caller's decision, after reading back.

Before every retry the line is left to fall silent and whatever arrived is discarded, so the
rest of a garbled or late answer never passes for the next one. So is it before the first
attempt of a transaction that follows one ended by a garbled or foreign answer (retries used
up, or none asked for, as in bus polling): the answer to the failed request may still be on its
way, and without the wait every later transaction would take its predecessor's answer
(docs/DECISIONS.md F4). A clean line, and a silent one (a scan), never wait.
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable, Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar, cast

from ..errors import FrameError, MeterExceptionError, MeterTimeoutError
from ..i18n import QT_TRANSLATE_NOOP, message_of
from . import modbus_rtu as rtu
from .retries import DEFAULT_RETRIES, FIRST_CONTACT_RETRIES

T = TypeVar("T")
S = TypeVar("S")  # a step
A = TypeVar("A")  # what a step is answered with

DEFAULT_TURNAROUND = 0.5  # seconds allowed for the meter to start answering
SETTLE_GAP_S = 0.01  # before a retry: the line must be quiet this long (or 4 characters)
SETTLE_MAX_S = 0.5  # ... but a babbling line is not waited for longer than this


@dataclass(frozen=True)
class Send:
    """Write all of `data` to the line."""

    data: bytes


@dataclass(frozen=True)
class Receive:
    """The next chunk from the line: answered with bytes, or None after `timeout` seconds."""

    timeout: float


Step = Send | Receive
Steps = Generator[Step, "bytes | None", T]
"""A piece of protocol logic: yields steps, is sent what each Receive got, returns its result."""


def resume(steps: Generator[Any, Any, Any], answer: Any, error: BaseException | None) -> Any:
    """The next step of `steps`: resumed with `answer`, or with `error` raised where it waits
    (every driver: what its I/O raised is the logic's to handle, as if it did the I/O itself)."""
    return steps.throw(error) if error is not None else steps.send(answer)


@dataclass(frozen=True)
class Finished:
    """What a piece of step logic returned, in place of a next step."""

    value: Any


def _advance(steps: Generator[Any, Any, Any], answer: Any, error: BaseException | None
             ) -> Any:
    """The next step of `steps`, or Finished with what they returned."""
    try:
        return resume(steps, answer, error)
    except StopIteration as done:
        return Finished(done.value)


async def drive_async(steps: Generator[S, A, T], perform: Callable[[S], Awaitable[A]]) -> T:
    """Run step logic, awaiting `perform(step)` for each step: the logic's result, or the
    error it raised. What `perform` raises is raised inside the logic, which decides.

    This is the one driver loop. It imports no event loop: an event loop is needed only when
    `perform` really waits (see `drive`)."""
    with closing(steps):
        step = _advance(steps, None, None)
        while not isinstance(step, Finished):
            try:
                answer, error = await perform(step), None
            except Exception as exc:  # noqa: BLE001 - handed to the logic, which decides
                answer, error = None, exc
            step = _advance(steps, answer, error)
        return cast(T, step.value)


def drive(steps: Generator[S, A, T], perform: Callable[[S], A]) -> T:
    """Run step logic with a blocking `perform(step)`, no event loop: `drive_async` on a
    `perform` that never suspends, so its coroutine finishes in a single resumption."""
    async def performed(step: S) -> A:
        return perform(step)

    coroutine = drive_async(steps, performed)
    try:
        coroutine.send(None)
    except StopIteration as done:
        return cast(T, done.value)
    coroutine.close()
    raise RuntimeError("a blocking step suspended")  # pragma: no cover - performed never waits


class Line(Protocol):
    """What the logic asks of a transport directly (both drivers' transports have it)."""

    @property
    def description(self) -> str:
        """Where the line goes, for messages."""

    def char_time(self) -> float:
        """Seconds per character on the wire (0 where there is no wire timing)."""

    def discard_input(self) -> None:
        """Drop bytes already received."""


@dataclass
class LinkCounters:
    """What happened on the link; tests and the diagnostics page count on these."""

    transactions: int = 0
    timeouts: int = 0
    crc_errors: int = 0
    exceptions: int = 0
    retries: int = 0  # all kinds; the per-kind counts below add up to it
    read_retries: int = 0  # Modbus FC03, M-Bus REQ_UD2
    write_retries: int = 0  # Modbus FC06/FC16, M-Bus SND_UD (only when a caller asks)
    reset_retries: int = 0  # M-Bus SND_NKE
    select_retries: int = 0  # M-Bus secondary-address selection
    bytes_sent: int = 0
    bytes_received: int = 0
    discarded_bytes: int = 0  # stale bytes dropped before a retry

    def count_retry(self, kind: str) -> None:
        """One more retry of a transaction of `kind` ("read", "write", "reset", "select")."""
        self.retries += 1
        name = f"{kind}_retries"
        setattr(self, name, getattr(self, name) + 1)


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


def drain_steps(line: Line, quiet_chars: int = 4) -> Steps[bytes]:
    """What the line still sends: read until it has been quiet for `quiet_chars` characters
    (SETTLE_GAP_S at least), SETTLE_MAX_S at the most (a babbling line is not waited for)."""
    gap = max(SETTLE_GAP_S, quiet_chars * line.char_time())
    deadline = time.monotonic() + SETTLE_MAX_S
    stale = b""
    while (remaining := deadline - time.monotonic()) > 0:
        chunk = yield Receive(min(gap, remaining))
        if chunk is None:
            break
        stale += chunk
    return stale


def settle_steps(line: Line, counters: LinkCounters,
                 log: Callable[[str, bytes, str], None]) -> Steps[None]:
    """Before a retry (every master): drain a late answer, count it and log it as discarded."""
    stale = yield from drain_steps(line)
    if stale:
        counters.bytes_received += len(stale)
        counters.discarded_bytes += len(stale)
        log("error", stale, QT_TRANSLATE_NOOP("Services", "stale bytes discarded"))


@dataclass
class ModbusLogic:
    """Modbus RTU transactions with retries, as steps; a driver adds the I/O (and a lock)."""

    transport: Any  # a Line; the driver's own transport type (async or blocking)
    timeout: float | None = None  # None: wire time + DEFAULT_TURNAROUND
    retries: int = DEFAULT_RETRIES  # for reads; writes pass their own (default 0)
    counters: LinkCounters = field(default_factory=LinkCounters)
    on_traffic: Callable[[TrafficEntry], None] | None = None
    echo: bool | None = None  # does the adapter echo what we send? learned on the first answer
    protocol: str = "modbus"  # for the traffic log: "ble" when the frames go through GATT
    _heard: set[int] = field(default_factory=set)  # devices that have answered (even garbled)
    # The last transaction ended in a garbled answer or one that was not its own: what it
    # asked for may still be on its way, so the next one first lets the line fall silent.
    _suspect: bool = False

    def answer_timeout(self, request_len: int, reply_len: int) -> float:
        """How long to wait for an answer: the user's timeout, or wire time plus turnaround."""
        if self.timeout is not None:
            return self.timeout
        return (request_len + reply_len) * self.transport.char_time() + DEFAULT_TURNAROUND

    def has_heard(self, device_id: int) -> bool:
        """Whether `device_id` has answered this master at least once (even garbled)."""
        return device_id in self._heard

    def read_steps(self, device_id: int, address: int, count: int, *,
                   timeout: float | None = None, retries: int | None = None
                   ) -> Steps[list[int]]:
        """FC03: read `count` holding registers starting at `address`."""
        request = rtu.build_read(device_id, address, count)
        what = QT_TRANSLATE_NOOP("Errors", "reading 0x{address:04X}").format(address=address)
        reply = yield from self.transact_steps(request, 5 + 2 * count, timeout=timeout,
                                               retries=retries, what=what)
        if len(reply.registers) != count:
            self.counters.crc_errors += 1
            raise FrameError(QT_TRANSLATE_NOOP(
                "Errors", "Meter {meter} sent {got} registers instead of {count} for "
                "0x{address:04X}.").format(meter=device_id, got=len(reply.registers),
                                            count=count, address=address))
        return list(reply.registers)

    def write_steps(self, device_id: int, function_code: int, address: int,
                    words: Sequence[int], *, what: str = "", retries: int = 0) -> Steps[None]:
        """FC06 (one word) or FC16 write; `device_id` 0 broadcasts and waits for no answer."""
        if function_code == rtu.WRITE_SINGLE:
            request = rtu.build_write_single(device_id, address, words[0])
        else:
            request = rtu.build_write_multiple(device_id, address, words)
        if device_id == rtu.BROADCAST:
            yield from self.send_steps(request)
            return
        yield from self.transact_steps(request, 8, what=what or QT_TRANSLATE_NOOP(
            "Errors", "writing 0x{address:04X}").format(address=address), retries=retries)

    def transact_steps(self, request: bytes, reply_len: int, *, what: str,
                       timeout: float | None = None, retries: int | None = None
                       ) -> Steps[rtu.Reply]:
        """Send `request`, return its decoded answer; retries timeouts and garbled answers."""
        attempts = 1 + (self.retries if retries is None else retries)
        wait = timeout if timeout is not None else self.answer_timeout(len(request), reply_len)
        device = request[0]
        kind = "read" if request[1] == rtu.READ_HOLDING else "write"
        last_error: Exception | None = None
        silent = 0
        for attempt in range(attempts):
            if attempt:
                self.counters.count_retry(kind)
                yield from settle_steps(self.transport, self.counters, self._log)
            try:
                reply = yield from self._exchange_steps(request, wait)
            except MeterTimeoutError as exc:
                last_error = exc
                silent += 1
                if device not in self._heard and silent > FIRST_CONTACT_RETRIES:
                    break  # never answered: most likely nobody is there
                continue
            except FrameError as exc:
                self._heard.add(device)
                last_error = exc
                continue
            self._heard.add(device)
            self._suspect = False
            if reply.is_exception:
                self.counters.exceptions += 1
                raise exception_error(request[0], reply.exception_code, what)
            return reply
        assert last_error is not None
        self._suspect = isinstance(last_error, FrameError)
        raise last_error

    def send_steps(self, request: bytes) -> Steps[None]:
        """Send `request` alone (a broadcast; the first step of every exchange)."""
        if self._suspect:  # a late answer to the failed transaction must not pass for ours
            self._suspect = False
            yield from settle_steps(self.transport, self.counters, self._log)
        self.transport.discard_input()
        self.counters.transactions += 1
        self.counters.bytes_sent += len(request)
        self._log("tx", request)
        yield Send(request)

    def _exchange_steps(self, request: bytes, wait: float) -> Steps[rtu.Reply]:
        yield from self.send_steps(request)
        deadline = time.monotonic() + wait
        buffer = b""
        chunks = 0
        while True:
            chunk = yield Receive(deadline - time.monotonic())
            if chunk is None:
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


def exception_error(device_id: int, code: int, what: str) -> MeterExceptionError:
    """The error for a Modbus exception answer, with what the code means for the user."""
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


__all__ = ["DEFAULT_TURNAROUND", "Finished", "LinkCounters", "ModbusLogic", "Receive", "Send",
           "Step", "Steps", "TRAFFIC_TAPS", "TrafficEntry", "drive", "drive_async",
           "drain_steps", "exception_error", "publish", "resume", "settle_steps"]
