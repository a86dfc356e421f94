"""THE wiring-check table: every threshold the wiring verdict uses, each with its source.

Validated data, like the register table: `THRESHOLDS` is checked when it loads (unique keys,
known units, finite values, a source for each; low/high pairs in order), and the check
(services/wiring.py) reads its numbers only from here. Where a standard gives the figure, the
source names it; where the manual or a standard is silent, the figure is our choice and the
source points at its row in docs/DECISIONS.md.

Also here: facts per model the check needs (base current, whether voltage and current can be
paired wrongly), the expected flow per phase, and the network kinds the check understands.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import Enum

from ..i18n import QT_TRANSLATE_NOOP, Template
from .models import Model

PHASES = ("l1", "l2", "l3")
UNITS = frozenset({"V", "Hz", "A", "%", "deg", "kVA", ""})


@dataclass(frozen=True)
class Threshold:
    """One number the wiring check compares against."""

    key: str
    value: float
    unit: str
    label: Template  # what the number is, for people (translatable)
    source: str  # the standard, the manual's section, or docs/DECISIONS.md row

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {"key": self.key, "value": self.value, "unit": self.unit,
                "label": str(self.label), "source": self.source}


def _table() -> Iterator[Threshold]:
    en50160 = "EN 50160:2010"
    yield Threshold(
        "voltage.nominal", 230.0, "V", QT_TRANSLATE_NOOP("Wiring", "nominal phase voltage"),
        f"{en50160} 4.2.2, IEC 60038; manual 4 (230/400 V)")
    yield Threshold(
        "voltage.tolerance", 10.0, "%", QT_TRANSLATE_NOOP("Wiring", "supply voltage tolerance"),
        f"{en50160} 4.2.2.2 (Un +-10 %, 95 % of the 10-minute means of a week)")
    yield Threshold(
        "voltage.missing", 50.0, "V",
        QT_TRANSLATE_NOOP("Wiring", "below this a phase is missing"),
        "IEC 61140 / IEC 60449: 50 V AC is the extra-low-voltage limit (docs/DECISIONS.md W1)")
    yield Threshold(
        "voltage.line_deviation", 5.0, "%",
        QT_TRANSLATE_NOOP("Wiring", "largest deviation of a line voltage from the phase "
                                    "voltages"),
        "own choice: 120 degrees apart, line = sqrt(Ua^2 + Ub^2 + Ua*Ub) (docs/DECISIONS.md W2)")
    yield Threshold(
        "voltage.unbalance", 2.0, "%", QT_TRANSLATE_NOOP("Wiring", "voltage unbalance"),
        f"{en50160} 4.2.5 (negative- to positive-sequence voltage, from the line voltages as "
        "IEC 61000-4-30 computes it)")
    yield Threshold(
        "frequency.nominal", 50.0, "Hz", QT_TRANSLATE_NOOP("Wiring", "nominal frequency"),
        f"{en50160} 4.2.1")
    yield Threshold(
        "frequency.tolerance", 1.0, "%", QT_TRANSLATE_NOOP("Wiring", "frequency tolerance"),
        f"{en50160} 4.2.1 (50 Hz +-1 % for 99.5 % of a year, synchronous connection to an "
        "interconnected system)")
    yield Threshold(
        "current.judge_fraction", 5.0, "%",
        QT_TRANSLATE_NOOP("Wiring", "least current to judge, share of the base current Ib"),
        "manual 4.2: the lowest current with a stated accuracy is 0.05 Ib "
        "(docs/DECISIONS.md W3)")
    yield Threshold(
        "angle.inductive", 60.0, "deg",
        QT_TRANSLATE_NOOP("Wiring", "largest lag of a plausible load (cos phi 0.5 inductive)"),
        "manual 4.2 accuracy test point cos phi = 0.5L (docs/DECISIONS.md W4)")
    yield Threshold(
        "angle.capacitive", 36.87, "deg",
        QT_TRANSLATE_NOOP("Wiring", "largest lead of a plausible load (cos phi 0.8 "
                                    "capacitive)"),
        "manual 4.2 accuracy test point cos phi = 0.8C (docs/DECISIONS.md W4)")
    yield Threshold(
        "angle.typical", 15.0, "deg",
        QT_TRANSLATE_NOOP("Wiring", "lag of a typical load (cos phi 0.97 inductive)"),
        "own choice: ranks explanations that both fit (docs/DECISIONS.md W5)")
    yield Threshold(
        "angle.margin", 10.0, "deg",
        QT_TRANSLATE_NOOP("Wiring", "how much closer to typical, per phase, the best "
                                    "explanation must be to count as the only one"),
        "own choice (docs/DECISIONS.md W5)")
    yield Threshold(
        "load.unbalance", 4.6, "kVA",
        QT_TRANSLATE_NOOP("Wiring", "largest apparent-power difference between phases"),
        "VDE-AR-N 4100 / VDE-AR-N 4105 and the grid operators' TAB: 4.6 kVA between phases in "
        "Germany (3.7 kVA in Austria and Switzerland; docs/DECISIONS.md W6)")


@dataclass(frozen=True)
class ThresholdTable:
    """The validated thresholds, by key."""

    thresholds: tuple[Threshold, ...]
    by_key: dict[str, Threshold] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, Threshold] = {}
        for item in self.thresholds:
            validate_threshold(item)
            if item.key in by_key:
                raise ValueError(f"threshold declared twice: {item.key}")
            by_key[item.key] = item
        object.__setattr__(self, "by_key", by_key)
        if self.value("angle.capacitive") + self.value("angle.inductive") >= 180:
            raise ValueError("the plausible-load window must be narrower than half a turn")
        if not -self.value("angle.capacitive") < self.value("angle.typical") \
                < self.value("angle.inductive"):
            raise ValueError("the typical load angle must lie inside the plausible window")

    def __iter__(self) -> Iterator[Threshold]:
        return iter(self.thresholds)

    def __getitem__(self, key: str) -> Threshold:
        return self.by_key[key]

    def value(self, key: str) -> float:
        """The number of threshold `key`."""
        return self.by_key[key].value

    def select(self, keys: Iterable[str]) -> list[Threshold]:
        """The thresholds named (KeyError for an unknown key)."""
        return [self.by_key[k] for k in keys]


def validate_threshold(item: Threshold) -> None:
    """Reject a malformed table entry at import time."""
    if item.unit not in UNITS:
        raise ValueError(f"{item.key}: unknown unit {item.unit!r}")
    if not math.isfinite(item.value) or item.value <= 0:
        raise ValueError(f"{item.key}: a threshold is a finite positive number")
    if item.unit == "%" and item.value >= 100:
        raise ValueError(f"{item.key}: a share must be below 100 %")
    if not item.source.strip() or not str(item.label).strip():
        raise ValueError(f"{item.key}: every threshold names what it is and its source")


THRESHOLDS = ThresholdTable(tuple(_table()))


def voltage_band() -> tuple[float, float]:
    """(low, high) of the supply voltage: 230 V +-10 % = 207-253 V."""
    nominal, tolerance = THRESHOLDS.value("voltage.nominal"), THRESHOLDS.value("voltage.tolerance")
    return nominal * (1 - tolerance / 100), nominal * (1 + tolerance / 100)


def frequency_band() -> tuple[float, float]:
    """(low, high) of the frequency: 50 Hz +-1 % = 49.5-50.5 Hz."""
    nominal = THRESHOLDS.value("frequency.nominal")
    tolerance = THRESHOLDS.value("frequency.tolerance")
    return nominal * (1 - tolerance / 100), nominal * (1 + tolerance / 100)


# --- models ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ModelWiring:
    """What a model's wiring allows the check to judge."""

    base_current_a: float  # Ib on the meter's own terminals (manual 4; 3.1/3.3 reference current)
    separate_voltage_inputs: bool  # voltage taps apart from the current inputs (CT meters)
    source: str


