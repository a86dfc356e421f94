"""Codecs: every DataType round-trips over its natural range and fails only with CodecError."""

from __future__ import annotations

import math
import struct

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from configurator.model.types import (
    ASCII1,
    BCD16,
    BCD32,
    BITS32,
    CT_RATIO,
    FLOAT32,
    INT16,
    TYPES,
    CodecError,
    CtRatio,
    DataType,
)

FAST = settings(max_examples=300, deadline=None, database=None)
WORD = st.integers(0, 0xFFFF)
ALL_TYPES = list(TYPES.values())
TYPE_IDS = [t.name for t in ALL_TYPES]


def bcd(number: int, digits: int) -> int:
    """Independent BCD: the decimal digits read as hex digits."""
    return int(f"{number:0{digits}d}", 16)


def test_registry_lists_every_type_once() -> None:
    assert set(TYPES) == {"float32", "int16", "bcd16", "bcd32", "bits32", "ascii1", "ct_ratio"}
    assert {t.count for t in (FLOAT32, BCD32, BITS32, CT_RATIO)} == {2}
    assert {t.count for t in (INT16, BCD16, ASCII1)} == {1}


# --- round trips -----------------------------------------------------------------------------


@FAST
@given(st.floats(width=32, allow_nan=False, allow_infinity=False))
def test_float32_round_trips_exactly_for_float32_values(value: float) -> None:
    words = FLOAT32.encode(value)
    assert words == list(struct.unpack(">HH", struct.pack(">f", value)))  # ABCD, high word first
    decoded = FLOAT32.decode(words)
    assert decoded == value
    assert math.copysign(1.0, decoded) == math.copysign(1.0, value)


@FAST
@given(st.floats(min_value=-3.4e38, max_value=3.4e38, allow_nan=False))
def test_float32_round_trips_within_float32_precision(value: float) -> None:
    decoded = FLOAT32.decode(FLOAT32.encode(value))
    assert math.isclose(decoded, value, rel_tol=2**-23, abs_tol=1.5e-45)


def test_float32_known_words() -> None:
    assert FLOAT32.encode(10) == [0x4120, 0x0000]  # A3.3: 41 20 00 00 = 10
    assert FLOAT32.decode([0x4120, 0x0000]) == 10.0
    assert FLOAT32.decode([0x4366, 0x0000]) == 230.0
    assert FLOAT32.encode(0.0) == [0, 0]


@FAST
@given(st.integers(-0x8000, 0x7FFF))
def test_int16_round_trips(value: int) -> None:
    words = INT16.encode(value)
    assert words == [value & 0xFFFF]
    assert INT16.decode(words) == value


@FAST
@given(st.integers(0, 9999))
def test_bcd16_round_trips(value: int) -> None:
    words = BCD16.encode(value)
    assert words == [bcd(value, 4)]
    assert BCD16.decode(words) == value


@FAST
@given(st.integers(0, 99_999_999))
@example(99_999_999)
@example(10_000)
def test_bcd32_round_trips(value: int) -> None:
    words = BCD32.encode(value)
    raw = bcd(value, 8)
    assert words == [raw >> 16, raw & 0xFFFF]
    assert BCD32.decode(words) == value


@FAST
@given(st.integers(0, 0xFFFFFFFF))
def test_bits32_round_trips(value: int) -> None:
    words = BITS32.encode(value)
    assert words == [value >> 16, value & 0xFFFF]
    assert BITS32.decode(words) == value


@FAST
@given(st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E), max_size=2))
def test_ascii_round_trips_printable_text(value: str) -> None:
    words = ASCII1.encode(value)
    assert len(words) == 1
    assert ASCII1.decode(words) == value


def test_ascii_direction_letters() -> None:
    assert ASCII1.decode([0x4600]) == "F"  # 'F' then NUL
    assert ASCII1.decode([0x0052]) == "R"
    assert ASCII1.encode("R") == [0x5200]


@FAST
@given(st.integers(0, 9999), st.integers(0, 9999))
def test_ct_ratio_round_trips(primary: int, secondary: int) -> None:
    ratio = CtRatio(primary, secondary)
    words = CT_RATIO.encode(ratio)
    assert words == [bcd(primary, 4), bcd(secondary, 4)]
    assert CT_RATIO.decode(words) == ratio
    assert CT_RATIO.encode(str(ratio)) == words  # text "100/5" is accepted too


def test_ct_ratio_example_words() -> None:
    assert CT_RATIO.encode(CtRatio(9995, 5)) == [0x9995, 0x0005]
    assert CT_RATIO.decode([0x9995, 0x0005]) == CtRatio(9995, 5)


@pytest.mark.parametrize("text", ["100/5", " 100 / 5 ", "100/5A", "100/5 a"])
def test_ct_ratio_parse_accepts_the_usual_spellings(text: str) -> None:
    assert CtRatio.parse(text) == CtRatio(100, 5)
    assert str(CtRatio(100, 5)) == "100/5"


@pytest.mark.parametrize("text", ["", "100", "100/", "/5", "a/5", "100:5", "-1/5", "1.5/5"])
def test_ct_ratio_parse_rejects_junk(text: str) -> None:
    with pytest.raises(ValueError):
        CtRatio.parse(text)


# --- invalid inputs --------------------------------------------------------------------------


