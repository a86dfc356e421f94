"""Read plans: the fewest FC03 reads that cover a set of registers.

A block is contiguous (never spans an address no register declares), never splits a value,
and stays within the transport's size limit (120 registers: some firmware times out above it).
A plan may also keep read units apart (the CT history: one read per slot), and `read_blocks`
reads a plan tolerantly: a block the meter answers with a Modbus exception leaves its values
as `NotAnswered` and the other blocks are still read and decoded.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import MeterExceptionError
from ..i18n import QT_TRANSLATE_NOOP
from .registers import Register
from .types import CodecError

MAX_REGISTERS_PER_READ = 120


class UndecodedValue(CodecError):
    """A value whose words arrived but do not decode as its type; keeps the raw words."""

    def __init__(self, message: str, words: Sequence[int]) -> None:
        super().__init__(message)
        self.words = tuple(words)


class NotAnswered(MeterExceptionError):
    """A value in a block the meter answered with a Modbus exception (e.g. 02: no register)."""

    def __init__(self, address: int, count: int, code: int) -> None:
        self.address = address
        self.count = count
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "not answered: the meter answered exception {code} for 0x{address:04X} "
            "({count} registers)").format(code=code, address=address, count=count), code)


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
            own = words[offset : offset + reg.count]
            try:
                values[reg.key] = reg.dtype.decode(own)
            except CodecError as exc:
                values[reg.key] = UndecodedValue(str(exc), own)
        return values

    def not_answered(self, code: int) -> dict[str, Any]:
        """Every value of the block as NotAnswered (the meter answered exception `code`)."""
        error = NotAnswered(self.address, self.count, code)
        return {reg.key: error for reg in self.registers}


def plan_reads(
    registers: Iterable[Register],
    max_count: int = MAX_REGISTERS_PER_READ,
    available: Iterable[Register] | None = None,
    unit: Callable[[Register], Hashable] | None = None,
) -> list[ReadBlock]:
    """Group registers into the fewest contiguous reads of at most `max_count` registers.

    With `available` (every register the meter has on this link), a gap between two wanted
    values is bridged by reading the declared registers in it, when that saves a transaction:
    a few extra words cost far less than another request and its turnaround. Never spans an
    address that no available register declares. Greedy extension is optimal here.
    With `unit`, registers of different units never share a block (and no bridge crosses
    one), so an exception answered for one unit costs only that unit.
    """
    ordered = sorted(set(registers), key=lambda r: r.address)
    fillers = sorted(set(available or ()) - set(ordered), key=lambda r: r.address)
    if unit is not None:
        fillers = []  # a bridge could join two units
    blocks: list[ReadBlock] = []
    current: list[Register] = []
    for reg in ordered:
        if reg.count > max_count:
            raise ValueError(f"{reg.key} is larger than one read")
        if current:
            start = current[0].address
            bridge = _bridge(current[-1].end, reg.address, fillers)
            same_unit = unit is None or unit(reg) == unit(current[0])
            if bridge is not None and same_unit and reg.end - start <= max_count:
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


@dataclass(frozen=True)
class BlockResult:
    """What the meter answered to one block: its words, or the exception code."""

    block: ReadBlock
    words: tuple[int, ...] | None = None
    exception: int | None = None

    @property
    def answered(self) -> bool:
        """Whether the meter sent the block's words."""
        return self.words is not None


Reader = Callable[[int, int], Awaitable[Sequence[int]]]


async def read_blocks(blocks: Iterable[ReadBlock], read: Reader
                      ) -> tuple[dict[str, Any], list[BlockResult]]:
    """Read every block with `read(address, count)`, tolerating Modbus exceptions.

    Returns the decoded values by key (NotAnswered for the values of a block the meter
    answered with an exception, UndecodedValue for words that do not decode) and what each
    block got. Timeouts and garbled answers still raise: they say nothing about the block.
    """
    values: dict[str, Any] = {}
    results: list[BlockResult] = []
    for block in blocks:
        try:
            words = tuple(await read(block.address, block.count))
        except MeterExceptionError as exc:
            values.update(block.not_answered(exc.code))
            results.append(BlockResult(block, exception=exc.code))
            continue
        values.update(block.decode(words))
        results.append(BlockResult(block, words=words))
    return values, results
