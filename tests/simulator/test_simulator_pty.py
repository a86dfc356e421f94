"""The simulator process on a real pty, driven by independent clients (pymodbus, mbpoll)."""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import serial
from pymodbus.client import AsyncModbusSerialClient
from pymodbus.exceptions import ModbusIOException

from configurator.model.registers import REGISTERS
from configurator.model.settings import MODBUS_BAUD_CODES
from configurator.model.types import FLOAT32
from configurator.protocol.modbus_rtu import build_read, parse_reply
from configurator.simulator.launcher import SimulatorProcess

SILENCE_TIMEOUT_S = 0.3  # how long a client waits before calling a meter silent


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimulatorProcess]:
    with SimulatorProcess("--count", "3", "--link", str(tmp_path / "bus"), "--seed", "3") as s:
        yield s


async def _client(port: str, baud: int = 9600) -> AsyncModbusSerialClient:
    client = AsyncModbusSerialClient(port, baudrate=baud, parity="N", timeout=SILENCE_TIMEOUT_S,
                                     retries=0)
    assert await client.connect()
    return client


async def _answers(client: AsyncModbusSerialClient, unit: int) -> bool:
    try:
        reply = await client.read_holding_registers(0x4000, count=2, device_id=unit)
    except ModbusIOException:
        return False
    assert not reply.isError()
    return True


def test_startup_output(sim: SimulatorProcess, tmp_path: Path) -> None:
    assert sim.stdout_lines[0] == f"Simulated meter bus on {sim.pty_path}"
    assert sim.port == str(tmp_path / "bus")
    assert os.readlink(sim.port) == sim.pty_path


def test_read_measurements_from_three_meters(sim: SimulatorProcess) -> None:
    async def scenario() -> None:
        client = await _client(sim.port)
        try:
            for unit in (1, 2, 3):
                reply = await client.read_holding_registers(0x5000, count=56, device_id=unit)
                assert not reply.isError()
                assert len(reply.registers) == 56
                volts = [FLOAT32.decode(reply.registers[i:i + 2]) for i in range(0, 8, 2)]
                assert all(220 < v < 240 for v in volts)
                frequency = FLOAT32.decode(reply.registers[8:10])
                assert 49.9 < frequency < 50.1
                serial_reply = await client.read_holding_registers(0x4000, count=2,
                                                                   device_id=unit)
                words = serial_reply.registers
                assert REGISTERS["serial"].dtype.decode(words) == 23000000 + unit
        finally:
            client.close()

    asyncio.run(scenario())


def test_illegal_address_is_exception_2(sim: SimulatorProcess) -> None:
    async def scenario() -> None:
        client = await _client(sim.port)
        try:
            reply = await client.read_holding_registers(0x4F00, count=2, device_id=2)
            assert reply.isError() and reply.exception_code == 2
            reply = await client.write_register(0x6048, 9, device_id=2)
            assert reply.isError() and reply.exception_code == 3
            reply = await client.write_registers(0x4003, [5], device_id=2)
            assert reply.isError() and reply.exception_code == 1
        finally:
            client.close()

    asyncio.run(scenario())


def test_new_address_takes_effect_after_the_reply(sim: SimulatorProcess) -> None:
    async def scenario() -> None:
        client = await _client(sim.port)
        try:
            reply = await client.write_register(0x4003, 10, device_id=2)
            assert not reply.isError() and reply.registers == [10]
            assert await _answers(client, 10)
            assert not await _answers(client, 2)
            assert await _answers(client, 1) and await _answers(client, 3)
            reply = await client.read_holding_registers(0x4003, count=1, device_id=10)
            assert reply.registers == [10]
        finally:
            client.close()

    asyncio.run(scenario())


def test_new_baud_rate_needs_the_client_to_follow(sim: SimulatorProcess) -> None:
    async def scenario() -> None:
        client = await _client(sim.port)
        try:
            code = MODBUS_BAUD_CODES[19200]
            reply = await client.write_register(0x4004, code, device_id=3)
            assert not reply.isError()  # the reply still comes at the old rate
            assert not await _answers(client, 3)
            assert await _answers(client, 1)
        finally:
            client.close()
        fast = await _client(sim.port, 19200)
        try:
            assert await _answers(fast, 3)
            assert not await _answers(fast, 1)
            reply = await fast.read_holding_registers(0x4004, count=1, device_id=3)
            assert reply.registers == [code]
        finally:
            fast.close()

    asyncio.run(scenario())


