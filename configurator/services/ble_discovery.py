"""Find WAGO 879-30xx meters in Bluetooth LE range (the CLI's `ble-scan` and the GUI call this).

Meters advertise as `IM-<12-digit serial>` (FACTS.md); every other device is left out unless
`include_all` is given. `backend` is bleak's scanner backend seam (None: the platform's own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bleak import BleakScanner
from bleak.backends.scanner import BaseBleakScanner
from bleak.exc import BleakError

from ..transport.ble import bluetooth_error, serial_from_name


@dataclass(frozen=True)
class BleMeterInfo:
    """One device heard during a scan."""

    name: str | None
    address: str
    rssi: int  # dBm; closer to 0 is stronger
    serial: int | None  # from the IM- name; None for other devices

    @property
    def is_meter(self) -> bool:
        """Whether the name says this is one of the meters."""
        return self.serial is not None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"name": self.name, "address": self.address, "rssi": self.rssi,
                "serial": self.serial}


async def discover_meters(timeout: float = 5.0, *, backend: type[BaseBleakScanner] | None = None,
                          include_all: bool = False) -> list[BleMeterInfo]:
    """Listen for `timeout` seconds; the meters heard, strongest signal first.

    Raises BluetoothUnavailableError when the adapter is missing or switched off.
    """
    try:
        # bleak types its `backend` extra argument without None, its default
        heard = await BleakScanner.discover(  # type: ignore[call-overload]
            timeout, return_adv=True, backend=backend)
    except (BleakError, OSError) as exc:
        raise bluetooth_error(exc) from exc
    found = []
    for device, adv in heard.values():
        name = adv.local_name or device.name
        info = BleMeterInfo(name, device.address, adv.rssi, serial_from_name(name))
        if include_all or info.is_meter:
            found.append(info)
    return sorted(found, key=lambda i: (-i.rssi, i.name or "", i.address))


__all__ = ["BleMeterInfo", "discover_meters"]
