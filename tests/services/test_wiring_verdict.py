"""The wiring-check table (validated data with sources) and the pure wiring verdict.

The judge is exercised on phasor-built readings (what a meter with that wiring would report);
hypothesis varies the loads: a balanced plausible load always passes, a reversed or swapped
phase never does, too little current is never a pass.
"""

from __future__ import annotations

import cmath
import math
from dataclasses import replace

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from configurator.model.models import Model
from configurator.model.verdicts import Verdict, parse_verdict, worst
from configurator.model.wiring_rules import (
    MODEL_WIRING,
    PHASES,
    THRESHOLDS,
    Expect,
    Network,
    Threshold,
    ThresholdTable,
    frequency_band,
    judge_current_a,
    parse_expectations,
    validate_threshold,
    voltage_band,
)
from configurator.services.wiring import Check, Diagnosis, average, judge, voltage_unbalance
from configurator.services.wiring.angles import wrap

ANGLE = {"l1": 0.0, "l2": -120.0, "l3": 120.0}


def reading(phi: float | dict[str, float] = 20.0, amps: float = 3.0, volts: float = 230.0, *,
            reversed_: tuple[str, ...] = (), swap: tuple[str, str] | None = None,
            missing: tuple[str, ...] = (), export: bool = False) -> dict[str, float]:
    """Register values of a meter whose loads lag by `phi` degrees, wired as given."""
    lag = phi if isinstance(phi, dict) else dict.fromkeys(PHASES, phi)
    supply = {p: cmath.rect(0.0 if p in missing else volts, math.radians(ANGLE[p]))
              for p in PHASES}
    load = {p: cmath.rect(0.0 if p in missing else amps, math.radians(ANGLE[p] - lag[p]))
            * (-1 if export else 1) for p in PHASES}
    source = dict(zip(PHASES, PHASES, strict=True))
    if swap:
        source[swap[0]], source[swap[1]] = swap[1], swap[0]
    values: dict[str, float] = {"frequency": 50.0}
    for p in PHASES:
        current = load[source[p]] * (-1 if p in reversed_ else 1)
        power = supply[p] * current.conjugate() / 1000
        values.update({f"voltage.{p}": abs(supply[p]), f"current.{p}": abs(current),
                       f"power.active.{p}": power.real, f"power.reactive.{p}": power.imag,
                       f"power.apparent.{p}": abs(power),
                       f"power_factor.{p}": power.real / abs(power) if abs(power) else 1.0})
    for a, b in (("l1", "l2"), ("l1", "l3"), ("l2", "l3")):
        values[f"voltage.{a}_{b}"] = abs(supply[a] - supply[b])
    return values


def verdicts(values: dict[str, float], model: Model = Model.PUCT2, **kw) -> dict:
    report = judge(values, model=model, transport="modbus", **kw)
    return {(f.check, f.phase): f for f in report.findings} | {"all": report}


# --- the table --------------------------------------------------------------------------

def test_every_threshold_has_a_source_and_a_known_unit() -> None:
    for item in THRESHOLDS:
        validate_threshold(item)
        assert item.source.strip() and str(item.label).strip()
    assert voltage_band() == pytest.approx((207.0, 253.0))
    assert frequency_band() == pytest.approx((49.5, 50.5))
    assert "EN 50160" in THRESHOLDS["voltage.tolerance"].source
    assert "4.2" in THRESHOLDS["current.judge_fraction"].source  # the manual's accuracy table


@pytest.mark.parametrize("bad", [
    Threshold("x", 1.0, "parsec", THRESHOLDS["voltage.nominal"].label, "somewhere"),
    Threshold("x", -1.0, "V", THRESHOLDS["voltage.nominal"].label, "somewhere"),
    Threshold("x", math.inf, "V", THRESHOLDS["voltage.nominal"].label, "somewhere"),
    Threshold("x", 150.0, "%", THRESHOLDS["voltage.nominal"].label, "somewhere"),
    Threshold("x", 1.0, "V", THRESHOLDS["voltage.nominal"].label, "  "),
])
def test_a_malformed_threshold_is_refused(bad: Threshold) -> None:
    with pytest.raises(ValueError):
        validate_threshold(bad)


def test_the_table_refuses_duplicates_and_an_impossible_window() -> None:
    items = list(THRESHOLDS)
    with pytest.raises(ValueError, match="twice"):
        ThresholdTable((*items, items[0]))
    wide = [replace(t, value=150.0) if t.key == "angle.capacitive" else t for t in items]
    with pytest.raises(ValueError, match="half a turn"):
        ThresholdTable(tuple(wide))


