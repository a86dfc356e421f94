"""The M-Bus master: one transaction at a time over any ByteTransport (EN 13757-2).

It owns the bus: a lock serialises every transaction. A slave must start answering within
330 bit times + 50 ms (EN 13757-2), so the wait for the first byte is the request's wire
time (11 bits a character) plus that, plus a margin for adapters and the OS; once bytes
arrive, the frame must complete at character pace. REQ_UD2 toggles the frame count bit per
address (set after SND_NKE, kept on a retry, so a slave can repeat a lost answer). Every
failure becomes one of the project's errors; `exchange` reports silence and garbled answers
(collisions) without raising, for scans.

Retries follow the Modbus master's arithmetic (protocol/modbus_master.py, docs/DECISIONS.md):
DEFAULT_RETRIES for requests that change nothing (SND_NKE, REQ_UD2, selection), silence from
an address that never answered retried FIRST_CONTACT_RETRIES times, writes (SND_UD) once
unless the caller asks. Each retry is counted per kind in LinkCounters.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from ...errors import FrameError, MeterTimeoutError
from ...i18n import QT_TRANSLATE_NOOP
from ...transport.base import ByteTransport
from ..modbus_master import (
    DEFAULT_RETRIES,
    FIRST_CONTACT_RETRIES,
    LinkCounters,
    TrafficEntry,
    drain,
    publish,
    settle,
)
from . import frames
from .frames import Frame, MbusFrameError
from .records import Telegram, parse_rsp_ud

SLAVE_TURNAROUND_BITS = 330  # EN 13757-2: answer within 330 bit times + 50 ms
SLAVE_TURNAROUND_S = 0.050
DEFAULT_MARGIN_S = 0.2  # commands: USB adapters, OS scheduling
INTERCHAR_SLACK_S = 0.1  # a started frame may pause this long between chunks
MAX_FRAME = 261  # 68 L L 68 + 255 + CS 16


@dataclass(frozen=True)
class Reply:
    """What came back: "ack", "frame", "silent" or "garbled" (collision, bad checksum ...)."""

    kind: str
    frame: Frame | None = None
    raw: bytes = b""
    error: str = ""


@dataclass
class MbusMaster:
    """M-Bus link-layer transactions with retries over a ByteTransport."""

    transport: ByteTransport
    timeout: float | None = None  # None: wire time + slave turnaround + margin
    retries: int = DEFAULT_RETRIES  # for SND_NKE, REQ_UD2 and selections; SND_UD: 0
    margin: float = DEFAULT_MARGIN_S
    counters: LinkCounters = field(default_factory=LinkCounters)
    on_traffic: Callable[[TrafficEntry], None] | None = None
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    _fcb: dict[int, bool] = field(default_factory=dict)
    _heard: set[int] = field(default_factory=set)  # addresses that answered (even garbled)

    # --- timing -----------------------------------------------------------------------

    def standard_wait(self, request_len: int) -> float:
        """Request wire time + the longest turnaround EN 13757-2 allows a slave."""
        char = self.transport.char_time()
        return request_len * char + SLAVE_TURNAROUND_BITS * char / 11 + SLAVE_TURNAROUND_S

    def answer_timeout(self, request_len: int) -> float:
        """The user's timeout, or the standard wait plus the margin."""
        if self.timeout is not None:
            return self.timeout
        return self.standard_wait(request_len) + self.margin

    # --- transactions -----------------------------------------------------------------

    async def exchange(self, request: bytes, *, wait: float | None = None,
                       expect_answer: bool = True) -> Reply:
        """Send one frame and collect one answer; never raises for silence or garbage."""
        async with self._lock:
            return await self._exchange(request, wait, expect_answer)

    async def _exchange(self, request: bytes, wait: float | None, expect_answer: bool
                        ) -> Reply:
        self.transport.discard_input()
        self.counters.transactions += 1
        self.counters.bytes_sent += len(request)
        self._log("tx", request)
        await self.transport.send(request)
        if not expect_answer:
            return Reply("silent")
        wait = self.answer_timeout(len(request)) if wait is None else wait
        char = self.transport.char_time()
        deadline = time.monotonic() + wait
        buffer = b""
        while True:
            remaining = deadline - time.monotonic()
            try:
                chunk = await self.transport.receive(remaining)
            except TimeoutError:
                break
            self.counters.bytes_received += len(chunk)
            buffer += chunk
            try:
                size = frames.frame_length(buffer)
            except MbusFrameError as exc:
                return await self._garbled(buffer, str(exc))
            if size is not None and len(buffer) >= size:
                if len(buffer) > size:
                    return await self._garbled(buffer, "bytes after the frame (collision?)")
                try:
                    frame = frames.parse_frame(buffer)
                except MbusFrameError as exc:
                    return await self._garbled(buffer, str(exc))
                self._log("rx", buffer)
                return Reply("ack" if frame.kind == "ack" else "frame", frame, buffer)
            # Until the long header is in, the frame may be as long as 261 characters.
            missing = (size if size is not None else MAX_FRAME) - len(buffer)
            deadline = max(deadline, time.monotonic() + missing * char + INTERCHAR_SLACK_S)
        if buffer:
            return await self._garbled(buffer, QT_TRANSLATE_NOOP("Services", "incomplete frame"))
        self.counters.timeouts += 1
        self._log("error", b"", QT_TRANSLATE_NOOP("Services", "timeout"))
        return Reply("silent")

    async def _garbled(self, buffer: bytes, why: str) -> Reply:
        """Count and log a garbled answer, after letting the rest of it arrive."""
        buffer += await drain(self.transport, quiet_chars=3)
        self.counters.crc_errors += 1
        self._log("error", buffer, why)
        return Reply("garbled", None, buffer, why)

    async def _transact(self, request: Callable[[], bytes], what: str, *, kind: str,
                        address: int, retries: int | None = None, wait: float | None = None,
                        want: str = "ack") -> Reply:
        """Exchange with retries until the wanted kind arrives; raise otherwise."""
        attempts = 1 + (self.retries if retries is None else retries)
        last = Reply("silent")
        silent = 0
        async with self._lock:
            for attempt in range(attempts):
                if attempt:
                    self.counters.count_retry(kind)
                    await self._settle()
                reply = await self._exchange(request(), wait, True)
                if reply.kind == want:
                    self._heard.add(address)
                    return reply
                last = reply
                if reply.kind != "silent":
                    self._heard.add(address)
                    continue
                silent += 1
                if address not in self._heard and silent > FIRST_CONTACT_RETRIES:
                    break  # never answered: most likely nobody is there
        raise self._error(last, what, want)

    async def _settle(self) -> None:
        """Before a retry: let a late answer finish arriving, and drop it."""
        await settle(self.transport, self.counters, self._log)

    def _error(self, reply: Reply, what: str, want: str) -> Exception:
        where = self.transport.description
        if reply.kind == "silent":
            return MeterTimeoutError(QT_TRANSLATE_NOOP(
                "Errors", "No answer {what} on {link} (M-Bus).").format(what=what, link=where))
        if reply.kind == "garbled":
            shown = reply.raw[:24].hex(" ") + (" ..." if len(reply.raw) > 24 else "")
            return FrameError(QT_TRANSLATE_NOOP(
                "Errors", "Garbled answer {what} ({problem}: {frame}); several meters answering "
                "at once, or check wiring and baud rate.").format(
                what=what, problem=reply.error, frame=shown))
        got = (QT_TRANSLATE_NOOP("Errors", "an acknowledgement (E5)") if reply.kind == "ack"
               else QT_TRANSLATE_NOOP("Errors", "a data frame"))
        expected = (QT_TRANSLATE_NOOP("Errors", "data") if want == "frame"
                    else QT_TRANSLATE_NOOP("Errors", "an acknowledgement"))
        return FrameError(QT_TRANSLATE_NOOP(
            "Errors", "Unexpected answer {what}: {got} instead of {expected}.").format(
            what=what, got=got, expected=expected))

    # --- the link-layer services ------------------------------------------------------

    async def reset_link(self, address: int, *, retries: int | None = None) -> None:
        """SND_NKE: the slave answers E5; its frame count bit starts again."""
        await self._transact(lambda: frames.snd_nke(address), QT_TRANSLATE_NOOP(
            "Errors", "from M-Bus address {address} to SND_NKE").format(address=address),
            kind="reset", address=address, retries=retries)
        self._fcb[address] = True

    async def request_data(self, address: int, *, retries: int | None = None,
                           wait: float | None = None) -> Telegram:
        """REQ_UD2 -> the decoded RSP_UD (FCB toggles after each good answer)."""
        fcb = self._fcb.get(address, True)
        reply = await self._transact(lambda: frames.req_ud2(address, fcb), QT_TRANSLATE_NOOP(
            "Errors", "from M-Bus address {address} to REQ_UD2").format(address=address),
            kind="read", address=address, retries=retries, wait=wait, want="frame")
        assert reply.frame is not None
        try:
            telegram = parse_rsp_ud(reply.frame)
        except MbusFrameError as exc:
            self.counters.crc_errors += 1
            raise FrameError(QT_TRANSLATE_NOOP(
                "Errors", "Undecodable RSP_UD from M-Bus address {address}: {problem}.").format(
                address=address, problem=str(exc))) from None
        self._fcb[address] = not fcb
        return telegram

    async def send_data(self, address: int, ci: int, data: bytes, *, what: str,
                        retries: int = 0) -> None:
        """SND_UD (C = 53, as A2.3 writes it): the slave acknowledges with E5."""
        await self._transact(lambda: frames.snd_ud(address, ci, data), QT_TRANSLATE_NOOP(
            "Errors", "from M-Bus address {address} {what}").format(address=address, what=what),
            kind="write", address=address, retries=retries)

    async def application_reset(self, address: int, subcode: int | None = None) -> None:
        """SND_UD with CI 50 (application reset), optionally with a subcode byte."""
        data = b"" if subcode is None else bytes([subcode])
        await self.send_data(address, frames.CI_APPLICATION_RESET, data,
                             what=QT_TRANSLATE_NOOP("Errors", "to the application reset"))

    async def select(self, pattern: bytes, *, retries: int | None = None) -> None:
        """Select by secondary address (`68 0B 0B 68 53 FD 52 ...`); raises if no E5."""
        await self._transact(lambda: select_frame(pattern), QT_TRANSLATE_NOOP(
            "Errors", "to selecting {pattern}").format(pattern=describe_pattern(pattern)),
            kind="select", address=frames.SECONDARY, retries=retries)
        self._fcb[frames.SECONDARY] = True

    def _log(self, direction: str, data: bytes, note: str = "") -> None:
        publish(TrafficEntry(time.time(), direction, data, note, "mbus"), self.on_traffic)