def test_client_can_close_and_reopen(sim: SimulatorProcess) -> None:
    raw = build_read(1, 0x4000, 2)
    for _ in range(5):
        with serial.Serial(sim.port, 9600, timeout=2) as port:
            port.write(raw)
            reply = port.read(9)
        assert parse_reply(raw, reply).registers == (0x2300, 0x0001)

    async def reconnect() -> None:
        for unit in (1, 2, 3, 1):
            client = await _client(sim.port)
            try:
                assert await _answers(client, unit)
            finally:
                client.close()

    asyncio.run(reconnect())


def test_wire_timing_delays_replies(tmp_path: Path) -> None:
    with SimulatorProcess("--wire-timing") as sim, \
            serial.Serial(sim.port, 9600, timeout=2) as port:
        raw = build_read(1, 0x5000, 56)
        port.write(raw)
        start = time.perf_counter()
        reply = port.read(117)
        elapsed = time.perf_counter() - start
        assert len(reply) == 117
        assert elapsed >= (8 + 117) * 11 / 9600  # 143 ms at 9600 baud


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_signals_stop_cleanly(signum: int, tmp_path: Path) -> None:
    link = tmp_path / "bus"
    sim = SimulatorProcess("--link", str(link)).start()
    try:
        assert sim.process is not None
        sim.process.send_signal(signum)
        assert sim.process.wait(10) == 0
    finally:
        sim.stop()
    assert "Traceback" not in sim.stderr
    assert not link.is_symlink()


def test_state_survives_a_restart(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    args = ("--count", "2", "--state", str(state))

    async def change(port: str) -> None:
        client = await _client(port)
        try:
            assert not (await client.write_register(0x6048, 2, device_id=2)).isError()
            assert not (await client.write_register(0x4003, 7, device_id=1)).isError()
        finally:
            client.close()

    async def check(port: str) -> None:
        client = await _client(port)
        try:
            tariff = await client.read_holding_registers(0x6048, count=1, device_id=2)
            assert tariff.registers == [2]
            counter = await client.read_holding_registers(0x4016, count=1, device_id=7)
            assert counter.registers == [1]
            assert not await _answers(client, 1)
        finally:
            client.close()

    with SimulatorProcess(*args) as sim:
        asyncio.run(change(sim.port))
        saved = json.loads(state.read_text())  # saved before the write was answered
        assert saved["meters"]["23000002"]["settings"]["tariff"] == "2"
        assert saved["meters"]["23000001"]["settings"]["modbus.address"] == "7"
    with SimulatorProcess(*args) as sim:
        assert "Modbus address 7" in sim.stdout_lines[1]
        asyncio.run(check(sim.port))


@pytest.mark.parametrize("args", [
    ["--model", "9XX"],
    ["--baud", "12345"],
    ["--parity", "mark"],
    ["--address", "0"],
    ["--count", "0"],
    ["--count", "2", "--address", "1", "--address", "5", "--address", "9"],
    ["--serial", "123456789"],
    ["--count", "x"],
    ["--reversed-phase", "l4"],
    ["--state", "/no/such/folder/state.json"],
    ["--no-such-option"],
])
def test_bad_options_exit_2_with_one_sentence(args: list[str]) -> None:
    done = subprocess.run([sys.executable, "-m", "configurator.simulator", *args],
                          capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert done.returncode == 2
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ")
    assert "Traceback" not in done.stderr


def test_link_onto_a_regular_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(RuntimeError, match="not a symlink"):
        SimulatorProcess("--link", str(target)).start()
    assert target.read_text() == "x"


@pytest.mark.skipif(shutil.which("mbpoll") is None, reason="mbpoll is not installed")
def test_mbpoll_reads_voltages(sim: SimulatorProcess) -> None:
    done = subprocess.run(
        ["mbpoll", "-m", "rtu", "-b", "9600", "-P", "none", "-a", "1", "-r", "20481", "-c", "4",
         "-t", "4:float", "-B", "-1", sim.port],
        capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    values = [float(v) for v in re.findall(r"^\[\d+\]:\s+(\S+)", done.stdout, re.MULTILINE)]
    assert len(values) == 4
    assert all(220 < v < 240 for v in values)


def test_unusable_state_file_exits_10(tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    state.write_text("garbage")
    done = subprocess.run([sys.executable, "-m", "configurator.simulator", "--state", str(state)],
                          capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL)
    assert done.returncode == 10
    assert len(done.stderr.strip().splitlines()) == 1
    assert state.read_text() == "garbage"
