"""The RTU adapter, meter side: request reassembly (split_requests) and the answer builders."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from configurator.protocol.modbus_rtu import (
    Request,
    build_exception,
    build_read,
    build_read_response,
    build_write_multiple,
    build_write_response,
    build_write_single,
    parse_reply,
    split_requests,
)
from tests.reference import ref_frame, u16

FAST = settings(max_examples=200, deadline=None, database=None)





DEVICE = st.integers(0, 247)
ADDRESS = st.integers(0, 0xFFFF)
WORD = st.integers(0, 0xFFFF)


@st.composite
def requests(draw: st.DrawFn) -> Request:
    """A supported request (FC03/06/16) and what split_requests must make of it."""
    device = draw(DEVICE)
    address = draw(ADDRESS)
    kind = draw(st.sampled_from([3, 6, 16]))
    if kind == 3:
        count = draw(st.integers(1, 125))
        raw = ref_frame(bytes([device, 3]) + u16(address) + u16(count))
        return Request(device, 3, address, count, (), raw)
    if kind == 6:
        value = draw(WORD)
        raw = ref_frame(bytes([device, 6]) + u16(address) + u16(value))
        return Request(device, 6, address, 1, (value,), raw)
    words = tuple(draw(st.lists(WORD, min_size=1, max_size=123)))
    raw = ref_frame(bytes([device, 16]) + u16(address) + u16(len(words))
                    + bytes([2 * len(words)]) + b"".join(u16(w) for w in words))
    return Request(device, 16, address, len(words), words, raw)


def feed(chunks: list[bytes]) -> tuple[list[Request | None], bytes]:
    """Feed chunks one by one, as a serial port delivers them."""
    found: list[Request | None] = []
    buffer = b""
    for chunk in chunks:
        buffer += chunk
        got, buffer = split_requests(buffer)
        found.extend(got)
    return found, buffer


def cut(wire: bytes, points: list[int]) -> list[bytes]:
    edges = [0, *sorted(set(points)), len(wire)]
    return [wire[a:b] for a, b in zip(edges, edges[1:], strict=False)]


# Fixed requests: the A3.3 examples and the planner's reads.
FIXED = [
    Request(1, 3, 0x5000, 0x38, (), ref_frame(bytes.fromhex("01 03 50 00 00 38"))),
    Request(1, 6, 0x4003, 1, (10,), ref_frame(bytes.fromhex("01 06 40 03 00 0A"))),
    Request(1, 16, 0x400D, 2, (0x4120, 0), ref_frame(
        bytes.fromhex("01 10 40 0D 00 02 04 41 20 00 00"))),
    Request(1, 16, 0x401F, 2, (0x9995, 5), ref_frame(
        bytes.fromhex("01 10 40 1F 00 02 04 99 95 00 05"))),
    Request(247, 3, 0x6000, 0x77, (), ref_frame(bytes.fromhex("F7 03 60 00 00 77"))),
    Request(0, 6, 0x6048, 1, (2,), ref_frame(bytes.fromhex("00 06 60 48 00 02"))),
    Request(1, 16, 0x6049, 2, (0, 0), ref_frame(
        bytes.fromhex("01 10 60 49 00 02 04 00 00 00 00"))),
]
FIXED_WIRE = b"".join(r.raw for r in FIXED)


# --- whole frames -----------------------------------------------------------------------------


@pytest.mark.parametrize("request_", FIXED, ids=lambda r: r.raw[:6].hex())
def test_each_request_is_decoded(request_: Request) -> None:
    assert split_requests(request_.raw) == ([request_], b"")


def test_requests_built_by_the_client_side_are_decoded() -> None:
    wire = (build_read(1, 0x5000, 56) + build_write_single(1, 0x4003, 10)
            + build_write_multiple(1, 0x401F, [0x9995, 5]))
    found, rest = split_requests(wire)
    assert rest == b""
    assert [(r.function_code, r.address, r.count, r.values) for r in found] == [
        (3, 0x5000, 56, ()), (6, 0x4003, 1, (10,)), (16, 0x401F, 2, (0x9995, 5))]


def test_all_fixed_requests_in_one_buffer() -> None:
    assert split_requests(FIXED_WIRE) == (FIXED, b"")


def test_every_single_split_point_reassembles() -> None:
    for point in range(len(FIXED_WIRE) + 1):
        assert feed(cut(FIXED_WIRE, [point])) == (FIXED, b""), point


def test_every_pair_of_split_points_reassembles() -> None:
    wire = b"".join(r.raw for r in FIXED[:4])
    for first in range(len(wire) + 1):
        for second in range(first, len(wire) + 1):
            assert feed(cut(wire, [first, second])) == (FIXED[:4], b""), (first, second)


def test_byte_by_byte_reassembles() -> None:
    assert feed([bytes([b]) for b in FIXED_WIRE]) == (FIXED, b"")


@FAST
@given(st.lists(requests(), min_size=1, max_size=6), st.data())
def test_arbitrary_chunkings_reassemble(expected: list[Request], data: st.DataObject) -> None:
    wire = b"".join(r.raw for r in expected)
    points = data.draw(st.lists(st.integers(0, len(wire)), max_size=20))
    assert feed(cut(wire, points)) == (expected, b"")


@FAST
@given(requests(), st.integers(0, 1000))
def test_an_incomplete_request_waits_for_more(request_: Request, at: int) -> None:
    end = at % len(request_.raw)
    found, rest = split_requests(request_.raw[:end])
    assert found == [] and rest == request_.raw[:end]


# --- unsupported functions and garbage --------------------------------------------------------

UNSUPPORTED = ref_frame(bytes.fromhex("01 11"))  # report server id: not a meter function


def test_an_unsupported_function_frame_is_taken_off_whole() -> None:
    wire = FIXED[0].raw + UNSUPPORTED + FIXED[1].raw
    found, rest = split_requests(wire)
    assert rest == b""
    assert found[0] == FIXED[0] and found[2] == FIXED[1]
    assert found[1] is None or (found[1].function_code == 0x11 and found[1].raw == UNSUPPORTED)
    for point in range(len(wire) + 1):
        assert feed(cut(wire, [point])) == (found, b""), point


def test_an_unsupported_function_frame_asks_for_exception_1() -> None:
    (found,), rest = split_requests(UNSUPPORTED)
    assert rest == b"" and found.function_code == 0x11 and found.exception == 1


@pytest.mark.parametrize("request_", FIXED, ids=lambda r: r.raw[:6].hex())
def test_a_frame_with_a_bad_crc_is_dropped(request_: Request) -> None:
    garbled = request_.raw[:-1] + bytes([request_.raw[-1] ^ 0x01])
    assert split_requests(garbled) == ([], b"")
    # a meter that dropped garbage reads the next clean request normally
    assert feed([garbled, request_.raw]) == ([request_], b"")


def test_requests_before_garbage_are_kept() -> None:
    garbled = bytearray(FIXED[1].raw)
    garbled[4] ^= 0xFF
    found, rest = split_requests(FIXED[0].raw + bytes(garbled))
    assert found == [FIXED[0]] and rest == b""


@FAST
@given(st.binary(max_size=64))
def test_arbitrary_bytes_never_raise(junk: bytes) -> None:
    found, rest = split_requests(junk)
    assert junk.endswith(rest)
    for request_ in found:
        assert request_ is None or junk.find(request_.raw) >= 0


@FAST
@given(st.binary(max_size=64), st.lists(requests(), min_size=1, max_size=3))
def test_after_garbage_and_silence_requests_are_read_again(
    junk: bytes, expected: list[Request]
) -> None:
    split_requests(junk)  # whatever it made of the noise, a new buffer starts clean
    assert split_requests(b"".join(r.raw for r in expected)) == (expected, b"")


@FAST
@given(st.integers(0, 255), st.sampled_from([3, 4]), ADDRESS,
       st.one_of(st.just(0), st.integers(126, 0xFFFF)))
@example(1, 3, 0x5000, 0)
def test_crc_valid_requests_with_impossible_counts_never_raise(
    device: int, function: int, address: int, count: int
) -> None:
    bad = ref_frame(bytes([device, function]) + u16(address) + u16(count))
    found, rest = split_requests(FIXED[0].raw + bad)
    assert found[0] == FIXED[0]
    assert rest == b""


@pytest.mark.parametrize(
    "body",
    ["01 10 40 0D 00 05 02 00 01", "01 10 40 0D 00 00 02 00 01", "01 10 40 0D 00 02 03 00 01 00",
     "01 10 40 0D 00 01 04 00 01 00 02"],
    ids=["count5-1word", "count0-1word", "odd-bytecount", "count1-2words"],
)
def test_inconsistent_fc16_requests_are_never_passed_on(body: str) -> None:
    raw = bytes.fromhex(body)
    wire_count = int.from_bytes(raw[4:6], "big")
    found, rest = split_requests(ref_frame(raw))
    assert rest == b""
    for request_ in found:  # dropped, None, or a Request that tells the truth
        assert request_.exception == 3 or (
            request_.count == wire_count == len(request_.values)), request_


def test_consistent_fc16_requests_have_count_equal_to_values() -> None:
    for request_ in FIXED:
        if request_.function_code == 16:
            (found,), _ = split_requests(request_.raw)
            assert found is not None and found.count == len(found.values)


@FAST
@given(st.binary(min_size=2, max_size=40))
def test_crc_valid_frames_of_supported_size_decode_or_are_dropped(body: bytes) -> None:
    """Random bodies with a valid CRC, except the FC03/FC04 count bug covered above."""
    adu = ref_frame(body)
    if body[1] in (3, 4) and len(body) >= 6:
        count = int.from_bytes(body[4:6], "big")
        if not 1 <= count <= 125:
            return
    found, rest = split_requests(adu)
    assert adu.endswith(rest)


# --- the meter's answers ----------------------------------------------------------------------


@FAST
@given(st.integers(1, 247), ADDRESS, st.lists(WORD, min_size=1, max_size=125))
def test_read_response_is_byte_exact_and_parses_back(
    device: int, address: int, words: list[int]
) -> None:
    answer = build_read_response(device, words)
    assert answer == ref_frame(bytes([device, 3, 2 * len(words)])
                               + b"".join(u16(w) for w in words))
    reply = parse_reply(build_read(device, address, len(words)), answer)
    assert reply.registers == tuple(words) and not reply.is_exception


@FAST
@given(requests())
def test_write_responses_are_byte_exact(request_: Request) -> None:
    if request_.function_code == 3:
        return
    answer = build_write_response(request_)
    assert answer == ref_frame(request_.raw[:6])  # FC06 echo; FC16 address + count
    reply = parse_reply(request_.raw, answer)
    assert reply.address == request_.address and not reply.is_exception


@FAST
@given(st.integers(1, 247), st.sampled_from([3, 6, 16, 4, 0x11]), st.integers(1, 11))
def test_exception_response_is_byte_exact(device: int, function: int, code: int) -> None:
    answer = build_exception(device, function, code)
    assert answer == ref_frame(bytes([device, function | 0x80, code]))


@pytest.mark.parametrize("request_", FIXED[:4], ids=lambda r: r.raw[:6].hex())
@pytest.mark.parametrize("code", [1, 2, 3, 4])
def test_exception_response_parses_back(request_: Request, code: int) -> None:
    reply = parse_reply(request_.raw,
                        build_exception(request_.device_id, request_.function_code, code))
    assert reply.is_exception and reply.exception_code == code
    assert reply.function_code == request_.function_code
