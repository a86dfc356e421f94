"""The supply side of the wiring check: phase voltages, frequency, line voltages against the
phase voltages (the neutral), voltage and load unbalance. Each returns one `Finding`."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP
from ...model.models import Model
from ...model.verdicts import Verdict
from ...model.wiring_rules import MODEL_WIRING, PHASES, THRESHOLDS, frequency_band, voltage_band
from .findings import Check, Diagnosis, Figure, Finding


def number(values: Mapping[str, Any], key: str) -> float | None:
    """A finite number from register values by key, else None (unread, undecodable)."""
    value = values.get(key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value) if math.isfinite(value) else None


def voltage_finding(phase: str, values: Mapping[str, Any], model: Model) -> Finding:
    """A phase voltage: missing (FAIL), outside 230 V +-10 % (WARN) or in the band (PASS)."""
    voltage = number(values, f"voltage.{phase}")
    figures = (Figure("voltage", voltage, "V"),)
    keys = ("voltage.nominal", "voltage.tolerance", "voltage.missing")
    name = phase.upper()
    terminal = (f"U{phase[1]}" if MODEL_WIRING[model].separate_voltage_inputs
                else f"IN {name}")
    if voltage is None:
        return Finding(Check.VOLTAGE, phase, Verdict.CANNOT_JUDGE, Diagnosis.NOT_CARRIED,
                       QT_TRANSLATE_NOOP("Wiring", "The {phase} voltage was not read.").format(
                           phase=name), figures=figures, thresholds=keys)
    low, high = voltage_band()
    if voltage < THRESHOLDS.value("voltage.missing"):
        return Finding(Check.VOLTAGE, phase, Verdict.FAIL, Diagnosis.MISSING, QT_TRANSLATE_NOOP(
            "Wiring", "{phase} reads {voltage:.1f} V: the phase is missing.").format(
            phase=name, voltage=voltage), QT_TRANSLATE_NOOP(
            "Wiring", "Check the fuse or breaker of {phase} and its voltage wire to the meter's "
            "{terminal} terminal.").format(phase=name, terminal=terminal), figures, keys)
    if not low <= voltage <= high:
        return Finding(Check.VOLTAGE, phase, Verdict.WARN, Diagnosis.OUT_OF_RANGE,
                       QT_TRANSLATE_NOOP(
                           "Wiring", "{voltage:.1f} V is outside {low:.0f}-{high:.0f} V (230 V "
                           "+-10 %, EN 50160).").format(voltage=voltage, low=low, high=high),
                       QT_TRANSLATE_NOOP(
                           "Wiring", "One reading: if it stays outside, ask the grid operator; "
                           "far above {high:.0f} V suspect a broken neutral.").format(high=high),
                       figures, keys)
    return Finding(Check.VOLTAGE, phase, Verdict.PASS, Diagnosis.OK, QT_TRANSLATE_NOOP(
        "Wiring", "{voltage:.1f} V, within {low:.0f}-{high:.0f} V.").format(
        voltage=voltage, low=low, high=high), figures=figures, thresholds=keys)


def frequency_finding(values: Mapping[str, Any]) -> Finding:
    """The frequency against 50 Hz +-1 % (outside: WARN)."""
    frequency = number(values, "frequency")
    figures = (Figure("frequency", frequency, "Hz"),)
    keys = ("frequency.nominal", "frequency.tolerance")
    if frequency is None:
        return Finding(Check.FREQUENCY, None, Verdict.CANNOT_JUDGE, Diagnosis.NOT_CARRIED,
                       QT_TRANSLATE_NOOP("Wiring", "The frequency was not read."),
                       figures=figures, thresholds=keys)
    low, high = frequency_band()
    if not low <= frequency <= high:
        return Finding(Check.FREQUENCY, None, Verdict.WARN, Diagnosis.OUT_OF_RANGE,
                       QT_TRANSLATE_NOOP(
                           "Wiring", "{frequency:.2f} Hz is outside {low:.1f}-{high:.1f} Hz "
                           "(50 Hz +-1 %, EN 50160).").format(frequency=frequency, low=low,
                                                               high=high),
                       QT_TRANSLATE_NOOP(
                           "Wiring", "Is the installation on a generator or an island supply? "
                           "On the public grid, tell the grid operator."), figures, keys)
    return Finding(Check.FREQUENCY, None, Verdict.PASS, Diagnosis.OK, QT_TRANSLATE_NOOP(
        "Wiring", "{frequency:.2f} Hz, within {low:.1f}-{high:.1f} Hz.").format(
        frequency=frequency, low=low, high=high), figures=figures, thresholds=keys)


LINE_PAIRS = (("l1", "l2"), ("l2", "l3"), ("l1", "l3"))


def expected_line_voltage(a: float, b: float) -> float:
    """The line voltage between two phase voltages 120 degrees apart."""
    return math.sqrt(a * a + b * b + a * b)


def neutral_finding(values: Mapping[str, Any], transport: str) -> Finding:
    """The line voltages against the phase voltages: a line voltage that does not fit two phase
    voltages 120 degrees apart means a missing, loose or swapped neutral (FAIL)."""
    keys = ("voltage.line_deviation",)
    phase = {p: number(values, f"voltage.{p}") for p in PHASES}
    line = {(a, b): number(values, f"voltage.{a}_{b}") for a, b in LINE_PAIRS}
    if any(v is None for v in line.values()) or any(v is None for v in phase.values()):
        return Finding(Check.NEUTRAL, None, Verdict.CANNOT_JUDGE, Diagnosis.NOT_CARRIED,
                       QT_TRANSLATE_NOOP(
                           "Wiring", "The line voltages were not read (over {transport} the "
                           "meter does not send them).").format(transport=transport),
                       QT_TRANSLATE_NOOP("Wiring", "Check again over Modbus RTU or Bluetooth "
                                                   "LE to judge the neutral."),
                       thresholds=keys)
    figures: list[Figure] = []
    worst_pair, worst_deviation, compared = LINE_PAIRS[0], 0.0, 0
    for a, b in LINE_PAIRS:
        measured = line[(a, b)]
        va, vb = phase[a], phase[b]
        assert measured is not None and va is not None and vb is not None
        expected = expected_line_voltage(va, vb)
        figures.append(Figure(f"voltage.{a}_{b}", measured, "V"))
        figures.append(Figure(f"expected.{a}_{b}", expected, "V", derived=True))
        if expected < THRESHOLDS.value("voltage.missing"):
            continue  # two phases missing: nothing to compare (their own findings fail)
        deviation = abs(measured - expected) / expected * 100
        compared += 1
        if deviation > worst_deviation:
            worst_pair, worst_deviation = (a, b), deviation
    if not compared:
        return Finding(Check.NEUTRAL, None, Verdict.CANNOT_JUDGE, Diagnosis.NOT_JUDGED,
                       QT_TRANSLATE_NOOP("Wiring", "Not judged while a phase is missing."),
                       figures=tuple(figures), thresholds=keys)
    figures.append(Figure("deviation", worst_deviation, "%", derived=True))
    limit = THRESHOLDS.value("voltage.line_deviation")
    a, b = worst_pair
    measured, expected_value = line[worst_pair], expected_line_voltage(phase[a] or 0.0,
                                                                       phase[b] or 0.0)
    if worst_deviation > limit:
        return Finding(Check.NEUTRAL, None, Verdict.FAIL, Diagnosis.NEUTRAL_FAULT,
                       QT_TRANSLATE_NOOP(
                           "Wiring", "The line voltages do not fit the phase voltages: {pair} "
                           "reads {measured:.0f} V where {a} and {b} give {expected:.0f} V "
                           "({deviation:.1f} % off, limit {limit:.0f} %).").format(
                           pair=f"{a.upper()}-{b.upper()}", measured=measured,
                           expected=expected_value, a=a.upper(), b=b.upper(),
                           deviation=worst_deviation, limit=limit),
                       QT_TRANSLATE_NOOP(
                           "Wiring", "The neutral is missing or loose at the meter, or swapped "
                           "with a phase: check the N wire at the meter's N terminal and that "
                           "no phase is connected to N."), tuple(figures), keys)
    return Finding(Check.NEUTRAL, None, Verdict.PASS, Diagnosis.OK, QT_TRANSLATE_NOOP(
        "Wiring", "The line voltages fit the phase voltages ({deviation:.1f} % at most, limit "
        "{limit:.0f} %).").format(deviation=worst_deviation, limit=limit), figures=tuple(figures),
        thresholds=keys)


def voltage_unbalance(u12: float, u23: float, u31: float) -> float:
    """Negative- to positive-sequence voltage in %, from the three line voltages (IEC
    61000-4-30: beta = sum(U^4) / (sum(U^2))^2)."""
    squares = u12 * u12 + u23 * u23 + u31 * u31
    beta = (u12 ** 4 + u23 ** 4 + u31 ** 4) / (squares * squares)
    root = math.sqrt(max(0.0, 3 - 6 * beta))
    return 100 * math.sqrt(max(0.0, (1 - root) / (1 + root)))


def voltage_unbalance_finding(values: Mapping[str, Any], transport: str, any_missing: bool
                              ) -> Finding:
    """The voltage unbalance against EN 50160's 2 % (above: WARN)."""
    keys = ("voltage.unbalance",)
    line = [number(values, f"voltage.{a}_{b}") for a, b in LINE_PAIRS]
    if any(v is None for v in line):
        return Finding(Check.VOLTAGE_UNBALANCE, None, Verdict.CANNOT_JUDGE,
                       Diagnosis.NOT_CARRIED, QT_TRANSLATE_NOOP(
                           "Wiring", "The line voltages were not read (over {transport} the "
                           "meter does not send them).").format(transport=transport),
                       thresholds=keys)
    if any_missing:
        return Finding(Check.VOLTAGE_UNBALANCE, None, Verdict.CANNOT_JUDGE,
                       Diagnosis.NOT_JUDGED, QT_TRANSLATE_NOOP(
                           "Wiring", "Not judged while a phase is missing."), thresholds=keys)
    u12, u23, u31 = (v or 0.0 for v in line)
    unbalance = voltage_unbalance(u12, u23, u31)
    limit = THRESHOLDS.value("voltage.unbalance")
    figures = (Figure("unbalance", unbalance, "%", derived=True),)
    if unbalance > limit:
        return Finding(Check.VOLTAGE_UNBALANCE, None, Verdict.WARN, Diagnosis.UNBALANCED,
                       QT_TRANSLATE_NOOP(
                           "Wiring", "Voltage unbalance {unbalance:.1f} % is above {limit:.0f} % "
                           "(EN 50160).").format(unbalance=unbalance, limit=limit),
                       QT_TRANSLATE_NOOP(
                           "Wiring", "The supply is unevenly loaded; if the phase voltages also "
                           "differ a lot, check the neutral."), figures, keys)
    return Finding(Check.VOLTAGE_UNBALANCE, None, Verdict.PASS, Diagnosis.OK, QT_TRANSLATE_NOOP(
        "Wiring", "Voltage unbalance {unbalance:.2f} %, below {limit:.0f} %.").format(
        unbalance=unbalance, limit=limit), figures=figures, thresholds=keys)


