"""The write engine's outcomes end to end: real sessions against the real simulator, on a pty
(Modbus RTU) and on the simulated air (Bluetooth LE).

Stand-ins, and where: over BLE, bleak's backend boundary only (the simulated air, as in
tests/ble); to make a meter refuse, ignore or go quiet, a VirtualMeter subclass changes what
the simulated meter does with a write (the project's own simulator, not a mock of the client).
No waits on time: the lost link is triggered by the session's own traffic callback.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest

from configurator.cli.main import main
from configurator.errors import ExitCode, LinkLostError
from configurator.model.models import Model
from configurator.model.registers import REGISTERS
from configurator.model.settings import SETTINGS, s0_width_limit_ms
from configurator.protocol.modbus_master import TrafficEntry
from configurator.services.connection import ConnectionOptions, open_session
from configurator.services.engine import accept_all
from configurator.services.link import ConnectionManager, LinkState
from configurator.services.outcomes import (
    ApplyReport,
    LinkOutcome,
    LinkPoint,
    LinkWhere,
    WriteOutcome,
    WriteStatus,
)
from configurator.simulator.ble_backend import Faults, MeterPeripheral, SimulatedAir
from configurator.simulator.launcher import SimulatorProcess
from configurator.simulator.meter import SimulatorModbusError, VirtualMeter

SERIAL = 19020246
NAME = f"IM-{SERIAL:012d}"
ADDRESS_REGISTER = REGISTERS["modbus.address"].address


class StrictS0Meter(VirtualMeter):
    """Firmware that refuses a pulse width our overlap estimate warns about (exception 3)."""

    def write_registers(self, function_code, address, words, transport="modbus"):
        super().write_registers(function_code, address, words, transport)
        rate, width = self.setting_value("s0.rate"), self.setting_value("s0.width_ms")
        if width > s0_width_limit_ms(self.model, rate):
            raise SimulatorModbusError(3, "pulses would overlap")


class DeafMeter(VirtualMeter):
    """Acknowledges every write and keeps nothing (a write-protected meter, say)."""

    def write_registers(self, function_code, address, words, transport="modbus"):
        reg = REGISTERS.by_address[address]
        if function_code != reg.write_fc:
            raise SimulatorModbusError(1, "wrong function")


class StaysAtItsAddress(VirtualMeter):
    """Acknowledges a new Modbus address and keeps answering at the old one."""

    def write_registers(self, function_code, address, words, transport="modbus"):
        if address != ADDRESS_REGISTER:
            super().write_registers(function_code, address, words, transport)


class GoesQuiet(VirtualMeter):
    """Takes a new Modbus address, answers that write, then answers nothing any more."""

    faults: Faults

    def write_registers(self, function_code, address, words, transport="modbus"):
        super().write_registers(function_code, address, words, transport)
        if address == ADDRESS_REGISTER:
            self.faults.silent = True


def air_with(meter: VirtualMeter) -> tuple[SimulatedAir, MeterPeripheral]:
    peripheral = MeterPeripheral(meter)
    if isinstance(meter, GoesQuiet):
        meter.faults = peripheral.faults
    return SimulatedAir([peripheral]), peripheral


def ble_options(air: SimulatedAir, **fields) -> ConnectionOptions:
    return ConnectionOptions(protocol="ble", device=NAME, pin="0000", timeout=0.3,
                             ble_backends=(air.scanner_backend, air.client_backend), **fields)


def ble_apply(air: SimulatedAir, changes: dict) -> ApplyReport:
    async def go() -> ApplyReport:
        async with open_session(ble_options(air)) as session:
            return await session.apply(changes, accept_all)
    return asyncio.run(go())


def ble_cli(air: SimulatedAir, capsys, *args: str) -> tuple[int, str, str]:
    code = main(["--protocol", "ble", "--device", NAME, "--pin", "0000", "--timeout", "0.3",
                 *args], ble_backends=(air.scanner_backend, air.client_backend))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_refused_by_the_meter_names_width_and_rate_and_exits_6(capsys):
    air, _ = air_with(StrictS0Meter(Model.PU4, SERIAL))
    code, out, err = ble_cli(air, capsys, "set", "s0.rate=10000")
    assert code == ExitCode.METER_EXCEPTION, err
    assert "REFUSED   by the meter with exception 3" in out
    assert "the meter refused 30 ms at 10000 imp/kWh" in err
    code, out, _err = ble_cli(air, capsys, "set", "s0.rate=10000", "s0.width_ms=4", "--json")
    assert code == 0  # the width first, then the rate: each write keeps the meter's rule


def test_acknowledged_but_reads_back_another_value_is_a_mismatch_and_exits_7(capsys):
    air, _ = air_with(DeafMeter(Model.PU4, SERIAL))
    code, out, err = ble_cli(air, capsys, "set", "s0.type=import-export", "tariff=2")
    assert code == ExitCode.VERIFY, err
    assert "MISMATCH  wrote import-export but the meter reads back active-reactive" in out
    assert "not written (stopped after the failure above)" in out


def test_a_lost_answer_over_ble_is_read_again_and_verified():
    meter = VirtualMeter(Model.PU4, SERIAL)
    air, peripheral = air_with(meter)

    async def go() -> ApplyReport:
        async with open_session(ble_options(air)) as session:
            plan = await session.prepare({SETTINGS["backlight"]: "button"})
            peripheral.faults.drop_mid_reply = 1  # the write's answer: half, then the link drops
            return await session.apply(plan)
    report = asyncio.run(go())
    [result] = report.results
    assert result.status is WriteStatus.VERIFIED and result.sends == 1
    assert "answer to the write was lost" in str(result.note)
    assert meter.setting_value("backlight") == "button"


def test_a_new_address_the_meter_does_not_take_is_not_taken_at_the_old_point():
    meter = StaysAtItsAddress(Model.PU4, SERIAL)
    air, _ = air_with(meter)
    report = ble_apply(air, {SETTINGS["modbus.address"]: 7})
    [result] = report.results
    assert result.status is WriteStatus.NOT_TAKEN
    assert result.link is not None and result.link.where is LinkWhere.OLD
    assert "still answers at Modbus address 1" in str(result.note)
    assert report.error is not None and report.error.exit_code == ExitCode.VERIFY
    assert meter.link.address == 1


def test_a_meter_that_answers_nowhere_after_a_move_is_unknown_with_both_points(capsys):
    meter = GoesQuiet(Model.PU4, SERIAL)
    air, _ = air_with(meter)
    code, out, err = ble_cli(air, capsys, "set", "modbus.address=7", "--yes")
    assert code == ExitCode.TIMEOUT, err
    assert "UNKNOWN   sent, but the meter answers neither at Modbus address 7 nor at Modbus " \
        "address 1" in out
    assert "The meter may now answer at Modbus address 7 or Modbus address 1; run " \
        "`configurator ble-scan` to find it." in out
    assert meter.link.address == 7  # it did move: only the answers stopped


def test_the_link_lost_during_a_link_write_is_unknown_and_exits_with_the_port_code(
        tmp_path: Path):
    """The simulator process goes away right after the meter answered the address write:
    triggered by the session's own traffic (the next request it sends), not by a timer."""
    sim = SimulatorProcess("--link", str(tmp_path / "bus")).start()
    armed = {"write": False}

    def on_traffic(entry: TrafficEntry) -> None:
        if entry.direction != "tx":
            return
        if armed["write"]:
            armed["write"] = False
            sim.stop()  # unplug: the probe at the new address meets a vanished port
        elif entry.data[1] == 6 and int.from_bytes(entry.data[2:4], "big") == ADDRESS_REGISTER:
            armed["write"] = True

    async def go() -> ApplyReport:
        async with open_session(ConnectionOptions(port=sim.port), on_traffic) as session:
            return await session.apply({SETTINGS["modbus.address"]: 7}, accept_all)

    try:
        report = asyncio.run(go())
    finally:
        sim.stop()
    [result] = report.results
    assert result.status is WriteStatus.UNKNOWN  # never REFUSED when the meter said nothing
    assert result.link is not None
    assert [p.address for p in result.link.candidates] == [7, 1]
    assert "link was lost" in str(result.note)
    assert isinstance(report.error, LinkLostError)
    assert report.error.exit_code == ExitCode.PORT


