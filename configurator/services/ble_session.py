"""Meter sessions over Bluetooth LE: the Modbus session, tunnelled through the meter's GATT link.

Imported lazily by `connection._load_protocol("ble")`; registers `OPENERS["ble"]`. The session is
`ModbusMeter` itself (same reads, writes, validation, read-back) with the transport name "ble",
so the register table's BLE-only registers (backlight 0x4C02 ...) are in reach; they count as
available only once the meter has answered them.

The PIN (the meter password) comes from --pin, else from the OS keyring if the user chose to
remember it there, else the factory default 0000. It is never written anywhere else, and
never logged.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from contextlib import asynccontextmanager
from typing import Any

from bleak.backends.client import BaseBleakClient
from bleak.backends.scanner import BaseBleakScanner

from ..errors import (
    FrameError,
    MeterExceptionError,
    MeterTimeoutError,
    UnsupportedError,
    UsageError,
    VerifyError,
)
from ..i18n import QT_TRANSLATE_NOOP, Template
from ..model.models import Model
from ..model.registers import BLE, REGISTERS
from ..model.settings import Setting
from ..protocol.modbus_master import ModbusMaster
from ..transport.ble import DEFAULT_PIN, BleSettings, BleTransport, meter_name
from .api import MeterSession
from .connection import OPENERS, ConnectionOptions, TrafficCallback
from .meter import IDENTITY_GROUPS, ApplyReport, Identity, ModbusMeter

log = logging.getLogger(__name__)

KEYRING_SERVICE = "wago-879-30xx-configurator"
Backends = tuple[type[BaseBleakScanner] | None, type[BaseBleakClient] | None]
_backends: Backends = (None, None)  # None: the platform's own bleak backends


@contextlib.contextmanager
def using_backends(scanner: type[BaseBleakScanner] | None,
                   client: type[BaseBleakClient] | None) -> Iterator[None]:
    """Open BLE sessions through these bleak backends (the simulator) within the block."""
    global _backends
    previous, _backends = _backends, (scanner, client)
    try:
        yield
    finally:
        _backends = previous


def current_backends() -> Backends:
    """The bleak backends sessions and scans use now (None, None: the platform's own)."""
    return _backends


# --- PIN in the OS keyring (optional) ------------------------------------------------------


def _keyring() -> Any | None:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def recall_pin(device: str) -> str | None:
    """The PIN remembered for `device` in the OS keyring, or None (also with no keyring)."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, meter_name(device))
    except Exception as exc:  # no backend (headless), locked, D-Bus down: all mean "none"
        log.debug("no PIN from the OS keyring: %s", type(exc).__name__)
        return None


def remember_pin(device: str, pin: str) -> bool:
    """Keep the PIN for `device` in the OS keyring; False if there is no usable keyring."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, meter_name(device), pin)
    except Exception as exc:
        log.debug("cannot store the PIN in the OS keyring: %s", type(exc).__name__)
        return False
    return True


def forget_pin(device: str) -> bool:
    """Remove a remembered PIN; False if there was none or no usable keyring."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.delete_password(KEYRING_SERVICE, meter_name(device))
    except Exception as exc:
        log.debug("no PIN removed from the OS keyring: %s", type(exc).__name__)
        return False
    return True


# --- the session -----------------------------------------------------------------------


class BleMeter(ModbusMeter):
    """A meter reached over Bluetooth LE: Modbus RTU frames through the GATT link."""

    transport_name = BLE

    def __init__(self, master: ModbusMaster, address: int, transport: BleTransport) -> None:
        super().__init__(master, address)
        self.ble = transport
        self.unanswered: dict[str, str] = {}  # BLE-only register key -> why it is unavailable
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
                self.unanswered[reg.key] = QT_TRANSLATE_NOOP(
                    "Errors", "this meter does not answer the vendor register 0x{address:04X} "
                    "({label}) over Bluetooth (exception {code})").format(
                    address=reg.address, label=Template(reg.label, "Registers"), code=exc.code)
                continue
            if reg.group in IDENTITY_GROUPS:  # the vendor's product code joins the identity
                identity.values.update(values)

    def _unavailable(self, item: Setting) -> UnsupportedError | None:
        if item.register_key in self.unanswered:
            return UnsupportedError(QT_TRANSLATE_NOOP("Errors", "{key}: {problem}.").format(
                key=item.key, problem=self.unanswered[item.register_key]))
        return None

    def reachable_settings(self, model: Model) -> list[Setting]:
        """Settings this model has, BLE reaches, and the meter answered."""
        return [s for s in super().reachable_settings(model) if self._unavailable(s) is None]

    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current values; a BLE-only setting the meter does not answer reads as an error."""
        await self._require_model()
        wanted = list(items)
        missing = {s.key: error for s in wanted if (error := self._unavailable(s)) is not None}
        values = await super().get_settings([s for s in wanted if s.key not in missing])
        values.update(missing)
        return {s.key: values[s.key] for s in wanted}

    async def apply(self, changes: dict[Setting, Any]) -> ApplyReport:
        """As over Modbus; a BLE-only setting the meter does not answer is refused first."""
        await self._require_model()
        for item in changes:
            error = self._unavailable(item)
            if error is not None:
                raise error
        return await super().apply(changes)

    def link_description(self) -> str:
        """Where the meter answers now, for the user to reuse."""
        name = self.ble.device.name if self.ble.device and self.ble.device.name else \
            self.ble.settings.device
        return QT_TRANSLATE_NOOP(
            "Services", "{link}, Modbus address {address} (--protocol ble --device {name} "
            "--address {address})").format(link=self.ble.description, address=self.address,
                                           name=name)

    async def _write_link(self, item: Setting, value: Any, fc: int, address: int,
                          words: tuple[int, ...], what: str) -> None:
        """RS-485 link settings do not touch the Bluetooth link: no serial port to follow.

        Baud rate and parity are written and read back like any setting. A new Modbus
        address is followed: the meter answers the tunnelled frames at its Modbus address.
        """
        if item.key != "modbus.address":
            await self.master.write_registers(self.address, fc, address, words, what=what)
            return
        old_address = self.address
        with contextlib.suppress(MeterTimeoutError, FrameError):
            await self.master.write_registers(self.address, fc, address, words, what=what)
        self.address = int(value)
        try:
            await self.master.read_registers(self.address, 0x4002, 1)
            return
        except (MeterTimeoutError, FrameError):
            self.address = old_address
        try:
            await self.master.read_registers(self.address, 0x4002, 1)
        except (MeterTimeoutError, FrameError):
            raise MeterTimeoutError(QT_TRANSLATE_NOOP(
                "Errors", "After {what} the meter answers over {link} neither at Modbus address "
                "{address} nor at {old_address}.").format(
                what=what, link=self.ble.description, address=value,
                old_address=old_address)) from None
        raise VerifyError(QT_TRANSLATE_NOOP(
            "Errors", "The meter did not take {what}: it still answers at Modbus address "
            "{old_address}.").format(what=what, old_address=old_address))


def _pin(options: ConnectionOptions, device: str) -> str:
    if options.pin is not None:
        return options.pin
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
    scanner, client = backends if backends is not None else _backends
    transport = BleTransport(BleSettings(opts.device, _pin(opts, opts.device)),
                             scanner_backend=scanner, client_backend=client)
    await transport.open()
    try:
        master = ModbusMaster(transport, timeout=opts.timeout, retries=opts.retries,
                              on_traffic=on_traffic, echo=False)
        yield BleMeter(master, opts.address, transport)
    finally:
        await transport.close()


OPENERS[BLE] = open_ble

__all__ = ["KEYRING_SERVICE", "BleMeter", "current_backends", "forget_pin", "open_ble",
           "recall_pin", "remember_pin", "using_backends"]
