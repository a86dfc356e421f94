"""The RTU adapter, client side: request frames, answer reassembly and answer parsing.

Every frame is checked against an independent CRC-16/MODBUS (poly 0xA001 reflected, init
0xFFFF, low byte first on the wire) written here.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from configurator.protocol.modbus_rtu import (
    FrameCorrupt,
    Reply,
    build_read,
    build_write_multiple,
    build_write_single,
    crc16,
    crc_ok,
    expected_reply_length,
    frame,
    parse_reply,
    take_answer,
)
from tests.reference import ref_frame, reference_crc, u16

FAST = settings(max_examples=300, deadline=None, database=None)





DEVICE = st.integers(1, 247)
ADDRESS = st.integers(0, 0xFFFF)
WORD = st.integers(0, 0xFFFF)


@st.composite
def requests(draw: st.DrawFn, max_read: int = 125) -> bytes:
    """A request frame built independently of the code under test."""
    device = draw(DEVICE)
    address = draw(ADDRESS)
    kind = draw(st.sampled_from([3, 6, 16]))
    if kind == 3:
        body = bytes([device, 3]) + u16(address) + u16(draw(st.integers(1, max_read)))
    elif kind == 6:
        body = bytes([device, 6]) + u16(address) + u16(draw(WORD))
    else:
        words = draw(st.lists(WORD, min_size=1, max_size=8))
        body = (bytes([device, 16]) + u16(address) + u16(len(words)) + bytes([2 * len(words)])
                + b"".join(u16(w) for w in words))
    return ref_frame(body)


def requested_count(request: bytes) -> int:
    return int.from_bytes(request[4:6], "big")


@st.composite
def answers(draw: st.DrawFn, request: bytes) -> bytes:
    """A well-formed answer to `request`: the normal reply or an exception."""
    if draw(st.booleans()):
        return ref_frame(bytes([request[0], request[1] | 0x80, draw(st.integers(1, 255))]))
    if request[1] == 3:
        count = requested_count(request)
        data = b"".join(u16(w) for w in draw(st.lists(WORD, min_size=count, max_size=count)))
        return ref_frame(bytes([request[0], 3, 2 * count]) + data)
    return ref_frame(request[:6])  # FC06 echoes, FC16 repeats address and count


def well_formed(request: bytes, adu: bytes) -> bool:
    """The independent definition of an acceptable answer to `request`."""
    if len(adu) < 4 or reference_crc(adu[:-2]) != adu[-2:]:
        return False
    body = adu[:-2]
    if body[0] != request[0]:
        return False
    if body[1] == request[1] | 0x80:
        return len(body) == 3 and body[2] != 0
    if body[1] != request[1]:
        return False
    if request[1] == 3:
        count = requested_count(request)
        return len(body) == 3 + 2 * count and body[2] == 2 * count
    return body == request[:6]


# --- CRC and request frames ------------------------------------------------------------------


def test_reference_crc_check_value() -> None:
    assert reference_crc(b"123456789") == bytes([0x37, 0x4B])


@FAST
@given(st.binary(max_size=64))
def test_crc16_is_crc16_modbus_low_byte_first(data: bytes) -> None:
    assert crc16(data) == reference_crc(data)
    assert frame(data) == data + reference_crc(data)
    if len(data) >= 2:
        assert crc_ok(frame(data))


@pytest.mark.parametrize("data", [b"", b"\x01", b"\x01\x02\x03"])
def test_crc_ok_needs_at_least_four_bytes(data: bytes) -> None:
    assert not crc_ok(data)


@FAST
@given(DEVICE, ADDRESS, st.integers(1, 125))
def test_build_read_is_byte_exact(device: int, address: int, count: int) -> None:
    assert build_read(device, address, count) == ref_frame(
        bytes([device, 3]) + u16(address) + u16(count))


def test_build_read_of_the_measurement_block() -> None:
    assert build_read(1, 0x5000, 0x38)[:6] == bytes.fromhex("01 03 50 00 00 38")
    assert build_read(1, 0x5000, 0x38) == ref_frame(bytes.fromhex("01 03 50 00 00 38"))


@FAST
@given(st.integers(0, 247), ADDRESS, WORD)
def test_build_write_single_is_byte_exact(device: int, address: int, value: int) -> None:
    assert build_write_single(device, address, value) == ref_frame(
        bytes([device, 6]) + u16(address) + u16(value))


@FAST
@given(st.integers(0, 247), ADDRESS, st.lists(WORD, min_size=1, max_size=123))
def test_build_write_multiple_is_byte_exact(device: int, address: int, words: list[int]) -> None:
    body = (bytes([device, 16]) + u16(address) + u16(len(words)) + bytes([2 * len(words)])
            + b"".join(u16(w) for w in words))
    assert build_write_multiple(device, address, words) == ref_frame(body)
    assert build_write_multiple(device, address, tuple(words)) == ref_frame(body)


# --- parse_reply: good answers ---------------------------------------------------------------


@FAST
@given(st.data())
def test_parse_reply_accepts_well_formed_answers(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    reply = parse_reply(request, adu)
    assert isinstance(reply, Reply)
    assert reply.device_id == request[0]
    assert reply.function_code == request[1]
    if adu[1] & 0x80:
        assert reply.is_exception and reply.exception_code == adu[2]
        return
    assert not reply.is_exception
    if request[1] == 3:
        words = tuple(int.from_bytes(adu[3 + 2 * i : 5 + 2 * i], "big")
                      for i in range(requested_count(request)))
        assert reply.registers == words
    else:
        assert reply.address == int.from_bytes(request[2:4], "big")
        if request[1] == 6:
            assert reply.registers == (int.from_bytes(request[4:6], "big"),)


def test_parse_reply_of_known_answers() -> None:
    request = build_read(1, 0x5000, 2)
    reply = parse_reply(request, ref_frame(bytes.fromhex("01 03 04 43 66 00 00")))
    assert reply == Reply(1, 3, (0x4366, 0x0000))
    write = build_write_single(1, 0x4003, 10)
    assert parse_reply(write, write) == Reply(1, 6, (10,), 0x4003)
    multiple = build_write_multiple(1, 0x401F, [0x9995, 5])
    assert parse_reply(multiple, ref_frame(bytes.fromhex("01 10 40 1F 00 02"))).address == 0x401F
    exception = parse_reply(request, ref_frame(bytes.fromhex("01 83 02")))
    assert exception.is_exception and exception.exception_code == 2
    assert exception.function_code == 3


# --- parse_reply: bad answers ----------------------------------------------------------------


@FAST
@given(st.data())
def test_parse_reply_rejects_any_single_bit_error(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = bytearray(data.draw(answers(request)))
    bit = data.draw(st.integers(0, 8 * len(adu) - 1))
    adu[bit // 8] ^= 1 << (bit % 8)
    with pytest.raises(FrameCorrupt):
        parse_reply(request, bytes(adu))


@FAST
@given(st.data())
def test_parse_reply_rejects_a_wrong_crc(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    crc = data.draw(st.binary(min_size=2, max_size=2).filter(lambda c: c != adu[-2:]))
    with pytest.raises(FrameCorrupt, match="CRC"):
        parse_reply(request, adu[:-2] + crc)


@FAST
@given(st.data())
def test_parse_reply_rejects_an_answer_from_another_address(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    other = data.draw(st.integers(0, 255).filter(lambda a: a != request[0]))
    with pytest.raises(FrameCorrupt, match="address"):
        parse_reply(request, ref_frame(bytes([other]) + adu[1:-2]))


@FAST
@given(st.data())
def test_parse_reply_rejects_an_answer_for_another_function(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    other = data.draw(st.integers(0, 255).filter(lambda f: f & 0x7F != request[1]))
    with pytest.raises(FrameCorrupt):
        parse_reply(request, ref_frame(adu[:1] + bytes([other]) + adu[2:-2]))


@FAST
@given(requests(), st.binary(max_size=300))
def test_parse_reply_of_garbage_raises_only_frame_corrupt(request: bytes, junk: bytes) -> None:
    try:
        reply = parse_reply(request, junk)
    except FrameCorrupt:
        return
    assert isinstance(reply, Reply)


@FAST
@given(requests(max_read=4), st.booleans(), st.binary(max_size=12))
def test_parse_reply_of_crc_valid_garbage_raises_only_frame_corrupt(
    request: bytes, exception: bool, tail: bytes
) -> None:
    """The CRC is right and the header matches, so the body reaches the PDU decoder."""
    adu = ref_frame(bytes([request[0], request[1] | (0x80 if exception else 0)]) + tail)
    try:
        reply = parse_reply(request, adu)
    except FrameCorrupt:
        return
    assert isinstance(reply, Reply)


READ_2 = bytes.fromhex("01 03 50 00 00 02") + reference_crc(bytes.fromhex("01 03 50 00 00 02"))
WRITE_6 = ref_frame(bytes.fromhex("01 06 40 03 00 0A"))
WRITE_16 = ref_frame(bytes.fromhex("01 10 40 1F 00 02 04 99 95 00 05"))


@FAST
@given(st.sampled_from([READ_2, WRITE_6, WRITE_16]), st.booleans(), st.binary(max_size=8))
@example(READ_2, True, b"\x00")  # exception code 0
@example(READ_2, True, b"")  # 4-byte exception frame
def test_parse_reply_accepts_exactly_the_well_formed_answers(
    request: bytes, exception: bool, tail: bytes
) -> None:
    adu = ref_frame(bytes([request[0], request[1] | (0x80 if exception else 0)]) + tail)
    if well_formed(request, adu):
        parse_reply(request, adu)
    else:
        with pytest.raises(FrameCorrupt):
            parse_reply(request, adu)


@pytest.mark.parametrize("body", ["01 83", "01 83 02 00", "01 83 02 00 00 00"])
def test_parse_reply_rejects_exception_answers_of_the_wrong_length(body: str) -> None:
    with pytest.raises(FrameCorrupt):
        parse_reply(READ_2, ref_frame(bytes.fromhex(body)))


@pytest.mark.parametrize("request_", [READ_2, WRITE_6, WRITE_16], ids=["fc03", "fc06", "fc16"])
def test_parse_reply_rejects_exception_code_zero(request_: bytes) -> None:
    with pytest.raises(FrameCorrupt):
        parse_reply(request_, ref_frame(bytes([1, request_[1] | 0x80, 0])))


@pytest.mark.parametrize(
    ("request_", "body"),
    [(READ_2, "01 03 04 00 01 00 02 FF"), (WRITE_6, "01 06 40 03 00 0A 00"),
     (WRITE_16, "01 10 40 1F 00 02 00")],
    ids=["fc03", "fc06", "fc16"],
)
def test_parse_reply_rejects_trailing_bytes(request_: bytes, body: str) -> None:
    with pytest.raises(FrameCorrupt):
        parse_reply(request_, ref_frame(bytes.fromhex(body)))


@pytest.mark.parametrize("body", ["01 03 00", "01 03 02 00 01", "01 03 06 00 01 00 02 00 03"])
def test_parse_reply_rejects_a_register_count_other_than_requested(body: str) -> None:
    with pytest.raises(FrameCorrupt):
        parse_reply(READ_2, ref_frame(bytes.fromhex(body)))


@pytest.mark.parametrize(
    ("request_", "body"),
    [(WRITE_6, "01 06 40 04 00 0A"), (WRITE_6, "01 06 40 03 00 0B"),
     (WRITE_16, "01 10 40 20 00 02"), (WRITE_16, "01 10 40 1F 00 01")],
    ids=["fc06-address", "fc06-value", "fc16-address", "fc16-count"],
)
def test_parse_reply_rejects_a_write_answer_for_something_else(request_: bytes, body: str) -> None:
    with pytest.raises(FrameCorrupt):
        parse_reply(request_, ref_frame(bytes.fromhex(body)))


# --- expected_reply_length -------------------------------------------------------------------


@FAST
@given(st.data())
def test_expected_reply_length_from_any_prefix(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    assert expected_reply_length(request, b"") is None
    assert expected_reply_length(request, adu[:1]) is None
    two = expected_reply_length(request, adu[:2])
    if adu[1] == 3:
        assert two is None  # the byte count has not arrived yet
    else:
        assert two == len(adu)
    for end in range(3, len(adu) + 1):
        assert expected_reply_length(request, adu[:end]) == len(adu)


@pytest.mark.parametrize(
    ("received", "length"),
    [("01 03 04", 9), ("01 03 70", 117), ("01 83", 5), ("01 86 02", 5), ("01 06", 8),
     ("01 10 40", 8), ("01 90 01", 5), ("01 2B 0E 01", 4), ("01", None)],
)
def test_expected_reply_length_examples(received: str, length: int | None) -> None:
    assert expected_reply_length(READ_2, bytes.fromhex(received)) == length


# --- take_answer (echo handling) ------------------------------------------------------------


@FAST
@given(st.data())
def test_take_answer_drops_a_known_echo(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    assert take_answer(request, request + adu, True) == (adu, True)
    for end in range(len(request) + len(adu)):
        assert take_answer(request, (request + adu)[:end], True)[0] is None
    assert take_answer(request, adu, False) == (adu, False)


@FAST
@given(st.data())
def test_take_answer_learns_the_echo_from_any_non_fc06_request(data: st.DataObject) -> None:
    request = data.draw(requests())
    adu = data.draw(answers(request))
    if request[1] == 6:
        return
    assert take_answer(request, request + adu, None) == (adu, True)
    if not request.startswith(adu[:3]) or len(adu) < 3:
        assert take_answer(request, adu, None)[1] in (False, None)


def test_take_answer_leaves_other_data_alone() -> None:
    answer = ref_frame(bytes.fromhex("01 03 04 00 01 00 02"))
    assert take_answer(READ_2, answer, None) == (answer, False)
    assert take_answer(READ_2, b"", None) == (None, None)


def _complete_answer(request: bytes, buffer: bytes) -> bytes | None:
    """What a receive loop built from these functions takes as the answer (modbus_master)."""
    return take_answer(request, buffer, None)[0]


@pytest.mark.parametrize("request_", [READ_2, WRITE_6, WRITE_16], ids=["fc03", "fc06", "fc16"])
def test_an_echoed_request_followed_by_its_answer_is_reassembled(request_: bytes) -> None:
    answer = (ref_frame(bytes.fromhex("01 03 04 00 01 00 02")) if request_[1] == 3
              else ref_frame(request_[:6]))
    wire = request_ + answer
    found = None
    for end in range(len(request_) + 1, len(wire) + 1):
        found = _complete_answer(request_, wire[:end])
        if found is not None:
            break
    assert found == answer
    assert parse_reply(request_, found).function_code == request_[1]


def test_a_partly_arrived_echo_is_never_taken_for_the_answer() -> None:
    for request_ in (READ_2, WRITE_6, WRITE_16):
        for end in range(len(request_)):
            assert _complete_answer(request_, request_[:end]) is None, (request_.hex(" "), end)


def test_fc06_answer_without_echo_is_recognised() -> None:
    assert _complete_answer(WRITE_6, WRITE_6) == WRITE_6
