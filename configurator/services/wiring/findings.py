"""What the wiring check produces: findings (one verdict each, with figures and advice), the
phasors of the three phases, and the report that holds them. Outcomes are enums; the sentences
are translatable Messages that no code searches."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP, Message, Template
from ...model.models import Model
from ...model.verdicts import Verdict, worst
from ...model.wiring_rules import THRESHOLDS, Expect, Network


class Check(str, Enum):
    """What a finding is about."""

    VOLTAGE = "voltage"
    CURRENT = "current"  # direction, and whether the current belongs to this phase
    FREQUENCY = "frequency"
    NEUTRAL = "neutral"  # line voltages against the phase voltages
    VOLTAGE_UNBALANCE = "voltage-unbalance"
    LOAD_UNBALANCE = "load-unbalance"
    WIRING = "wiring"  # the installation's best explanation of the current angles

    def __str__(self) -> str:
        return self.value


class Diagnosis(str, Enum):
    """Why a finding has its verdict (code looks at this, never at the sentences)."""

    OK = "ok"
    MISSING = "missing"  # no voltage on the phase
    OUT_OF_RANGE = "out-of-range"
    REVERSED = "reversed"  # the flow is opposite to the expected one
    WRONG_PHASE = "wrong-phase"  # the current of another phase is measured here
    WRONG_PHASE_REVERSED = "wrong-phase-reversed"
    AMBIGUOUS = "ambiguous"  # more than one wiring explains the angle: PF alone cannot tell
    NO_LOAD = "no-load"  # not enough current to judge
    NO_VOLTAGE = "no-voltage"  # current not judged: the phase has no voltage
    REACTIVE = "reactive"  # an angle no plausible load has (almost purely reactive)
    NOT_CARRIED = "not-carried"  # not read: the link does not carry the values
    NEUTRAL_FAULT = "neutral-fault"
    UNBALANCED = "unbalanced"
    NOT_JUDGED = "not-judged"  # a precondition is missing (e.g. a phase voltage)

    def __str__(self) -> str:
        return self.value


_DECIMALS = {"V": 1, "A": 3, "kW": 3, "kvar": 3, "kVA": 3, "Hz": 2, "%": 1, "": 3}


@dataclass(frozen=True)
class Figure:
    """One number behind a finding."""

    key: str  # "voltage", "current", "power.active", "angle", "threshold" ...
    value: float | int | str | None
    unit: str = ""
    derived: bool = False  # computed by the check, not read from the meter

    def text(self) -> str:
        """The value with its unit: "229.8 V", "+23.0°", "0.920"; "(derived)" is shown by the
        caller, which knows the language."""
        value = self.value
        if value is None:
            return "–"
        if isinstance(value, float):
            if self.unit == "deg":
                return f"{value:+.1f}°"
            decimals = _DECIMALS.get(self.unit, 3)
            if self.unit == "%" and abs(value) < 10:
                decimals = 2
            return f"{value:.{decimals}f} {self.unit}".rstrip()
        return f"{value} {self.unit}".rstrip()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"value": self.value, "unit": self.unit, "derived": self.derived}


FIGURE_LABELS: Mapping[str, Template] = {
    "voltage": QT_TRANSLATE_NOOP("Wiring", "U"),
    "current": QT_TRANSLATE_NOOP("Wiring", "I"),
    "power.active": QT_TRANSLATE_NOOP("Wiring", "P"),
    "power.reactive": QT_TRANSLATE_NOOP("Wiring", "Q"),
    "power_factor": QT_TRANSLATE_NOOP("Wiring", "PF"),
    "angle": QT_TRANSLATE_NOOP("Wiring", "lag"),
    "quadrant": QT_TRANSLATE_NOOP("Wiring", "quadrant"),
    "direction": QT_TRANSLATE_NOOP("Wiring", "direction"),
    "expected": QT_TRANSLATE_NOOP("Wiring", "expected"),
    "threshold": QT_TRANSLATE_NOOP("Wiring", "least current"),
    "frequency": QT_TRANSLATE_NOOP("Wiring", "f"),
    "deviation": QT_TRANSLATE_NOOP("Wiring", "largest deviation"),
    "unbalance": QT_TRANSLATE_NOOP("Wiring", "unbalance"),
    "difference": QT_TRANSLATE_NOOP("Wiring", "difference"),
}
DERIVED_WORD = QT_TRANSLATE_NOOP("Wiring", "derived")


def figure_label(key: str) -> str:
    """The short name of a figure (English); "voltage.l1_l2" -> "L1-L2"."""
    if key in FIGURE_LABELS:
        return FIGURE_LABELS[key]
    head, _, tail = key.rpartition(".")
    pair = tail.replace("_", "-").upper()
    if head == "voltage":
        return pair
    if head == "expected":
        return QT_TRANSLATE_NOOP("Wiring", "{pair} expected").format(pair=pair)
    if head == "power.apparent":
        return QT_TRANSLATE_NOOP("Wiring", "S {phase}").format(phase=pair)
    return key


CHECK_NAMES: Mapping[Check, Template] = {  # per phase: "{phase}" is filled in
    Check.VOLTAGE: QT_TRANSLATE_NOOP("Report", "{phase} voltage"),
    Check.CURRENT: QT_TRANSLATE_NOOP("Wiring", "{phase} current"),
    Check.FREQUENCY: QT_TRANSLATE_NOOP("Report", "Frequency"),
    Check.NEUTRAL: QT_TRANSLATE_NOOP("Wiring", "Neutral and line voltages"),
    Check.VOLTAGE_UNBALANCE: QT_TRANSLATE_NOOP("Wiring", "Voltage unbalance"),
    Check.LOAD_UNBALANCE: QT_TRANSLATE_NOOP("Wiring", "Load unbalance"),
    Check.WIRING: QT_TRANSLATE_NOOP("Wiring", "Current wiring"),
}
DERIVED_NOTE = QT_TRANSLATE_NOOP(
    "Wiring", "Current angles are derived from the power factor and the sign of Q, not "
    "measured.")


@dataclass(frozen=True)
class Finding:
    """One verdict of the wiring check, with its figures and what to do."""

    check: Check
    phase: str | None  # "l1".."l3"; None for the installation
    verdict: Verdict
    diagnosis: Diagnosis
    message: str  # what was found (a Message: translatable)
    advice: str = ""  # what to do ("" when nothing is to do)
    figures: tuple[Figure, ...] = ()
    thresholds: tuple[str, ...] = ()  # keys of model/wiring_rules.py THRESHOLDS

    @property
    def name(self) -> Message:
        """"L2 current", "Frequency" ... for people."""
        what = CHECK_NAMES[self.check]
        if self.phase is None:
            return what.format()
        return what.format(phase=self.phase.upper())

    def figure(self, key: str) -> Figure | None:
        """The figure called `key`, if the finding has one."""
        return next((f for f in self.figures if f.key == key), None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: every figure, and the thresholds with their sources."""
        return {"check": self.check.value, "phase": self.phase, "verdict": self.verdict.value,
                "diagnosis": self.diagnosis.value, "name": str(self.name),
                "message": str(self.message), "advice": str(self.advice),
                "figures": {f.key: f.as_dict() for f in self.figures},
                "thresholds": [t.as_dict() for t in THRESHOLDS.select(self.thresholds)]}


