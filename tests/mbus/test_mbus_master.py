"""The M-Bus master over a real pty against the real simulator process."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from configurator.errors import FrameError, MeterTimeoutError
from configurator.protocol.mbus import frames
from configurator.protocol.mbus.master import MbusMaster, select_pattern
from configurator.protocol.mbus.meter_map import values_from
from configurator.protocol.modbus_master import TrafficEntry
from configurator.simulator.launcher import SimulatorProcess
from configurator.transport.serial_port import SerialSettings, SerialTransport


def run_master(port: str, scenario, baud: int = 2400, **kwargs):
    async def go():
        transport = SerialTransport(SerialSettings(port, baud, "even"))
        await transport.open()
        traffic: list[TrafficEntry] = []
        try:
            master = MbusMaster(transport, on_traffic=traffic.append, **kwargs)
            return await scenario(master, traffic)
        finally:
            await transport.close()
    return asyncio.run(go())


@pytest.fixture(scope="module")
def bus(tmp_path_factory) -> SimulatorProcess:
    link = tmp_path_factory.mktemp("mbus") / "bus"
    # Two meters: primary 1 and 2, and a third sharing address 2 (collision).
    with SimulatorProcess("--protocol", "mbus", "--count", "3", "--mbus-address", "1",
                          "--mbus-address", "2", "--mbus-address", "2", "--link",
                          str(link)) as sim:
        yield sim


def test_fcb_toggles_and_access_number_counts(bus):
    async def scenario(master, traffic):
        await master.reset_link(1)
        telegrams = [await master.request_data(1) for _ in range(4)]
        return telegrams, [e.data for e in traffic if e.direction == "tx"]

    telegrams, sent = run_master(bus.port, scenario)
    assert sent[0] == frames.snd_nke(1)
    assert [frame[1] for frame in sent[1:]] == [0x7B, 0x5B, 0x7B, 0x5B]
    access = [t.header.access for t in telegrams]
    assert [(b - a) % 256 for a, b in zip(access, access[1:], strict=False)] == [1, 1, 1]
    values, unknown = values_from(telegrams[0])
    assert unknown == [] and 200 < values["voltage.l1"] < 260


def test_silence_is_retried_then_reported(bus):
    async def scenario(master, traffic):
        with pytest.raises(MeterTimeoutError, match="No answer"):
            await master.request_data(77)
        return master.counters

    counters = run_master(bus.port, scenario, timeout=0.05, retries=1)
    assert (counters.timeouts, counters.retries) == (2, 1)


def test_two_meters_on_one_address_give_a_garbled_answer(bus):
    async def scenario(master, traffic):
        await master.reset_link(2)  # identical E5s look like one
        with pytest.raises(FrameError, match="Garbled"):
            await master.request_data(2, retries=0)
        return master.counters

    assert run_master(bus.port, scenario).crc_errors >= 1


def test_selection_and_application_reset(bus):
    async def scenario(master, traffic):
        await master.select(select_pattern("23000003"))
        telegram = await master.request_data(frames.SECONDARY)
        await master.application_reset(1)
        return telegram

    assert run_master(bus.port, scenario).header.secondary_address == "23000003"


def test_wrong_baud_rate_is_silence(bus):
    async def scenario(master, traffic):
        with pytest.raises(MeterTimeoutError):
            await master.reset_link(1)

    run_master(bus.port, scenario, baud=9600, timeout=0.1, retries=0)


def test_timeouts_scale_with_the_baud_rate(tmp_path: Path):
    def wait(baud: int) -> float:
        transport = SerialTransport(SerialSettings(str(tmp_path / "none"), baud, "even"))
        return MbusMaster(transport).standard_wait(5)

    # 5 characters of request + 330 bit times + 50 ms (EN 13757-2)
    assert wait(300) == pytest.approx(55 / 300 + 330 / 300 + 0.05)
    assert wait(9600) == pytest.approx(55 / 9600 + 330 / 9600 + 0.05)
    transport = SerialTransport(SerialSettings(str(tmp_path / "none"), 2400, "even"))
    assert MbusMaster(transport, timeout=0.3).answer_timeout(5) == 0.3


def test_a_reply_paced_at_wire_speed_is_awaited_to_its_end(tmp_path: Path):
    import time

    with SimulatorProcess("--protocol", "mbus", "--mbus-baud", "9600", "--wire-timing",
                          "--link", str(tmp_path / "bus")) as sim:
        async def scenario(master, traffic):
            await master.reset_link(0)
            started = time.monotonic()
            telegram = await master.request_data(0)
            return telegram, time.monotonic() - started, traffic[-1].data

        telegram, elapsed, raw = run_master(sim.port, scenario, baud=9600)
    assert telegram.header.secondary_address == "23000001"
    assert elapsed >= (5 + len(raw)) * 11 / 9600  # request and answer on the wire
