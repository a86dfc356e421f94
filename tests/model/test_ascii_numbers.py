"""Numbers a user types are read in ASCII only, by the setting domains and the CLI's options.

Python's int() and float() accept Unicode digits ("٢"), "_" separators, signs, blanks, "inf"
and "nan": a tester moved a meter to address 10 with `modbus.address=1_0`. These properties
pin down what the parsers accept and refuse.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from configurator.cli import options
from configurator.errors import InvalidValueError
from configurator.model.domains import Choice, CtRatioDomain, IntRange
from configurator.model.settings import MODBUS_BAUD_CODES, SETTINGS, parse_assignment

FAST = settings(max_examples=300, deadline=None, database=None)
# The zero of some other decimal-digit systems: Arabic-Indic, Devanagari, Bengali, Thai,
# fullwidth, mathematical bold. int("٢") == 2 in Python.
ZEROS = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10, 0x1D7CE]
INT_KEYS = [k for k, s in SETTINGS.items() if isinstance(s.domain, IntRange)]
NUMERIC_CHOICE_KEYS = [k for k, s in SETTINGS.items() if isinstance(s.domain, Choice)
                       and all(isinstance(o, (int, float)) for o in s.domain.options)]


def foreign(text: str, zero: int) -> str:
    """`text` with every ASCII digit written in another digit system."""
    return "".join(chr(zero + int(c)) if c.isascii() and c.isdigit() else c for c in text)


def test_the_testers_inputs_are_refused() -> None:
    for text in ("tariff=٢", "s0.rate=١٠٠", "modbus.address=1_0", "modbus.address=+5",
                 "modbus.address=0x10", "modbus.address=1e1", "lcd.rolling_time=1 0",
                 "modbus.baudrate=9_600", "modbus.baudrate=inf", "s0.rate=nan",
                 "s0.rate=-inf", "s0.rate=1 000", "ct.ratio=١٠٠/5", "tariff=２",
                 "modbus.baudrate=+9600", "s0.rate=+100", "tariff=\u00a02\u00a0x"):
        with pytest.raises(InvalidValueError):
            parse_assignment(text)


@FAST
@given(st.sampled_from(INT_KEYS), st.integers(0, 300), st.sampled_from(ZEROS))
def test_int_settings_refuse_other_digit_systems(key: str, number: int, zero: int) -> None:
    with pytest.raises(InvalidValueError):
        SETTINGS[key].domain.parse(key, foreign(str(number), zero))


@FAST
@given(st.sampled_from(INT_KEYS), st.integers(10, 300), st.integers(1, 2))
def test_int_settings_refuse_digit_separators(key: str, number: int, cut: int) -> None:
    text = str(number)
    with pytest.raises(InvalidValueError):
        SETTINGS[key].domain.parse(key, text[:cut] + "_" + text[cut:])


@FAST
@given(st.sampled_from(INT_KEYS), st.integers(0, 300),
       st.sampled_from(["+{}", "0x{}", "{}e0", "{}.0", "{} 0", "0b{}", "{}\u00a00", "{}L"]))
def test_int_settings_refuse_other_spellings(key: str, number: int, shape: str) -> None:
    with pytest.raises(InvalidValueError):
        SETTINGS[key].domain.parse(key, shape.format(number))


@FAST
@given(st.sampled_from(INT_KEYS), st.text(max_size=8))
def test_int_settings_accept_exactly_ascii_digits_in_range(key: str, text: str) -> None:
    domain = SETTINGS[key].domain
    assert isinstance(domain, IntRange)
    cleaned = text.strip()
    if domain.unit and cleaned.lower().endswith(domain.unit.lower()):
        cleaned = cleaned[: -len(domain.unit)].strip()
    expected = (int(cleaned) if re.fullmatch(r"-?[0-9]+", cleaned)
                and domain.low <= int(cleaned) <= domain.high else None)
    try:
        value: Any = domain.parse(key, text)
    except InvalidValueError:
        value = None
    assert value == expected, repr(text)


@FAST
@given(st.sampled_from(NUMERIC_CHOICE_KEYS), st.data())
def test_numeric_choices_refuse_other_digit_systems(key: str, data: st.DataObject) -> None:
    domain = SETTINGS[key].domain
    option = data.draw(st.sampled_from(list(domain.options)))
    zero = data.draw(st.sampled_from(ZEROS))
    with pytest.raises(InvalidValueError):
        domain.parse(key, foreign(domain.format(option), zero))


@FAST
@given(st.sampled_from(NUMERIC_CHOICE_KEYS), st.data())
def test_numeric_choices_still_accept_their_ascii_spellings(key: str,
                                                            data: st.DataObject) -> None:
    domain = SETTINGS[key].domain
    option = data.draw(st.sampled_from(list(domain.options)))
    text = domain.format(option)
    assert domain.parse(key, text) == option
    assert domain.parse(key, f" {text} ") == option


@pytest.mark.parametrize("text", ["inf", "nan", "-inf", "Infinity", "9600.0e0", "1e3", "+9600",
                                  "9 600", "9_600", "٩٦٠٠", "0x2580"])
def test_integer_choices_refuse_floats_signs_and_separators(text: str) -> None:
    with pytest.raises(InvalidValueError):
        SETTINGS["modbus.baudrate"].domain.parse("modbus.baudrate", text)


def test_ct_ratio_refuses_foreign_digits() -> None:
    for text in ("١٠٠/5", "100/٥", "²/1", "1_00/5", "+100/5"):
        with pytest.raises(InvalidValueError):
            CtRatioDomain().parse("ct.ratio", text)


# --- the CLI's option types (configurator/cli/options.py) -----------------------------------

@FAST
@given(st.text(max_size=14))
def test_int_options_accept_exactly_plain_digits_in_range(text: str) -> None:
    parse = options.int_range(1, 247)
    ok = bool(re.fullmatch(r"[0-9]{1,12}", text)) and 1 <= int(text) <= 247
    try:
        value = parse(text)
    except argparse.ArgumentTypeError as exc:
        assert not ok, repr(text)
        assert str(exc).endswith(".") and "\n" not in str(exc)
        return
    assert ok and value == int(text), repr(text)


@FAST
@given(st.one_of(st.text(max_size=14),
                 st.floats(allow_nan=True, allow_infinity=True).map(repr),
                 st.floats(min_value=0, max_value=100).map(str)))
def test_timeout_is_finite_positive_and_at_most_a_minute(text: str) -> None:
    try:
        value = options.timeout(text)
    except argparse.ArgumentTypeError:
        assert not re.fullmatch(r"[0-9]+(\.[0-9]*)?|\.[0-9]+", text) or len(text) > 12 \
            or not 0 < float(text) <= options.MAX_TIMEOUT_S, repr(text)
        return
    assert 0 < value <= options.MAX_TIMEOUT_S and value == float(text)


@FAST
@given(st.integers(-10, 10**12))
def test_baud_option_accepts_exactly_the_meters_rates(number: int) -> None:
    mbus = set(SETTINGS["mbus.baudrate"].domain.options)
    allowed = set(MODBUS_BAUD_CODES) | {int(b) for b in mbus}
    try:
        value = options.baud_rate(str(number))
    except argparse.ArgumentTypeError:
        assert number not in allowed
        return
    assert value == number and number in allowed


def test_baud_must_fit_the_protocol() -> None:
    assert options.check_combination("mbus", 19200) is not None
    assert options.check_combination("mbus", 2400) is None
    assert options.check_combination("modbus", 115200) is None
    assert options.check_combination("ble", 115200) is None  # no serial line: not checked
