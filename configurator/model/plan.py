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
    registers: Iterable[Register], max_count: int = MAX_REGISTERS_PER_READ
) -> list[ReadBlock]:
    """Group registers into the fewest contiguous reads of at most `max_count` registers."""
    ordered = sorted(set(registers), key=lambda r: r.address)
    blocks: list[ReadBlock] = []
    current: list[Register] = []
    for reg in ordered:
        if reg.count > max_count:
            raise ValueError(f"{reg.key} is larger than one read")
        if current:
            start = current[0].address
            contiguous = current[-1].end == reg.address
            fits = reg.end - start <= max_count
            if contiguous and fits:
                current.append(reg)
                continue
            blocks.append(_block(current))
        current = [reg]
    if current:
        blocks.append(_block(current))
    return blocks


def _block(registers: list[Register]) -> ReadBlock:
    start = registers[0].address
    return ReadBlock(start, registers[-1].end - start, tuple(registers))
