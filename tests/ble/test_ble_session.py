"""The BLE meter session through the transport-neutral API (what the GUI will call).

Mocked only at bleak's backend boundary: `ConnectionOptions.ble_backends` hands the simulated
BaseBleakScanner/BaseBleakClient to bleak's public BleakScanner/BleakClient. The session
(ModbusMeter with transport "ble"), master, transport and VirtualMeter are the real code.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from configurator.errors import PairingError, UnsupportedError, UsageError
from configurator.model.models import Model
from configurator.model.registers import REGISTERS
from configurator.model.settings import ACTIONS, SETTINGS
from configurator.services import ble_session
from configurator.services.connection import ConnectionOptions, open_session
from configurator.services.engine import accept_all
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir
from configurator.simulator.meter import SimulatorModbusError, VirtualMeter
from tests.ble.conftest import NAME, SERIAL

BACKLIGHT = SETTINGS["backlight"]


def ble(**kwargs) -> ConnectionOptions:
    return ConnectionOptions(protocol="ble", device=kwargs.pop("device", NAME), **kwargs)


def on_air(air: SimulatedAir, options: ConnectionOptions) -> ConnectionOptions:
    """The options, reaching the meter through the simulated air's bleak backends."""
    return replace(options, ble_backends=(air.scanner_backend, air.client_backend))


def session_run(air: SimulatedAir, options: ConnectionOptions, body):
    async def scenario():
        async with open_session(on_air(air, options)) as meter:
            return await body(meter)

    return asyncio.run(scenario())


def test_identify_read_get_set_over_ble(air, meter):
    async def body(session):
        identity = await session.identify()
        readings = await session.read_measurements()
        reachable = session.reachable_settings(identity.model)
        before = await session.get_settings([BACKLIGHT, SETTINGS["tariff"]])
        report = await session.apply({BACKLIGHT: "off", SETTINGS["tariff"]: 2})
        return identity, readings, reachable, before, report, session.transport_name

    identity, readings, reachable, before, report, name = session_run(air, ble(pin="0000"), body)
    assert name == "ble"
    assert identity.serial == SERIAL and identity.model is Model.PU4
    assert identity.values["product_code"] == 0  # vendor BLE register, answered over BLE
    assert {r.register.key for r in readings} >= {"voltage.l1", "energy.active.import.t1"}
    assert BACKLIGHT in reachable and SETTINGS["ct.ratio"] not in reachable
    assert before == {"backlight": "on", "tariff": 1}
    assert {r.key: r.status for r in report.results} == {"tariff": "written",
                                                         "backlight": "written"}
    assert meter.setting_value("backlight") == "off" and meter.setting_value("tariff") == 2


def test_counter_reset_over_ble(air, meter):
    async def body(session):
        report = await session.run_action(ACTIONS["power-down-counter"], accept_all)
        return report.results[0].after

    meter.power_cycle()
    assert meter.register_value(REGISTERS["power_down_counter"]) == 1
    assert session_run(air, ble(), body) == 0
    assert meter.register_value(REGISTERS["power_down_counter"]) == 0


def test_modbus_link_settings_over_ble_do_not_touch_a_serial_port(air, meter):
    async def body(session):
        report = await session.apply({SETTINGS["modbus.address"]: 7,
                                      SETTINGS["modbus.baudrate"]: 19200,
                                      SETTINGS["modbus.parity"]: "none"}, accept_all)
        identity = await session.identify()
        return report, identity, session.link_description()

    report, identity, link = session_run(air, ble(), body)
    assert report.error is None, report.error
    assert all(r.status == "written" for r in report.results)
    assert meter.link.address == 7 and meter.link.baudrate == 19200
    assert meter.link.parity == "none"
    assert identity.serial == SERIAL  # still answering, now at Modbus address 7
    assert "--device" in link and "--address 7" in link


class NoVendorRegisters(VirtualMeter):
    """A meter whose firmware lacks the vendor's BLE registers (0x4C00-0x4C0F)."""

    def read_registers(self, address, count, transport="modbus"):
        if 0x4C00 <= address <= 0x4C0F:
            raise SimulatorModbusError(2, "no such register")
        return super().read_registers(address, count, transport)


def test_ble_only_settings_count_only_when_the_meter_answers_them():
    air = SimulatedAir([MeterPeripheral(NoVendorRegisters(Model.PS4, 12345678))])

    async def body(session):
        identity = await session.identify()
        reachable = session.reachable_settings(identity.model)
        values = await session.get_settings([BACKLIGHT, SETTINGS["tariff"]])
        with pytest.raises(UnsupportedError) as caught:
            await session.apply({BACKLIGHT: "off"})
        return reachable, values, caught.value

    reachable, values, error = session_run(air, ble(device="IM-000012345678"), body)
    assert BACKLIGHT not in reachable
    assert values["tariff"] == 1
    assert isinstance(values["backlight"], UnsupportedError)
    assert "0x4C02" in str(error)


def test_no_device_given_says_how():
    with pytest.raises(UsageError) as caught:
        asyncio.run(open_session(ConnectionOptions(protocol="ble")).__aenter__())
    assert "ble-scan" in str(caught.value)


def test_pin_is_not_logged(meter, caplog):
    air = SimulatedAir([MeterPeripheral(meter, pin="4711")])
    frames = []

    async def scenario():
        async with open_session(on_air(air, ble(pin="4711")),
                                on_traffic=frames.append) as session:
            await session.identify()

    caplog.set_level(logging.DEBUG)
    asyncio.run(scenario())
    assert frames and "4711" not in caplog.text
    assert all(b"4711" not in entry.data for entry in frames)


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend (the OS keyring's API, nothing stored on disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username))


@pytest.fixture
def keyring_backend():
    previous = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(previous)


def test_without_a_keyring_backend_nothing_is_remembered_and_nothing_fails(keyring_backend):
    keyring_backend(fail.Keyring())
    assert ble_session.remember_pin(NAME, "1234") is False
    assert ble_session.recall_pin(NAME) is None
    assert ble_session.forget_pin(NAME) is False


def test_a_remembered_pin_is_used_when_none_is_given(keyring_backend, meter):
    memory = MemoryKeyring()
    keyring_backend(memory)
    air = SimulatedAir([MeterPeripheral(meter, pin="4711")])
    assert ble_session.remember_pin(str(SERIAL), "4711") is True  # serial or name: same key
    assert memory.store == {(ble_session.KEYRING_SERVICE, NAME): "4711"}

    async def body(session):
        return (await session.identify()).serial

    assert session_run(air, ble(), body) == SERIAL
    assert ble_session.forget_pin(NAME) is True
    with pytest.raises(PairingError):  # back to the default 0000, which this meter refuses
        session_run(air, ble(), body)
