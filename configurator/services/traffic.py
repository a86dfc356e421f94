"""The traffic log behind the diagnostics page: every frame, bounded, with its meaning in words."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from ..model.registers import REGISTERS
from ..protocol.modbus_master import TrafficEntry
from ..protocol.modbus_rtu import EXCEPTION_NAMES, crc_ok

FUNCTION_NAMES = {3: "read", 4: "read input", 6: "write", 16: "write"}


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
        return "too short for a Modbus frame"
    if not crc_ok(data):
        return "CRC error"
    unit, fc = data[0], data[1]
    if fc & 0x80:
        code = data[2]
        return (f"meter {unit}: exception {code} ({EXCEPTION_NAMES.get(code, 'unknown')}) "
                f"to function {fc & 0x7F}")
    name = FUNCTION_NAMES.get(fc, f"function {fc}")
    who = f"meter {unit}" if unit else "broadcast"
    if direction == "tx":
        if fc in (3, 4) and len(data) >= 8:
            address, count = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
            return f"{who}: {name} {count} from {_register_name(address)}"
        if fc == 6 and len(data) >= 8:
            address, value = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
            return f"{who}: {name} {_register_name(address)} = 0x{value:04X}"
        if fc == 16 and len(data) >= 9:
            address, count = int.from_bytes(data[2:4], "big"), int.from_bytes(data[4:6], "big")
            words = " ".join(f"{data[7 + 2 * i]:02X}{data[8 + 2 * i]:02X}"
                             for i in range(min(count, (len(data) - 9) // 2)))
            return f"{who}: {name} {_register_name(address)} = {words}"
        return f"{who}: {name}"
    if fc in (3, 4):
        return f"{who}: answer, {data[2] // 2} registers"
    if fc in (6, 16):
        return f"{who}: write confirmed at {_register_name(int.from_bytes(data[2:4], 'big'))}"
    return f"{who}: answer to {name}"


def describe(entry: TrafficEntry) -> str:
    """The meaning of one traffic entry (Modbus decoded; other protocols by their shape)."""
    if entry.direction == "error":
        return entry.note or "error"
    data = entry.data
    note = f" — {entry.note}" if entry.note else ""
    if data[:1] in (b"\x68", b"\x10", b"\xe5"):
        kind = {0x68: "M-Bus long frame", 0x10: "M-Bus short frame", 0xE5: "M-Bus ack"}
        return kind[data[0]] + note
    return describe_modbus(entry.direction, data) + note


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
