"""Every frame in words: ONE decoder behind the diagnostics page's traffic log, the CLI's
--trace and the support bundle's traffic section.

`decode_frame` gives a frame's short technical kind ("FC03 read 0x4000 x12", "FC03 exception
02", "REQ_UD2 to 0 FCB 1", "RSP_UD from 0, 97 bytes", "E5") and its meaning in a translatable
sentence; `TrafficLog` keeps the last frames for the GUI; `Trace` prints every frame of every
master in this process to a stream (monotonic milliseconds since the trace started).
Frames never carry the BLE PIN (pairing happens in the operating system, not in frames).
"""

from __future__ import annotations

import sys
import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from ..i18n import QT_TRANSLATE_NOOP
from ..model.registers import REGISTERS
from ..protocol.mbus import frames as mbus
from ..protocol.modbus_rtu import EXCEPTION_NAMES, crc_ok
from ..protocol.transaction import TRAFFIC_TAPS, TrafficEntry

FUNCTION_NAMES = {3: QT_TRANSLATE_NOOP("Services", "read"),
                  4: QT_TRANSLATE_NOOP("Services", "read input"),
                  6: QT_TRANSLATE_NOOP("Services", "write"),
                  16: QT_TRANSLATE_NOOP("Services", "write")}


@dataclass(frozen=True)
class LogLine:
    """One frame of the log, ready to show."""

    time: float
    direction: str  # "tx", "rx" or "error"
    hex: str
    meaning: str
    error: bool
    protocol: str = ""
    kind: str = ""  # the short technical kind ("FC03 read 0x4000 x12")

    def as_text(self) -> str:
        """Tab-separated, for copying and saving."""
        stamp = time.strftime("%H:%M:%S", time.localtime(self.time)) + \
            f".{int(self.time * 1000) % 1000:03d}"
        return f"{stamp}\t{self.direction}\t{self.hex}\t{self.meaning}"


def _register_name(address: int) -> str:
    reg = REGISTERS.covering(address)
    if reg is None:
        return f"0x{address:04X}"
    return f"0x{address:04X} ({reg.key})"