def test_least_current_is_five_percent_of_the_base_current_at_the_ct_ratio() -> None:
    assert judge_current_a(Model.PU4) == pytest.approx(0.25)  # Ib 5 A
    assert judge_current_a(Model.PS4) == pytest.approx(0.25)
    assert judge_current_a(Model.PUCT2) == pytest.approx(0.05)  # Ib 1 A, no ratio known
    assert judge_current_a(Model.PUCT2, 100, 5) == pytest.approx(1.0)  # primary amps
    assert judge_current_a(Model.PUCT2, 9995, 5) == pytest.approx(99.95)
    assert MODEL_WIRING[Model.PUCT2].separate_voltage_inputs
    assert not MODEL_WIRING[Model.PU4].separate_voltage_inputs


def test_expectations_for_all_phases_or_one() -> None:
    assert parse_expectations([]) == dict.fromkeys(PHASES, Expect.IMPORT)
    assert parse_expectations(["export"]) == dict.fromkeys(PHASES, Expect.EXPORT)
    assert parse_expectations(["either", "l2=import,L3=export"]) == {
        "l1": Expect.EITHER, "l2": Expect.IMPORT, "l3": Expect.EXPORT}
    for bad in ("sideways", "l4=import", "l1=up"):
        with pytest.raises(ValueError):
            parse_expectations([bad])


def test_one_verdict_vocabulary() -> None:
    assert worst([Verdict.PASS, Verdict.WARN]) is Verdict.WARN
    assert worst([Verdict.CANNOT_JUDGE, Verdict.WARN]) is Verdict.CANNOT_JUDGE
    assert worst([Verdict.CANNOT_JUDGE, Verdict.FAIL]) is Verdict.FAIL
    assert parse_verdict("ok") is Verdict.PASS and Verdict.PASS == "ok"
    assert [str(v.word) for v in Verdict] == ["PASS", "CHECK", "CANNOT JUDGE", "FAIL"]


# --- the verdict ------------------------------------------------------------------------

def test_voltage_unbalance_matches_the_symmetrical_components() -> None:
    assert voltage_unbalance(400, 400, 400) == pytest.approx(0.0, abs=1e-6)
    a = cmath.rect(1, math.radians(120))
    va, vb, vc = 230, cmath.rect(225, math.radians(-118)), cmath.rect(236, math.radians(121))
    positive = abs(va + a * vb + a * a * vc) / 3
    negative = abs(va + a * a * vb + a * vc) / 3
    expected = 100 * negative / positive
    assert voltage_unbalance(abs(va - vb), abs(vb - vc), abs(vc - va)) == pytest.approx(
        expected, rel=1e-6)


def test_a_missing_phase_and_line_voltages_that_do_not_fit() -> None:
    found = verdicts(reading(missing=("l3",)), Model.PU4)
    assert found[(Check.VOLTAGE, "l3")].diagnosis is Diagnosis.MISSING
    assert found[(Check.CURRENT, "l3")].diagnosis is Diagnosis.NO_VOLTAGE
    values = reading()
    values["voltage.l1_l2"] = 230.0  # what a neutral swapped with L1 makes of a line voltage
    found = verdicts(values, Model.PU4)
    assert found[(Check.NEUTRAL, None)].diagnosis is Diagnosis.NEUTRAL_FAULT


def test_supply_outside_en_50160_warns() -> None:
    values = reading(volts=258.0)
    values["frequency"] = 50.8
    found = verdicts(values, Model.PU4)
    assert found[(Check.VOLTAGE, "l1")].verdict is Verdict.WARN
    assert found[(Check.FREQUENCY, None)].verdict is Verdict.WARN


@pytest.mark.parametrize(("lag", "verdict"), [(-12.0, Verdict.WARN), (-8.0, Verdict.PASS),
                                              (38.0, Verdict.PASS), (42.0, Verdict.WARN)])
def test_the_pass_window_of_a_ct_meter_for_a_balanced_load(lag, verdict) -> None:
    """Outside about -10..+40 degrees another wiring explains the angles as well."""
    assert verdicts(reading(lag), Model.PUCT2)["all"].verdict is verdict
    assert verdicts(reading(lag), Model.PU4)["all"].verdict is Verdict.PASS


def test_pf_half_on_a_ct_meter_cannot_be_told_from_a_wrong_phase() -> None:
    found = verdicts(reading(phi=60.0), Model.PUCT2)
    current = found[(Check.CURRENT, "l1")]
    assert (current.verdict, current.diagnosis) == (Verdict.WARN, Diagnosis.AMBIGUOUS)
    assert "heater" in current.advice
    direct = verdicts(reading(phi=60.0), Model.PU4)  # no wrong phase on a direct meter
    assert direct[(Check.CURRENT, "l1")].verdict is Verdict.PASS


