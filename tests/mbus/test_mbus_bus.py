"""The simulated M-Bus's rules, frame by frame (no pty): addressing, selection, collisions,
writes, baud changes after the E5, access number and frame count bit."""

from __future__ import annotations

import pytest

from configurator.model.models import Model
from configurator.protocol.mbus import frames
from configurator.protocol.mbus.frames import Frame, MbusFrameError, parse_frame
from configurator.protocol.mbus.master import select_pattern
from configurator.protocol.mbus.meter_map import values_from, write_telegram
from configurator.protocol.mbus.records import parse_rsp_ud
from configurator.simulator.mbus_bus import MbusBus, collide
from configurator.simulator.meter import VirtualMeter

ACK = b"\xe5"


@pytest.fixture
def bus(clock) -> MbusBus:
    meters = [VirtualMeter(Model.PU4, 23000001 + i, clock=clock) for i in range(3)]
    return MbusBus(meters)


def ask(bus: MbusBus, raw: bytes, baud: int = 2400) -> bytes | None:
    reply, after = bus.handle(parse_frame(raw), baud)
    for action in after:
        action()
    return reply


def select(bus: MbusBus, digits: str) -> bytes | None:
    return ask(bus, frames.snd_ud(253, frames.CI_SELECT, select_pattern(digits)))


def telegram(raw: bytes | None):
    assert raw is not None
    return parse_rsp_ud(parse_frame(raw))


def test_factory_meters_share_address_0_and_collide(bus):
    assert ask(bus, frames.snd_nke(0)) == ACK  # three identical E5s overlap into one
    garbled = ask(bus, frames.req_ud2(0, True))
    with pytest.raises(MbusFrameError):
        parse_rsp_ud(parse_frame(garbled))
    assert ask(bus, frames.snd_nke(1)) is None


def test_wildcard_selection_selects_matches_and_deselects_the_rest(bus):
    assert select(bus, "2300000F") == ACK
    assert [s.selected for s in bus.slaves] == [True, True, True]
    assert select(bus, "23000002") == ACK
    assert [s.selected for s in bus.slaves] == [False, True, False]
    assert telegram(ask(bus, frames.req_ud2(253, True))).header.ident == 23000002
    assert select(bus, "2400FFFF") is None
    assert not any(s.selected for s in bus.slaves)
    assert ask(bus, frames.req_ud2(253, True)) is None


def test_selection_honours_manufacturer_version_and_medium(bus):
    from configurator.protocol.mbus.records import manufacturer_encode

    right = select_pattern("23000001", manufacturer_encode("INM"), 1, 2)
    wrong = select_pattern("23000001", manufacturer_encode("ABC"), 1, 2)
    assert ask(bus, frames.snd_ud(253, frames.CI_SELECT, right)) == ACK
    assert ask(bus, frames.snd_ud(253, frames.CI_SELECT, wrong)) is None


def test_snd_nke_to_253_deselects(bus):
    select(bus, "23000003")
    assert ask(bus, frames.snd_nke(253)) == ACK
    assert ask(bus, frames.req_ud2(253, True)) is None


def test_meters_hear_only_their_baud_rate(bus):
    assert ask(bus, frames.snd_nke(0), baud=9600) is None
    assert ask(bus, frames.snd_nke(0), baud=None) is None


def test_access_number_counts_up_wraps_and_fcb_repeats(bus):
    slave = bus.slaves[0]
    slave.meter.set_setting("mbus.address", 5)
    first = telegram(ask(bus, frames.req_ud2(5, True)))
    repeated = ask(bus, frames.req_ud2(5, True))  # same FCB: the answer again
    assert telegram(repeated).header.access == first.header.access
    fcb = False
    seen = []
    for _ in range(300):
        seen.append(telegram(ask(bus, frames.req_ud2(5, fcb))).header.access)
        fcb = not fcb
    assert seen[0] == first.header.access + 1
    steps = {(b - a) % 256 for a, b in zip(seen, seen[1:], strict=False)}
    assert steps == {1} and 255 in seen and 0 in seen[seen.index(255):]