def describe_modbus(direction: str, data: bytes) -> str:
    """What a Modbus RTU frame means, in a few words."""
    if len(data) < 4:
        return QT_TRANSLATE_NOOP("Services", "too short for a Modbus frame")
    if not crc_ok(data):
        return QT_TRANSLATE_NOOP("Services", "CRC error")
    unit, fc = data[0], data[1]
    if fc & 0x80:
        code = data[2]
        return QT_TRANSLATE_NOOP(
            "Services", "meter {meter}: exception {code} ({name}) to function {function}").format(
            meter=unit, code=code, name=EXCEPTION_NAMES.get(code, "unknown"), function=fc & 0x7F)
    name = FUNCTION_NAMES.get(fc) or QT_TRANSLATE_NOOP("Services", "function {function}").format(
        function=fc)
    who = (QT_TRANSLATE_NOOP("Services", "meter {meter}").format(meter=unit) if unit
           else QT_TRANSLATE_NOOP("Services", "broadcast"))
    if direction == "tx":
        if fc in (3, 4) and len(data) >= 8:
            address, count = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
            return QT_TRANSLATE_NOOP("Services", "{who}: {name} {count} from {register}").format(
                who=who, name=name, count=count, register=_register_name(address))
        if fc == 6 and len(data) >= 8:
            address, value = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
            return QT_TRANSLATE_NOOP("Services", "{who}: {name} {register} = 0x{value:04X}").format(
                who=who, name=name, register=_register_name(address), value=value)
        if fc == 16 and len(data) >= 9:
            address, count = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
            words = " ".join(f"{data[7 + 2 * i]:02X}{data[8 + 2 * i]:02X}"
                             for i in range(min(count, (len(data) - 9) // 2)))
            return QT_TRANSLATE_NOOP("Services", "{who}: {name} {register} = {words}").format(
                who=who, name=name, register=_register_name(address), words=words)
        return QT_TRANSLATE_NOOP("Services", "{who}: {name}").format(who=who, name=name)
    if fc in (3, 4):
        return QT_TRANSLATE_NOOP("Services", "{who}: answer, {count} registers").format(
            who=who, count=data[2] // 2)
    if fc in (6, 16):
        return QT_TRANSLATE_NOOP("Services", "{who}: write confirmed at {register}").format(
            who=who, register=_register_name(int.from_bytes(data[2:4], "big")))
    return QT_TRANSLATE_NOOP("Services", "{who}: answer to {name}").format(who=who, name=name)


@dataclass(frozen=True)
class FrameMeaning:
    """What one frame is: a short technical kind and a sentence."""

    protocol: str
    kind: str
    text: str
    error: bool


def _modbus_kind(direction: str, data: bytes) -> str:
    """"FC03 read 0x4000 x12", "FC03 reply 24 bytes", "FC06 exception 02", "CRC error"."""
    if len(data) < 4:
        return "short frame"
    if not crc_ok(data):
        return "CRC error"
    fc = data[1]
    if fc & 0x80:
        return f"FC{fc & 0x7F:02d} exception {data[2]:02d}"
    name = f"FC{fc:02d}"
    if direction == "tx" and len(data) >= 8:
        address, count = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
        reg = REGISTERS.by_address.get(address)
        at = f"0x{address:04X}" + (f" ({reg.key})" if reg is not None else "")
        if fc in (3, 4):
            return f"{name} read {at} x{count}"
        if fc == 6:
            return f"{name} write {at} = 0x{count:04X}"
        if fc == 16:
            return f"{name} write {at} x{count}"
    if fc in (3, 4) and len(data) >= 5:
        return f"{name} reply {data[2]} bytes"
    if fc in (6, 16) and len(data) >= 8:
        return f"{name} done 0x{int.from_bytes(data[2:4], 'big'):04X}"
    return name


def _mbus_kind(data: bytes) -> str:
    """"SND_NKE to 0", "REQ_UD2 to 0 FCB 1", "RSP_UD from 0, 97 bytes", "E5" ..."""
    if data == bytes([mbus.ACK]):
        return "E5"
    if len(data) == 5 and data[0] == mbus.SHORT_START:
        control, address = data[1], data[2]
        if control == mbus.SND_NKE:
            return f"SND_NKE to {address}"
        if control & ~mbus.FCB == mbus.REQ_UD2:
            return f"REQ_UD2 to {address} FCB {int(bool(control & mbus.FCB))}"
        return f"short frame C=0x{control:02X} to {address}"
    if len(data) >= 9 and data[0] == mbus.LONG_START:
        control, address, ci = data[4], data[5], data[6]
        if control & mbus.RSP_UD_MASK == mbus.RSP_UD:
            return f"RSP_UD from {address}, {len(data)} bytes"
        if control & ~mbus.FCB == mbus.SND_UD:
            if ci == mbus.CI_SELECT:
                ident = data[7:11][::-1].hex().upper()
                return f"SND_UD select {ident} (253)"
            if ci in mbus.BAUD_CI.values():
                baud = {v: k for k, v in mbus.BAUD_CI.items()}[ci]
                return f"SND_UD to {address}: baud {baud}"
            if ci == mbus.CI_APPLICATION_RESET:
                return f"SND_UD to {address}: application reset"
            return f"SND_UD to {address}: CI {ci:02X} {data[7:-2].hex(' ').upper()}".rstrip()
        return f"long frame C=0x{control:02X}"
    return "bytes"


def _protocol(entry: TrafficEntry) -> str:
    if entry.protocol:
        return entry.protocol
    return "mbus" if entry.data[:1] in (b"\x68", b"\x10", b"\xe5") else "modbus"


def decode_frame(entry: TrafficEntry) -> FrameMeaning:
    """The one decoder: what a traffic entry is, on every protocol."""
    protocol = _protocol(entry)
    if entry.direction == "error":
        text = entry.note or QT_TRANSLATE_NOOP("Services", "error")
        kind = str(text) if not entry.data else f"{text}, {len(entry.data)} bytes"
        return FrameMeaning(protocol, kind, text, True)
    data = entry.data
    if protocol == "mbus":
        kind = _mbus_kind(data)
        what: str = QT_TRANSLATE_NOOP("Services", "M-Bus {kind}").format(kind=kind)
    else:
        kind = _modbus_kind(entry.direction, data)
        what = describe_modbus(entry.direction, data)
        if protocol == "ble" and entry.direction == "rx" and entry.chunks > 1:
            kind += f" ({entry.chunks} BLE notifications reassembled)"
    text = what if not entry.note else QT_TRANSLATE_NOOP("Services", "{what} — {note}").format(
        what=what, note=entry.note)
    error = "error" in kind.lower() or "exception" in kind
    return FrameMeaning(protocol, kind, text, error)


def describe(entry: TrafficEntry) -> str:
    """The meaning of one traffic entry in a sentence (Modbus decoded; M-Bus by its shape)."""
    return decode_frame(entry).text


def to_line(entry: TrafficEntry) -> LogLine:
    """A log line for one entry."""
    meaning = decode_frame(entry)
    return LogLine(entry.time, entry.direction, entry.data.hex(" ").upper(), meaning.text,
                   meaning.error, meaning.protocol, meaning.kind)


class Trace:
    """Print every frame of every master in this process: `with Trace(): ...` (--trace).

    One line a frame: milliseconds since the trace started (monotonic clock), protocol,
    direction, the frame's kind, then its bytes in hex.
    """

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.start = time.monotonic()
        self.frames = 0

    def __call__(self, entry: TrafficEntry) -> None:
        meaning = decode_frame(entry)
        ms = (time.monotonic() - self.start) * 1000
        arrow = {"tx": "->", "rx": "<-"}.get(entry.direction, "!!")
        hexed = entry.data.hex(" ").upper()
        line = f"trace {ms:9.1f} ms {meaning.protocol:<6} {arrow} {meaning.kind}"
        if hexed:
            line += f" | {hexed}"
        stream = self.stream if self.stream is not None else sys.stderr
        print(line, file=stream, flush=True)
        self.frames += 1

    def __enter__(self) -> Trace:
        TRAFFIC_TAPS.append(self)
        return self

    def __exit__(self, *exc: object) -> None:
        if self in TRAFFIC_TAPS:
            TRAFFIC_TAPS.remove(self)


class TrafficLog:
    """The last `capacity` frames; `added` counts every frame ever seen (for cheap refreshes)."""

    def __init__(self, capacity: int = 5000) -> None:
        self.lines: deque[LogLine] = deque(maxlen=capacity)
        self.added = 0

    def __call__(self, entry: TrafficEntry) -> None:
        self.lines.append(to_line(entry))
        self.added += 1

    def extend(self, entries: Iterable[TrafficEntry]) -> None:
        """Add several entries."""
        for entry in entries:
            self(entry)

    def clear(self) -> None:
        """Forget every line."""
        self.lines.clear()

    def as_text(self) -> str:
        """The whole log, one frame a line."""
        return "\n".join(line.as_text() for line in self.lines)


def set_trace(on: bool, stream: TextIO | None = None) -> Trace | None:
    """Trace every frame from now on (`on`), or stop tracing; one trace per process."""
    for tap in [t for t in TRAFFIC_TAPS if isinstance(t, Trace)]:
        TRAFFIC_TAPS.remove(tap)
    if not on:
        return None
    trace = Trace(stream)
    TRAFFIC_TAPS.append(trace)
    return trace