def test_an_almost_purely_reactive_load_leaves_the_direction_open() -> None:
    found = verdicts(reading(phi=89.0), Model.PU4)
    assert found[(Check.CURRENT, "l1")].diagnosis is Diagnosis.REACTIVE
    assert found[(Check.CURRENT, "l1")].verdict is Verdict.CANNOT_JUDGE


def test_averaging_means_floats_and_keeps_the_rest() -> None:
    merged = average([{"voltage.l1": 229.0, "direction.l1": "F"},
                      {"voltage.l1": 231.0, "direction.l1": "R"}])
    assert merged == {"voltage.l1": 230.0, "direction.l1": "R"}


def test_a_single_phase_network_judges_l1_only() -> None:
    report = judge(reading(missing=("l2", "l3")), model=Model.PU4, transport="modbus",
                   network=Network.SINGLE_PHASE)
    assert report.verdict is Verdict.PASS
    assert {f.phase for f in report.findings} == {"l1", None}


models = st.sampled_from(list(Model))
# Loads from cos phi 0.99 capacitive to 0.84 inductive, within 3 degrees of each other: on a
# 2PU CT the angles then point at the expected wiring alone (about -10 to +40 degrees).
lags = st.floats(min_value=-5.0, max_value=30.0)
spread = st.floats(min_value=-3.0, max_value=3.0)
amps = st.floats(min_value=0.5, max_value=5.0)
volts = st.floats(min_value=215.0, max_value=245.0)


@settings(max_examples=150, deadline=None)
@given(model=models, lag=lags, d2=spread, d3=spread, current=amps, voltage=volts)
@example(model=Model.PUCT2, lag=-5.0, d2=-3.0, d3=-3.0, current=0.5, voltage=215.0)
@example(model=Model.PUCT2, lag=30.0, d2=3.0, d3=3.0, current=5.0, voltage=245.0)
def test_a_balanced_plausible_load_always_passes(model, lag, d2, d3, current, voltage) -> None:
    values = reading({"l1": lag, "l2": lag + d2, "l3": lag + d3}, current, voltage)
    report = judge(values, model=model, transport="modbus")
    assert report.verdict is Verdict.PASS, [str(f.message) for f in report.findings
                                            if f.verdict is not Verdict.PASS]


@settings(max_examples=150, deadline=None)
@given(model=models, lag=st.floats(min_value=-36.0, max_value=59.0), current=amps,
       flipped=st.sets(st.sampled_from(PHASES), min_size=1))
def test_a_reversed_phase_never_passes(model, lag, current, flipped) -> None:
    report = judge(reading(lag, current, reversed_=tuple(flipped)), model=model,
                   transport="modbus")
    assert report.verdict is not Verdict.PASS
    for phase in flipped:
        assert report.finding(Check.CURRENT, phase).verdict is not Verdict.PASS


@settings(max_examples=150, deadline=None)
@given(lag=st.floats(min_value=-36.0, max_value=59.0), current=amps,
       pair=st.sampled_from([("l1", "l2"), ("l1", "l3"), ("l2", "l3")]))
def test_swapped_phases_on_a_ct_meter_never_pass(lag, current, pair) -> None:
    report = judge(reading(lag, current, swap=pair), model=Model.PUCT2, transport="modbus")
    for phase in pair:
        assert report.finding(Check.CURRENT, phase).verdict is not Verdict.PASS


@settings(max_examples=100, deadline=None)
@given(model=models, lag=st.floats(min_value=-180.0, max_value=180.0),
       share=st.floats(min_value=0.0, max_value=0.99), export=st.booleans())
def test_too_little_current_is_never_a_pass(model, lag, share, export) -> None:
    least = judge_current_a(model)
    report = judge(reading(lag, least * share, export=export), model=model, transport="modbus")
    assert report.verdict is Verdict.CANNOT_JUDGE or report.verdict is Verdict.FAIL
    for phase in PHASES:
        assert report.finding(Check.CURRENT, phase).diagnosis is Diagnosis.NO_LOAD


@settings(max_examples=100, deadline=None)
@given(model=models, lag=lags, current=amps)
def test_a_generator_passes_when_export_is_expected(model, lag, current) -> None:
    values = reading(lag, current, export=True)
    expected = dict.fromkeys(PHASES, Expect.EXPORT)
    assert judge(values, model=model, transport="modbus", expected=expected
                 ).verdict is Verdict.PASS
    either = dict.fromkeys(PHASES, Expect.EITHER)
    assert judge(values, model=model, transport="modbus", expected=either
                 ).verdict is Verdict.PASS


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_wrap_keeps_angles_in_one_turn(angle) -> None:
    out = wrap(angle)
    assert -180 < out <= 180
    assert math.isclose(math.cos(math.radians(out)), math.cos(math.radians(angle)),
                        abs_tol=1e-6)
