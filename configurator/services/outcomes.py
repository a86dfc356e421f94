"""What a write did, as enums and frozen dataclasses: nothing here is prose that code searches.

- `WriteStatus`: the outcome of one write (verified, unchanged, acknowledged, refused, mismatch,
  not taken, unknown, not attempted); `WriteOutcome` the full record of one key.
- `LinkPoint` / `LinkOutcome`: where a meter answers, and where it answers after a link move
  (new point, old point, or unknown with both candidates).
- `PermanentAct`: a change that cannot be undone (CT change, tariff T3/T4, counter reset, link
  move); every one passes the confirmation the caller hands to `apply`.
- `Unreachable` (re-exported from the model): why a setting cannot be reached.
- `ApplyReport`, `WritePlan`: a whole `apply`, before and after.

Only `sentence()` methods (translatable Messages) and the presentation layers (cli/format.py,
the GUI pages) turn these into words.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfiguratorError, UsageError
from ..i18n import QT_TRANSLATE_NOOP, Message, Template
from ..model.reach import Unreachable, UnreachableError, UnreachableKind
from ..model.registers import BLE
from ..model.settings import MBUS, S0Overlap, Setting
from ..model.types import plain


class _Word(str, enum.Enum):
    """An enum whose values are the stable words of the JSON output."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class WriteStatus(_Word):
    """The outcome of one write. Values are the words `set --json` prints."""

    VERIFIED = "written"  # written, and read back equal (JSON word kept from the first version)
    UNCHANGED = "unchanged"  # the meter already held the value: nothing was sent
    ACKNOWLEDGED = "acknowledged"  # the meter confirmed (M-Bus E5) but the link cannot read it
    REFUSED = "refused"  # the meter answered with an exception (`WriteOutcome.code`)
    MISMATCH = "mismatch"  # acknowledged, but it reads back another value
    NOT_TAKEN = "not taken"  # sent, no clean answer, and the meter still holds the old value
    UNKNOWN = "unknown"  # sent, no clean answer, and it could not be read again
    NOT_ATTEMPTED = "not attempted"  # not sent: stopped after an earlier failure

    @property
    def done(self) -> bool:
        """The meter holds (or confirmed) the requested value."""
        return self in (WriteStatus.VERIFIED, WriteStatus.UNCHANGED, WriteStatus.ACKNOWLEDGED)

    @property
    def failed(self) -> bool:
        """The write went wrong: the writes after it are not attempted."""
        return self in (WriteStatus.REFUSED, WriteStatus.MISMATCH, WriteStatus.NOT_TAKEN,
                        WriteStatus.UNKNOWN)


# --- where a meter answers ------------------------------------------------------------------

@dataclass(frozen=True)
class LinkPoint:
    """Where a meter answers on its link (the fields that transport has; others None)."""

    transport: str  # "modbus", "mbus" or "ble"
    address: int  # Modbus ID, or M-Bus primary address
    baudrate: int | None = None  # None: the link has no speed of its own (BLE)
    parity: str | None = None
    secondary: str | None = None  # M-Bus: the meter is reached by this secondary address

    def describe(self) -> Message:
        """The point in words ("address 7, 19200 baud, parity even")."""
        if self.transport == MBUS:
            if self.secondary:
                return QT_TRANSLATE_NOOP(
                    "Services", "secondary address {secondary}, {baud} baud").format(
                    secondary=self.secondary, baud=self.baudrate)
            return QT_TRANSLATE_NOOP("Services", "primary address {address}, {baud} baud").format(
                address=self.address, baud=self.baudrate)
        if self.transport == BLE or self.baudrate is None:
            return QT_TRANSLATE_NOOP("Services", "Modbus address {address}").format(
                address=self.address)
        return QT_TRANSLATE_NOOP(
            "Services", "address {address}, {baud} baud, parity {parity}").format(
            address=self.address, baud=self.baudrate,
            parity=Template(str(self.parity), "Values"))

    def option_fields(self) -> dict[str, Any]:
        """The ConnectionOptions fields that reach this point."""
        fields: dict[str, Any] = {"address": self.address}
        if self.baudrate is not None:
            fields["baudrate"] = self.baudrate
        if self.parity is not None:
            fields["parity"] = self.parity
        if self.transport == MBUS and self.secondary:
            fields["device"] = self.secondary
        return fields

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"transport": self.transport, "address": self.address,
                "baudrate": self.baudrate, "parity": self.parity, "secondary": self.secondary}