@pytest.mark.parametrize("word", [0x000A, 0x00A0, 0x0A00, 0xA000, 0x123F, 0xFFFF])
def test_bcd16_rejects_non_bcd_nibbles(word: int) -> None:
    with pytest.raises(CodecError):
        BCD16.decode([word])


@FAST
@given(st.lists(WORD, min_size=2, max_size=2))
def test_bcd32_and_ct_ratio_reject_exactly_the_words_with_a_non_bcd_nibble(
    words: list[int],
) -> None:
    valid = all(int(c, 16) <= 9 for w in words for c in f"{w:04x}")
    for dtype in (BCD32, CT_RATIO):
        if valid:
            dtype.decode(words)
        else:
            with pytest.raises(CodecError):
                dtype.decode(words)


@pytest.mark.parametrize(
    ("dtype", "value"),
    [
        (INT16, 0x8000), (INT16, -0x8001), (BCD16, 10_000), (BCD16, -1),
        (BCD32, 100_000_000), (BCD32, -1), (BITS32, -1), (BITS32, 0x1_0000_0000),
        (FLOAT32, 1e39), (FLOAT32, -1e39), (ASCII1, "abc"), (ASCII1, "é"),
        (CT_RATIO, CtRatio(10_000, 5)), (CT_RATIO, CtRatio(5, 10_000)), (CT_RATIO, "100"),
        (CT_RATIO, "x/y"), (INT16, "ten"), (BCD16, None), (FLOAT32, "abc"),
    ],
    ids=lambda v: repr(v) if not isinstance(v, DataType) else v.name,
)
def test_out_of_range_or_malformed_values_raise_codec_error(dtype: DataType, value: object) -> None:
    with pytest.raises(CodecError):
        dtype.encode(value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_float32_rejects_nan_and_infinity(value: float) -> None:
    with pytest.raises(CodecError):
        FLOAT32.encode(value)


@pytest.mark.parametrize("dtype", [INT16, BCD16, BCD32, BITS32], ids=lambda t: t.name)
def test_integer_codecs_reject_nan(dtype: DataType) -> None:
    with pytest.raises(CodecError):
        dtype.encode(math.nan)


@pytest.mark.parametrize("dtype", [INT16, BCD16, BCD32, BITS32], ids=lambda t: t.name)
@pytest.mark.parametrize("value", [math.inf, -math.inf], ids=["inf", "-inf"])
def test_integer_codecs_reject_infinity_with_codec_error(dtype: DataType, value: float) -> None:
    with pytest.raises(CodecError):
        dtype.encode(value)


@pytest.mark.parametrize("dtype", [INT16, BCD16, BCD32, BITS32], ids=lambda t: t.name)
def test_integer_codecs_do_not_truncate_fractions(dtype: DataType) -> None:
    with pytest.raises(CodecError):
        dtype.encode(1.5)


@pytest.mark.parametrize("dtype", ALL_TYPES, ids=TYPE_IDS)
def test_wrong_word_count_raises_codec_error(dtype: DataType) -> None:
    for count in {0, dtype.count - 1, dtype.count + 1, 5} - {dtype.count}:
        with pytest.raises(CodecError):
            dtype.decode([0] * count)


@pytest.mark.parametrize("dtype", ALL_TYPES, ids=TYPE_IDS)
@pytest.mark.parametrize("word", [-1, 0x10000])
def test_words_outside_16_bits_raise_codec_error(dtype: DataType, word: int) -> None:
    with pytest.raises(CodecError):
        dtype.decode([word] * dtype.count)


@FAST
@given(data=st.data())
def test_decoding_arbitrary_words_raises_only_codec_error(data: st.DataObject) -> None:
    dtype = data.draw(st.sampled_from(ALL_TYPES))
    words = data.draw(st.lists(WORD, min_size=dtype.count, max_size=dtype.count))
    try:
        value = dtype.decode(words)
    except CodecError:
        return
    if dtype in (BCD16, BCD32, BITS32, INT16):
        assert isinstance(value, int)
    elif dtype is FLOAT32:
        assert isinstance(value, float)
    elif dtype is ASCII1:
        assert isinstance(value, str)
    else:
        assert isinstance(value, CtRatio)


@FAST
@given(data=st.data())
def test_decoding_arbitrary_word_lists_raises_only_codec_error(data: st.DataObject) -> None:
    dtype = data.draw(st.sampled_from(ALL_TYPES))
    words = data.draw(st.lists(st.integers(-0x10000, 0x1FFFF), max_size=4))
    well_formed = len(words) == dtype.count and all(0 <= w <= 0xFFFF for w in words)
    try:
        dtype.decode(words)
    except CodecError:
        assert not well_formed or dtype in (BCD16, BCD32, CT_RATIO)
    else:
        assert well_formed


@FAST
@given(st.lists(WORD, min_size=1, max_size=1))
def test_every_int16_word_decodes_and_re_encodes_to_itself(words: list[int]) -> None:
    assert INT16.encode(INT16.decode(words)) == words
    assert BITS32.encode(BITS32.decode(words * 2)) == words * 2


@FAST
@given(st.lists(WORD, min_size=2, max_size=2))
def test_every_non_nan_float_word_pair_re_encodes_to_itself(words: list[int]) -> None:
    value = FLOAT32.decode(words)
    if math.isnan(value) or math.isinf(value):
        return
    assert FLOAT32.encode(value) == words
