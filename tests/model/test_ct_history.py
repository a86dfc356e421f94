"""The CT history: the whole documented range, per-slot reads, and the count of changes."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from configurator.errors import MeterExceptionError
from configurator.model.ct_history import SlotState, interpret
from configurator.model.models import Model
from configurator.model.plan import NotAnswered, UndecodedValue, plan_reads, read_blocks
from configurator.model.registers import (
    CT_HISTORY_BASE,
    CT_HISTORY_FIELDS,
    CT_HISTORY_SLOTS,
    CT_HISTORY_STRIDE,
    REGISTERS,
    ct_history_slot,
)
from configurator.model.types import FLOAT32, CtRatio

HISTORY = REGISTERS.select(groups=["ct_history"], model=Model.PUCT2)


def slot_words(ratio: tuple[int, int], energy: float = 0.0) -> list[int]:
    """One slot's 20 words: BCD ratio words, then nine floats."""
    return [ratio[0], ratio[1]] + FLOAT32.encode(energy) * len(CT_HISTORY_FIELDS)


def test_one_read_per_slot_covering_the_range() -> None:
    blocks = plan_reads(HISTORY, unit=ct_history_slot)
    assert [(b.address, b.count) for b in blocks] == [
        (CT_HISTORY_BASE + CT_HISTORY_STRIDE * i, CT_HISTORY_STRIDE)
        for i in range(CT_HISTORY_SLOTS)]
    # Without units the same registers take two reads (120 + 40): the unit is what splits.
    assert len(plan_reads(HISTORY)) == 2


class FakeMeter:
    """Stands for the meter's FC03 answers (the boundary: no bus in a pure model test)."""

    def __init__(self, slots: dict[int, list[int]], missing_from: int) -> None:
        self.slots = slots
        self.missing_from = missing_from
        self.reads: list[tuple[int, int]] = []

    async def read(self, address: int, count: int) -> list[int]:
        self.reads.append((address, count))
        slot = (address - CT_HISTORY_BASE) // CT_HISTORY_STRIDE + 1
        if slot >= self.missing_from:
            raise MeterExceptionError("exception 2", 2)
        return self.slots.get(slot, [0] * CT_HISTORY_STRIDE)


def test_a_slot_answering_exception_2_leaves_the_others_decoded() -> None:
    meter = FakeMeter({1: slot_words((0x0005, 0x0005), 1111.0),
                       2: slot_words((0x0100, 0x0005), 2222.0)}, missing_from=8)
    values, results = asyncio.run(read_blocks(plan_reads(HISTORY, unit=ct_history_slot),
                                              meter.read))
    assert len(meter.reads) == CT_HISTORY_SLOTS
    assert [r.exception for r in results] == [None] * 7 + [2]
    assert isinstance(values["ct.history.8.ratio"], NotAnswered)
    assert values["ct.history.8.ratio"].code == 2
    assert values["ct.history.2.ratio"] == CtRatio(100, 5)
    history = interpret(values, CtRatio(200, 5))
    assert history.changes_used == 2 and history.changes_left == 5
    assert history.slots[1].readings["import.t1"] == pytest.approx(2222.0)
    assert [s.number for s in history.not_answered] == [8]


def test_a_slot_holding_the_ratio_in_force_is_no_change() -> None:
    """The example table's reading: a factory entry first, then one per change."""
    values: dict[str, Any] = {}
    for n, ratio in ((1, CtRatio(5, 5)), (2, CtRatio(100, 5))):
        values[f"ct.history.{n}.ratio"] = ratio
    for n in range(3, CT_HISTORY_SLOTS + 1):
        values[f"ct.history.{n}.ratio"] = CtRatio(0, 0)
    # The text's reading (the slot holds the ratio BEFORE a change): two changes.
    assert interpret(values, CtRatio(200, 5)).changes_used == 2
    # The table's reading (the last slot holds the ratio in force): one change.
    history = interpret(values, CtRatio(100, 5))
    assert history.changes_used == 1
    assert history.slots[1].state is SlotState.IN_FORCE
    # A fresh meter with only a factory entry has all seven changes left.
    fresh = {f"ct.history.{n}.ratio": CtRatio(0, 0) for n in range(1, CT_HISTORY_SLOTS + 1)}
    fresh["ct.history.1.ratio"] = CtRatio(5, 5)
    assert interpret(fresh, CtRatio(5, 5)).changes_left == 7


def test_unreadable_slot_before_the_last_used_makes_the_count_unknown() -> None:
    values: dict[str, Any] = {f"ct.history.{n}.ratio": CtRatio(0, 0)
                              for n in range(1, CT_HISTORY_SLOTS + 1)}
    values["ct.history.1.ratio"] = UndecodedValue("not BCD", (0x00AB, 0x0005))
    values["ct.history.2.ratio"] = CtRatio(100, 5)
    history = interpret(values, CtRatio(200, 5))
    assert history.changes_used is None and history.changes_left is None
    assert history.slots[0].state is SlotState.UNDECODED
    assert history.slots[0].raw["ratio"] == (0x00AB, 0x0005)
    # Slot 8 missing after the used ones changes nothing.
    ok = {f"ct.history.{n}.ratio": CtRatio(0, 0) for n in range(1, 8)}
    ok["ct.history.8.ratio"] = NotAnswered(0x618C, 20, 2)
    assert interpret(ok, CtRatio(5, 5)).changes_used == 0
