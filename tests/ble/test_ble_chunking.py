"""Chunking and reassembly over the BLE transport.

Mocked only at bleak's backend boundary (the simulated BaseBleakClient/BaseBleakScanner from
configurator.simulator.ble_backend); BleTransport, bleak's BleakClient and the ModbusMaster's
reassembly by expected length and CRC are the real code. No sleeps: answers are awaited.
"""

from __future__ import annotations

import asyncio

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from configurator.model.models import Model
from configurator.protocol.modbus_master import ModbusMaster
from configurator.protocol.modbus_rtu import build_read, build_read_response, split_requests
from configurator.simulator.ble_backend import MeterPeripheral, SimulatedAir, SimulatedPeripheral
from configurator.simulator.meter import VirtualMeter
from configurator.transport.ble import MAX_WRITE, NOTIFY_UUID, SERVICE_UUID, WRITE_UUID
from tests.ble.conftest import NAME, make_transport


def split_at(data: bytes, cuts: set[int], size: int = MAX_WRITE) -> list[bytes]:
    """`data` cut at the given positions, then into pieces of at most `size` bytes."""
    bounds = [0, *sorted(c for c in cuts if 0 < c < len(data)), len(data)]
    pieces = [data[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    return [p[i:i + size] for p in pieces for i in range(0, len(p), size)]


class ScriptedMeter(SimulatedPeripheral):
    """Answers every FC03 request with `words`, split into notifications at `cuts`."""

    def __init__(self, words: list[int], cuts: set[int]) -> None:
        super().__init__(NAME, "C4:7F:00:00:00:01",
                         gatt={SERVICE_UUID: {WRITE_UUID: ["write"], NOTIFY_UUID: ["notify"]}})
        self.words, self.cuts = words, cuts
        self.writes: list[tuple[bytes, bool]] = []
        self.notifications: list[bytes] = []
        self._buffer = b""

    def write(self, uuid: str, data: bytes, response: bool) -> None:
        self.writes.append((data, response))
        requests, self._buffer = split_requests(self._buffer + data)
        for request in requests:
            reply = build_read_response(request.device_id, self.words)
            for chunk in split_at(reply, self.cuts):
                self.notifications.append(chunk)
                assert self.central is not None
                self.central.notify_soon(NOTIFY_UUID, chunk)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.integers(0, 0xFFFF), min_size=1, max_size=125),
       cuts=st.sets(st.integers(1, 254), max_size=40))
def test_answers_of_any_size_split_anywhere_are_reassembled(words, cuts):
    peripheral = ScriptedMeter(words, cuts)
    air = SimulatedAir([peripheral])

    async def scenario() -> list[int]:
        transport = make_transport(air)
        await transport.open()
        try:
            master = ModbusMaster(transport, echo=False, retries=0)
            return await master.read_registers(1, 0x5000, len(words))
        finally:
            await transport.close()

    assert asyncio.run(scenario()) == words
    assert all(1 <= len(n) <= MAX_WRITE for n in peripheral.notifications)
    assert b"".join(peripheral.notifications) == build_read_response(1, words)


@settings(max_examples=100, deadline=None)
@given(frame=st.binary(min_size=1, max_size=256))
def test_requests_of_1_to_256_bytes_go_out_in_20_byte_writes_with_response(frame):
    peripheral = ScriptedMeter([0], set())
    air = SimulatedAir([peripheral])

    async def scenario() -> None:
        transport = make_transport(air)
        await transport.open()
        try:
            await transport.send(frame)
        finally:
            await transport.close()

    asyncio.run(scenario())
    assert b"".join(data for data, _ in peripheral.writes) == frame
    assert all(response for _, response in peripheral.writes)
    assert [len(data) for data, _ in peripheral.writes] == \
        [min(MAX_WRITE, len(frame) - i) for i in range(0, len(frame), MAX_WRITE)]


# A 56-register read from 0x5000 is 117 bytes: split it once at every position.
@pytest.mark.parametrize("cut", range(1, 117))
def test_a_real_meter_answer_split_at_every_boundary(cut: int):
    meter = VirtualMeter(Model.PU4, 19020246, clock=lambda: 100.0)  # frozen: stable values
    peripheral = MeterPeripheral(meter, chunker=lambda data: split_at(data, {cut}))
    air = SimulatedAir([peripheral])

    async def scenario() -> list[int]:
        transport = make_transport(air)
        await transport.open()
        try:
            return await ModbusMaster(transport, echo=False, retries=0).read_registers(
                1, 0x5000, 56)
        finally:
            await transport.close()

    assert asyncio.run(scenario()) == meter.read_registers(0x5000, 56, "ble")
    assert peripheral.requests == [build_read(1, 0x5000, 56)]
