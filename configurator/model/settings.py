"""Typed settings with the canonical keys used by the CLI, the GUI and backups.

Each setting is declared once: its menu section, its domain, and the register that carries it
over Modbus (looked up in the register table, never repeated here). M-Bus-only settings name
no register; the M-Bus transport binds them to its own records.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidValueError, UnknownKeyError, UnsupportedError
from ..i18n import QT_TRANSLATE_NOOP
from .domains import Choice, CtRatioDomain, Digits, Domain, IntRange
from .models import ALL_MODELS, Model
from .registers import BLE, MODBUS, REGISTERS, Register

MBUS = "mbus"
TRANSPORT_NAMES = {MODBUS: "Modbus RTU", MBUS: "M-Bus", BLE: "Bluetooth LE"}

# Baud-rate codes of register 0x4004 (A3.2). Code 9 is 57600: the manual's "56,700" is a typo.
MODBUS_BAUD_CODES: dict[int, int] = {
    300: 1, 600: 2, 1200: 3, 2400: 4, 4800: 5, 9600: 6, 19200: 7, 38400: 8, 57600: 9, 115200: 10,
}
PARITY_CODES: dict[str, int] = {"even": 1, "none": 2, "odd": 3}
S0_RATES: dict[float, float] = {r: r for r in (10000.0, 2000.0, 1000.0, 100.0, 10.0, 1.0, 0.1,
                                                0.01)}


@dataclass(frozen=True, eq=False)  # one instance per key: identity is equality (and the hash)
class Setting:
    """One user-facing setting."""

    key: str
    label: str
    menu: str  # section of the manual's menu (6.7) or page it belongs to
    domain: Domain
    register_key: str | None = None  # Modbus binding (also tunnelled over BLE)
    mbus: bool = False  # writable over M-Bus (A2.3); bound by the M-Bus transport
    link: bool = False  # changes the link the client is talking over
    warning: str = ""
    help: str = ""

    @property
    def register(self) -> Register | None:
        """The Modbus register behind the setting, from the register table."""
        return REGISTERS[self.register_key] if self.register_key else None

    @property
    def models(self) -> frozenset[Model]:
        """The models that have this setting."""
        return self.register.models if self.register else ALL_MODELS

    def transports(self) -> frozenset[str]:
        """The transports that can read and write the setting."""
        found = set(self.register.transports) if self.register else set()
        if self.mbus:
            found.add(MBUS)
        return frozenset(found)

    def to_raw(self, value: Any) -> Any:
        """The user value as the register codec expects it."""
        return self.domain.to_raw(value)

    def from_raw(self, raw: Any) -> Any:
        """The user value for a decoded raw register value."""
        return self.domain.from_raw(raw)


_ON_OFF = Choice({"off": 0, "on": 1}, aliases={"0": "off", "1": "on", "false": "off",
                                                "true": "on", "no": "off", "yes": "on"})

SETTINGS_LIST: tuple[Setting, ...] = (
    Setting("tariff", QT_TRANSLATE_NOOP("Settings", "Active tariff"), "6.7.2 Tariff",
            IntRange(1, 4), "tariff", mbus=True,
            warning=QT_TRANSLATE_NOOP(
                "Settings", "Energy counted in T3 and T4 stays in the MID display area and can "
                "never be removed or reset (manual A1.2)."),
            help=QT_TRANSLATE_NOOP("Settings",
                                   "T2 is also selected by 230 V AC on terminals 10-11.")),
    Setting("s0.rate", QT_TRANSLATE_NOOP("Settings", "S0 pulse rate"), "6.7.3 S0 pulse output",
            Choice(S0_RATES, unit="imp/kWh"), "s0.rate", mbus=True),
    Setting("s0.type", QT_TRANSLATE_NOOP("Settings", "S0 pulse type"), "6.7.4 Pulse type",
            Choice({"active-reactive": 1, "import-export": 2}), "s0.type",
            help=QT_TRANSLATE_NOOP(
                "Settings", "active-reactive: output 1 active, output 2 reactive energy; "
                "import-export: output 1 import, output 2 export active energy.")),
    Setting("s0.width_ms", QT_TRANSLATE_NOOP("Settings", "S0 pulse width"),
            "6.7.5 S0 pulse length", IntRange(2, 99, "ms"), "s0.width_ms",
            help=QT_TRANSLATE_NOOP("Settings",
                                   "The longest width allowed depends on the pulse rate.")),
    Setting("modbus.address", QT_TRANSLATE_NOOP("Settings", "Modbus ID"), "6.7.6 Modbus ID",
            IntRange(1, 247), "modbus.address", link=True),
    Setting("modbus.baudrate", QT_TRANSLATE_NOOP("Settings", "Modbus baud rate"),
            "6.7.7 Modbus baud rate", Choice(MODBUS_BAUD_CODES, unit="bd"), "modbus.baudrate",
            link=True),
    Setting("modbus.parity", QT_TRANSLATE_NOOP("Settings", "Modbus parity"),
            "6.7.8 Modbus parity", Choice(PARITY_CODES), "modbus.parity", link=True),
    Setting("mbus.address", QT_TRANSLATE_NOOP("Settings", "M-Bus primary address"),
            "6.7.9 M-Bus ID", IntRange(0, 250), mbus=True),
    Setting("mbus.secondary_address", QT_TRANSLATE_NOOP("Settings", "M-Bus secondary address"),
            "6.7.9 M-Bus ID", Digits(8), mbus=True),
    Setting("mbus.baudrate", QT_TRANSLATE_NOOP("Settings", "M-Bus baud rate"),
            "6.7.10 M-Bus baud rate",
            Choice({300: 300, 600: 600, 1200: 1200, 2400: 2400, 4800: 4800, 9600: 9600},
                   unit="bd"), mbus=True),
    Setting("backlight", QT_TRANSLATE_NOOP("Settings", "Backlight"), "6.7.11 Backlight",
            Choice({"on": 0, "off": 1, "button": 2}), "backlight"),
    Setting("ct.ratio", QT_TRANSLATE_NOOP("Settings", "CT ratio"), "6.9 CT ratio",
            CtRatioDomain(), "ct.ratio",
            warning=QT_TRANSLATE_NOOP(
                "Settings", "Each change of the CT ratio uses one of only 7 allowed changes and "
                "cannot be undone (manual 6.9).")),
    Setting("combination_code", QT_TRANSLATE_NOOP("Settings", "Combination code"),
            "Combination code", Choice({1: 1, 2: 2, 3: 3, 4: 4, 5: 5}), "combination_code",
            mbus=True,
            help=QT_TRANSLATE_NOOP(
                "Settings", "1 import only, 2 export only, 3 import + export, 4 import - export, "
                "5 import - export (10).")),
    Setting("lcd.rolling_time", QT_TRANSLATE_NOOP("Settings", "LCD rolling time"), "Display",
            IntRange(1, 30, "s"), "lcd.rolling_time"),
    Setting("display.rotated", QT_TRANSLATE_NOOP("Settings", "Display rotated 180°"), "Display",
            _ON_OFF, "display.rotated"),
    Setting("display.obis", QT_TRANSLATE_NOOP("Settings", "OBIS codes on display"),
            "6.7.14 OBIS codes", _ON_OFF, "display.obis"),
    Setting("data_type", QT_TRANSLATE_NOOP("Settings", "Data type"), "Data type",
            Choice({"standard": 1, "integer": 2}), "data_type"),
)


SETTINGS: dict[str, Setting] = {s.key: s for s in SETTINGS_LIST}


@dataclass(frozen=True)
class Action:
    """A one-shot command such as a counter reset: a fixed value written to a register."""

    name: str
    label: str
    register_key: str
    value: Any
    mbus: bool = True
    # A counter that keeps counting right after its reset: verified by "fell back to near zero".
    still_counting_tolerance: float = 0.0

    @property
    def register(self) -> Register:
        """The register the action writes."""
        return REGISTERS[self.register_key]


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action("day-counter",
               QT_TRANSLATE_NOOP("Settings", "Reset the resettable day counter (kWh)"),
               "energy.day", 0.0,
               still_counting_tolerance=0.1),
        Action("power-down-counter",
               QT_TRANSLATE_NOOP("Settings", "Reset the power-down counter"),
               "power_down_counter", 0),
    )
}


def setting(key: str) -> Setting:
    """Look up a setting, raising a user-facing error for unknown keys."""
    try:
        return SETTINGS[key]
    except KeyError:
        raise UnknownKeyError(key, list(SETTINGS)) from None


def check_reachable(item: Setting, model: Model | None, transport: str) -> None:
    """Raise UnsupportedError if this model or transport cannot reach the setting."""
    if model is not None and model not in item.models:
        have = ", ".join(m.info.code for m in item.models)
        raise UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "{key} exists only on {models}; this meter is a {model}.").format(
            key=item.key, models=have, model=model.info.code))
    transports = item.transports()
    if transport not in transports:
        via = (either(TRANSPORT_NAMES[t] for t in sorted(transports))
               or QT_TRANSLATE_NOOP("Errors", "the meter's menu"))
        raise UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "{key} cannot be reached over {transport}; set it over {via} or in the "
            "meter's menu ({menu}).").format(key=item.key, transport=TRANSPORT_NAMES[transport],
                                             via=via, menu=item.menu))


def either(names: Iterable[str]) -> str:
    """"A", "A or B", "A, B or C" (a Message when there is more than one name)."""
    items = list(names)
    if len(items) < 2:
        return "".join(items)
    return QT_TRANSLATE_NOOP("Errors", "{names} or {last}").format(
        names=", ".join(items[:-1]), last=items[-1])


def reachable_settings(model: Model | None, transport: str) -> list[Setting]:
    """The settings this model has and this transport reaches, in declaration order."""
    found = []
    for item in SETTINGS_LIST:
        try:
            check_reachable(item, model, transport)
        except UnsupportedError:
            continue
        found.append(item)
    return found


def s0_width_limit_ms(model: Model, rate: float) -> int:
    """Longest S0 pulse width the rate allows (manual 4 / 6.7.5: "depending on pulse rate").

    The manual gives no formula. Settled rule (docs/DECISIONS.md): a pulse may fill at most half
    of the pulse period at the meter's maximum power (3 x 230 V x Imax on its terminals).
    """
    max_power_kw = 3 * 230.0 * model.info.max_current_a / 1000.0
    period_ms = 3_600_000.0 / (rate * max_power_kw)
    return max(2, min(99, math.floor(period_ms / 2)))


def check_rules(model: Model, values: Mapping[str, Any]) -> None:
    """Check rules that tie settings together; `values` is the full set after a change."""
    rate, width = values.get("s0.rate"), values.get("s0.width_ms")
    if rate is not None and width is not None:
        limit = s0_width_limit_ms(model, float(rate))
        if width > limit:
            raise InvalidValueError(
                "s0.width_ms", width, QT_TRANSLATE_NOOP(
                    "Errors", "2-{limit} ms at {rate} imp/kWh on a {model} (pulses must not "
                    "overlap at full load)").format(
                    limit=limit, rate=Choice(S0_RATES).format(float(rate)),
                    model=model.info.code),
            )


def rule_safe_order(model: Model, current: Mapping[str, Any], changes: Mapping[Setting, Any]
                    ) -> list[tuple[Setting, Any]]:
    """Order changes so that every intermediate state keeps the rules.

    The meter checks its rules after every single write: a higher S0 pulse rate, for example,
    is refused while the old, longer pulse width is still set, so the width must go first.
    Greedy: take the first remaining change that keeps the rules; if none does, keep the given
    order (the meter refuses, and the per-key report says so).
    """
    values = {k: v for k, v in current.items() if not isinstance(v, Exception)}
    remaining = list(changes.items())
    ordered: list[tuple[Setting, Any]] = []
    while remaining:
        pick = 0
        for index, (item, value) in enumerate(remaining):
            try:
                check_rules(model, {**values, item.key: value})
            except InvalidValueError:
                continue
            pick = index
            break
        item, value = remaining.pop(pick)
        ordered.append((item, value))
        values[item.key] = value
    return ordered


def parse_assignment(text: str) -> tuple[Setting, Any]:
    """Parse "key=value" into the setting and its typed, range-checked value."""
    key, sep, raw = text.partition("=")
    if not sep:
        raise InvalidValueError(text, "", QT_TRANSLATE_NOOP("Errors", "KEY=VALUE, e.g. tariff=2"))
    item = setting(key.strip())
    return item, item.domain.parse(item.key, raw)
