"""The masters over a real pty against the simulator's seeded faults: every fault is paid
for with exactly one retry, and no stale byte of a garbled or late answer leaks into the next
transaction (counted on both sides: the simulator's fault counts, the master's counters)."""

from __future__ import annotations

import asyncio
import select
from pathlib import Path

import pytest

from configurator.errors import MeterTimeoutError
from configurator.model.registers import REGISTERS
from configurator.protocol.mbus.master import MbusMaster
from configurator.protocol.modbus_blocking import BlockingModbusMaster
from configurator.protocol.modbus_master import ModbusMaster
from configurator.simulator.launcher import SimulatorProcess
from configurator.transport.serial_blocking import BlockingSerial
from configurator.transport.serial_port import SerialSettings, SerialTransport

SERIAL = 23000001
CODE, ADDRESS, SERIAL_REG = REGISTERS["meter_code"], REGISTERS["modbus.address"], \
    REGISTERS["serial"]


def _sim(tmp_path: Path, faults: str, *extra: str) -> SimulatorProcess:
    return SimulatorProcess("--link", str(tmp_path / "bus"), "--serial", str(SERIAL), *extra,
                            faults=faults, fault_stats=tmp_path / "stats.json")


async def _open(port: str, baud: int = 9600) -> SerialTransport:
    transport = SerialTransport(SerialSettings(port, baud, "even"))
    await transport.open()
    return transport


def test_modbus_every_fault_costs_exactly_one_retry(tmp_path: Path) -> None:
    reads = 40

    async def go(port: str) -> ModbusMaster:
        transport = await _open(port)
        master = ModbusMaster(transport, timeout=0.3)
        try:
            for i in range(reads):  # counts 1 and 2 alternate: a garbled length cannot hide
                if i % 2:
                    assert await master.read_registers(1, SERIAL_REG.address, 2) == \
                        list(SERIAL_REG.dtype.encode(SERIAL))
                else:
                    assert await master.read_registers(1, CODE.address, 1) == [0x1111]
        finally:
            await transport.close()
        return master

    with _sim(tmp_path, "drop=0.15,crc=0.10,seed=3") as sim:
        master = asyncio.run(go(sim.port))
        faults = sim.fault_counts()
    counters = master.counters
    assert faults.dropped >= 3 and faults.corrupted >= 3  # the seed really faults
    assert counters.timeouts == faults.dropped
    assert counters.crc_errors == faults.corrupted
    assert counters.retries == counters.read_retries == faults.dropped + faults.corrupted
    assert counters.write_retries == 0
    assert counters.transactions == reads + counters.retries == faults.frames


def test_blocking_master_every_fault_costs_exactly_one_retry(tmp_path: Path) -> None:
    """The one-shot CLI read's master runs the same transaction logic: the same accounts."""
    reads = 40
    with _sim(tmp_path, "drop=0.15,crc=0.10,seed=3") as sim:
        with BlockingSerial(SerialSettings(sim.port, 9600, "even")) as line:
            master = BlockingModbusMaster(line, timeout=0.3)
            for i in range(reads):
                if i % 2:
                    assert master.read_registers(1, SERIAL_REG.address, 2) == \
                        list(SERIAL_REG.dtype.encode(SERIAL))
                else:
                    assert master.read_registers(1, CODE.address, 1) == [0x1111]
        faults = sim.fault_counts()
    counters = master.counters
    assert faults.dropped >= 3 and faults.corrupted >= 3
    assert counters.timeouts == faults.dropped
    assert counters.crc_errors == faults.corrupted
    assert counters.retries == counters.read_retries == faults.dropped + faults.corrupted
    assert counters.transactions == reads + counters.retries == faults.frames


def test_blocking_master_never_takes_a_late_answer_for_the_next(tmp_path: Path) -> None:
    """As below for the asynchronous master: the late answer waits in the kernel's buffer."""
    with _sim(tmp_path, "late=1.0,late-s=0.3,seed=1", "--address", "7") as sim:
        with BlockingSerial(SerialSettings(sim.port, 9600, "even")) as line:
            master = BlockingModbusMaster(line, retries=0)
            with pytest.raises(MeterTimeoutError):
                master.read_registers(7, CODE.address, 1, timeout=0.1)
            assert line._serial is not None
            readable, _, _ = select.select([line._serial.fileno()], [], [], 20)
            assert readable  # the event: the late answer has arrived, unread
            words = master.read_registers(7, ADDRESS.address, 1, timeout=5.0)
        faults = sim.fault_counts()
    assert words == [7]
    assert (faults.late, faults.unheard) == (2, 0)
    assert (master.counters.timeouts, master.counters.crc_errors) == (1, 0)


def test_a_late_answer_that_reached_the_os_buffer_is_not_taken_for_the_next(
        tmp_path: Path) -> None:
    """The late answer to a read that timed out sits in the kernel's buffer (the test holds
    the event loop, so the reader has not seen it) when the next read, of another register of
    the same size, is sent: it must be discarded, or it would pass for that answer."""

    async def go(port: str) -> tuple[ModbusMaster, list[int]]:
        transport = await _open(port)
        master = ModbusMaster(transport, retries=0)
        try:
            with pytest.raises(MeterTimeoutError):
                await master.read_registers(7, CODE.address, 1, timeout=0.1)
            assert transport._serial is not None
            readable, _, _ = select.select([transport._serial.fileno()], [], [], 20)
            assert readable  # the event: the late answer has arrived, unread
            words = await master.read_registers(7, ADDRESS.address, 1, timeout=5.0)
        finally:
            await transport.close()
        return master, words

    with _sim(tmp_path, "late=1.0,late-s=0.3,seed=1", "--address", "7") as sim:
        # the meter sits at address 7 so that its address register cannot equal its code
        master, words = asyncio.run(go(sim.port))
        faults = sim.fault_counts()
    assert words == [7]
    assert (faults.late, faults.unheard) == (2, 0)
    assert (master.counters.timeouts, master.counters.crc_errors) == (1, 0)


def test_mbus_every_fault_costs_exactly_one_retry(tmp_path: Path) -> None:
    requests = 25

    async def go(port: str) -> MbusMaster:
        transport = await _open(port, 2400)
        master = MbusMaster(transport, timeout=0.3)
        try:
            await master.reset_link(0)
            for _ in range(requests):
                telegram = await master.request_data(0)
                assert telegram.header is not None and telegram.header.ident == SERIAL
        finally:
            await transport.close()
        return master

    with _sim(tmp_path, "drop=0.15,crc=0.10,seed=2", "--protocol", "mbus") as sim:
        master = asyncio.run(go(sim.port))
        faults = sim.fault_counts()
    counters = master.counters
    assert faults.dropped >= 2 and faults.corrupted >= 2
    assert counters.timeouts == faults.dropped
    assert counters.crc_errors == faults.corrupted
    assert counters.retries == counters.read_retries + counters.reset_retries \
        == faults.dropped + faults.corrupted
    assert counters.transactions == 1 + requests + counters.retries == faults.frames
