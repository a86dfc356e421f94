"""Domains, settings, reachability, the S0 width warning, models and the 4.3 checksum table."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from configurator.errors import (
    ExitCode,
    InvalidValueError,
    UnknownKeyError,
    UnsupportedError,
)
from configurator.model.domains import Choice, CtRatioDomain, Digits, Domain, IntRange
from configurator.model.models import CHECKSUMS, Model, check_checksum, checksum_family
from configurator.model.registers import BLE, MODBUS
from configurator.model.settings import (
    MBUS,
    MODBUS_BAUD_CODES,
    PARITY_CODES,
    S0_RATES,
    SETTINGS,
    SETTINGS_LIST,
    check_reachable,
    check_rules,
    factory_settings,
    parse_assignment,
    rule_safe_order,
    rule_warnings,
    s0_width_limit_ms,
    setting,
    unreachable,
)
from configurator.model.types import FLOAT32, CodecError, CtRatio
from configurator.model.writes import write_for_setting

FAST = settings(max_examples=200, deadline=None, database=None)
TRANSPORTS = (MODBUS, BLE, MBUS)


def allowed_values(domain: Domain) -> list[Any]:
    """Every value a domain accepts (Digits: a sample)."""
    if isinstance(domain, IntRange):
        return list(range(domain.low, domain.high + 1))
    if isinstance(domain, Choice):
        return list(domain.options)
    if isinstance(domain, CtRatioDomain):
        return [CtRatio(p, 1) for p in range(1, 10_000)] + [CtRatio(p, 5)
                                                            for p in range(5, 9996)]
    if isinstance(domain, Digits):
        return ["0" * domain.length, "9" * domain.length, "12345678"[: domain.length]]
    raise AssertionError(f"unknown domain {domain!r}")


def test_setting_keys_are_unique() -> None:
    assert len(SETTINGS) == len(SETTINGS_LIST)


# --- domains: round trips over every allowed value ------------------------------------------


@pytest.mark.parametrize("key", list(SETTINGS))
def test_every_allowed_value_round_trips_through_text(key: str) -> None:
    item = SETTINGS[key]
    domain = item.domain
    for value in allowed_values(domain):
        text = domain.format(value)
        assert domain.parse(key, text) == value, text
        assert domain.check(key, value) == value
        item2, parsed = parse_assignment(f"{key}={text}")
        assert item2 is item and parsed == value


@pytest.mark.parametrize("key", [k for k, s in SETTINGS.items() if s.register is not None])
def test_every_allowed_value_round_trips_through_the_register(key: str) -> None:
    item = SETTINGS[key]
    reg = item.register
    assert reg is not None
    for value in allowed_values(item.domain):
        words = reg.dtype.encode(item.to_raw(value))
        assert len(words) == reg.count
        assert all(0 <= w <= 0xFFFF for w in words)
        assert item.from_raw(reg.dtype.decode(words)) == value
        op = write_for_setting(item, value)
        assert list(op.words) == words
        assert (op.function_code, op.address) == (reg.write_fc, reg.address)


def test_raw_codes_follow_the_manual() -> None:
    assert MODBUS_BAUD_CODES == {300: 1, 600: 2, 1200: 3, 2400: 4, 4800: 5, 9600: 6, 19200: 7,
                                 38400: 8, 57600: 9, 115200: 10}
    assert PARITY_CODES == {"even": 1, "none": 2, "odd": 3}
    assert sorted(S0_RATES) == [0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 2000.0, 10000.0]
    raw = {k: SETTINGS[k].to_raw for k in SETTINGS}
    assert raw["combination_code"](4) == 4
    assert raw["s0.type"]("active-reactive") == 1 and raw["s0.type"]("import-export") == 2
    assert raw["data_type"]("standard") == 1 and raw["data_type"]("integer") == 2
    assert raw["display.rotated"]("off") == 0 and raw["display.obis"]("on") == 1
    assert raw["backlight"]("on") == 0 and raw["backlight"]("button") == 2


@pytest.mark.parametrize("rate", sorted(S0_RATES))
def test_s0_rates_survive_float32(rate: float) -> None:
    item = SETTINGS["s0.rate"]
    assert item.from_raw(FLOAT32.decode(FLOAT32.encode(rate))) == rate


@pytest.mark.parametrize(
    ("key", "raw"),
    [("modbus.parity", 0), ("modbus.parity", 4), ("modbus.baudrate", 11), ("s0.type", 3),
     ("s0.rate", 5.0), ("display.obis", 2), ("data_type", 0), ("backlight", 3)],
)
def test_unknown_raw_codes_raise_codec_error(key: str, raw: Any) -> None:
    with pytest.raises(CodecError):
        SETTINGS[key].from_raw(raw)


def test_ct_ratio_domain_from_raw_wants_a_ratio() -> None:
    with pytest.raises(CodecError):
        CtRatioDomain().from_raw(100)


@pytest.mark.parametrize(
    ("assignment", "value"),
    [
        ("s0.rate=1000", 1000.0), ("s0.rate=2,000", 2000.0), ("s0.rate=2.000", 2000.0),
        ("s0.rate=0,1", 0.1), ("s0.rate=10000 imp/kWh", 10000.0),
        ("s0.rate=0.01", 0.01), ("s0.rate=1e3", 1000.0), ("modbus.baudrate=9600bd", 9600),
        ("modbus.baudrate= 19200 ", 19200), ("modbus.parity=EVEN", "even"),
        ("display.obis=yes", "on"), ("display.obis=0", "off"), ("display.rotated=true", "on"),
        ("s0.width_ms=30ms", 30), ("s0.width_ms= 30 ms", 30), ("lcd.rolling_time=25 s", 25),
        ("ct.ratio=100/5A", CtRatio(100, 5)), ("ct.ratio= 100 / 1 ", CtRatio(100, 1)),
        (" tariff = 3", 3), ("mbus.secondary_address= 45230115", "45230115"),
    ],
)
def test_user_spellings_are_accepted(assignment: str, value: Any) -> None:
    assert parse_assignment(assignment)[1] == value


@pytest.mark.parametrize("text", ["1,000", "1.000", "10,000"])
def test_a_separator_that_could_mean_two_allowed_rates_is_refused(text: str) -> None:
    with pytest.raises(InvalidValueError, match="ambiguous"):
        parse_assignment(f"s0.rate={text}")


# --- domains: everything else is refused with a helpful message ------------------------------

OUT_OF_RANGE = [
    ("tariff", "0"), ("tariff", "5"), ("tariff", "two"), ("tariff", "2.0"), ("tariff", ""),
    ("s0.width_ms", "1"), ("s0.width_ms", "100"), ("modbus.address", "0"),
    ("modbus.address", "248"), ("mbus.address", "251"), ("mbus.address", "-1"),
    ("lcd.rolling_time", "0"), ("lcd.rolling_time", "31"),
    ("modbus.baudrate", "9601"), ("modbus.baudrate", "56700"), ("modbus.baudrate", "fast"),
    ("modbus.baudrate", "nan"), ("mbus.baudrate", "19200"), ("s0.rate", "5"),
    ("s0.rate", "0.001"), ("s0.rate", "inf"), ("modbus.parity", "mark"),
    ("s0.type", "both"), ("data_type", "float"), ("display.obis", "maybe"),
    ("backlight", "dim"), ("combination_code", "6"), ("combination_code", "0"),
    ("ct.ratio", "0/1"), ("ct.ratio", "10000/1"), ("ct.ratio", "4/5"), ("ct.ratio", "9996/5"),
    ("ct.ratio", "100/2"), ("ct.ratio", "100"), ("ct.ratio", "abc"),
    ("mbus.secondary_address", "1234567"), ("mbus.secondary_address", "123456789"),
    ("mbus.secondary_address", "1234567a"),
]


@pytest.mark.parametrize(("key", "text"), OUT_OF_RANGE)
def test_out_of_range_values_raise_invalid_value_naming_key_value_and_allowed(
    key: str, text: str
) -> None:
    domain = SETTINGS[key].domain
    with pytest.raises(InvalidValueError) as info:
        domain.parse(key, text)
    error = info.value
    message = str(error)
    assert error.key == key and key in message
    assert error.allowed == domain.describe() and domain.describe() in message
    assert repr(error.value) in message
    shown = text.strip().lower()
    if shown:
        assert shown in message.lower() or str(error.value) in message
    assert error.exit_code == ExitCode.USAGE
    with pytest.raises(InvalidValueError):
        parse_assignment(f"{key}={text}")


@FAST
@given(st.integers())
def test_int_ranges_accept_exactly_their_range(number: int) -> None:
    for item in SETTINGS.values():
        domain = item.domain
        if not isinstance(domain, IntRange):
            continue
        if domain.low <= number <= domain.high:
            assert domain.parse(item.key, str(number)) == number
        else:
            with pytest.raises(InvalidValueError) as info:
                domain.parse(item.key, str(number))
            assert str(number) in str(info.value) and item.key in str(info.value)
            assert f"{domain.low}-{domain.high}" in str(info.value)


@FAST
@given(st.text(max_size=12))
def test_parsing_arbitrary_text_raises_only_invalid_value(text: str) -> None:
    for item in SETTINGS.values():
        try:
            value = item.domain.parse(item.key, text)
        except InvalidValueError as error:
            assert error.key == item.key
            continue
        assert item.domain.check(item.key, value) == value


@FAST
@given(st.integers(0, 10_000), st.integers(0, 10))
def test_ct_ratio_domain_is_manual_6_9(primary: int, secondary: int) -> None:
    domain = CtRatioDomain()
    ratio = CtRatio(primary, secondary)
    ok = (secondary == 1 and 1 <= primary <= 9999) or (secondary == 5 and 5 <= primary <= 9995)
    if ok:
        assert domain.check("ct.ratio", ratio) == ratio
        assert domain.check("ct.ratio", str(ratio)) == ratio
        assert re.fullmatch(domain.json_schema()["pattern"], str(ratio))
    else:
        with pytest.raises(InvalidValueError) as info:
            domain.check("ct.ratio", ratio)
        assert str(ratio) in str(info.value)


@pytest.mark.parametrize("value", [True, False, 2.0, "2", None])
def test_int_range_check_rejects_non_integers(value: Any) -> None:
    with pytest.raises(InvalidValueError):
        IntRange(1, 4).check("tariff", value)


@pytest.mark.parametrize("value", [True, "9600", None])
def test_choice_check_rejects_wrong_kinds(value: Any) -> None:
    with pytest.raises(InvalidValueError):
        SETTINGS["modbus.baudrate"].domain.check("modbus.baudrate", value)


def test_describe_phrases() -> None:
    assert SETTINGS["tariff"].domain.describe() == "an integer 1-4"
    assert SETTINGS["s0.width_ms"].domain.describe() == "an integer 2-99 ms"
    assert SETTINGS["modbus.parity"].domain.describe() == "one of even, none, odd"
    assert SETTINGS["s0.rate"].domain.describe() == (
        "one of 10000, 2000, 1000, 100, 10, 1, 0.1, 0.01")


def test_json_schemas_describe_the_domains() -> None:
    assert SETTINGS["tariff"].domain.json_schema() == {
        "type": "integer", "minimum": 1, "maximum": 4}
    assert SETTINGS["modbus.parity"].domain.json_schema() == {"enum": ["even", "none", "odd"]}
    assert SETTINGS["mbus.secondary_address"].domain.json_schema()["pattern"] == "^[0-9]{8}$"


@pytest.mark.parametrize(("text", "meant"), [("0,1", 0.1), ("0,01", 0.01)])
def test_decimal_comma_s0_rate_is_never_misread(text: str, meant: float) -> None:
    try:
        _, value = parse_assignment(f"s0.rate={text}")
    except InvalidValueError:
        return
    assert value == meant


@FAST
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=10))
def test_digits_accepts_exactly_its_json_schema_pattern_for_ascii(text: str) -> None:
    domain = Digits(8)
    pattern = domain.json_schema()["pattern"]
    try:
        domain.check("mbus.secondary_address", text)
        accepted = True
    except InvalidValueError:
        accepted = False
    assert accepted == bool(re.fullmatch(pattern, text)), repr(text)


@pytest.mark.parametrize("text", ["²²²²²²²²", "١٢٣٤٥٦٧٨"])
def test_digits_rejects_non_ascii_digits(text: str) -> None:
    with pytest.raises(InvalidValueError):
        SETTINGS["mbus.secondary_address"].domain.parse("mbus.secondary_address", text)


@FAST
@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_digits_accepts_every_8_ascii_digit_string(text: str) -> None:
    assert SETTINGS["mbus.secondary_address"].domain.parse("mbus.secondary_address",
                                                           f" {text} ") == text


# --- keys and assignments --------------------------------------------------------------------


def test_unknown_key_is_a_usage_error_listing_the_known_keys() -> None:
    with pytest.raises(UnknownKeyError) as info:
        setting("nope")
    assert "nope" in str(info.value) and "tariff" in str(info.value)
    assert info.value.exit_code == ExitCode.USAGE
    with pytest.raises(UnknownKeyError):
        parse_assignment("nope=1")


@pytest.mark.parametrize("text", ["tariff", "", "tariff 2"])
def test_assignment_without_equals_is_invalid(text: str) -> None:
    with pytest.raises(InvalidValueError):
        parse_assignment(text)


# --- reachability ----------------------------------------------------------------------------


def expected_transports(key: str) -> set[str]:
    if key.startswith("mbus."):
        return {MBUS}
    if key == "backlight":
        return {BLE}
    found = {MODBUS, BLE}
    if key in {"tariff", "s0.rate", "combination_code", "ct.ratio"}:  # ct.ratio: read only
        found.add(MBUS)
    return found


@pytest.mark.parametrize("key", list(SETTINGS))
def test_setting_transports(key: str) -> None:
    assert SETTINGS[key].transports() == frozenset(expected_transports(key))


@pytest.mark.parametrize("key", list(SETTINGS))
@pytest.mark.parametrize("model", [None, *Model], ids=lambda m: m.info.code if m else "any")
@pytest.mark.parametrize("transport", TRANSPORTS)
def test_check_reachable_matrix(key: str, model: Model | None, transport: str) -> None:
    item = SETTINGS[key]
    model_ok = model is None or model in item.models
    reachable = model_ok and transport in expected_transports(key)
    if reachable:
        check_reachable(item, model, transport)
    else:
        with pytest.raises(UnsupportedError) as info:
            check_reachable(item, model, transport)
        assert key in str(info.value)
        assert info.value.exit_code == ExitCode.UNSUPPORTED


@pytest.mark.parametrize("key", ["mbus.address", "mbus.secondary_address", "mbus.baudrate"])
def test_mbus_settings_are_unreachable_over_modbus(key: str) -> None:
    with pytest.raises(UnsupportedError, match="M-Bus"):
        check_reachable(SETTINGS[key], Model.PU4, MODBUS)


def test_backlight_is_unreachable_over_modbus_but_reachable_over_ble() -> None:
    with pytest.raises(UnsupportedError, match="Bluetooth LE"):
        check_reachable(SETTINGS["backlight"], Model.PS4, MODBUS)
    check_reachable(SETTINGS["backlight"], Model.PS4, BLE)


@pytest.mark.parametrize("model", [Model.PU4, Model.PS4], ids=lambda m: m.info.code)
def test_ct_ratio_is_unsupported_on_meters_without_ct(model: Model) -> None:
    with pytest.raises(UnsupportedError, match="2PUCT"):
        check_reachable(SETTINGS["ct.ratio"], model, MODBUS)
    check_reachable(SETTINGS["ct.ratio"], Model.PUCT2, MODBUS)


# --- S0 width rule ---------------------------------------------------------------------------


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
def test_s0_width_limit_is_monotonic_over_the_allowed_rates(model: Model) -> None:
    limits = [s0_width_limit_ms(model, rate) for rate in sorted(S0_RATES)]
    assert limits == sorted(limits, reverse=True)
    assert all(2 <= limit <= 99 for limit in limits)


@FAST
@given(
    st.sampled_from(list(Model)),
    st.floats(min_value=1e-3, max_value=1e5),
    st.floats(min_value=1e-3, max_value=1e5),
)
def test_s0_width_limit_never_grows_with_the_rate(model: Model, a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert s0_width_limit_ms(model, low) >= s0_width_limit_ms(model, high)
    assert 2 <= s0_width_limit_ms(model, high) <= 99


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
def test_factory_default_30ms_at_1000_is_accepted(model: Model) -> None:
    assert s0_width_limit_ms(model, 1000.0) >= 30
    check_rules(model, {"s0.rate": 1000.0, "s0.width_ms": 30})
    assert rule_warnings(model, {"s0.rate": 1000.0, "s0.width_ms": 30}) == []


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
@pytest.mark.parametrize("rate", sorted(S0_RATES))
def test_any_width_2_to_99_is_accepted_and_beyond_the_estimate_is_a_warning(
        model: Model, rate: float) -> None:
    """The manual allows 2-99 ms "depending on pulse rate" with no formula: check_rules
    refuses nothing; our overlap estimate is a warning with the figures (DECISIONS #7)."""
    limit = s0_width_limit_ms(model, rate)
    for width in (2, limit, 30, 99):
        check_rules(model, {"s0.rate": rate, "s0.width_ms": width})
    assert rule_warnings(model, {"s0.rate": rate, "s0.width_ms": limit}) == []
    if limit < 99:
        [warning] = rule_warnings(model, {"s0.rate": rate, "s0.width_ms": limit + 1})
        assert (warning.key, warning.width_ms, warning.limit_ms) == ("s0.width_ms", limit + 1,
                                                                     limit)
        text = str(warning.sentence())
        assert f"{limit + 1} ms at" in text and f"longer than {limit} ms" in text
        assert model.info.code in text and f"{warning.full_load_a:g} A" in text


def test_check_rules_needs_both_values() -> None:
    check_rules(Model.PU4, {"s0.width_ms": 99})
    check_rules(Model.PU4, {"s0.rate": 10000.0})
    check_rules(Model.PU4, {})
    assert rule_warnings(Model.PU4, {"s0.width_ms": 99}) == []


def test_s0_width_limit_at_the_highest_rate_is_tight_on_4pu() -> None:
    # 3 x 230 V x 65 A = 44.85 kW; at 10000 imp/kWh a pulse period is about 8 ms.
    assert s0_width_limit_ms(Model.PU4, 10000.0) == 4
    check_rules(Model.PU4, {"s0.rate": 10000.0, "s0.width_ms": 30})  # the manual's example
    [warning] = rule_warnings(Model.PU4, {"s0.rate": 10000.0, "s0.width_ms": 30})
    assert round(warning.period_ms, 1) == 8.0 and warning.full_load_a == 65


def test_on_a_ct_meter_the_full_load_current_is_the_ct_primary_current() -> None:
    values = {"s0.rate": 1000.0, "s0.width_ms": 30}
    assert rule_warnings(Model.PUCT2, {**values, "ct.ratio": CtRatio(5, 5)}) == []
    [warning] = rule_warnings(Model.PUCT2, {**values, "ct.ratio": CtRatio(500, 5)})
    assert warning.full_load_a == 500 and warning.ct_ratio == CtRatio(500, 5)
    assert s0_width_limit_ms(Model.PUCT2, 1000.0, CtRatio(500, 5)) == warning.limit_ms == 5
    assert "500/5" in str(warning.sentence())


def test_rule_safe_order_prefers_states_without_warnings() -> None:
    current = {"s0.rate": 1000.0, "s0.width_ms": 30}
    wanted = {SETTINGS["s0.rate"]: 10000.0, SETTINGS["s0.width_ms"]: 4}
    assert [i.key for i, _v in rule_safe_order(Model.PU4, current, wanted)] == [
        "s0.width_ms", "s0.rate"]


# --- reading and writing over each transport, factory values --------------------------------


def test_ct_ratio_is_read_over_mbus_and_written_only_over_modbus_and_ble() -> None:
    ct = SETTINGS["ct.ratio"]
    assert ct.readable_over(MBUS) and not ct.writable_over(MBUS)
    assert unreachable(ct, Model.PUCT2, MBUS) is None
    reason = unreachable(ct, Model.PUCT2, MBUS, write=True)
    assert reason is not None and reason.write and set(reason.transports) == {MODBUS, BLE}
    assert "cannot be written over M-Bus" in str(reason.sentence())


def test_link_settings_have_one_order_and_are_never_resent() -> None:
    links = [s for s in SETTINGS_LIST if s.link]
    assert {s.key for s in links} == {"modbus.address", "modbus.parity", "modbus.baudrate",
                                      "mbus.address", "mbus.secondary_address", "mbus.baudrate"}
    assert all(not s.resend_safe for s in links) and not SETTINGS["ct.ratio"].resend_safe
    for prefix in ("modbus.", "mbus."):
        ordered = sorted((s for s in links if s.key.startswith(prefix)),
                         key=lambda s: s.link_order)
        assert ordered[0].key == f"{prefix}address" and ordered[-1].key == f"{prefix}baudrate"


def test_factory_settings_come_from_the_table() -> None:
    assert factory_settings(Model.PU4)["s0.rate"] == 1000.0
    assert factory_settings(Model.PUCT2)["s0.rate"] == 10000.0  # section 4: bold per model
    assert factory_settings(Model.PUCT2)["ct.ratio"] == CtRatio(5, 5)
    assert "ct.ratio" not in factory_settings(Model.PU4)
    assert "mbus.secondary_address" not in factory_settings(Model.PU4)  # the serial: per meter


# --- models and checksums --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "model"),
    [("4PU", Model.PU4), ("4ps", Model.PS4), ("2PUCT", Model.PUCT2), ("2PU CT", Model.PUCT2),
     ("2pu_ct", Model.PUCT2), ("879-3040", Model.PUCT2), ("8793000", Model.PU4),
     ("879-3020", Model.PS4)],
)
def test_model_parse(text: str, model: Model) -> None:
    assert Model.parse(text) is model


