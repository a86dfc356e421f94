"""A meter over M-Bus: `MbusMeter` implements MeterSession with the manual's telegrams.

Opened by `connection.open_session` (its table of openers imports this module only when an M-Bus
session is asked for). Values carry the register table's keys and units, so `read` shows the
same meter whatever the transport. Writes go through the one write engine (services/engine.py);
this class provides its primitives.

What M-Bus reaches (docs/DECISIONS.md):
- identity: the RSP_UD header (ident = secondary address, which is the serial's last 8 digits
  as shipped, A2.1; manufacturer INM; version = the software's major version; medium;
  access number; status) and, on a 2PU CT, the CT rate record. 4PU and 4PS send identical
  records: shown as 4PU, with a note. No software checksum over M-Bus.
- settings it READS (`Setting.mbus_readable`): `tariff` (its RSP_UD record), `mbus.address`
  (the RSP_UD's A field), `mbus.secondary_address` (the header ident), `mbus.baudrate` (the
  speed it answered at), `ct.ratio` (2PU CT: the CT rate record; written over Modbus/BLE only).
  `combination_code` and `s0.rate` can be written (A2.3) but no RSP_UD record carries them:
  they are reported as unreadable, and a write of them is reported "acknowledged" (E5),
  never "read back OK".
- link changes (primary, secondary address, baud) are followed and verified like Modbus ones.

`--device <8 digits>` addresses a meter by secondary address (select, then address 253): the
way to reach one of several meters that share primary address 0 as shipped.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from ..errors import (
    FrameError,
    MeterTimeoutError,
    NotAMeterError,
    UnsupportedError,
    UsageError,
)
from ..i18n import QT_TRANSLATE_NOOP, message_of
from ..model.models import ChecksumVerdict, Model
from ..model.registers import REGISTERS
from ..model.settings import (
    MBUS,
    SETTINGS,
    Action,
    Setting,
    check_reachable,
    reachable_settings,
    unreachable,
)
from ..protocol.mbus import frames
from ..protocol.mbus.master import MbusMaster, select_pattern
from ..protocol.mbus.meter_map import decode, model_from, unverified_note, write_telegram
from ..protocol.mbus.records import Telegram, medium_name
from ..transport.serial_port import SerialTransport
from .api import MeterSession
from .connection import ConnectionOptions, TrafficCallback, open_serial
from .engine import BeforeWrite, Confirmer, NotSentError, WriteEngine
from .meter import READING_GROUPS, Identity, Reading
from .outcomes import (
    ApplyReport,
    LinkPoint,
    Probe,
    Unreachable,
    UnreachableError,
    UnreachableKind,
    WritePlan,
)

MANUFACTURER = "INM"  # CD 25 (FACTS.md)
MEDIUM_ELECTRICITY = 0x02


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
        return Identity(model, ident, ChecksumVerdict.UNAVAILABLE, QT_TRANSLATE_NOOP(
            "Services", "M-Bus does not carry the software version and checksum (manual 4.3): "
            "check them over Modbus RTU ('configurator info')."))

    async def require_model(self) -> Model:
        """The meter's model (identifying it first if needed)."""
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
        """Settings this model has and this transport reads or writes."""
        return reachable_settings(model, MBUS)

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current values; a key M-Bus can write but not read gets an UnreachableError
        (kind WRITE_ONLY)."""
        model = await self.require_model()
        wanted = list(items)
        for item in wanted:
            check_reachable(item, model, MBUS)
        return await self.read_values(wanted)

    async def read_values(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current values from one RSP_UD (none is requested if no key is readable)."""
        wanted = list(items)
        telegram, values = (await self._telegram()) if any(
            self.readable(item) for item in wanted) else (None, {})
        out: dict[str, Any] = {}
        for item in wanted:
            if not self.readable(item):
                out[item.key] = UnreachableError(Unreachable(
                    item.key, UnreachableKind.WRITE_ONLY, transport=MBUS, menu=item.menu,
                    note=unverified_note(item.key) or ""))  # a guessed byte reading: say so
                continue
            assert telegram is not None
            out[item.key] = self._readable_value(item.key, telegram, values)
        return out

    def _readable_value(self, key: str, telegram: Telegram, values: dict[str, Any]) -> Any:
        if key == "mbus.address":
            return telegram.address
        if key == "mbus.secondary_address":
            assert telegram.header is not None
            return telegram.header.secondary_address
        if key == "mbus.baudrate":
            return SETTINGS[key].domain.check(key, self.serial_transport.settings.baudrate)
        return values.get(key, UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "the RSP_UD has no {key} record").format(key=key)))

    # --- writing: the engine does the work (services/engine.py) ---------------------------

    async def prepare(self, changes: dict[Setting, Any]) -> WritePlan:
        """Check, read and order a change set, list its permanent acts; nothing is written."""
        return await WriteEngine(self).prepare(changes)

    async def apply(self, changes: dict[Setting, Any] | WritePlan,
                    confirm: Confirmer | None = None, *,
                    before_write: BeforeWrite | None = None) -> ApplyReport:
        """Validate all, write what differs, verify what M-Bus can read back; link last."""
        return await WriteEngine(self).apply(changes, confirm, before_write=before_write)

    async def run_action(self, action: Action, confirm: Confirmer | None = None
                         ) -> ApplyReport:
        """A counter reset (A2.3); the day counter is read back, the power-down counter
        cannot be (no RSP_UD record carries it)."""
        return await WriteEngine(self).run_action(action, confirm)

    # --- the engine's primitives (WritePrimitives) ------------------------------------------

    def write_reason(self, item: Setting, model: Model) -> Unreachable | None:
        """Why M-Bus cannot write `item`, or None."""
        return unreachable(item, model, MBUS, write=True)

    def readable(self, item: Setting) -> bool:
        """Whether an RSP_UD carries `item`."""
        return item.readable_over(MBUS)

    def write_note(self, item: Setting) -> str | None:
        """Which reading of the bytes a write uses, where that reading is unverified."""
        return unverified_note(item.key)

    async def _linked_target(self) -> int:
        """The address to write to, after setting up the link; NotSentError if that fails."""
        if not self._linked:
            try:
                await self._connect()
            except (MeterTimeoutError, FrameError) as exc:
                raise NotSentError(exc) from None
        return self.target

    async def send(self, item: Setting, value: Any) -> None:
        """One SND_UD (never retried); the meter acknowledges with E5."""
        ci, data = write_telegram(item.key, value)
        target = await self._linked_target()
        await self.master.send_data(target, ci, data, what=QT_TRANSLATE_NOOP(
            "Errors", "to writing {key}={value}").format(key=item.key,
                                                        value=item.domain.format(value)))

    def check_action(self, action: Action, model: Model) -> None:
        """Raise UnsupportedError for an action M-Bus cannot send."""
        del model
        if not action.mbus:
            raise UnsupportedError(QT_TRANSLATE_NOOP(
                "Errors", "{action} cannot be done over M-Bus.").format(action=action.name))

    async def send_action(self, action: Action) -> None:
        """One SND_UD of a counter reset."""
        ci, data = write_telegram(action.name)
        target = await self._linked_target()
        await self.master.send_data(target, ci, data, what=QT_TRANSLATE_NOOP(
            "Errors", "to reset {action}").format(action=action.name))

    async def read_action(self, action: Action) -> Any:
        """The counter from the RSP_UD, or None when no record carries it."""
        _telegram, values = await self._telegram()
        value = values.get(action.register.key)
        return None if isinstance(value, Exception) else value

    def link_point(self) -> LinkPoint:
        """Primary address (or selection by secondary address) and speed."""
        return LinkPoint(MBUS, self.address, self.serial_transport.settings.baudrate,
                         secondary=self.secondary)

    def point_after(self, item: Setting, value: Any) -> LinkPoint | None:
        """Where the meter answers once a link setting is written. A new secondary address
        moves the session only when it selects the meter by it; addressed by primary address
        the point stays and the new secondary address is read back."""
        here = self.link_point()
        if item.key == "mbus.address":
            return dataclasses.replace(here, address=int(value))
        if item.key == "mbus.baudrate":
            return dataclasses.replace(here, baudrate=int(value))
        if item.key == "mbus.secondary_address":
            return dataclasses.replace(here, secondary=str(value)) if self.secondary else here
        return None

    async def switch_to(self, point: LinkPoint) -> None:
        """Talk to `point`: address or selection, and the speed of the serial line."""
        self.address, self.secondary = point.address, point.secondary
        transport = self.serial_transport
        if point.baudrate is not None and point.baudrate != transport.settings.baudrate:
            await transport.reconfigure(baudrate=point.baudrate)
        self._linked = False

    async def probe(self) -> Probe:
        """An RSP_UD from the current point: the header's ident is the serial."""
        try:
            telegram, _values = await self._telegram()
        except FrameError:
            return Probe(answered=False, heard=True)
        except MeterTimeoutError:
            return Probe(answered=False)
        header = telegram.header
        return Probe(True, True, header.ident if header is not None else None)

    async def occupant(self, point: LinkPoint) -> Probe | None:
        """Who answers REQ_UD2 at `point`'s primary address (the session stays where it is)."""
        try:
            telegram = await self.master.request_data(point.address)
        except FrameError:
            return Probe(answered=False, heard=True)
        except MeterTimeoutError:
            return Probe(answered=False)
        header = telegram.header
        if header is None or header.manufacturer != MANUFACTURER:
            return Probe(answered=False, heard=True)
        return Probe(True, True, header.ident)

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
async def open_mbus(options: ConnectionOptions, on_traffic: TrafficCallback | None = None
                    ) -> AsyncIterator[MeterSession]:
    """A session to the meter at `options.address`, or selected by `options.device` (its
    8-digit secondary address)."""
    secondary = parse_secondary(options.device)
    async with open_mbus_master(options, on_traffic) as master:
        assert options.address is not None
        yield MbusMeter(master, options.address, secondary)


__all__ = ["MbusMeter", "open_mbus", "open_mbus_master", "parse_secondary"]
