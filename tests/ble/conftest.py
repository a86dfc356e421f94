"""Fixtures for the Bluetooth LE tests.

The only stand-in is at bleak's backend boundary: `SimulatedAir` supplies the
BaseBleakScanner / BaseBleakClient subclasses that bleak's public BleakScanner / BleakClient
drive. Everything above it (transport, Modbus master, session, CLI) is the real code, and the
meter behind it is the real VirtualMeter.
"""

from __future__ import annotations

import pytest

from configurator.model.models import Model
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir
from configurator.simulator.meter import VirtualMeter
from configurator.transport.ble import BleSettings, BleTransport

SERIAL = 19020246
NAME = f"IM-{SERIAL:012d}"


@pytest.fixture
def meter() -> VirtualMeter:
    """A 4PU in its factory state (Modbus address 1)."""
    return VirtualMeter(Model.PU4, SERIAL)


@pytest.fixture
def peripheral(meter: VirtualMeter) -> MeterPeripheral:
    """The meter's Bluetooth side, PIN 0000."""
    return MeterPeripheral(meter)


@pytest.fixture
def air(peripheral: MeterPeripheral) -> SimulatedAir:
    """The simulated radio with that one meter in range."""
    return SimulatedAir([peripheral])


def make_transport(air: SimulatedAir, device: str = NAME, pin: str = "0000",
                   **settings: float) -> BleTransport:
    """A BleTransport through the simulated backends; no waiting between reconnects."""
    options = {"scan_timeout": 2.0, "reconnect_backoff": 0.0, **settings}
    return BleTransport(BleSettings(device, pin, **options),  # type: ignore[arg-type]
                        scanner_backend=air.scanner_backend, client_backend=air.client_backend)