class LinkWhere(_Word):
    """Where the meter answers after a link move."""

    NEW = "new"  # at the new point: the move is verified
    OLD = "old"  # still at the old point: the move was not taken
    UNKNOWN = "unknown"  # at neither: it may answer at either (`LinkOutcome.candidates`)


@dataclass(frozen=True)
class LinkOutcome:
    """The result of following a link move."""

    where: LinkWhere
    new: LinkPoint
    old: LinkPoint

    @property
    def point(self) -> LinkPoint | None:
        """Where the meter answers now, when known."""
        return {LinkWhere.NEW: self.new, LinkWhere.OLD: self.old}.get(self.where)

    @property
    def candidates(self) -> tuple[LinkPoint, ...]:
        """Where to look for the meter: the known point, or the new then the old one."""
        point = self.point
        return (point,) if point is not None else (self.new, self.old)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"where": self.where, "new": self.new.as_dict(), "old": self.old.as_dict(),
                "candidates": [p.as_dict() for p in self.candidates]}


@dataclass(frozen=True)
class Probe:
    """What a probe at one point found."""

    answered: bool  # a WAGO 879-30xx answered cleanly
    heard: bool = False  # something answered (an exception, a garbled or foreign answer)
    serial: int | None = None  # the answering meter's serial, when it identified


# --- one write ------------------------------------------------------------------------------

@dataclass(frozen=True)
class WriteOutcome:
    """What happened to one requested change (or counter reset: `key` is the action's name)."""

    key: str
    requested: Any
    status: WriteStatus
    before: Any = None  # what the meter held before (None: unknown or unreadable)
    after: Any = None  # what the meter holds now, if known
    code: int | None = None  # the meter's exception code (REFUSED)
    sends: int = 0  # how many times the write was sent
    note: Message | str | None = None  # what else is known, as a sentence
    link: LinkOutcome | None = None  # where the meter answers (link settings)

    def __post_init__(self) -> None:
        if not isinstance(self.status, WriteStatus):
            object.__setattr__(self, "status", WriteStatus(self.status))

    @property
    def message(self) -> str:
        """The note as text ("" when there is none)."""
        return self.note or ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"key": self.key, "requested": plain(self.requested), "status": self.status,
                "before": plain(self.before), "after": plain(self.after), "code": self.code,
                "sends": self.sends, "message": str(self.note or ""),
                "link": self.link.as_dict() if self.link else None}


# --- permanent acts -------------------------------------------------------------------------

class ActKind(_Word):
    """A kind of change that cannot be undone (or not simply)."""

    CT_CHANGE = "ct change"  # uses one of the 7 CT ratio changes (manual 6.9)
    MID_TARIFF = "mid tariff"  # T3/T4: energy there can never be reset (manual A1.2)
    COUNTER_RESET = "counter reset"  # the old count is gone
    LINK_MOVE = "link move"  # the meter answers elsewhere afterwards


@dataclass(frozen=True)
class PermanentAct:
    """One permanent act of a write, for the confirmation."""

    kind: ActKind
    key: str  # setting key, or the action's name for a counter reset
    before: Any = None
    after: Any = None
    changes_left: int | None = None  # CT_CHANGE: CT changes left before this one
    label: str = ""  # COUNTER_RESET: the action's label (translatable)

    @property
    def changes_left_after(self) -> int | None:
        """CT_CHANGE: changes left once this one is made."""
        return None if self.changes_left is None else self.changes_left - 1

    def sentence(self) -> Message:
        """What the act does and costs, in one sentence (translatable)."""
        if self.kind is ActKind.CT_CHANGE and self.changes_left is None:
            return QT_TRANSLATE_NOOP(
                "Services", "Changing the CT ratio from {before} to {after} uses one of the 7 "
                "allowed changes (how many are left is unknown: the meter did not answer every "
                "CT history slot) and cannot be undone.").format(
                before=str(self.before), after=str(self.after))
        if self.kind is ActKind.CT_CHANGE:
            return QT_TRANSLATE_NOOP(
                "Services", "Changing the CT ratio from {before} to {after} uses one of the 7 "
                "allowed changes ({left} left, {after_left} after this) and cannot be undone."
            ).format(before=str(self.before), after=str(self.after), left=self.changes_left,
                     after_left=self.changes_left_after)
        if self.kind is ActKind.MID_TARIFF:
            return QT_TRANSLATE_NOOP(
                "Services", "Selecting tariff T{after}: energy counted in T3 and T4 stays in the "
                "MID display area and can never be removed or reset (manual A1.2).").format(
                after=self.after)
        if self.kind is ActKind.COUNTER_RESET:
            return QT_TRANSLATE_NOOP(
                "Services", "{action}: the counter goes back to 0 and its old value ({before}) "
                "is gone.").format(action=Template(self.label, "Settings"),
                                   before=_shown(self.before))
        return QT_TRANSLATE_NOOP(
            "Services", "{key} {before} -> {after} moves the link: the meter then answers only "
            "at the new setting.").format(key=self.key, before=_shown(self.before),
                                          after=_shown(self.after))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"kind": self.kind, "key": self.key, "before": plain(self.before),
                "after": plain(self.after), "changes_left": self.changes_left,
                "sentence": str(self.sentence())}


