"""The transport-neutral meter API that the CLI and (later) the GUI and backups use.

`ModbusMeter` implements it over a ModbusMaster; the M-Bus and BLE transports will provide
the same methods. Nothing above this layer speaks a protocol.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import (
    ConfiguratorError,
    FrameError,
    MeterExceptionError,
    MeterTimeoutError,
    NotAMeterError,
    UnsupportedError,
    VerifyError,
)
from ..i18n import QT_TRANSLATE_NOOP, Template, message_of
from ..model.models import Model, check_checksum
from ..model.plan import plan_reads, read_blocks
from ..model.registers import MODBUS, REGISTERS, Register, ct_history_slot
from ..model.settings import (
    ACTIONS,
    Action,
    Setting,
    check_reachable,
    check_rules,
    reachable_settings,
    rule_safe_order,
)
from ..model.types import CodecError
from ..model.writes import write_for_action, write_for_setting
from ..protocol.modbus_master import ModbusMaster
from ..transport.serial_port import SerialTransport

IDENTITY_GROUPS = ("identity", "status", "counter")
READING_GROUPS = ("measurement", "energy")


@dataclass(frozen=True)
class Identity:
    """Who the meter is."""

    model: Model
    values: dict[str, Any]  # every identity/status/counter register, decoded
    checksum_verdict: str
    checksum_message: str

    @property
    def serial(self) -> int:
        """The serial number (8 digits)."""
        return int(self.values["serial"])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        out: dict[str, Any] = {"model": self.model.info.code, "article": self.model.info.article}
        for key, value in self.values.items():
            out[key] = _plain(value)
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
        return {"value": _plain(self.value), "unit": self.register.unit,
                "obis": self.register.obis, "label": self.register.label}


@dataclass
class ApplyResult:
    """What happened to one requested change."""

    key: str
    requested: Any
    status: str  # "written", "unchanged", "failed", "not attempted", or "acknowledged"
    #              (M-Bus: the meter confirmed the write, but the value cannot be read back)
    before: Any = None
    after: Any = None
    message: str = ""

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"key": self.key, "requested": _plain(self.requested), "status": self.status,
                "before": _plain(self.before), "after": _plain(self.after),
                "message": self.message}


@dataclass
class ApplyReport:
    """Per-key results of a `set`, and where the meter answers afterwards."""

    results: list[ApplyResult] = field(default_factory=list)
    link_note: str = ""
    error: ConfiguratorError | None = None


def _plain(value: Any) -> Any:
    if isinstance(value, Exception):
        return None
    if isinstance(value, (int, float, str, bool)) or value is None:
        return value
    return str(value)


class ModbusMeter:
    """One meter on a Modbus RTU bus."""

    transport_name = MODBUS

    def __init__(self, master: ModbusMaster, address: int) -> None:
        self.master = master
        self.address = address
        self.model: Model | None = None

    @property
    def serial_transport(self) -> SerialTransport:
        """The serial line under the master (for following link changes)."""
        transport = self.master.transport
        assert isinstance(transport, SerialTransport)
        return transport

    async def _read(self, registers: Iterable[Register]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        available = REGISTERS.select(model=self.model, transport=self.transport_name) \
            if self.model is not None else None
        for block in plan_reads(registers, available=available):
            words = await self.master.read_registers(self.address, block.address, block.count)
            values.update(block.decode(words))
        return values

    async def identify(self) -> Identity:
        """Read identity, status and counters; raises NotAMeterError for foreign devices."""
        try:
            code_words = await self.master.read_registers(self.address, 0x4002, 1)
        except MeterExceptionError as exc:
            raise NotAMeterError(QT_TRANSLATE_NOOP(
                "Errors", "The device at address {address} answers Modbus but has no meter "
                "code register 0x4002: it is not a WAGO 879-30xx (old PRO380 firmware uses "
                "another map).").format(address=self.address)) from exc
        try:
            code: int | None = REGISTERS["meter_code"].dtype.decode(code_words)
        except CodecError:
            code = None
        model = Model.from_meter_code(code) if code is not None else None
        if model is None:
            raise NotAMeterError(QT_TRANSLATE_NOOP(
                "Errors", "The device at address {address} reports meter code 0x{code:04X}, "
                "which is not a WAGO 879-30xx (1111 4PU, 1112 4PS, 1113 2PU CT).").format(
                address=self.address, code=code_words[0]))
        self.model = model
        registers = REGISTERS.select(groups=IDENTITY_GROUPS, model=model,
                                     transport=self.transport_name)
        ct = REGISTERS["ct.ratio"]
        if model in ct.models:
            registers.append(ct)
        values = await self._read(registers)
        version, checksum = values.get("software_version"), values.get("checksum")
        if isinstance(version, float) and isinstance(checksum, int):
            verdict, message = check_checksum(model, version, checksum)
        else:
            verdict, message = "unreadable", "The checksum or software version did not decode."
        return Identity(model, values, verdict, message)

    async def _require_model(self) -> Model:
        if self.model is None:
            await self.identify()
        assert self.model is not None
        return self.model

    async def read_measurements(self) -> list[Reading]:
        """Every instantaneous value and energy register, in the fewest reads."""
        model = await self._require_model()
        registers = REGISTERS.select(groups=READING_GROUPS, model=model,
                                     transport=self.transport_name)
        values = await self._read(registers)
        return [Reading(reg, values[reg.key]) for reg in registers]

    async def read_ct_history(self) -> dict[str, Any]:
        """The CT history slots (2PU CT only), one read per slot: a slot the meter answers
        with an exception reads as NotAnswered and the others still decode
        (`model.ct_history.interpret` says what they mean)."""
        model = await self._require_model()
        registers = REGISTERS.select(groups=["ct_history"], model=model,
                                     transport=self.transport_name)
        if not registers:
            raise UnsupportedError(QT_TRANSLATE_NOOP("Errors", "A {model} has no CT history.")
                                   .format(model=model.info.code))
        blocks = plan_reads(registers, unit=ct_history_slot)
        values, _results = await read_blocks(
            blocks, lambda address, count: self.master.read_registers(self.address, address,
                                                                      count))
        return values

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has and this transport reaches."""
        return reachable_settings(model, self.transport_name)

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current user values of the given settings (each checked for reachability first)."""
        model = await self._require_model()
        wanted = list(items)
        for item in wanted:
            check_reachable(item, model, self.transport_name)
        raw = await self._read(item.register for item in wanted if item.register)
        values: dict[str, Any] = {}
        for item in wanted:
            assert item.register is not None
            value = raw[item.register.key]
            try:
                values[item.key] = value if isinstance(value, Exception) else item.from_raw(value)
            except CodecError as exc:
                values[item.key] = CodecError(f"unknown raw value {value!r} ({exc})")
        return values

    async def apply(self, changes: dict[Setting, Any]) -> ApplyReport:
        """Validate all, write what differs, read back and verify; link settings go last.

        Stops at the first failure and says which keys were written and which were not.
        """
        model = await self._require_model()
        for item in changes:
            check_reachable(item, model, self.transport_name)
        current = await self.get_settings(self.reachable_settings(model))
        merged = {k: v for k, v in current.items() if not isinstance(v, Exception)}
        merged.update({item.key: value for item, value in changes.items()})
        check_rules(model, merged)
        plain = {item: value for item, value in changes.items() if not item.link}
        links = sorted(((item, value) for item, value in changes.items() if item.link),
                       key=lambda kv: _LINK_ORDER.get(kv[0].key, 0))
        ordered = rule_safe_order(model, current, plain) + links
        report = ApplyReport()
        for item, value in ordered:
            report.results.append(ApplyResult(item.key, value, "not attempted",
                                              before=current.get(item.key)))
        for result, (item, value) in zip(report.results, ordered, strict=False):
            if current.get(item.key) == value:
                result.status, result.after = "unchanged", value
                continue
            try:
                await self._write_setting(item, value)
                after = (await self.get_settings([item]))[item.key]
            except ConfiguratorError as exc:
                result.status, result.message = "failed", message_of(exc)
                report.error = exc
                break
            result.after = after
            if after != value:
                result.status = "failed"
                result.message = QT_TRANSLATE_NOOP(
                    "Errors", "wrote {value} but the meter reads back {after}").format(
                    value=value, after=after)
                report.error = VerifyError(QT_TRANSLATE_NOOP("Errors", "{key}: {problem}.")
                                           .format(key=item.key, problem=result.message))
                break
            result.status = "written"
            if item.link:
                report.link_note = self.link_description()
        return report

    def link_counters(self) -> dict[str, int]:
        """Transactions, timeouts, CRC errors and retries on the link (diagnostics page)."""
        return dataclasses.asdict(self.master.counters)

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
        settings = self.serial_transport.settings
        return QT_TRANSLATE_NOOP(
            "Services", "address {address}, {baudrate} baud, parity {parity} (--address "
            "{address} --baud {baudrate} --parity {option})").format(
            address=self.address, baudrate=settings.baudrate,
            parity=Template(str(settings.parity), "Values"), option=settings.parity)

    async def _write_setting(self, item: Setting, value: Any) -> None:
        op = write_for_setting(item, value)
        what = QT_TRANSLATE_NOOP("Errors", "writing {key}={value}").format(
            key=item.key, value=item.domain.format(value))
        if not item.link:
            await self.master.write_registers(self.address, op.function_code, op.address,
                                              op.words, what=what)
            return
        await self._write_link(item, value, op.function_code, op.address, op.words, what)

    async def _write_link(self, item: Setting, value: Any, fc: int, address: int,
                          words: tuple[int, ...], what: str) -> None:
        """Write a link setting, then follow the meter to it and check it answers there."""
        transport = self.serial_transport
        old_address, old_settings = self.address, transport.settings
        # The answer may be lost while the meter switches over: what counts is the check below.
        with contextlib.suppress(MeterTimeoutError, FrameError):
            await self.master.write_registers(self.address, fc, address, words, what=what)
        if item.key == "modbus.address":
            self.address = int(value)
        elif item.key == "modbus.baudrate":
            await transport.reconfigure(baudrate=int(value))
        else:
            await transport.reconfigure(parity=str(value))
        try:
            await self.master.read_registers(self.address, 0x4002, 1)
            return
        except (MeterTimeoutError, FrameError):
            pass
        # Not there: go back and see whether the meter kept its old settings.
        self.address = old_address
        await transport.reconfigure(old_settings.baudrate, old_settings.parity)
        try:
            await self.master.read_registers(self.address, 0x4002, 1)
        except (MeterTimeoutError, FrameError):
            raise MeterTimeoutError(QT_TRANSLATE_NOOP(
                "Errors", "After {what} the meter answers neither at the new setting nor at "
                "the old one ({line}, address {address}); run 'configurator scan' to find it."
            ).format(what=what, line=old_settings.describe(), address=old_address)) from None
        raise VerifyError(QT_TRANSLATE_NOOP(
            "Errors", "The meter did not take {what}: it still answers at {line}, address "
            "{address}.").format(what=what, line=old_settings.describe(), address=old_address))

    async def run_action(self, action: Action) -> Any:
        """Perform an action (counter reset) and return the register's value afterwards."""
        model = await self._require_model()
        if model not in action.register.models:
            raise UnsupportedError(QT_TRANSLATE_NOOP("Errors", "A {model} has no {action}.")
                                   .format(model=model.info.code, action=action.label.lower()))
        op = write_for_action(action)
        await self.master.write_registers(self.address, op.function_code, op.address, op.words,
                                          what=QT_TRANSLATE_NOOP("Errors", "reset {action}")
                                          .format(action=action.name))
        after = (await self._read([action.register]))[action.register.key]
        if isinstance(after, (int, float)) and 0 <= after - action.value <= \
                action.still_counting_tolerance:
            return after
        if after != action.value:
            raise VerifyError(QT_TRANSLATE_NOOP(
                "Errors", "After reset {action} the meter still reads {after}.").format(
                action=action.name, after=after))
        return after


# Among link settings: address first (at the old speed), then parity, then baud.
_LINK_ORDER = {"modbus.address": 1, "modbus.parity": 2, "modbus.baudrate": 3}

__all__ = ["ACTIONS", "ApplyReport", "ApplyResult", "Identity", "ModbusMeter", "Reading"]