MODEL_WIRING: Mapping[Model, ModelWiring] = {
    Model.PU4: ModelWiring(5.0, False, "manual 4 (Ib 5 A), 4.9.1: voltage measured on the "
                                       "phase's own current terminal"),
    Model.PS4: ModelWiring(5.0, False, "manual 4 (Ib 5 A), 4.9.2: voltage measured on the "
                                       "phase's own current terminal"),
    Model.PUCT2: ModelWiring(1.0, True, "manual 4 (Ib 1 A), 3.3 (reference current 1 A), "
                                        "4.9.3: voltage inputs U1-U3 apart from the CT inputs"),
}
if set(MODEL_WIRING) != set(Model):  # fail at import, not during a check
    raise ValueError("every meter model needs its wiring facts")


def judge_current_a(model: Model, ct_primary: float | None = None,
                    ct_secondary: float | None = None) -> float:
    """The least phase current (as the meter shows it) the check judges direction and phase by.

    5 % of the base current on the meter's terminals; a 2PU CT shows primary amps (the meter
    applies the CT ratio), so its threshold is scaled by primary/secondary.
    """
    facts = MODEL_WIRING[model]
    amps = facts.base_current_a * THRESHOLDS.value("current.judge_fraction") / 100
    if facts.separate_voltage_inputs and ct_primary and ct_secondary:
        amps *= ct_primary / ct_secondary
    return amps


# --- what the user expects ---------------------------------------------------------------

class Expect(str, Enum):
    """The power flow the user expects on a phase."""

    IMPORT = "import"  # a consumer: energy flows from the grid into the installation
    EXPORT = "export"  # a generator (PV, CHP): energy flows out to the grid
    EITHER = "either"  # both happen (a consumer with PV behind the meter): direction not judged

    def __str__(self) -> str:
        return self.value


class Network(str, Enum):
    """How the meter is connected (manual 4.9); the check judges these two."""

    THREE_PHASE = "3p4w"  # three phases and neutral
    SINGLE_PHASE = "1p2w"  # L1 and neutral only (L2, L3 not used)

    def __str__(self) -> str:
        return self.value

    @property
    def phases(self) -> tuple[str, ...]:
        """The phases this network uses."""
        return PHASES if self is Network.THREE_PHASE else PHASES[:1]


def parse_expectations(items: Iterable[str]) -> dict[str, Expect]:
    """Per-phase expectations from `import`, `l2=export` ...; later items win.

    Raises ValueError with one sentence for a word it does not know.
    """
    expected = dict.fromkeys(PHASES, Expect.IMPORT)
    for item in items:
        for part in str(item).split(","):
            text = part.strip().lower()
            if not text:
                continue
            phase, sep, word = text.partition("=")
            if not sep:
                phase, word = "", phase
            try:
                flow = Expect(word.strip())
            except ValueError:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Errors", "--expect {value!r}: say import, export or either, for all "
                    "phases or as l1=..., l2=..., l3=...").format(value=part.strip())) from None
            if not phase:
                expected = dict.fromkeys(PHASES, flow)
            elif phase.strip() in PHASES:
                expected[phase.strip()] = flow
            else:
                raise ValueError(QT_TRANSLATE_NOOP(
                    "Errors", "--expect {value!r}: the phases are l1, l2 and l3.").format(
                    value=part.strip()))
    return expected


__all__ = ["MODEL_WIRING", "PHASES", "THRESHOLDS", "Expect", "ModelWiring", "Network",
           "Threshold", "ThresholdTable", "frequency_band", "judge_current_a",
           "parse_expectations", "validate_threshold", "voltage_band"]