def test_the_reconnect_tries_both_candidate_points(tmp_path: Path):
    """After an UNKNOWN link move the connection manager looks at the new and the old point."""
    link = str(tmp_path / "bus")
    sim = SimulatorProcess("--link", link).start()  # the meter stayed at address 1
    states: list[LinkState] = []

    async def go() -> ConnectionOptions | None:
        reconnected = asyncio.Event()

        def on_state(state: LinkState, _message: str) -> None:
            states.append(state)
            if state is LinkState.CONNECTED and LinkState.LOST in states:
                reconnected.set()

        manager = ConnectionManager(on_state=on_state, backoff=(0.0,))
        await manager.connect(ConnectionOptions(port=sim.port, timeout=0.2))
        old, new = LinkPoint("modbus", 1, 9600, "even"), LinkPoint("modbus", 7, 9600, "even")
        report = ApplyReport([WriteOutcome("modbus.address", 7, WriteStatus.UNKNOWN, 1,
                                           link=LinkOutcome(LinkWhere.UNKNOWN, new, old))])
        assert manager.follow_link(report).address == 7
        await manager.mark_lost(manager.link_unsettled(report) or "lost")
        await reconnected.wait()
        options = manager.options
        await manager.disconnect()
        return options

    try:
        options = asyncio.run(asyncio.wait_for(go(), 60))
    finally:
        sim.stop()
    assert options is not None and options.address == 1  # found at the old point
    assert states.count(LinkState.CONNECTED) == 2


@pytest.mark.parametrize("model", ["4PU", "2PUCT"])
def test_unchanged_and_verified_over_the_pty(simulator, model):
    sim = simulator("--model", model)

    async def go() -> ApplyReport:
        async with open_session(ConnectionOptions(port=sim.port)) as session:
            return await session.apply({SETTINGS["tariff"]: 1,
                                        SETTINGS["lcd.rolling_time"]: 12})

    report = asyncio.run(go())
    statuses = {r.key: (r.status, r.sends) for r in report.results}
    assert statuses == {"tariff": (WriteStatus.UNCHANGED, 0),
                        "lcd.rolling_time": (WriteStatus.VERIFIED, 1)}


def test_ble_baud_and_parity_are_plain_writes_only_the_address_moves():
    meter = VirtualMeter(Model.PU4, SERIAL)
    air, _ = air_with(meter)
    report = ble_apply(air, {SETTINGS["modbus.baudrate"]: 19200, SETTINGS["modbus.parity"]: "odd",
                             SETTINGS["modbus.address"]: 3})
    by_key = {r.key: r for r in report.results}
    assert all(r.status is WriteStatus.VERIFIED for r in report.results), report.error
    assert by_key["modbus.address"].link is not None
    assert by_key["modbus.baudrate"].link is None and by_key["modbus.parity"].link is None
    assert (meter.link.address, meter.link.baudrate, meter.link.parity) == (3, 19200, "odd")


def test_options_keep_the_ble_backends_out_of_their_identity():
    air = SimulatedAir([])
    with_air = ble_options(air)
    assert with_air == replace(with_air, ble_backends=None)
