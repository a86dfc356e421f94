"""A meter over M-Bus: `MbusMeter` implements MeterSession with the manual's telegrams.

Registered as `OPENERS["mbus"]` (connection.py imports this module lazily). Values carry the
register table's keys and units, so `read` shows the same meter whatever the transport.

What M-Bus reaches (docs/DECISIONS.md):
- identity: the RSP_UD header (ident = secondary address, which is the serial's last 8 digits
  as shipped, A2.1; manufacturer INM; version = the software's major version; medium;
  access number; status) and, on a 2PU CT, the CT rate record. 4PU and 4PS send identical
  records: shown as 4PU, with a note. No software checksum over M-Bus.
- settings it READS: `tariff` (its RSP_UD record), `mbus.address` (the RSP_UD's A field),
  `mbus.secondary_address` (the header ident), `mbus.baudrate` (the speed it answered at).
  `combination_code` and `s0.rate` can be written (A2.3) but no RSP_UD record carries them:
  they are reported as unreadable, and a write of them is reported "acknowledged" (E5),
  never "read back OK".
- link changes (primary, secondary address, baud) are followed and verified like Modbus ones.

`--device <8 digits>` addresses a meter by secondary address (select, then address 253): the
way to reach one of several meters that share primary address 0 as shipped.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from ..errors import (
    ConfiguratorError,
    FrameError,
    MeterTimeoutError,
    NotAMeterError,
    UnsupportedError,
    UsageError,
    VerifyError,
)
from ..i18n import QT_TRANSLATE_NOOP, message_of
from ..model.models import Model
from ..model.registers import REGISTERS
from ..model.settings import (
    MBUS,
    SETTINGS,
    Action,
    Setting,
    check_reachable,
    check_rules,
    reachable_settings,
)
from ..protocol.mbus import frames
from ..protocol.mbus.master import MbusMaster, select_pattern
from ..protocol.mbus.meter_map import decode, model_from, unverified_note, write_telegram
from ..protocol.mbus.records import Telegram, medium_name
from ..transport.serial_port import SerialTransport
from .api import MeterSession
from .connection import OPENERS, ConnectionOptions, TrafficCallback, open_serial
from .meter import READING_GROUPS, ApplyReport, ApplyResult, Identity, Reading

MANUFACTURER = "INM"  # CD 25 (FACTS.md)
MEDIUM_ELECTRICITY = 0x02
READABLE = ("tariff", "mbus.address", "mbus.secondary_address", "mbus.baudrate")
# Link settings go last: primary address, then secondary, then baud (at the old speed first).
LINK_ORDER = {"mbus.address": 1, "mbus.secondary_address": 2, "mbus.baudrate": 3}


class MbusMeter:
    """One meter on an M-Bus, by primary address or by secondary address."""

    transport_name = MBUS

    def __init__(self, master: MbusMaster, address: int, secondary: str | None = None) -> None:
        self.master = master
        self.address = address
        self.secondary = secondary
        self.model: Model | None = None
        self._linked = False
        self.notes: list[str] = []  # the last RSP_UD's records that did not decode, in words
        self._ct_record_seen = False

    @property
    def serial_transport(self) -> SerialTransport:
        """The serial line under the master (for following baud changes)."""
        transport = self.master.transport
        assert isinstance(transport, SerialTransport)
        return transport

    @property
    def target(self) -> int:
        """The address frames go to: 253 once selected by secondary address."""
        return frames.SECONDARY if self.secondary else self.address

    def _where(self) -> str:
        if self.secondary:
            return QT_TRANSLATE_NOOP("Errors", "secondary address {secondary}").format(
                secondary=self.secondary)
        return QT_TRANSLATE_NOOP("Errors", "primary address {address}").format(
            address=self.address)

    # --- reading ----------------------------------------------------------------------

    async def _connect(self) -> None:
        if self.secondary:
            await self.master.select(select_pattern(self.secondary))
        else:
            await self.master.reset_link(self.address)
        self._linked = True

    async def _telegram(self) -> tuple[Telegram, dict[str, Any]]:
        try:
            if not self._linked:
                await self._connect()
            telegram = await self.master.request_data(self.target)
        except MeterTimeoutError as exc:
            raise MeterTimeoutError(QT_TRANSLATE_NOOP(
                "Errors", "No M-Bus meter answers at {where} on {link}: check wiring (terminals "
                "8, 9), baud rate (factory 2400) and address, or run 'configurator --protocol "
                "mbus scan --secondary'. ({problem})").format(
                where=self._where(), link=self.master.transport.description,
                problem=message_of(exc))) from None
        except FrameError as exc:
            if self.secondary:
                raise FrameError(message_of(exc)) from None
            raise FrameError(QT_TRANSLATE_NOOP(
                "Errors", "{problem} Several meters may share primary address {address} (every "
                "meter ships with 0): find them with 'configurator --protocol mbus scan "
                "--secondary' and address one with --device <secondary address>.").format(
                problem=message_of(exc), address=self.address)) from None
        decoded = decode(telegram)
        self.notes = decoded.notes()
        self._ct_record_seen = decoded.ct_record_seen
        return telegram, decoded.values

    async def identify(self) -> Identity:
        """Who the meter is, from one RSP_UD."""
        telegram, values = await self._telegram()
        return self._identity(telegram, values)

    def _identity(self, telegram: Telegram, values: dict[str, Any]) -> Identity:
        header = telegram.header
        if header is None:
            raise NotAMeterError(QT_TRANSLATE_NOOP(
                "Errors", "The device at {where} answers M-Bus without the long header (CI 72) "
                "a WAGO 879-30xx sends.").format(where=self._where()))
        if header.manufacturer != MANUFACTURER or header.medium != MEDIUM_ELECTRICITY:
            raise NotAMeterError(QT_TRANSLATE_NOOP(
                "Errors", "The M-Bus device at {where} is {manufacturer}, medium {medium}: not a "
                "WAGO 879-30xx (INM, electricity).").format(
                where=self._where(), manufacturer=header.manufacturer,
                medium=medium_name(header.medium)))
        model, note = model_from(values, self._ct_record_seen)
        self.model = model
        ident: dict[str, Any] = {
            "transport": MBUS,
            "serial": header.ident,
            "mbus.secondary_address": header.secondary_address,
            "mbus.address": telegram.address,
            "manufacturer": header.manufacturer,
            "version": header.version,
            "medium": medium_name(header.medium),
            "access_number": header.access,
            "status": header.status,
            "model_note": note,
        }
        if "ct.ratio" in values:
            ident["ct.ratio"] = values["ct.ratio"]
        return Identity(model, ident, "unavailable", QT_TRANSLATE_NOOP(
            "Services", "M-Bus does not carry the software version and checksum (manual 4.3): "
            "check them over Modbus RTU ('configurator info')."))

    async def _require_model(self) -> Model:
        if self.model is None:
            await self.identify()
        assert self.model is not None
        return self.model

    async def read_measurements(self) -> list[Reading]:
        """Every measurement and energy the RSP_UD carries (A2.2), with register keys."""
        telegram, values = await self._telegram()
        if self.model is None:
            self._identity(telegram, values)
        return [Reading(reg, values[reg.key]) for reg in REGISTERS
                if reg.key in values and reg.group in READING_GROUPS]

    async def read_ct_history(self) -> dict[str, Any]:
        """Not over M-Bus."""
        raise UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "The CT history is not carried over M-Bus; read it over Modbus RTU."))

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has and this transport reaches."""
        return reachable_settings(model, MBUS)

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current values; a key M-Bus can write but not read gets an UnsupportedError."""
        model = await self._require_model()
        wanted = list(items)
        for item in wanted:
            check_reachable(item, model, MBUS)
        telegram, values = (await self._telegram()) if any(
            item.key in READABLE for item in wanted) else (None, {})
        out: dict[str, Any] = {}
        for item in wanted:
            if item.key not in READABLE:
                out[item.key] = UnsupportedError(QT_TRANSLATE_NOOP(
                    "Errors", "{key} cannot be read over M-Bus: the meter's RSP_UD (manual "
                    "A2.2) does not carry it, M-Bus can only write it; read it over Modbus RTU "
                    "or on the display").format(key=item.key))
                unverified = unverified_note(item.key)
                if unverified is not None:  # the write's byte reading is a guess: say so
                    out[item.key] = UnsupportedError(QT_TRANSLATE_NOOP(
                        "Errors", "{problem} ({unverified})").format(
                        problem=out[item.key], unverified=unverified))
                continue
            assert telegram is not None
            out[item.key] = self._readable_value(item.key, telegram, values)
        return out

    def _readable_value(self, key: str, telegram: Telegram, values: dict[str, Any]) -> Any:
        if key == "tariff":
            return values.get("tariff", UnsupportedError(
                QT_TRANSLATE_NOOP("Errors", "the RSP_UD has no tariff record")))
        if key == "mbus.address":
            return telegram.address
        if key == "mbus.secondary_address":
            assert telegram.header is not None
            return telegram.header.secondary_address
        return SETTINGS[key].domain.check(key, self.serial_transport.settings.baudrate)

    # --- writing ----------------------------------------------------------------------

    async def apply(self, changes: dict[Setting, Any]) -> ApplyReport:
        """Validate all, write what differs, verify what M-Bus can read back; link last."""
        model = await self._require_model()
        for item in changes:
            check_reachable(item, model, MBUS)
        current = await self.get_settings(self.reachable_settings(model))
        merged = {k: v for k, v in current.items() if not isinstance(v, Exception)}
        merged.update({item.key: value for item, value in changes.items()})
        check_rules(model, merged)
        ordered = sorted(changes.items(), key=lambda kv: LINK_ORDER.get(kv[0].key, 0))
        report = ApplyReport()
        for item, value in ordered:
            before = current.get(item.key)
            report.results.append(ApplyResult(
                item.key, value, "not attempted",
                before=None if isinstance(before, Exception) else before))
        for result, (item, value) in zip(report.results, ordered, strict=True):
            if result.before is not None and result.before == value:
                result.status, result.after = "unchanged", value
                continue
            try:
                await self._write(result, item, value)
            except ConfiguratorError as exc:
                result.status, result.message = "failed", message_of(exc)
                report.error = exc
                break
            if result.status == "failed":
                report.error = VerifyError(QT_TRANSLATE_NOOP("Errors", "{key}: {problem}.")
                                           .format(key=item.key, problem=result.message))
                break
            if item.key in LINK_ORDER:
                report.link_note = self.link_description()
        return report

    async def _write(self, result: ApplyResult, item: Setting, value: Any) -> None:
        ci, data = write_telegram(item.key, value)
        shown = item.domain.format(value)
        what = QT_TRANSLATE_NOOP("Errors", "to writing {key}={value}").format(
            key=item.key, value=shown)
        if item.key in LINK_ORDER:
            done = QT_TRANSLATE_NOOP("Errors", "writing {key}={value}").format(
                key=item.key, value=shown)
            await self._write_link(item, value, ci, data, what, done)
            result.status, result.after = "written", value
            return
        if not self._linked:
            await self._connect()
        await self.master.send_data(self.target, ci, data, what=what)
        if item.key not in READABLE:
            result.status, result.after = "acknowledged", None
            result.message = QT_TRANSLATE_NOOP(
                "Services", "the meter acknowledged (E5); M-Bus cannot read {key} back").format(
                key=item.key)
            unverified = unverified_note(item.key)  # field: which byte reading was written
            if unverified is not None:
                result.message = QT_TRANSLATE_NOOP("Services", "{message}; {unverified}").format(
                    message=result.message, unverified=unverified)
            return
        after = (await self.get_settings([item]))[item.key]
        result.after = after
        if after != value:
            result.status = "failed"
            result.message = QT_TRANSLATE_NOOP(
                "Errors", "wrote {value} but the meter reads back {after}").format(
                value=value, after=after)
        else:
            result.status = "written"

    async def _write_link(self, item: Setting, value: Any, ci: int, data: bytes,
                          what: str, done: str) -> None:
        """Write a link setting, follow the meter to it and check it answers there.

        `what` names the request for the bus ("to writing ..."), `done` the change for the
        verdict ("writing ...").
        """
        transport = self.serial_transport
        old = (self.address, self.secondary, transport.settings.baudrate)
        if not self._linked:
            await self._connect()
        # The E5 may be lost while the meter switches over: what counts is the check below.
        with contextlib.suppress(MeterTimeoutError, FrameError):
            await self.master.send_data(self.target, ci, data, what=what)
        if item.key == "mbus.address":
            self.address = int(value)
        elif item.key == "mbus.secondary_address":
            if self.secondary:
                self.secondary = str(value)
        else:
            await transport.reconfigure(baudrate=int(value))
        self._linked = False
        with contextlib.suppress(MeterTimeoutError, FrameError):
            telegram, _values = await self._telegram()
            if self._shows(item.key, value, telegram):
                return
        self.address, self.secondary = old[0], old[1]
        await transport.reconfigure(baudrate=old[2])
        self._linked = False
        try:
            await self._telegram()
        except (MeterTimeoutError, FrameError):
            raise MeterTimeoutError(QT_TRANSLATE_NOOP(
                "Errors", "After {what} the meter answers neither at the new setting nor at the "
                "old one ({where}, {baud} baud); run 'configurator --protocol mbus scan "
                "--secondary' to find it.").format(
                what=done, where=self._where(), baud=old[2])) from None
        raise VerifyError(QT_TRANSLATE_NOOP(
            "Errors", "The meter did not take {what}: it still answers at {where}, {baud} baud."
        ).format(what=done, where=self._where(), baud=old[2]))

    def _shows(self, key: str, value: Any, telegram: Telegram) -> bool:
        if key == "mbus.address":
            return telegram.address == int(value)
        if key == "mbus.secondary_address":
            return telegram.header is not None and telegram.header.secondary_address == value
        return True  # it answered at the new baud rate

    async def run_action(self, action: Action) -> Any:
        """A counter reset (A2.3); the day counter is read back, the power-down counter
        cannot be (no RSP_UD record carries it)."""
        await self._require_model()
        if not action.mbus:
            raise UnsupportedError(QT_TRANSLATE_NOOP(
                "Errors", "{action} cannot be done over M-Bus.").format(action=action.name))
        ci, data = write_telegram(action.name)
        if not self._linked:
            await self._connect()
        await self.master.send_data(self.target, ci, data, what=QT_TRANSLATE_NOOP(
            "Errors", "to reset {action}").format(action=action.name))
        reg = action.register
        _telegram, values = await self._telegram()
        if reg.key not in values:
            return QT_TRANSLATE_NOOP("Services", "0 (acknowledged; M-Bus cannot read it back)")
        after = values[reg.key]
        if 0 <= after - action.value <= action.still_counting_tolerance:
            return after
        raise VerifyError(QT_TRANSLATE_NOOP(
            "Errors", "After reset {action} the meter still reads {after}.").format(
            action=action.name, after=after))

    def link_counters(self) -> dict[str, int]:
        """Transactions, timeouts, garbled answers and retries on the link (diagnostics)."""
        return dataclasses.asdict(self.master.counters)

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
        baud = self.serial_transport.settings.baudrate
        if self.secondary:
            return QT_TRANSLATE_NOOP(
                "Services", "M-Bus primary address {address}, secondary address {secondary}, "
                "{baud} baud (--protocol mbus --address {address} --baud {baud} --device "
                "{secondary})").format(address=self.address, secondary=self.secondary, baud=baud)
        return QT_TRANSLATE_NOOP(
            "Services", "M-Bus primary address {address}, {baud} baud (--protocol mbus "
            "--address {address} --baud {baud})").format(address=self.address, baud=baud)


def parse_secondary(text: str | None) -> str | None:
    """The --device value as an 8-digit secondary address, or None."""
    if text is None:
        return None
    cleaned = text.strip()
    if len(cleaned) != 8 or not cleaned.isdigit():
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "--device {text!r}: over M-Bus give the meter's 8-digit secondary address "
            "(e.g. --device 23000001).").format(text=text))
    return cleaned


@asynccontextmanager
async def open_mbus_master(options: ConnectionOptions, on_traffic: TrafficCallback | None = None
                           ) -> AsyncIterator[MbusMaster]:
    """An open M-Bus master on the options' serial port (for scans); closed on exit."""
    async with open_serial(options) as transport:
        yield MbusMaster(transport, timeout=options.timeout, retries=options.retries,
                         on_traffic=on_traffic)


@asynccontextmanager
async def _open_mbus(options: ConnectionOptions, on_traffic: TrafficCallback | None = None
                     ) -> AsyncIterator[MeterSession]:
    secondary = parse_secondary(options.device)
    async with open_mbus_master(options, on_traffic) as master:
        assert options.address is not None
        yield MbusMeter(master, options.address, secondary)


OPENERS[MBUS] = _open_mbus

__all__ = ["MbusMeter", "open_mbus_master", "parse_secondary"]
