"""Meter sessions over Bluetooth LE: the Modbus session, tunnelled through the meter's GATT link.

`open_ble` is opened by `connection.open_session` (its table of openers imports this module only
when a BLE session is asked for). The session is `ModbusMeter` itself (same reads, the same
write engine) with the transport name "ble", so the register table's BLE-only registers
(backlight 0x4C02 ...) are in reach; they count as available only once the meter has answered
them. Of the link settings only the Modbus address moves the tunnelled link; baud rate and
parity are the RS-485 side's and are written and read back like any setting.

The bleak backends come with the options (`ConnectionOptions.ble_backends`, the simulator in
demos and tests; None: the platform's own), never from a module global.

The PIN (the meter password) comes from --pin, else from the OS keyring if the user chose to
remember it there, else the factory default 0000. It is never written anywhere else, and
never logged.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from bleak.backends.client import BaseBleakClient
from bleak.backends.scanner import BaseBleakScanner

from ..errors import MeterExceptionError, UsageError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.models import Model
from ..model.registers import BLE, REGISTERS
from ..model.settings import Setting
from ..protocol.modbus_master import ModbusMaster
from ..transport.ble import DEFAULT_PIN, BleSettings, BleTransport
from .api import MeterSession
from .connection import ConnectionOptions, TrafficCallback
from .meter import IDENTITY_GROUPS, Identity, ModbusMeter
from .outcomes import LinkPoint, Probe, Unreachable, UnreachableError, UnreachableKind
from .pin import KEYRING_SERVICE, forget_pin, recall_pin, remember_pin

log = logging.getLogger(__name__)

Backends = tuple[type[BaseBleakScanner] | None, type[BaseBleakClient] | None]


# --- PIN in the OS keyring: configurator/services/pin.py (re-exported here) --------------


# --- the session -----------------------------------------------------------------------


class BleMeter(ModbusMeter):
    """A meter reached over Bluetooth LE: Modbus RTU frames through the GATT link."""

    transport_name = BLE

    def __init__(self, master: ModbusMaster, address: int, transport: BleTransport) -> None:
        super().__init__(master, address)
        self.ble = transport
        self.unanswered: dict[str, tuple[int, str, int]] = {}  # BLE-only register key ->
        #                                  (address, label, exception code) the meter gave
        self._probed = False

    async def identify(self) -> Identity:
        """As over Modbus, then probe the BLE-only registers the meter may not answer."""
        identity = await super().identify()
        if not self._probed:
            await self._probe_ble_registers(identity)
        return identity

    async def _probe_ble_registers(self, identity: Identity) -> None:
        self._probed = True
        ble_only = [reg for reg in REGISTERS.select(model=identity.model, transport=BLE)
                    if reg.transports == frozenset({BLE})]
        for reg in ble_only:
            try:
                values = await self._read([reg])
            except MeterExceptionError as exc:
                self.unanswered[reg.key] = (reg.address, reg.label, exc.code)
                continue
            if reg.group in IDENTITY_GROUPS:  # the vendor's product code joins the identity
                identity.values.update(values)

    def _unavailable(self, item: Setting) -> Unreachable | None:
        found = self.unanswered.get(item.register_key or "")
        if found is None:
            return None
        address, label, code = found
        return Unreachable(item.key, UnreachableKind.NOT_ANSWERED, transport=BLE,
                           menu=item.menu, register_address=address, register_label=label,
                           code=code)

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has, BLE reaches, and the meter answered."""
        return [s for s in super().reachable_settings(model) if self._unavailable(s) is None]

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current values; a BLE-only setting the meter does not answer reads as an error."""
        await self.require_model()
        wanted = list(items)
        missing = {s.key: UnreachableError(reason) for s in wanted
                   if (reason := self._unavailable(s)) is not None}
        values = await super().get_settings([s for s in wanted if s.key not in missing])
        values.update(missing)
        return {s.key: values[s.key] for s in wanted}

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
        name = self.ble.device.name if self.ble.device and self.ble.device.name else \
            self.ble.settings.device
        return QT_TRANSLATE_NOOP(
            "Services", "{link}, Modbus address {address} (--protocol ble --device {name} "
            "--address {address})").format(link=self.ble.description, address=self.address,
                                           name=name)

    # --- primitives that differ from Modbus RTU ---------------------------------------------

    def write_reason(self, item: Setting, model: Model) -> Unreachable | None:
        """As over Modbus; a BLE-only setting the meter does not answer cannot be written."""
        return super().write_reason(item, model) or self._unavailable(item)

    def readable(self, item: Setting) -> bool:
        """As over Modbus, but not a vendor register the meter does not answer."""
        return super().readable(item) and self._unavailable(item) is None

    def link_point(self) -> LinkPoint:
        """The Modbus address inside the tunnel (the radio link has no speed or parity)."""
        return LinkPoint(BLE, self.address)

    def point_after(self, item: Setting, value: Any) -> LinkPoint | None:
        """Only a new Modbus address moves the tunnelled link; baud rate and parity are the
        RS-485 side's: no serial port here to follow, they are read back like any setting."""
        if item.key != "modbus.address":
            return None
        return LinkPoint(BLE, int(value))

    async def switch_to(self, point: LinkPoint) -> None:
        """Address the tunnelled frames to `point`."""
        self.address = point.address

    async def occupant(self, point: LinkPoint) -> Probe | None:
        """Unknown: the Bluetooth link reaches this meter only, not its RS-485 bus."""
        del point
        return None


def _pin(options: ConnectionOptions, device: str) -> str:
    if options.pin is not None:
        return options.pin
    if options.pin_source is not None:
        return options.pin_source(device)
    return recall_pin(device) or DEFAULT_PIN


@asynccontextmanager
async def open_ble(options: ConnectionOptions, on_traffic: TrafficCallback | None = None, *,
                   backends: Backends | None = None) -> AsyncIterator[MeterSession]:
    """A session to the meter `options.device` names (address, IM- name or serial)."""
    opts = options.resolved()
    if not opts.device:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "No Bluetooth LE meter given: use --device ADDRESS or --device "
            "IM-<serial> ('configurator ble-scan' lists the meters in range), or --demo for a "
            "simulated meter."))
    assert opts.address is not None
    scanner, client = backends if backends is not None else (opts.ble_backends or (None, None))
    pin = _pin(opts, opts.device)
    transport = BleTransport(BleSettings(opts.device, pin),
                             scanner_backend=scanner, client_backend=client)
    await transport.open()  # pairs: the meter accepted the PIN once this returns
    if opts.on_paired is not None:
        opts.on_paired(opts.device, pin)
    try:
        master = ModbusMaster(transport, timeout=opts.timeout, retries=opts.retries,
                              on_traffic=on_traffic, echo=False, protocol=BLE)
        yield BleMeter(master, opts.address, transport)
    finally:
        await transport.close()


__all__ = ["KEYRING_SERVICE", "Backends", "BleMeter", "forget_pin", "open_ble", "recall_pin",
           "remember_pin"]
