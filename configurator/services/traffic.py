"""The traffic log behind the diagnostics page: every frame, bounded, with its meaning in words."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from ..i18n import QT_TRANSLATE_NOOP
from ..model.registers import REGISTERS
from ..protocol.modbus_master import TrafficEntry
from ..protocol.modbus_rtu import EXCEPTION_NAMES, crc_ok

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


def describe(entry: TrafficEntry) -> str:
    """The meaning of one traffic entry (Modbus decoded; other protocols by their shape)."""
    if entry.direction == "error":
        return entry.note or QT_TRANSLATE_NOOP("Services", "error")
    data = entry.data
    if data[:1] in (b"\x68", b"\x10", b"\xe5"):
        kind = {0x68: QT_TRANSLATE_NOOP("Services", "M-Bus long frame"),
                0x10: QT_TRANSLATE_NOOP("Services", "M-Bus short frame"),
                0xE5: QT_TRANSLATE_NOOP("Services", "M-Bus ack")}
        what: str = kind[data[0]]
    else:
        what = describe_modbus(entry.direction, data)
    if not entry.note:
        return what
    return QT_TRANSLATE_NOOP("Services", "{what} — {note}").format(what=what, note=entry.note)


def to_line(entry: TrafficEntry) -> LogLine:
    """A log line for one entry."""
    meaning = describe(entry)
    error = entry.direction == "error" or "error" in meaning.lower() or "exception" in meaning
    return LogLine(entry.time, entry.direction, entry.data.hex(" ").upper(), meaning, error)


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
