"""Who a meter is and what it measures, planned from the register table, with no I/O in it.

Each piece is a generator of `ReadWords` steps: it is sent the words each read returned (an
error of the read is thrown into it where it waits) and returns its result. The asynchronous
meter session (services/meter.py, the window and every command that writes) runs them through
its ModbusMaster; a one-shot CLI `read` or `info` runs the very same steps through the blocking
master (services/quick_read.py, docs/DECISIONS.md P2), so both identify and decode alike.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from ..errors import MeterExceptionError, NotAMeterError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.models import UNREADABLE_CHECKSUM, ChecksumVerdict, Model, check_checksum
from ..model.plan import plan_reads
from ..model.registers import REGISTERS, Register
from ..model.types import CodecError, plain
from ..protocol.transaction import drive

T = TypeVar("T")

IDENTITY_GROUPS = ("identity", "status", "counter")
READING_GROUPS = ("measurement", "energy")


@dataclass(frozen=True)
class ReadWords:
    """Read `count` holding registers from `address` of the meter (FC03 over Modbus)."""

    address: int
    count: int


ReadSteps = Generator[ReadWords, list[int], T]


@dataclass(frozen=True)
class Identity:
    """Who the meter is."""

    model: Model
    values: dict[str, Any]  # every identity/status/counter register, decoded
    checksum_verdict: ChecksumVerdict | str  # a str from older callers: ChecksumVerdict.of
    checksum_message: str

    @property
    def serial(self) -> int:
        """The serial number (8 digits)."""
        return int(self.values["serial"])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"model": self.model.info.code, "article": self.model.info.article}
        for key, value in self.values.items():
            out[key] = plain(value)
        out["checksum_verdict"] = self.checksum_verdict
        out["checksum_message"] = self.checksum_message
        return out


@dataclass(frozen=True)
class Reading:
    """One decoded measurement."""

    register: Register
    value: Any

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"value": plain(self.value), "unit": self.register.unit,
                "obis": self.register.obis, "label": self.register.label}


def values_steps(registers: Iterable[Register], model: Model | None,
                 transport: str) -> ReadSteps[dict[str, Any]]:
    """The registers' decoded values, in the fewest reads the model's map allows."""
    available = REGISTERS.select(model=model, transport=transport) \
        if model is not None else None
    values: dict[str, Any] = {}
    for block in plan_reads(registers, available=available):
        words = yield ReadWords(block.address, block.count)
        values.update(block.decode(words))
    return values


def model_steps(address: int) -> ReadSteps[Model]:
    """The meter's model from its meter code; NotAMeterError for any other device."""
    meter_code = REGISTERS["meter_code"]
    try:
        code_words = yield ReadWords(meter_code.address, meter_code.count)
    except MeterExceptionError as exc:
        raise NotAMeterError(QT_TRANSLATE_NOOP(
            "Errors", "The device at address {address} answers Modbus but has no meter "
            "code register {register}: it is not a WAGO 879-30xx (old PRO380 firmware "
            "uses another map).").format(address=address,
                                         register=f"0x{meter_code.address:04X}")) from exc
    try:
        code: int | None = meter_code.dtype.decode(code_words)
    except CodecError:
        code = None
    model = Model.from_meter_code(code) if code is not None else None
    if model is None:
        raise NotAMeterError(QT_TRANSLATE_NOOP(
            "Errors", "The device at address {address} reports meter code 0x{code:04X}, "
            "which is not a WAGO 879-30xx (1111 4PU, 1112 4PS, 1113 2PU CT).").format(
            address=address, code=code_words[0]))
    return model


def identity_steps(model: Model, transport: str) -> ReadSteps[Identity]:
    """Identity, status and counters of a meter of `model`, with the checksum's verdict."""
    registers = REGISTERS.select(groups=IDENTITY_GROUPS, model=model, transport=transport)
    ct = REGISTERS["ct.ratio"]
    if model in ct.models:
        registers.append(ct)
    values = yield from values_steps(registers, model, transport)
    version, checksum = values.get("software_version"), values.get("checksum")
    if isinstance(version, float) and isinstance(checksum, int):
        verdict, message = check_checksum(model, version, checksum)
    else:  # UNREADABLE_CHECKSUM is a Template: a sentence without parameters
        verdict, message = ChecksumVerdict.UNREADABLE, UNREADABLE_CHECKSUM.format()
    return Identity(model, values, verdict, message)


def measurement_steps(model: Model, transport: str) -> ReadSteps[list[Reading]]:
    """Every instantaneous value and energy register of `model`, in the fewest reads."""
    registers = REGISTERS.select(groups=READING_GROUPS, model=model, transport=transport)
    values = yield from values_steps(registers, model, transport)
    return [Reading(reg, values[reg.key]) for reg in registers]


def run_reads(steps: ReadSteps[T], read: Callable[[int, int], list[int]]) -> T:
    """Run read steps with a blocking `read(address, count)`: their result, or their error."""
    return drive(steps, lambda step: read(step.address, step.count))


__all__ = ["IDENTITY_GROUPS", "READING_GROUPS", "Identity", "ReadSteps", "ReadWords", "Reading",
           "identity_steps", "measurement_steps", "model_steps", "run_reads", "values_steps"]
