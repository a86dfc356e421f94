"""What the CT history registers say (manual 6.9), read from the values of a history read.

The register table declares the eight slots of 0x6100-0x619F (`registers.py`); this module
says what each slot is and how many of the seven allowed changes are used, in ONE place for
the CT page, the CLI's confirmation, backups and reports (docs/DECISIONS.md #5, #6).

Which slots are changes: the manual's text puts the factory 5/5 ratio into CT HISTORY 01 at
the first change (so a slot holds the ratio in force BEFORE a change), while its example
table lists a factory entry plus one per change (eight in all). Both readings agree on one
thing: the ratio in a change's slot was replaced, so it differs from the ratio in force now,
while a slot holding the ratio in force (a factory entry, or the running one) is no change.
So: changes used = slots holding a ratio, less one if the last of them holds the ratio in
force. That is right under either reading; a slot that was not answered or does not decode
before the last used one makes the count unknown (None), never a guess.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from .plan import NotAnswered, UndecodedValue
from .registers import (
    CT_CHANGES_ALLOWED,
    CT_HISTORY_FIELDS,
    CT_HISTORY_PREFIX,
    CT_HISTORY_SLOTS,
)
from .types import CtRatio


class SlotState(Enum):
    """What one history slot holds."""

    EMPTY = "empty"  # ratio 0/0: not used yet
    CHANGE = "change"  # the ratio replaced by a change, and the readings frozen then
    IN_FORCE = "in force"  # holds the ratio in force now (factory or running entry)
    NOT_ANSWERED = "not answered"  # the meter answered a Modbus exception for the slot
    UNDECODED = "undecoded"  # its ratio words are not BCD: shown raw


@dataclass(frozen=True)
class HistorySlot:
    """One slot of the CT history, decoded where it decodes."""

    number: int
    state: SlotState
    ratio: CtRatio | None
    readings: dict[str, float | None]  # field name ("import.t1") -> kWh, None if undecoded
    raw: dict[str, tuple[int, ...]]  # field name ("ratio" too) -> words that did not decode
    exception: int | None = None  # the Modbus exception code when not answered

    @property
    def used(self) -> bool:
        """Whether the slot holds a ratio (a change, or the ratio in force)."""
        return self.state in (SlotState.CHANGE, SlotState.IN_FORCE)


@dataclass(frozen=True)
class CtHistory:
    """The whole history and the count of changes."""

    slots: tuple[HistorySlot, ...]
    changes_used: int | None  # None: a slot that matters was not answered or not decoded

    @property
    def changes_left(self) -> int | None:
        """Changes the meter still allows (None when the count is unknown)."""
        if self.changes_used is None:
            return None
        return max(0, CT_CHANGES_ALLOWED - self.changes_used)

    @property
    def not_answered(self) -> list[HistorySlot]:
        """Slots the meter answered with an exception."""
        return [s for s in self.slots if s.state is SlotState.NOT_ANSWERED]


def _key(slot: int, name: str) -> str:
    return f"{CT_HISTORY_PREFIX}{slot}.{name}"


def _slot(number: int, values: Mapping[str, Any]) -> HistorySlot:
    ratio_value = values.get(_key(number, "ratio"))
    readings: dict[str, float | None] = {}
    raw: dict[str, tuple[int, ...]] = {}
    if isinstance(ratio_value, NotAnswered) or ratio_value is None:
        code = ratio_value.code if isinstance(ratio_value, NotAnswered) else None
        return HistorySlot(number, SlotState.NOT_ANSWERED, None, {}, {}, code)
    for name, _obis in CT_HISTORY_FIELDS:
        value = values.get(_key(number, name))
        if isinstance(value, UndecodedValue):
            raw[name] = value.words
        readings[name] = value if isinstance(value, float) else None
    if isinstance(ratio_value, CtRatio):
        state = SlotState.CHANGE if ratio_value.primary else SlotState.EMPTY
        return HistorySlot(number, state, ratio_value, readings, raw)
    if isinstance(ratio_value, UndecodedValue):
        raw["ratio"] = ratio_value.words
    return HistorySlot(number, SlotState.UNDECODED, None, readings, raw)


def interpret(values: Mapping[str, Any], ratio_in_force: CtRatio | None) -> CtHistory:
    """The history from the values of a history read (by register key).

    `ratio_in_force` is the ratio at 0x401F now; without it, every used slot counts as a
    change (the count can then be one too high, never too low).
    """
    slots = [_slot(n, values) for n in range(1, CT_HISTORY_SLOTS + 1)]
    holding = [s for s in slots if s.state is SlotState.CHANGE]
    if holding and ratio_in_force is not None and holding[-1].ratio == ratio_in_force:
        last = holding[-1]
        slots[last.number - 1] = HistorySlot(last.number, SlotState.IN_FORCE, last.ratio,
                                             last.readings, last.raw)
    # Slots fill in order: an unreadable slot matters if it comes before the last used one,
    # or, with none used, if it is one of the first seven (it could hold the first change).
    last_used = max((s.number for s in slots if s.used), default=0)
    relevant = slots[:last_used] if last_used else slots[:CT_CHANGES_ALLOWED]
    unknown = any(s.state in (SlotState.NOT_ANSWERED, SlotState.UNDECODED) for s in relevant)
    changes = sum(1 for s in slots if s.state is SlotState.CHANGE)
    return CtHistory(tuple(slots), None if unknown else min(changes, CT_CHANGES_ALLOWED))
