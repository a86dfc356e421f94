"""Why a setting cannot be reached: a typed reason, never prose that other code searches.

`Unreachable` names the kind of obstacle and the facts it needs (the models that have the
setting, the transports that reach it, its menu section, the vendor register a meter did not
answer); `sentence()` is the one place that turns it into words. `UnreachableError` carries the
reason as `exc.reason`, so callers branch on `exc.reason.kind`, not on the message.

The model layer defines it (model/settings.py raises it); services/outcomes.py re-exports it
with the write outcomes.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import UnsupportedError
from ..i18n import QT_TRANSLATE_NOOP, Message, Template
from .registers import BLE, MBUS, MODBUS

TRANSPORT_NAMES = {MODBUS: "Modbus RTU", MBUS: "M-Bus", BLE: "Bluetooth LE"}


def either(names: Iterable[str]) -> str:
    """"A", "A or B", "A, B or C" (a Message when there is more than one name)."""
    items = list(names)
    if len(items) < 2:
        return "".join(items)
    return QT_TRANSLATE_NOOP("Errors", "{names} or {last}").format(
        names=", ".join(items[:-1]), last=items[-1])


class UnreachableKind(str, enum.Enum):
    """The kind of obstacle between the user and a setting (values are stable JSON words)."""

    NOT_ON_MODEL = "not on this model"  # the meter's model has no such setting
    NOT_OVER_TRANSPORT = "not reachable"  # this link cannot read it (or write it, for writes)
    NOT_ANSWERED = "not answered"  # BLE: the meter does not answer the vendor register
    WRITE_ONLY = "write only"  # M-Bus: can be written, but no RSP_UD record carries it

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Unreachable:
    """Why `key` cannot be read (or, with `write`, written) here, with the facts it needs."""

    key: str
    kind: UnreachableKind
    model: str = ""  # the meter's model code (NOT_ON_MODEL)
    models: tuple[str, ...] = ()  # the models that have the setting
    transport: str = ""  # the link in use (capability name: "modbus", "mbus", "ble")
    transports: tuple[str, ...] = ()  # the links that do reach it (for this direction)
    menu: str = ""  # the manual's menu section, where the setting can also be changed
    write: bool = False  # the obstacle is to writing (reading may work)
    register_address: int | None = None  # NOT_ANSWERED: the vendor register
    register_label: str = ""
    code: int | None = None  # NOT_ANSWERED: the meter's exception code
    note: str = ""  # a further remark, e.g. that M-Bus writes it in an unverified byte reading

    @property
    def via(self) -> str:
        """The links that reach the setting, as words ("Modbus RTU or Bluetooth LE")."""
        return either(TRANSPORT_NAMES[t] for t in self.transports)

    def sentence(self) -> Message:
        """The reason as one sentence for the user (translatable)."""
        said = self._sentence()
        if not self.note:
            return said
        return QT_TRANSLATE_NOOP("Errors", "{problem} ({unverified})").format(
            problem=said, unverified=self.note)

    def _sentence(self) -> Message:
        if self.kind is UnreachableKind.NOT_ON_MODEL:
            return QT_TRANSLATE_NOOP(
                "Errors", "{key} exists only on {models}; this meter is a {model}.").format(
                key=self.key, models=", ".join(self.models), model=self.model)
        if self.kind is UnreachableKind.NOT_ANSWERED:
            problem = QT_TRANSLATE_NOOP(
                "Errors", "this meter does not answer the vendor register 0x{address:04X} "
                "({label}) over Bluetooth (exception {code})").format(
                address=self.register_address or 0,
                label=Template(self.register_label, "Registers"), code=self.code)
            return QT_TRANSLATE_NOOP("Errors", "{key}: {problem}.").format(
                key=self.key, problem=problem)
        if self.kind is UnreachableKind.WRITE_ONLY:
            return QT_TRANSLATE_NOOP(
                "Errors", "{key} cannot be read over M-Bus: the meter's RSP_UD (manual "
                "A2.2) does not carry it, M-Bus can only write it; read it over Modbus RTU "
                "or on the display").format(key=self.key)
        via = self.via or QT_TRANSLATE_NOOP("Errors", "the meter's menu")
        if self.write:
            return QT_TRANSLATE_NOOP(
                "Errors", "{key} cannot be written over {transport}; set it over {via} or in "
                "the meter's menu ({menu}).").format(
                key=self.key, transport=TRANSPORT_NAMES[self.transport], via=via,
                menu=self.menu)
        return QT_TRANSLATE_NOOP(
            "Errors", "{key} cannot be reached over {transport}; set it over {via} or in the "
            "meter's menu ({menu}).").format(key=self.key,
                                             transport=TRANSPORT_NAMES[self.transport],
                                             via=via, menu=self.menu)


class UnreachableError(UnsupportedError):
    """A setting this model or link cannot reach; `reason` says why (exit code 8)."""

    def __init__(self, reason: Unreachable) -> None:
        self.reason = reason
        super().__init__(reason.sentence())


__all__ = ["MBUS", "TRANSPORT_NAMES", "Unreachable", "UnreachableError", "UnreachableKind",
           "either"]