def test_model_parse_rejects_unknown_models() -> None:
    with pytest.raises(ValueError, match="4PU"):
        Model.parse("3PU")


def test_model_from_meter_code() -> None:
    assert Model.from_meter_code(1111) is Model.PU4
    assert Model.from_meter_code(1112) is Model.PS4
    assert Model.from_meter_code(1113) is Model.PUCT2
    assert Model.from_meter_code(1114) is None
    assert [m.info.has_ct for m in Model] == [False, False, True]


MANUAL_4_3 = {
    "4PU/4PS": {"1.18": 27325923, "1.21": 27327238, "1.26": 59269903, "1.28": 59268366,
                "1.34": 59268366},
    "2PU CT": {"1.02": 59629173, "1.03": 59607739, "1.04": 59811839},
}


def test_checksum_table_is_manual_4_3() -> None:
    assert CHECKSUMS == MANUAL_4_3
    assert checksum_family(Model.PU4) == checksum_family(Model.PS4) == "4PU/4PS"
    assert checksum_family(Model.PUCT2) == "2PU CT"


CHECKSUM_CASES = [(m, v, c) for m in Model for v, c in MANUAL_4_3[checksum_family(m)].items()]


@pytest.mark.parametrize(("model", "version", "checksum"), CHECKSUM_CASES)
def test_checksum_verdicts(model: Model, version: str, checksum: int) -> None:
    as_read = FLOAT32.decode(FLOAT32.encode(float(version)))  # the version comes as a float32
    verdict, sentence = check_checksum(model, as_read, checksum)
    assert verdict == "ok" and f"V{version}" in sentence
    verdict, sentence = check_checksum(model, as_read, checksum + 1)
    assert verdict == "mismatch"
    assert str(checksum) in sentence and "WAGO" in sentence


@pytest.mark.parametrize(
    ("model", "version"),
    [(Model.PU4, 1.02), (Model.PUCT2, 1.34), (Model.PS4, 1.35), (Model.PUCT2, 2.0)],
)
def test_checksum_of_an_unlisted_version_is_unknown(model: Model, version: float) -> None:
    verdict, sentence = check_checksum(model, version, 59268366)
    assert verdict == "unknown-version"
    assert f"V{version:.2f}" in sentence