def test_writes_apply_and_invalid_ones_get_no_ack(bus):
    meter = bus.slaves[0].meter
    meter.set_setting("mbus.address", 1)
    ci, data = write_telegram("tariff", 3)
    assert ask(bus, frames.snd_ud(1, ci, data)) == ACK
    assert meter.setting_value("tariff") == 3
    values, _ = values_from(telegram(ask(bus, frames.req_ud2(1, True))))
    assert values["tariff"] == 3
    bad = bytes.fromhex("09 7C 01 54 07")  # tariff 7
    assert ask(bus, frames.snd_ud(1, frames.CI_DATA_SEND, bad)) is None
    unknown = bytes.fromhex("01 FD 17 00")  # a record this meter does not take
    assert ask(bus, frames.snd_ud(1, frames.CI_DATA_SEND, unknown)) is None
    assert meter.setting_value("tariff") == 3
    assert ask(bus, frames.snd_ud(1, *write_telegram("s0.rate", 100.0))) == ACK
    assert meter.setting_value("s0.rate") == 100.0
    assert ask(bus, frames.snd_ud(1, frames.CI_APPLICATION_RESET, b"")) == ACK


def test_link_changes_take_effect_after_the_ack(bus):
    meter = bus.slaves[0].meter
    meter.set_setting("mbus.address", 1)
    reply, after = bus.handle(parse_frame(frames.snd_ud(1, *write_telegram(
        "mbus.baudrate", 9600))), 2400)
    assert reply == ACK and meter.setting_value("mbus.baudrate") == 2400 and after
    for action in after:
        action()
    assert meter.setting_value("mbus.baudrate") == 9600
    assert ask(bus, frames.snd_nke(1), baud=9600) == ACK
    assert ask(bus, frames.snd_ud(1, *write_telegram("mbus.address", 7)), baud=9600) == ACK
    assert ask(bus, frames.snd_nke(7), baud=9600) == ACK
    assert ask(bus, frames.snd_ud(7, *write_telegram("mbus.secondary_address", "45230115")),
               baud=9600) == ACK
    assert telegram(ask(bus, frames.req_ud2(7, True), baud=9600)).header.ident == 45230115


def test_broadcast_writes_without_answers_and_254_makes_everyone_answer(bus):
    assert ask(bus, frames.snd_ud(255, *write_telegram("tariff", 2))) is None
    assert all(s.meter.setting_value("tariff") == 2 for s in bus.slaves)
    assert ask(bus, frames.snd_nke(254)) == ACK


def test_collisions_are_the_or_of_the_replies():
    assert collide([b"\x01\x02", b"\x10"]) == b"\x11\x02"
    assert collide([ACK, ACK]) == ACK


def test_ct_meters_send_the_ct_record(clock):
    meter = VirtualMeter(Model.PUCT2, 23000009, clock=clock)
    bus = MbusBus([meter])
    values, unknown = values_from(telegram(ask(bus, frames.req_ud2(0, True))))
    assert str(values["ct.ratio"]) == "5/5" and unknown == []


def test_short_frames_from_unknown_controls_are_ignored(bus):
    assert bus.handle(Frame("short", 0x5A, 0), 2400) == (None, [])


def _options(*argv: str):
    import argparse

    from configurator.simulator import command

    parser = argparse.ArgumentParser()
    command.add_arguments(parser)
    return command.parse_options(parser.parse_args(list(argv)))


def test_simulate_options_for_mbus():
    options = _options("--protocol", "mbus", "--count", "3")
    assert (options.protocol, options.mbus_addresses, options.mbus_baudrate) == \
        ("mbus", (), 2400)
    assert _options("--count", "3", "--mbus-address", "4").mbus_addresses == (4, 5, 6)
    assert _options("--protocol", "mbus").protocol == "mbus"
    assert _options().protocol == "modbus"  # Modbus stays the default
    from configurator.simulator.command import OptionError

    for bad in (["--mbus-address", "251"], ["--count", "2", "--mbus-address", "250"],
                ["--mbus-secondary", "123"], ["--mbus-baud", "19200"],
                ["--count", "2", "--mbus-secondary", "12345678"]):
        with pytest.raises(OptionError):
            _options(*bad)
