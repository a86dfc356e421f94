"""M-Bus frames: byte-exact A2.3 telegrams, checksum and framing errors, fuzzing."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from configurator.protocol.mbus import frames
from configurator.protocol.mbus.frames import Frame, MbusFrameError, parse_frame, split_frames
from configurator.protocol.mbus.master import select_frame, select_pattern
from configurator.protocol.mbus.meter_map import parse_write, values_from, write_telegram
from configurator.protocol.mbus.records import manufacturer_encode, parse_records, parse_rsp_ud
from tests.mbus.example import DATA, example_frame


def with_cs(hex_text: str) -> bytes:
    """The manual's command bytes (without CS and 16) completed: CS = sum of C..data."""
    raw = bytes.fromhex(hex_text)
    return raw + bytes([sum(raw[4:]) & 0xFF, 0x16])


def write_frame(key: str, value: object = 0, address: int = 1) -> bytes:
    ci, data = write_telegram(key, value)
    return frames.snd_ud(address, ci, data)


@pytest.mark.parametrize(("key", "value", "manual"), [
    ("mbus.address", 1, "68 06 06 68 53 01 51 01 7A 01"),
    ("mbus.secondary_address", "45230115", "68 09 09 68 53 01 51 0C 79 15 01 23 45"),
    ("tariff", 2, "68 08 08 68 53 01 51 09 7C 01 54 02"),
    ("mbus.baudrate", 2400, "68 03 03 68 53 01 BB"),
    ("mbus.baudrate", 300, "68 03 03 68 53 01 B8"),
    ("mbus.baudrate", 9600, "68 03 03 68 53 01 BD"),
    ("combination_code", 5, "68 07 07 68 53 01 51 09 FD 3A 05"),
    ("s0.rate", 100.0, "68 0A 0A 68 53 01 51 0C FD 3A 00 00 01 00"),
    ("day-counter", 0, "68 09 09 68 53 01 51 0C 04 00 00 00 00"),
    ("power-down-counter", 0, "68 08 08 68 53 01 51 0A FD 60 00 00"),
])
def test_writes_are_byte_exact_a2_3_frames(key, value, manual):
    frame = write_frame(key, value)
    assert frame == with_cs(manual)
    assert frame[-1] == 0x16
    parsed = parse_frame(frame)
    assert parse_write(parsed.ci, parsed.data) == [(key, value)] or key in (
        "day-counter", "power-down-counter")


def test_concrete_checksums():
    assert write_frame("mbus.address", 1).hex(" ") == "68 06 06 68 53 01 51 01 7a 01 21 16"
    assert write_frame("mbus.baudrate", 2400).hex(" ") == "68 03 03 68 53 01 bb 0f 16"


def test_short_frames():
    assert frames.snd_nke(1) == bytes.fromhex("10 40 01 41 16")
    assert frames.req_ud2(1, fcb=False) == bytes.fromhex("10 5B 01 5C 16")
    assert frames.req_ud2(1, fcb=True) == bytes.fromhex("10 7B 01 7C 16")
    assert frames.snd_nke(253) == bytes.fromhex("10 40 FD 3D 16")


def test_secondary_selection_is_the_manuals_example():
    pattern = select_pattern("13070001", manufacturer_encode("INM"), 0x01, 0x02)
    assert select_frame(pattern) == with_cs("68 0B 0B 68 53 FD 52 01 00 07 13 CD 25 01 02")
    wildcard = select_pattern("2300FFFF")
    assert wildcard == bytes.fromhex("FF FF 00 23 FF FF FF FF")


def test_s0_rates_down_to_hundredths():
    for rate in (10000.0, 2000.0, 1000.0, 100.0, 10.0, 1.0, 0.1, 0.01):
        parsed = parse_frame(write_frame("s0.rate", rate))
        assert parse_write(parsed.ci, parsed.data) == [("s0.rate", rate)]


def test_ack_and_round_trip():
    assert parse_frame(b"\xe5") == Frame("ack")
    frame = example_frame(7)
    parsed = parse_frame(frame)
    assert (parsed.kind, parsed.control, parsed.address, parsed.ci, parsed.data) == \
        ("long", 0x08, 7, 0x72, DATA)
    assert parsed.to_bytes() == frame


@pytest.mark.parametrize(("raw", "message"), [
    (bytes.fromhex("10 40 01 42 16"), "checksum"),
    (bytes.fromhex("10 40 01 41 17"), "ends with"),
    (bytes.fromhex("68 03 04 68 53 01 BB 0F 16"), "inconsistent"),
    (bytes.fromhex("68 03 03 67 53 01 BB 0F 16"), "inconsistent"),
    (bytes.fromhex("68 03 03 68 53 01 BB 10 16"), "checksum"),
    (bytes.fromhex("68 03 03 68 53 01 BB 0F"), "incomplete"),
    (bytes.fromhex("68 02 02 68 53 01 54 16"), "below 3"),
    (bytes.fromhex("E5 E5"), "extra"),
    (bytes.fromhex("42"), "not an M-Bus frame start"),
    (b"", "incomplete"),
])
def test_framing_errors_are_rejected_clearly(raw, message):
    with pytest.raises(MbusFrameError, match=message):
        parse_frame(raw)


def test_a_bad_checksum_in_the_example_is_caught():
    frame = bytearray(example_frame())
    frame[40] ^= 0x01
    with pytest.raises(MbusFrameError, match="checksum"):
        parse_frame(bytes(frame))


def test_split_frames_resynchronises_after_garbage():
    stream = b"\x00\x42" + frames.snd_nke(1) + b"\x68\x03\x04" + frames.req_ud2(2, True) + b"\x10"
    found, rest = split_frames(stream)
    good = [f for f in found if isinstance(f, Frame)]
    assert [(f.control, f.address) for f in good] == [(0x40, 1), (0x7B, 2)]
    assert any(isinstance(f, MbusFrameError) for f in found)
    assert rest == b"\x10"


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=300))
def test_garbage_never_raises_anything_but_the_codecs_error(raw):
    for parse in (parse_frame, parse_records, lambda b: parse_rsp_ud(Frame("long", 8, 0, 0x72,
                                                                           b))):
        with contextlib.suppress(MbusFrameError):
            parse(raw)
    split_frames(raw)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=len(example_frame()) - 1), st.data())
def test_truncated_or_mutated_frames_raise_only_the_codecs_error(cut, data):
    frame = bytearray(example_frame())
    truncated = bytes(frame[:cut])
    with pytest.raises(MbusFrameError):
        parse_frame(truncated)
    index = data.draw(st.integers(min_value=0, max_value=len(frame) - 1))
    frame[index] = data.draw(st.integers(min_value=0, max_value=255))
    with contextlib.suppress(MbusFrameError):
        parse_rsp_ud(parse_frame(bytes(frame)))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=240))
def test_record_bodies_after_a_valid_header_decode_or_fail_cleanly(body):
    with contextlib.suppress(MbusFrameError):
        values_from(parse_rsp_ud(Frame("long", 8, 0, 0x72, DATA[:12] + body)))
    with contextlib.suppress(MbusFrameError):
        parse_write(frames.CI_DATA_SEND, body)