@dataclass(frozen=True)
class Phasor:
    """One phase as a phasor: the voltage at its reference angle, the current at the angle
    derived from P and Q (None when the phase was not judged)."""

    phase: str
    voltage_v: float | None
    voltage_angle: float  # degrees counter-clockwise: L1 0, L2 -120 (240), L3 +120
    current_a: float | None
    current_angle: float | None  # derived: the voltage's angle minus the lag atan2(Q, P)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {"phase": self.phase, "voltage_v": self.voltage_v,
                "voltage_angle": self.voltage_angle, "current_a": self.current_a,
                "current_angle": self.current_angle, "current_angle_derived": True}


@dataclass(frozen=True)
class WiringReport:
    """The wiring verdict of one meter."""

    model: Model
    transport: str
    network: Network
    expected: Mapping[str, Expect]
    samples: int
    judge_current_a: float
    findings: tuple[Finding, ...]
    phasors: tuple[Phasor, ...]
    explanation: str = ""  # the best explanation of the current angles, in words
    notes: tuple[str, ...] = field(default=())

    @property
    def verdict(self) -> Verdict:
        """The worst finding: PASS only when every finding passed."""
        return worst(f.verdict for f in self.findings) if self.findings \
            else Verdict.CANNOT_JUDGE

    def for_phase(self, phase: str | None) -> list[Finding]:
        """The findings of one phase (None: of the installation)."""
        return [f for f in self.findings if f.phase == phase]

    def finding(self, check: Check, phase: str | None = None) -> Finding | None:
        """The finding of `check` (on `phase`), if there is one."""
        return next((f for f in self.findings if f.check is check and f.phase == phase), None)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form: every verdict with its figures."""
        return {"verdict": self.verdict.value, "model": self.model.info.code,
                "transport": self.transport, "network": self.network.value,
                "expected": {p: e.value for p, e in self.expected.items()},
                "samples": self.samples, "judge_current_a": self.judge_current_a,
                "explanation": str(self.explanation),
                "findings": [f.as_dict() for f in self.findings],
                "phasors": [p.as_dict() for p in self.phasors],
                "notes": [str(n) for n in self.notes]}


__all__ = ["CHECK_NAMES", "DERIVED_NOTE", "DERIVED_WORD", "FIGURE_LABELS", "Check",
           "Diagnosis", "Figure", "Finding", "Phasor", "WiringReport", "figure_label"]
