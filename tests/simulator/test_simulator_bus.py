"""MeterBus without a client: dispatch rules, the pty and its symlink."""

from __future__ import annotations

import os
import termios
from pathlib import Path
from typing import Any

import pytest

from configurator.model.models import Model
from configurator.protocol.modbus_rtu import (
    Request,
    build_read,
    build_write_multiple,
    build_write_single,
    crc_ok,
    frame,
    parse_reply,
    split_requests,
)
from configurator.simulator.bus import LinkPathError, MeterBus, wire_time
from configurator.simulator.meter import VirtualMeter


def request(raw: bytes) -> Request:
    found, rest = split_requests(raw)
    assert rest == b"" and len(found) == 1 and found[0] is not None
    return found[0]


@pytest.fixture
def bus(clock: Any) -> MeterBus:
    meters = [VirtualMeter(Model.PU4, 23000001 + i, address=1 + i, clock=clock)
              for i in range(3)]
    return MeterBus(meters)


def test_addressed_meter_answers(bus: MeterBus) -> None:
    raw = build_read(2, 0x4000, 2)
    reply, touched = bus.dispatch(request(raw), 9600)
    assert reply is not None and touched == [bus.meters[1]]
    assert parse_reply(raw, reply).registers == (0x2300, 0x0002)


def test_other_addresses_stay_silent(bus: MeterBus) -> None:
    assert bus.dispatch(request(build_read(9, 0x4000, 2)), 9600) == (None, [])


def test_wrong_baud_rate_is_silence(bus: MeterBus) -> None:
    assert bus.dispatch(request(build_read(1, 0x4000, 2)), 19200) == (None, [])
    assert bus.dispatch(request(build_read(1, 0x4000, 2)), None) == (None, [])


def test_unknown_function_is_exception_1(bus: MeterBus) -> None:
    raw = frame(bytes.fromhex("0104400000 02".replace(" ", "")))  # FC04: input registers
    reply, _ = bus.dispatch(request(raw), 9600)
    assert reply is not None and crc_ok(reply)
    assert reply[:3] == bytes([1, 0x84, 1])


def test_meter_exception_is_answered(bus: MeterBus) -> None:
    raw = build_read(3, 0x4015, 1)
    reply, _ = bus.dispatch(request(raw), 9600)
    assert reply is not None and parse_reply(raw, reply).exception_code == 2


def test_broadcast_write_reaches_all_and_gets_no_reply(bus: MeterBus) -> None:
    reply, touched = bus.dispatch(request(build_write_single(0, 0x6048, 2)), 9600)
    assert reply is None and touched == bus.meters
    assert [m.setting_value("tariff") for m in bus.meters] == [2, 2, 2]


def test_broadcast_read_is_ignored(bus: MeterBus) -> None:
    assert bus.dispatch(request(build_read(0, 0x4000, 2)), 9600) == (None, [])


def test_broadcast_only_reaches_meters_at_the_clients_baud(bus: MeterBus) -> None:
    bus.meters[2].set_setting("modbus.baudrate", 19200)
    bus.dispatch(request(build_write_single(0, 0x6048, 3)), 9600)
    assert [m.setting_value("tariff") for m in bus.meters] == [3, 3, 1]


def test_address_change_applies_after_the_reply(bus: MeterBus) -> None:
    raw = build_write_single(1, 0x4003, 10)
    reply, touched = bus.dispatch(request(raw), 9600)
    assert reply == raw  # FC06 echoes the request
    assert bus.meters[0].link.address == 1
    for meter in touched:
        meter.apply_pending_link()
    assert bus.meters[0].link.address == 10
    assert bus.dispatch(request(build_read(1, 0x4000, 2)), 9600) == (None, [])
    reply, _ = bus.dispatch(request(build_read(10, 0x4000, 2)), 9600)
    assert reply is not None


def test_fc16_reply(bus: MeterBus) -> None:
    raw = build_write_multiple(2, 0x6049, [0, 0])
    reply, _ = bus.dispatch(request(raw), 9600)
    assert reply is not None
    answer = parse_reply(raw, reply)
    assert not answer.is_exception and answer.address == 0x6049


def test_two_meters_on_one_address_garble_the_reply(bus: MeterBus) -> None:
    bus.meters[1].set_setting("modbus.address", 1)
    reply, touched = bus.dispatch(request(build_read(1, 0x4000, 2)), 9600)
    assert len(touched) == 2
    assert reply is not None and not crc_ok(reply)


def test_wire_time() -> None:
    assert wire_time(8, 117, 9600) == pytest.approx(0.143, abs=0.001)


def test_pty_link_and_cleanup(bus: MeterBus, tmp_path: Path) -> None:
    link = tmp_path / "meter-bus"
    link.symlink_to("/nonexistent")  # a stale link from an earlier run is replaced
    bus.link = link
    path = bus.open()
    try:
        assert os.readlink(link) == path
        assert bus.port == str(link)
        assert bus.client_baudrate() == 9600
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        try:
            attrs = termios.tcgetattr(fd)
            attrs[4] = attrs[5] = termios.B19200
            termios.tcsetattr(fd, termios.TCSANOW, attrs)
            assert bus.client_baudrate() == 19200
        finally:
            os.close(fd)
    finally:
        bus.close()
    assert not link.exists() and not link.is_symlink()


def test_link_refuses_to_replace_a_file(bus: MeterBus, tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    bus.link = target
    with pytest.raises(LinkPathError):
        bus.open()
    assert target.read_text() == "keep me"
    bus.link = tmp_path / "no-such-folder" / "bus"
    with pytest.raises(LinkPathError):
        bus.open()
