"""Read plans: the fewest FC03 reads that cover a set of registers.

A block is contiguous (never spans an address no register declares), never splits a value,
and stays within the transport's size limit (120 registers: some firmware times out above it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .registers import Register
from .types import CodecError

MAX_REGISTERS_PER_READ = 120


@dataclass(frozen=True)
class ReadBlock:
    """One FC03 read and the values it carries."""

    address: int
    count: int
    registers: tuple[Register, ...]

    def decode(self, words: Sequence[int]) -> dict[str, Any]:
        """Split the block's words into decoded values keyed by register key.

        A value that does not decode (for example a non-BCD word) comes back as a CodecError
        instance, so one bad register never hides the others.
        """
        if len(words) != self.count:
            raise CodecError(f"expected {self.count} registers, got {len(words)}")
        values: dict[str, Any] = {}
        for reg in self.registers:
            offset = reg.address - self.address
            try:
                values[reg.key] = reg.dtype.decode(words[offset : offset + reg.count])
            except CodecError as exc:
                values[reg.key] = exc
        return values


def plan_reads(
    registers: Iterable[Register],
    max_count: int = MAX_REGISTERS_PER_READ,
    available: Iterable[Register] | None = None,
) -> list[ReadBlock]:
    """Group registers into the fewest contiguous reads of at most `max_count` registers.

    With `available` (every register the meter has on this link), a gap between two wanted
    values is bridged by reading the declared registers in it, when that saves a transaction:
    a few extra words cost far less than another request and its turnaround. Never spans an
    address that no available register declares. Greedy extension is optimal here.
    """
    ordered = sorted(set(registers), key=lambda r: r.address)
    fillers = sorted(set(available or ()) - set(ordered), key=lambda r: r.address)
    blocks: list[ReadBlock] = []
    current: list[Register] = []
    for reg in ordered:
        if reg.count > max_count:
            raise ValueError(f"{reg.key} is larger than one read")
        if current:
            start = current[0].address
            bridge = _bridge(current[-1].end, reg.address, fillers)
            if bridge is not None and reg.end - start <= max_count:
                current.extend(bridge)
                current.append(reg)
                continue
            blocks.append(_block(current))
        current = [reg]
    if current:
        blocks.append(_block(current))
    return blocks


def _bridge(end: int, start: int, fillers: list[Register]) -> list[Register] | None:
    """The declared registers exactly covering [end, start), or None if there is a hole."""
    if end == start:
        return []
    if not fillers:
        return None
    bridge = []
    position = end
    for reg in fillers:
        if reg.address < position:
            continue
        if reg.address > position or reg.end > start:
            break
        bridge.append(reg)
        position = reg.end
        if position == start:
            return bridge
    return None


def _block(registers: list[Register]) -> ReadBlock:
    start = registers[0].address
    return ReadBlock(start, registers[-1].end - start, tuple(registers))
