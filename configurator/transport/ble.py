"""Bluetooth LE: a ByteTransport that tunnels Modbus RTU frames through the meter's GATT service.

The GATT profile (FACTS.md, from Inepro Metering's public library for the same meter family):
service FFE0; requests are written to FFE9 with response, in chunks of at most 20 bytes;
answers arrive as notifications on FFE4, also in chunks, and the ModbusMaster above
reassembles them by expected length and CRC exactly as it does for serial bytes.

Only bleak's public `BleakScanner` / `BleakClient` are used. The `scanner_backend` and
`client_backend` arguments are handed to bleak's `backend=` seam unchanged: None selects the
platform's own backend (BlueZ, CoreBluetooth, WinRT), the simulator passes its own classes.

Pairing: the meter wants the 4-digit meter password as PIN. bleak has no API to hand a PIN
to the operating system's pairing agent, so `pair(pin=...)` passes it as a keyword that
real backends ignore (the OS asks for it) and the simulated backend checks. The PIN is never
logged and never part of `repr` or `description`.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import sys
from dataclasses import dataclass, field
from typing import Any

from bleak import BleakClient, BleakScanner
from bleak.backends.client import BaseBleakClient
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, BaseBleakScanner
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakError,
    BleakGATTProtocolError,
    BleakGATTProtocolErrorCode,
)

from ..errors import (
    BluetoothUnavailableError,
    DeviceNotFoundError,
    LinkDroppedError,
    LinkLostError,
    NotAMeterError,
    PairingError,
    PortError,
    UsageError,
)
from ..i18n import QT_TRANSLATE_NOOP, message_of
from .waiting import within

log = logging.getLogger(__name__)


def _uuid16(short: int) -> str:
    return f"0000{short:04x}-0000-1000-8000-00805f9b34fb"


SERVICE_UUID = _uuid16(0xFFE0)
WRITE_UUID = _uuid16(0xFFE9)  # write with response
NOTIFY_UUID = _uuid16(0xFFE4)
DEVICE_INFO_UUID = _uuid16(0x180A)
DEVICE_INFO_FIELDS = {  # Device Information characteristics the meter offers (FACTS.md)
    "model": _uuid16(0x2A24),
    "serial": _uuid16(0x2A25),
    "firmware": _uuid16(0x2A26),
    "manufacturer": _uuid16(0x2A29),
}
NAME_PREFIX = "IM-"  # meters advertise as IM-<12-digit serial>
MAX_WRITE = 20  # bytes per GATT write (FACTS.md)
DEFAULT_PIN = "0000"  # the factory meter password
# Seconds per byte on the link, for answer timeouts: a 20-byte notification per connection
# interval (7.5-50 ms) gives 0.4-2.5 ms a byte; take a slow link.
SECONDS_PER_BYTE = 0.002

_INSUFFICIENT_SECURITY = {
    BleakGATTProtocolErrorCode.INSUFFICIENT_AUTHENTICATION,
    BleakGATTProtocolErrorCode.INSUFFICIENT_AUTHORIZATION,
    BleakGATTProtocolErrorCode.INSUFFICIENT_ENCRYPTION,
    BleakGATTProtocolErrorCode.INSUFFICIENT_ENCRYPTION_KEY_SIZE,
}
_ADDRESS = re.compile(r"^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$|^[0-9A-Fa-f-]{36}$")


def is_address(device: str) -> bool:
    """Whether `device` is a Bluetooth address (or a macOS device UUID), not a name."""
    return bool(_ADDRESS.match(device))


def meter_name(device: str) -> str:
    """The advertised name for `device`: a bare serial number becomes IM-<12 digits>."""
    return f"{NAME_PREFIX}{int(device):012d}" if device.isdigit() else device


def serial_from_name(name: str | None) -> int | None:
    """The serial number in an `IM-<12 digits>` name, or None for any other name."""
    if name and name.startswith(NAME_PREFIX):
        digits = name[len(NAME_PREFIX):]
        if len(digits) == 12 and digits.isdigit():
            return int(digits)
    return None


def pin_passkey(pin: str) -> int:
    """The BLE passkey for a meter password: "0000" -> 0 (passkeys are 0-999999)."""
    if not (pin.isdigit() and 1 <= len(pin) <= 6):
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "The Bluetooth PIN is the meter password: 4 digits, e.g. 0000."))
    return int(pin)


def bluetooth_error(exc: BaseException) -> BluetoothUnavailableError:
    """The sentence for a scanner or client that cannot use the adapter at all."""
    if isinstance(exc, BleakBluetoothNotAvailableError):
        reason = exc.reason.name.lower().replace("_", " ")
        return BluetoothUnavailableError(QT_TRANSLATE_NOOP(
            "Errors", "Bluetooth is not available on this computer ({reason}): switch the "
            "adapter on or plug one in.").format(reason=reason))
    if isinstance(exc, (FileNotFoundError, ConnectionRefusedError)):
        return BluetoothUnavailableError(QT_TRANSLATE_NOOP(
            "Errors", "Bluetooth is not available on this computer: no Bluetooth service "
            "(BlueZ) is running, or there is no adapter."))
    return BluetoothUnavailableError(QT_TRANSLATE_NOOP(
        "Errors", "Bluetooth is not available on this computer: {reason}.").format(
        reason=str(exc)))


@dataclass(frozen=True)
class BleSettings:
    """Which meter to reach over Bluetooth LE, and how patiently."""

    device: str  # address, name (IM-...), or a bare serial number
    pin: str = field(default=DEFAULT_PIN, repr=False)  # the meter password; never shown
    scan_timeout: float = 10.0
    connect_timeout: float = 20.0
    reconnect_attempts: int = 3
    reconnect_backoff: float = 0.5  # first pause before reconnecting; doubles each time

    def describe(self) -> str:
        """Like "Bluetooth LE IM-000019020246"."""
        return f"Bluetooth LE {meter_name(self.device)}"


class BleTransport:
    """A ByteTransport over bleak: one GATT connection to one meter."""

    def __init__(self, settings: BleSettings, *,
                 scanner_backend: type[BaseBleakScanner] | None = None,
                 client_backend: type[BaseBleakClient] | None = None) -> None:
        self.settings = settings
        self.scanner_backend = scanner_backend
        self.client_backend = client_backend
        self.device: BLEDevice | None = None
        self.reconnects = 0
        self._client: BleakClient | None = None
        self._queue: asyncio.Queue[bytes | Exception] = asyncio.Queue()
        self._connected = False
        self._closing = False

    @property
    def description(self) -> str:
        """The meter's name (or address), for messages."""
        if self.device is not None and self.device.name:
            return f"Bluetooth LE {self.device.name}"
        return self.settings.describe()

    @property
    def is_connected(self) -> bool:
        """Whether the GATT link is up now."""
        return self._connected and self._client is not None and self._client.is_connected

    # --- opening ----------------------------------------------------------------------

    async def open(self) -> None:
        """Find the meter, connect, check its service, pair with the PIN, subscribe."""
        pin_passkey(self.settings.pin)  # a malformed PIN fails before any radio traffic
        self._queue = asyncio.Queue()
        self._closing = False
        self.device = await self._find()
        await self._connect()

    async def _find(self) -> BLEDevice:
        wanted = meter_name(self.settings.device)
        by_address = is_address(wanted)
        key = wanted.lower()

        def match(device: BLEDevice, adv: AdvertisementData) -> bool:
            if by_address:
                return device.address.lower() == key
            return wanted in (adv.local_name, device.name)

        try:
            # bleak types its `backend` extra argument without None, its default
            found = await BleakScanner.find_device_by_filter(
                match, timeout=self.settings.scan_timeout,
                backend=self.scanner_backend)  # type: ignore[arg-type]
        except (BleakError, OSError) as exc:
            raise bluetooth_error(exc) from exc
        if found is None:
            raise DeviceNotFoundError(QT_TRANSLATE_NOOP(
                "Errors", "No Bluetooth LE meter {wanted} found within {seconds:g} s: check "
                "that it is in range with Bluetooth on, and not connected to another phone or "
                "computer ('configurator ble-scan' lists the meters in range).").format(
                wanted=wanted, seconds=self.settings.scan_timeout))
        return found

    async def _connect(self) -> None:
        assert self.device is not None
        name = self.description
        if self._client is None:
            self._client = BleakClient(self.device, disconnected_callback=self._on_disconnect,
                                       timeout=self.settings.connect_timeout,
                                       backend=self.client_backend)
        client = self._client
        try:
            await client.connect()
        except BleakBluetoothNotAvailableError as exc:
            raise bluetooth_error(exc) from exc
        except (TimeoutError, BleakError, OSError) as exc:
            raise PortError(QT_TRANSLATE_NOOP(
                "Errors", "{name} did not accept a connection: {reason}.").format(
                name=name, reason=_reason(exc))) from exc
        try:
            self._check_service(client, name)  # before pairing: never pair with a stranger
            await self._pair(client, name)
            try:
                await client.start_notify(NOTIFY_UUID, self._on_notify)
            except (BleakError, OSError) as exc:
                raise PortError(QT_TRANSLATE_NOOP(
                    "Errors", "{name} refused to send notifications: {reason}.").format(
                    name=name, reason=_reason(exc))) from exc
        except BaseException:
            await self._disconnect_quietly()
            raise
        self._connected = True

    def _pairing_agent(self) -> contextlib.AbstractAsyncContextManager[object]:
        """On Linux with the real BlueZ backend, an agent that hands BlueZ the PIN."""
        if self.client_backend is None and sys.platform.startswith("linux"):
            from .bluez_agent import pin_agent

            return pin_agent(self.settings.pin)
        return contextlib.nullcontext()

    async def _pair(self, client: BleakClient, name: str) -> None:
        try:
            async with self._pairing_agent():
                await client.pair(pin=self.settings.pin)
        except (BleakError, OSError, TimeoutError) as exc:
            log.debug("%s: pairing failed: %s", name, _reason(exc))
            raise PairingError(QT_TRANSLATE_NOOP(
                "Errors", "{name} refused pairing: check the PIN, which is the meter password "
                "(factory default 0000).").format(name=name)) from exc

    @staticmethod
    def _check_service(client: BleakClient, name: str) -> None:
        service = client.services.get_service(SERVICE_UUID)
        chars = {c.uuid for c in service.characteristics} if service is not None else set()
        if service is None or not {WRITE_UUID, NOTIFY_UUID} <= chars:
            raise NotAMeterError(QT_TRANSLATE_NOOP(
                "Errors", "{name} is not a WAGO 879-30xx meter: it offers no Modbus service "
                "(GATT FFE0 with FFE9/FFE4).").format(name=name))

    # --- link events ------------------------------------------------------------------

    def _on_notify(self, _sender: Any, data: bytearray) -> None:
        self._queue.put_nowait(bytes(data))

    def _on_disconnect(self, _client: BleakClient) -> None:
        if self._closing:
            return
        self._connected = False
        log.debug("%s: link dropped", self.description)
        self._queue.put_nowait(LinkDroppedError(QT_TRANSLATE_NOOP(
            "Errors", "The Bluetooth link to {link} dropped before the meter's answer arrived; "
            "it reconnects on the next request.").format(link=self.description)))

    async def _reconnect(self) -> None:
        """Connect again with growing pauses; a refused PIN or a foreign device stops it."""
        attempts = max(1, self.settings.reconnect_attempts)
        pause = self.settings.reconnect_backoff
        last: Exception | None = None
        for attempt in range(attempts):
            if attempt:
                await asyncio.sleep(pause)
                pause *= 2
            log.debug("%s: reconnecting (attempt %d of %d)", self.description, attempt + 1,
                      attempts)
            try:
                await self._connect()
            except (PairingError, NotAMeterError):
                raise
            except PortError as exc:
                last = exc
                continue
            self.reconnects += 1
            return
        raise LinkLostError(QT_TRANSLATE_NOOP(
            "Errors", "The Bluetooth link to {link} was lost and {attempts} reconnection "
            "attempts failed: {reason}").format(link=self.description, attempts=attempts,
                                                 reason=last if last is None else message_of(last)))

    # --- ByteTransport ----------------------------------------------------------------

    async def send(self, data: bytes) -> None:
        """Write a whole frame in chunks of at most 20 bytes, each with response."""
        if self._client is None or self.device is None or self._closing:
            raise LinkLostError(QT_TRANSLATE_NOOP("Errors", "{link} is not open.").format(
                link=self.description))
        if not self.is_connected:
            await self._reconnect()
        client = self._client
        try:
            for start in range(0, len(data), MAX_WRITE):
                await client.write_gatt_char(WRITE_UUID, data[start:start + MAX_WRITE],
                                             response=True)
        except BleakGATTProtocolError as exc:
            if exc.code in _INSUFFICIENT_SECURITY:
                raise PairingError(QT_TRANSLATE_NOOP(
                    "Errors", "{link} refuses requests without pairing: check the PIN (the "
                    "meter password).").format(link=self.description)) from exc
            raise LinkDroppedError(QT_TRANSLATE_NOOP(
                "Errors", "{link} rejected a request: {reason}.").format(
                link=self.description, reason=_reason(exc))) from exc
        except (BleakError, OSError, EOFError, TimeoutError) as exc:
            self._connected = False
            raise LinkDroppedError(QT_TRANSLATE_NOOP(
                "Errors", "The Bluetooth link to {link} dropped while sending: {reason}.").format(
                link=self.description, reason=_reason(exc))) from exc

    async def receive(self, timeout: float) -> bytes:
        """The next notification chunk, or TimeoutError; a dropped link raises at once."""
        item = await within(self._queue.get(), timeout)  # never loses a cancellation
        if isinstance(item, Exception):
            raise item
        return item

    def discard_input(self) -> None:
        """Drop chunks and stale link-loss notes already received."""
        while not self._queue.empty():
            self._queue.get_nowait()

    def char_time(self) -> float:
        """Seconds per byte on a slow BLE link (answer timeouts scale with it)."""
        return SECONDS_PER_BYTE

    async def read_device_information(self) -> dict[str, str]:
        """Model, serial, firmware and manufacturer from the Device Information service."""
        if self._client is None or not self.is_connected:
            raise LinkLostError(QT_TRANSLATE_NOOP("Errors", "{link} is not connected.").format(
                link=self.description))
        found: dict[str, str] = {}
        for key, uuid in DEVICE_INFO_FIELDS.items():
            try:
                raw = await self._client.read_gatt_char(uuid)
            except BleakError as exc:
                log.debug("%s: no %s (%s)", self.description, key, exc)
                continue
            found[key] = bytes(raw).decode("utf-8", errors="replace").rstrip("\0")
        return found

    async def _disconnect_quietly(self) -> None:
        self._connected = False
        client = self._client
        if client is None:
            return
        closing, self._closing = self._closing, True
        try:
            with contextlib.suppress(BleakError, OSError, TimeoutError, EOFError):
                await client.disconnect()
        finally:
            self._closing = closing

    async def close(self) -> None:
        """Disconnect; never raises."""
        self._closing = True
        await self._disconnect_quietly()
        self._client = None


def _reason(exc: BaseException) -> str:
    text = str(exc).strip()
    return text or type(exc).__name__
