"""A simulated Bluetooth LE meter behind bleak's backend interface.

There is no radio, no BlueZ and no /dev/vhci on a plain Linux machine (FACTS.md), so the seam is
bleak's own `backend=` argument: `SimulatedAir` holds peripherals "on the air" and hands out a
`BaseBleakScanner` and a `BaseBleakClient` subclass bound to it. The project's BLE code uses
bleak's public `BleakScanner` / `BleakClient` unchanged; only the backend underneath is this.

A `MeterPeripheral` serves a `VirtualMeter` (the same state the RS-485 bus serves) through the
meter's GATT profile: service FFE0 (write FFE9 with response, notify FFE4) carrying whole Modbus
RTU frames, plus Device Information 0x180A. Requests may arrive in any number of <=20-byte
writes; answers go out as notifications of at most 20 bytes. Writes need pairing with the PIN
(the meter password). `Faults` injects what real links do: a link dropped in the middle of an
answer, a notification with a bad CRC, a meter out of range, an adapter switched off.

Everything is event-driven: notifications are delivered with `loop.call_soon` after the write
that caused them, so tests await answers and never sleep.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from bleak.backends.characteristic import BleakGATTCharacteristic
from bleak.backends.client import BaseBleakClient, NotifyCallback
from bleak.backends.descriptor import BleakGATTDescriptor
from bleak.backends.device import BLEDevice
from bleak.backends.scanner import AdvertisementData, BaseBleakScanner
from bleak.backends.service import BleakGATTService, BleakGATTServiceCollection
from bleak.exc import (
    BleakBluetoothNotAvailableError,
    BleakBluetoothNotAvailableReason,
    BleakDeviceNotFoundError,
    BleakError,
    BleakGATTProtocolError,
    BleakGATTProtocolErrorCode,
)

from ..model.models import Model
from ..model.registers import BLE
from ..protocol.modbus_rtu import BROADCAST, WRITE_MULTIPLE, WRITE_SINGLE, split_requests
from ..transport.ble import (
    DEFAULT_PIN,
    DEVICE_INFO_FIELDS,
    DEVICE_INFO_UUID,
    MAX_WRITE,
    NAME_PREFIX,
    NOTIFY_UUID,
    SERVICE_UUID,
    WRITE_UUID,
)
from .bus import MeterBus
from .meter import SimulatorModbusError, VirtualMeter
from .physics import DEMO_HISTORY_HOURS

ADVERTISING_INTERVAL_S = 0.1
MTU = 23  # the BLE default: 20 bytes of payload per packet

Gatt = dict[str, dict[str, list[str]]]  # service uuid -> characteristic uuid -> properties
Chunker = Callable[[bytes], list[bytes]]


def chunks_of(size: int) -> Chunker:
    """Split answers into notifications of at most `size` bytes."""
    def split(data: bytes) -> list[bytes]:
        return [data[i:i + size] for i in range(0, len(data), size)]
    return split


@dataclass
class Faults:
    """Faults to inject; each count is used up by the answers it spoils."""

    drop_mid_reply: int = 0  # the next N answers: half of it, then the link drops
    bad_crc: int = 0  # the next N answers carry a wrong CRC
    silent: bool = False  # the meter hears requests but never answers


class SimulatedPeripheral:
    """A Bluetooth LE device on the simulated air (not necessarily a meter)."""

    def __init__(self, name: str | None, address: str, *, rssi: int = -60,
                 gatt: Gatt | None = None, pin: str | None = None,
                 values: dict[str, bytes] | None = None) -> None:
        self.name = name
        self.address = address
        self.rssi = rssi
        self.gatt: Gatt = gatt or {}
        self.pin = pin  # None: no pairing needed
        self.values = dict(values or {})  # readable characteristics
        self.in_range = True
        self.connections = 0  # connects accepted, for tests
        self.central: SimulatedBleakClient | None = None

    def advertisement(self) -> AdvertisementData:
        """What the peripheral advertises."""
        return AdvertisementData(local_name=self.name, manufacturer_data={}, service_data={},
                                 service_uuids=[], tx_power=None, rssi=self.rssi,
                                 platform_data=())

    def check_pin(self, pin: str | None) -> None:
        """Accept pairing with the right PIN, or raise as BlueZ does for a wrong passkey."""
        if self.pin is not None and pin != self.pin:
            raise BleakError("org.bluez.Error.AuthenticationFailed: Authentication Failed")

    def read(self, uuid: str) -> bytes:
        """A characteristic's value."""
        if uuid not in self.values:
            raise BleakGATTProtocolError(BleakGATTProtocolErrorCode.READ_NOT_PERMITTED)
        return self.values[uuid]

    def write(self, uuid: str, data: bytes, response: bool) -> None:
        """A GATT write from the connected central."""
        raise BleakGATTProtocolError(BleakGATTProtocolErrorCode.WRITE_NOT_PERMITTED)

    def connected(self, central: SimulatedBleakClient) -> None:
        """A central connected."""
        self.central = central
        self.connections += 1

    def disconnected(self) -> None:
        """The central went away."""
        self.central = None


