"""What goes wrong on a Bluetooth link, and the one sentence the user gets for it.

Mocked only at bleak's backend boundary: the simulated BaseBleakScanner/BaseBleakClient of
configurator.simulator.ble_backend, driven by bleak's public BleakScanner/BleakClient. The
transport, the Modbus master and the meter (VirtualMeter) are the real code. Faults are
injected in the simulated peripheral; every wait is on an event, never a sleep.
"""

from __future__ import annotations

import asyncio

import pytest

from configurator.errors import (
    BluetoothUnavailableError,
    DeviceNotFoundError,
    ExitCode,
    FrameError,
    LinkDroppedError,
    LinkLostError,
    NotAMeterError,
    PairingError,
    UsageError,
)
from configurator.protocol.modbus_master import ModbusMaster
from configurator.simulator.ble_backend import (
    MeterPeripheral,
    SimulatedAir,
    SimulatedPeripheral,
)
from configurator.transport.ble import DEVICE_INFO_UUID, BleSettings
from tests.ble.conftest import NAME, SERIAL, make_transport


def run(coro):
    return asyncio.run(coro)


async def read_code(transport, retries: int = 1) -> list[int]:
    master = ModbusMaster(transport, echo=False, retries=retries)
    return await master.read_registers(1, 0x4002, 1)


def test_right_pin_pairs_and_the_meter_answers(air, peripheral):
    async def scenario():
        transport = make_transport(air)
        await transport.open()
        try:
            return await read_code(transport), await transport.read_device_information()
        finally:
            await transport.close()

    code, info = run(scenario())
    assert code == [0x1111]
    assert info == {"model": "879-3000 4PU", "serial": f"{SERIAL:08d}", "firmware": "1.34",
                    "manufacturer": "WAGO"}
    assert peripheral.connections == 1


@pytest.mark.parametrize("device", [NAME, "C4:7F:01:22:39:D6", "c4:7f:01:22:39:d6",
                                    str(SERIAL)])
def test_the_meter_is_found_by_name_address_or_serial(air, device):
    async def scenario():
        transport = make_transport(air, device=device)
        await transport.open()
        try:
            return await read_code(transport)
        finally:
            await transport.close()

    assert run(scenario()) == [0x1111]


def test_wrong_pin_is_refused_with_a_sentence(air, peripheral):
    transport = make_transport(air, pin="1234")
    with pytest.raises(PairingError) as caught:
        run(transport.open())
    assert "refused pairing" in str(caught.value) and "meter password" in str(caught.value)
    assert "1234" not in str(caught.value)
    assert caught.value.exit_code == ExitCode.PORT
    assert peripheral.central is None  # the failed link was closed
    assert peripheral.requests == []


def test_malformed_pin_is_a_usage_error_before_any_radio_traffic(air, peripheral):
    with pytest.raises(UsageError):
        run(make_transport(air, pin="12ab").open())
    assert peripheral.connections == 0


def test_adapter_switched_off(air):
    air.powered = False
    with pytest.raises(BluetoothUnavailableError) as caught:
        run(make_transport(air).open())
    assert "switch the adapter on" in str(caught.value)


def test_device_not_in_range(air, peripheral):
    peripheral.in_range = False
    with pytest.raises(DeviceNotFoundError) as caught:
        run(make_transport(air, scan_timeout=0.05).open())
    assert NAME in str(caught.value) and "ble-scan" in str(caught.value)


def test_a_device_without_the_meter_service_is_not_a_meter():
    stranger = SimulatedPeripheral("IM-000000000007", "AA:BB:CC:DD:EE:07",
                                   gatt={DEVICE_INFO_UUID: {}})
    air = SimulatedAir([stranger])
    with pytest.raises(NotAMeterError) as caught:
        run(make_transport(air, device="IM-000000000007").open())
    assert "not a WAGO 879-30xx" in str(caught.value)
    assert stranger.central is None