def load_unbalance_finding(values: Mapping[str, Any]) -> Finding:
    """The spread of the phases' apparent powers against 4.6 kVA (above: WARN)."""
    keys = ("load.unbalance",)
    apparent: dict[str, float] = {}
    derived = False
    for phase in PHASES:
        s = number(values, f"power.apparent.{phase}")
        if s is None:
            p, q = number(values, f"power.active.{phase}"), number(values,
                                                                     f"power.reactive.{phase}")
            if p is None or q is None:
                return Finding(Check.LOAD_UNBALANCE, None, Verdict.CANNOT_JUDGE,
                               Diagnosis.NOT_CARRIED, QT_TRANSLATE_NOOP(
                                   "Wiring", "The phase powers were not read."), thresholds=keys)
            s, derived = math.hypot(p, q), True
        apparent[phase] = s
    difference = max(apparent.values()) - min(apparent.values())
    limit = THRESHOLDS.value("load.unbalance")
    figures = tuple(Figure(f"power.apparent.{p}", s, "kVA", derived) for p, s in apparent.items()
                    ) + (Figure("difference", difference, "kVA", derived=True),)
    if difference > limit:
        return Finding(Check.LOAD_UNBALANCE, None, Verdict.WARN, Diagnosis.UNBALANCED,
                       QT_TRANSLATE_NOOP(
                           "Wiring", "The phases' apparent powers differ by {difference:.2f} kVA, "
                           "more than {limit:.1f} kVA (VDE-AR-N 4100).").format(
                           difference=difference, limit=limit),
                       QT_TRANSLATE_NOOP(
                           "Wiring", "Spread single-phase loads over the phases, or check that "
                           "no phase's current is missing."), figures, keys)
    return Finding(Check.LOAD_UNBALANCE, None, Verdict.PASS, Diagnosis.OK, QT_TRANSLATE_NOOP(
        "Wiring", "The phases' apparent powers differ by {difference:.2f} kVA, at most "
        "{limit:.1f} kVA.").format(difference=difference, limit=limit), figures=figures,
        thresholds=keys)