class MeterPeripheral(SimulatedPeripheral):
    """A WAGO 879-30xx meter's Bluetooth side, serving one VirtualMeter."""

    def __init__(self, meter: VirtualMeter, *, pin: str = DEFAULT_PIN, rssi: int = -60,
                 address: str | None = None, chunker: Chunker | None = None,
                 faults: Faults | None = None) -> None:
        serial = meter.serial
        info = {
            "model": meter.model.info.title,
            "serial": f"{serial:08d}",
            "firmware": f"{meter.software_version:.2f}",
            "manufacturer": "WAGO",
        }
        super().__init__(
            f"{NAME_PREFIX}{serial:012d}",
            address or "C4:7F:" + ":".join(f"{(serial >> s) & 0xFF:02X}" for s in (24, 16, 8, 0)),
            rssi=rssi, pin=pin,
            gatt={SERVICE_UUID: {WRITE_UUID: ["write"], NOTIFY_UUID: ["notify"]},
                  DEVICE_INFO_UUID: {uuid: ["read"] for uuid in DEVICE_INFO_FIELDS.values()}},
            values={DEVICE_INFO_FIELDS[k]: v.encode() for k, v in info.items()},
        )
        self.meter = meter
        self.chunker = chunker or chunks_of(MAX_WRITE)
        self.faults = faults or Faults()
        self.writes: list[tuple[bytes, bool]] = []  # every GATT write received, for tests
        self.requests: list[bytes] = []  # every whole request frame received
        self._buffer = b""

    def connected(self, central: SimulatedBleakClient) -> None:
        """A new link starts with an empty receive buffer."""
        super().connected(central)
        self._buffer = b""

    def write(self, uuid: str, data: bytes, response: bool) -> None:
        """Collect request bytes; answer every whole Modbus request with notifications."""
        if uuid != WRITE_UUID:
            super().write(uuid, data, response)
        if len(data) > MAX_WRITE:
            raise BleakGATTProtocolError(BleakGATTProtocolErrorCode.INVALID_ATTRIBUTE_VALUE_LENGTH)
        self.writes.append((bytes(data), response))
        requests, self._buffer = split_requests(self._buffer + data)
        for request in requests:
            self.requests.append(request.raw)
            meter = self.meter
            if request.device_id == BROADCAST:
                if request.function_code in (WRITE_SINGLE, WRITE_MULTIPLE):
                    with contextlib.suppress(SimulatorModbusError):
                        meter.write_registers(request.function_code, request.address,
                                              request.values, BLE)
                    meter.apply_pending_link()
                continue
            if request.device_id != meter.link.address or self.faults.silent:
                continue
            self._send(MeterBus._answer(meter, request, BLE))
            meter.apply_pending_link()

    def _send(self, reply: bytes) -> None:
        central = self.central
        if central is None:
            return
        if self.faults.bad_crc:
            self.faults.bad_crc -= 1
            reply = reply[:-1] + bytes([reply[-1] ^ 0xFF])
        if self.faults.drop_mid_reply:  # half the answer goes out, then the link drops
            self.faults.drop_mid_reply -= 1
            for chunk in self.chunker(reply[:max(1, len(reply) // 2)]):
                central.notify_soon(NOTIFY_UUID, chunk)
            central.drop_soon()
            return
        for chunk in self.chunker(reply):
            central.notify_soon(NOTIFY_UUID, chunk)


class SimulatedAir:
    """The simulated radio neighbourhood: an adapter (on or off) and peripherals in range.

    `scanner_backend` and `client_backend` are bleak backend classes bound to this air: pass
    them as `backend=` to BleakScanner / BleakClient (or to the project's BLE functions).
    """

    def __init__(self, peripherals: list[SimulatedPeripheral] | None = None, *,
                 powered: bool = True) -> None:
        self.peripherals = list(peripherals or [])
        self.powered = powered
        self.scanner_backend: type[SimulatedBleakScanner] = type(
            "SimulatedBleakScanner", (SimulatedBleakScanner,), {"air": self})
        self.client_backend: type[SimulatedBleakClient] = type(
            "SimulatedBleakClient", (SimulatedBleakClient,), {"air": self})

    def find(self, address: str) -> SimulatedPeripheral | None:
        """The peripheral in range with this address."""
        for peripheral in self.peripherals:
            if peripheral.in_range and peripheral.address.lower() == address.lower():
                return peripheral
        return None

    def check_adapter(self) -> None:
        """Raise as bleak does when the adapter is switched off."""
        if not self.powered:
            raise BleakBluetoothNotAvailableError(
                "Bluetooth adapter is powered off", BleakBluetoothNotAvailableReason.POWERED_OFF)


def demo_air(model: Model, *, serial: int = 19020246, address: int = 1,
             history_hours: float = DEMO_HISTORY_HOURS) -> SimulatedAir:
    """One simulated meter of `model` in range, as `configurator --demo --protocol ble` uses;
    `history_hours` of typical load already on its energy counters."""
    meter = VirtualMeter(model, serial, address=address)
    if history_hours:
        meter.preaccumulate(history_hours)
    return SimulatedAir([MeterPeripheral(meter)])


class SimulatedBleakScanner(BaseBleakScanner):
    """bleak scanner backend that hears the peripherals of its `air`."""

    air: ClassVar[SimulatedAir]

    def __init__(self, detection_callback: Any, service_uuids: list[str] | None,
                 scanning_mode: str = "active", **kwargs: Any) -> None:
        super().__init__(detection_callback, service_uuids)
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Start hearing advertisements (one round at once, then one every 100 ms)."""
        self.air.check_adapter()
        self.seen_devices = {}
        self._task = asyncio.get_running_loop().create_task(self._advertise())

    async def _advertise(self) -> None:
        while True:
            for peripheral in list(self.air.peripherals):
                if not peripheral.in_range:
                    continue
                adv = peripheral.advertisement()
                device = self.create_or_update_device(peripheral.address, peripheral.address,
                                                      peripheral.name, None, adv)
                if self.is_allowed_uuid(adv.service_uuids):
                    self.call_detection_callbacks(device, adv)
            await asyncio.sleep(ADVERTISING_INTERVAL_S)

    async def stop(self) -> None:
        """Stop hearing advertisements."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


class SimulatedBleakClient(BaseBleakClient):
    """bleak client backend connected (over no radio) to a peripheral of its `air`."""

    air: ClassVar[SimulatedAir]

    def __init__(self, address_or_ble_device: BLEDevice | str, **kwargs: Any) -> None:
        super().__init__(address_or_ble_device,
                         disconnected_callback=kwargs.get("disconnected_callback"),
                         timeout=kwargs.get("timeout", 10.0))
        self._peripheral: SimulatedPeripheral | None = None
        self._bonded = False
        self._notify: dict[str, NotifyCallback] = {}

    @property
    def name(self) -> str:
        """The peripheral's name, or its address."""
        if self._peripheral is not None and self._peripheral.name:
            return self._peripheral.name
        return self.address

    @property
    def mtu_size(self) -> int:
        """The default ATT MTU."""
        return MTU

    @property
    def is_connected(self) -> bool:
        """Whether the simulated link is up."""
        return self._peripheral is not None

    async def connect(self, pair: bool, **kwargs: Any) -> None:
        """Connect and discover the peripheral's services."""
        self.air.check_adapter()
        peripheral = self.air.find(self.address)
        if peripheral is None:
            raise BleakDeviceNotFoundError(self.address,
                                           f"Device with address {self.address} was not found.")
        self._peripheral = peripheral
        self._notify = {}
        self.services = _services(peripheral.gatt)
        peripheral.connected(self)
        if pair:
            await self.pair()

    async def disconnect(self) -> None:
        """Disconnect (asked for: the disconnect callback is not called)."""
        peripheral, self._peripheral = self._peripheral, None
        if peripheral is not None:
            peripheral.disconnected()

    async def pair(self, *args: Any, pin: str | None = None, **kwargs: Any) -> None:
        """Pair with the PIN; already bonded links stay bonded, as with BlueZ."""
        peripheral = self._require()
        if self._bonded:
            return
        peripheral.check_pin(pin)
        self._bonded = True

    async def unpair(self) -> None:
        """Forget the bond."""
        self._bonded = False

    async def read_gatt_char(self, characteristic: BleakGATTCharacteristic, *,
                             use_cached: bool = False, **kwargs: Any) -> bytearray:
        """Read a characteristic's value."""
        return bytearray(self._require().read(characteristic.uuid))

    async def read_gatt_descriptor(self, descriptor: BleakGATTDescriptor, *,
                                   use_cached: bool = False, **kwargs: Any) -> bytearray:
        """The simulated peripherals have no descriptors."""
        raise BleakError("no descriptors on the simulated peripheral")

    async def write_gatt_char(self, characteristic: BleakGATTCharacteristic, data: Any,
                              response: bool) -> None:
        """Write to a characteristic (the meter wants pairing first)."""
        peripheral = self._require()
        if peripheral.pin is not None and not self._bonded:
            raise BleakGATTProtocolError(BleakGATTProtocolErrorCode.INSUFFICIENT_AUTHENTICATION)
        peripheral.write(characteristic.uuid, bytes(data), response)

    async def write_gatt_descriptor(self, descriptor: BleakGATTDescriptor, data: Any) -> None:
        """The simulated peripherals have no descriptors."""
        raise BleakError("no descriptors on the simulated peripheral")

    async def start_notify(self, characteristic: BleakGATTCharacteristic,
                           callback: NotifyCallback, **kwargs: Any) -> None:
        """Subscribe to a characteristic's notifications."""
        self._require()
        if "notify" not in characteristic.properties:
            raise BleakGATTProtocolError(BleakGATTProtocolErrorCode.REQUEST_NOT_SUPPORTED)
        self._notify[characteristic.uuid] = callback

    async def stop_notify(self, characteristic: BleakGATTCharacteristic) -> None:
        """Unsubscribe."""
        self._notify.pop(characteristic.uuid, None)

    # --- the peripheral's side --------------------------------------------------------

    def notify_soon(self, uuid: str, data: bytes) -> None:
        """Deliver a notification once the current write has returned."""
        asyncio.get_running_loop().call_soon(self._deliver, uuid, bytes(data))

    def _deliver(self, uuid: str, data: bytes) -> None:
        callback = self._notify.get(uuid)
        if self._peripheral is not None and callback is not None:
            callback(bytearray(data))

    def drop_soon(self) -> None:
        """Lose the link (unasked: the disconnect callback is called), after pending events."""
        asyncio.get_running_loop().call_soon(self._drop)

    def _drop(self) -> None:
        if self._peripheral is None:
            return
        self._peripheral.disconnected()
        self._peripheral = None
        if self._disconnected_callback is not None:
            self._disconnected_callback()

    def _require(self) -> SimulatedPeripheral:
        if self._peripheral is None:
            raise BleakError("Not connected")
        return self._peripheral


def _services(gatt: Gatt) -> BleakGATTServiceCollection:
    collection = BleakGATTServiceCollection()
    handle = 1
    for service_uuid, characteristics in gatt.items():
        service = BleakGATTService(None, handle, service_uuid)
        collection.add_service(service)
        handle += 1
        for uuid, properties in characteristics.items():
            char = BleakGATTCharacteristic(None, handle, uuid, properties,  # type: ignore[arg-type]
                                           lambda: MTU - 3, service)
            collection.add_characteristic(char)
            handle += 2
    return collection


__all__ = ["Faults", "MeterPeripheral", "SimulatedAir", "SimulatedBleakClient",
           "SimulatedBleakScanner", "SimulatedPeripheral", "chunks_of", "demo_air"]