def test_link_dropped_mid_reply_reconnects_and_the_read_succeeds(air, peripheral):
    peripheral.faults.drop_mid_reply = 1

    async def scenario():
        transport = make_transport(air)
        await transport.open()
        try:
            master = ModbusMaster(transport, echo=False, retries=1)
            words = await master.read_registers(1, 0x5000, 56)
            return words, master.counters, transport.reconnects
        finally:
            await transport.close()

    words, counters, reconnects = run(scenario())
    assert len(words) == 56
    assert counters.retries == 1 and reconnects == 1
    assert peripheral.connections == 2


def test_link_dropped_during_a_write_is_reported_not_retried(air, peripheral, meter):
    peripheral.faults.drop_mid_reply = 1

    async def scenario():
        transport = make_transport(air)
        await transport.open()
        try:
            master = ModbusMaster(transport, echo=False)
            with pytest.raises(LinkDroppedError) as caught:
                await master.write_registers(1, 6, 0x4C02, [2], what="writing backlight")
            # the link comes back for the next request
            return caught.value, await master.read_registers(1, 0x4C02, 1)
        finally:
            await transport.close()

    error, after = run(scenario())
    assert "dropped before the meter's answer arrived" in str(error)
    assert error.exit_code == ExitCode.TIMEOUT
    assert after == [2]  # the meter did take it: the write had reached it
    assert meter.setting_value("backlight") == "button"


def test_link_that_stays_lost_gives_up_after_the_reconnect_attempts(air, peripheral):
    peripheral.faults.drop_mid_reply = 1

    async def scenario():
        transport = make_transport(air, reconnect_attempts=3)
        await transport.open()
        try:
            master = ModbusMaster(transport, echo=False, retries=1)
            drop = asyncio.Event()
            original = peripheral.disconnected

            def gone() -> None:  # the meter walks out of range as the link drops
                original()
                peripheral.in_range = False
                drop.set()

            peripheral.disconnected = gone  # type: ignore[method-assign]
            with pytest.raises(LinkLostError) as caught:
                await master.read_registers(1, 0x4002, 1)
            assert drop.is_set()
            return caught.value
        finally:
            await transport.close()

    error = run(scenario())
    assert "3 reconnection attempts failed" in str(error)
    assert error.exit_code == ExitCode.PORT


def test_notification_with_a_bad_crc_is_retried(air, peripheral):
    peripheral.faults.bad_crc = 1

    async def scenario():
        transport = make_transport(air)
        await transport.open()
        try:
            master = ModbusMaster(transport, echo=False, retries=1)
            return await master.read_registers(1, 0x4002, 1), master.counters
        finally:
            await transport.close()

    code, counters = run(scenario())
    assert code == [0x1111]
    assert counters.crc_errors == 1 and counters.retries == 1


def test_bad_crc_every_time_is_a_frame_error(air, peripheral):
    peripheral.faults.bad_crc = 5

    async def scenario():
        transport = make_transport(air)
        await transport.open()
        try:
            await read_code(transport, retries=1)
        finally:
            await transport.close()

    with pytest.raises(FrameError):
        run(scenario())


def test_a_silent_meter_times_out_without_hanging(air, peripheral):
    peripheral.faults.silent = True

    async def scenario():
        transport = make_transport(air)
        await transport.open()
        try:
            master = ModbusMaster(transport, echo=False, retries=0, timeout=0.05)
            await master.read_registers(1, 0x4002, 1)
        finally:
            await transport.close()

    from configurator.errors import MeterTimeoutError

    with pytest.raises(MeterTimeoutError):
        run(scenario())


def test_pin_never_shows_in_repr_or_description():
    settings = BleSettings(NAME, "4711")
    assert "4711" not in repr(settings) and "4711" not in settings.describe()


def test_unpaired_writes_are_refused_by_the_meter(meter):
    """bleak's public client, the simulated backend, no pairing: the meter refuses writes."""
    from bleak import BleakClient
    from bleak.exc import BleakGATTProtocolError

    from configurator.transport.ble import WRITE_UUID

    air = SimulatedAir([MeterPeripheral(meter)])

    async def scenario():
        async with BleakClient(air.peripherals[0].address, backend=air.client_backend) as client:
            await client.write_gatt_char(WRITE_UUID, b"\x01\x03", response=True)

    with pytest.raises(BleakGATTProtocolError):
        run(scenario())