def _shown(value: Any) -> str:
    if value is None or isinstance(value, Exception):
        return "?"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def acts_sentence(acts: Sequence[PermanentAct]) -> str:
    """Every act's sentence, one after the other."""
    return " ".join(str(act.sentence()) for act in acts)


# --- a whole apply ----------------------------------------------------------------------------

@dataclass
class WritePlan:
    """An `apply` worked out before anything is written: `session.prepare(changes)`."""

    changes: dict[Setting, Any]  # as requested
    current: dict[str, Any]  # every readable setting as the meter holds it (Exception: unread)
    ordered: list[tuple[Setting, Any]]  # the write order: rule-safe plain settings, links last
    acts: list[PermanentAct] = field(default_factory=list)
    warnings: list[S0Overlap] = field(default_factory=list)


@dataclass
class ApplyReport:
    """Per-key outcomes of an `apply`, and where the meter answers afterwards."""

    results: list[WriteOutcome] = field(default_factory=list)
    link_note: str = ""  # where the meter answers now (session.link_description()), if it moved
    error: ConfiguratorError | None = None  # the failure that stopped the writes
    warnings: list[S0Overlap] = field(default_factory=list)
    acts: list[PermanentAct] = field(default_factory=list)  # confirmed before writing

    @property
    def link(self) -> LinkOutcome | None:
        """The last link outcome (where the meter answers after the link moves), if any."""
        found = [r.link for r in self.results if r.link is not None]
        return found[-1] if found else None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"results": [r.as_dict() for r in self.results], "link": self.link_note or None,
                "link_outcome": self.link.as_dict() if self.link else None,
                "warnings": [str(w.sentence()) for w in self.warnings],
                "acts": [a.as_dict() for a in self.acts],
                "error": str(self.error) if self.error else None}


# --- errors the engine raises before writing ------------------------------------------------

class ConfirmationRequired(UsageError):
    """Permanent acts and nobody to confirm them: nothing was written (exit 2)."""

    def __init__(self, acts: Sequence[PermanentAct]) -> None:
        self.acts = list(acts)
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Not written: this needs a confirmation. {acts}").format(
            acts=" ".join(a.sentence() for a in self.acts)))


class ConfirmationDeclined(UsageError):
    """The user said no to the permanent acts: nothing was written (exit 2)."""

    def __init__(self, acts: Sequence[PermanentAct]) -> None:
        self.acts = list(acts)
        super().__init__(QT_TRANSLATE_NOOP("Errors", "Not confirmed: nothing was written."))


class AddressInUseError(UsageError):
    """Another device answers at the address the meter was to move to (exit 2)."""

    def __init__(self, point: LinkPoint, serial: int | None) -> None:
        self.point, self.serial = point, serial
        if serial is not None:
            text = QT_TRANSLATE_NOOP(
                "Errors", "Address {address} is already used by meter {serial:08d}; choose a "
                "free address. Nothing was written.").format(address=point.address,
                                                             serial=serial)
        else:
            text = QT_TRANSLATE_NOOP(
                "Errors", "Address {address} is already used by another device; choose a free "
                "address. Nothing was written.").format(address=point.address)
        super().__init__(text)


__all__ = ["ActKind", "AddressInUseError", "ApplyReport", "ConfirmationDeclined",
           "ConfirmationRequired", "LinkOutcome", "LinkPoint", "LinkWhere", "PermanentAct",
           "Probe", "Unreachable", "UnreachableError", "UnreachableKind", "WriteOutcome",
           "WritePlan", "WriteStatus", "acts_sentence", "plain"]