# --- secondary addresses ------------------------------------------------------------------

WILDCARD_DIGIT = "F"


def select_pattern(digits: str, manufacturer: bytes = b"\xff\xff", version: int = 0xFF,
                   medium: int = 0xFF) -> bytes:
    """The 8 bytes after CI 52: ident (8 digits or F wildcards, LSB byte first), manufacturer,
    version, medium (FF FF / FF / FF: any)."""
    if len(digits) != 8 or any(c not in "0123456789F" for c in digits.upper()):
        raise ValueError(f"secondary address pattern {digits!r} is not 8 digits or F")
    return bytes.fromhex(digits.upper())[::-1] + manufacturer + bytes([version, medium])


def select_frame(pattern: bytes) -> bytes:
    """`68 0B 0B 68 53 FD 52 <pattern> CS 16`."""
    return frames.snd_ud(frames.SECONDARY, frames.CI_SELECT, pattern)


def describe_pattern(pattern: bytes) -> str:
    """"secondary 2300FFFF" for messages."""
    return QT_TRANSLATE_NOOP("Errors", "secondary {digits}").format(
        digits=pattern[:4][::-1].hex().upper())


def pattern_matches(pattern: bytes, ident: int, manufacturer: bytes, version: int,
                    medium: int) -> bool:
    """Whether a slave with these header values is selected by `pattern` (wildcards: F
    nibbles in the ident, FF FF / FF / FF for the other fields)."""
    wanted = pattern[:4][::-1].hex().upper()
    have = f"{ident:08d}"
    if any(w != "F" and w != h for w, h in zip(wanted, have, strict=True)):
        return False
    if pattern[4:6] != b"\xff\xff" and pattern[4:6] != manufacturer:
        return False
    if pattern[6] != 0xFF and pattern[6] != version:
        return False
    return not (pattern[7] != 0xFF and pattern[7] != medium)
