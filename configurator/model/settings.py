"""Typed settings with the canonical keys used by the CLI, the GUI and backups.

Each setting is declared once: its menu section, its domain, the register that carries it over
Modbus (looked up in the register table, never repeated here), whether M-Bus writes or reads
it, where it goes among the link settings, whether a write of it may be sent again, and its
factory value. M-Bus-only settings name no register; the M-Bus transport binds them to its own
records. Every protocol, the simulator and the connection defaults derive from this table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidValueError, UnknownKeyError
from ..i18n import QT_TRANSLATE_NOOP, Message
from . import link_defaults
from .domains import Choice, CtRatioDomain, Digits, Domain, IntRange
from .models import ALL_MODELS, Model
from .reach import MBUS, TRANSPORT_NAMES, Unreachable, UnreachableError, UnreachableKind, either
from .registers import BLE, MODBUS, REGISTERS, Register
from .types import CtRatio

# Baud-rate codes of register 0x4004 (A3.2). Code 9 is 57600: the manual's "56,700" is a typo.
MODBUS_BAUD_CODES: dict[int, int] = {
    300: 1, 600: 2, 1200: 3, 2400: 4, 4800: 5, 9600: 6, 19200: 7, 38400: 8, 57600: 9, 115200: 10,
}
PARITY_CODES: dict[str, int] = {"even": 1, "none": 2, "odd": 3}
MBUS_BAUD_RATES: tuple[int, ...] = (300, 600, 1200, 2400, 4800, 9600)  # 6.7.10
S0_RATES: dict[float, float] = {r: r for r in (10000.0, 2000.0, 1000.0, 100.0, 10.0, 1.0, 0.1,
                                                0.01)}
MBUS_PARITY = link_defaults.MBUS_PARITY  # M-Bus is always 8E1: no setting carries it


@dataclass(frozen=True, eq=False)  # one instance per key: identity is equality (and the hash)
class Setting:
    """One user-facing setting."""

    key: str
    label: str
    menu: str  # section of the manual's menu (6.7) or page it belongs to
    domain: Domain
    register_key: str | None = None  # Modbus binding (also tunnelled over BLE)
    mbus: bool = False  # writable over M-Bus (A2.3); bound by the M-Bus transport
    mbus_readable: bool = False  # an RSP_UD record (or its header) carries it (A2.2)
    # Link settings change where the meter answers. They are written after every other setting,
    # in this one order for every protocol: the address first (still at the old speed), then
    # parity or secondary address, then the baud rate. 0: not a link setting.
    link_order: int = 0
    # May a write be sent again when its answer was lost and reading again shows the old value?
    # Never for link settings (the meter may already have moved: a second write would go to a
    # point where it no longer listens, or move it twice) and never for the CT ratio (each
    # change may use one of only 7; it is read back instead). Everything else is idempotent.
    resend_safe: bool = True
    factory_default: Any = None  # as the meter leaves the factory (None: per meter, e.g. serial)
    factory_by_model: tuple[tuple[Model, Any], ...] = ()  # where one model ships otherwise
    warning: str = ""
    help: str = ""

    def __post_init__(self) -> None:
        if self.link_order and self.resend_safe:
            raise ValueError(f"{self.key}: a link setting is never re-sent (resend_safe=False)")

    @property
    def link(self) -> bool:
        """Whether writing it changes the link the client is talking over."""
        return self.link_order > 0

    @property
    def register(self) -> Register | None:
        """The Modbus register behind the setting, from the register table."""
        return REGISTERS[self.register_key] if self.register_key else None

    @property
    def models(self) -> frozenset[Model]:
        """The models that have this setting."""
        return self.register.models if self.register else ALL_MODELS

    def readable_over(self, transport: str) -> bool:
        """Whether this transport can read the setting."""
        if transport == MBUS:
            return self.mbus_readable
        return self.register is not None and transport in self.register.transports

    def writable_over(self, transport: str) -> bool:
        """Whether this transport can write the setting."""
        if transport == MBUS:
            return self.mbus
        reg = self.register
        return reg is not None and reg.writable and transport in reg.transports

    def transports(self) -> frozenset[str]:
        """The transports that can read or write the setting."""
        return frozenset(t for t in TRANSPORT_NAMES
                         if self.readable_over(t) or self.writable_over(t))

    def factory_value(self, model: Model) -> Any:
        """The value `model` leaves the factory with (None: differs per meter)."""
        for which, value in self.factory_by_model:
            if which is model:
                return value
        return self.factory_default

    def to_raw(self, value: Any) -> Any:
        """The user value as the register codec expects it."""
        return self.domain.to_raw(value)

    def from_raw(self, raw: Any) -> Any:
        """The user value for a decoded raw register value."""
        return self.domain.from_raw(raw)


_ON_OFF = Choice({"off": 0, "on": 1}, aliases={"0": "off", "1": "on", "false": "off",
                                                "true": "on", "no": "off", "yes": "on"})

# Factory values: manual 4, 6.7.x, 6.9, A2.1, A3.1; guesses marked in docs/DECISIONS.md (#14, #15).
SETTINGS_LIST: tuple[Setting, ...] = (
    Setting("tariff", QT_TRANSLATE_NOOP("Settings", "Active tariff"), "6.7.2 Tariff",
            IntRange(1, 4), "tariff", mbus=True, mbus_readable=True, factory_default=1,
            warning=QT_TRANSLATE_NOOP(
                "Settings", "Energy counted in T3 and T4 stays in the MID display area and can "
                "never be removed or reset (manual A1.2)."),
            help=QT_TRANSLATE_NOOP("Settings",
                                   "T2 is also selected by 230 V AC on terminals 10-11.")),
    Setting("s0.rate", QT_TRANSLATE_NOOP("Settings", "S0 pulse rate"), "6.7.3 S0 pulse output",
            Choice(S0_RATES, unit="imp/kWh"), "s0.rate", mbus=True, factory_default=1000.0,
            factory_by_model=((Model.PUCT2, 10000.0),)),  # section 4: bold default per model
    Setting("s0.type", QT_TRANSLATE_NOOP("Settings", "S0 pulse type"), "6.7.4 Pulse type",
            Choice({"active-reactive": 1, "import-export": 2}), "s0.type",
            factory_default="active-reactive",
            help=QT_TRANSLATE_NOOP(
                "Settings", "active-reactive: output 1 active, output 2 reactive energy; "
                "import-export: output 1 import, output 2 export active energy.")),
    Setting("s0.width_ms", QT_TRANSLATE_NOOP("Settings", "S0 pulse width"),
            "6.7.5 S0 pulse length", IntRange(2, 99, "ms"), "s0.width_ms", factory_default=30,
            help=QT_TRANSLATE_NOOP(
                "Settings", "The manual allows 2-99 ms \"depending on the pulse rate\"; a width "
                "that may let pulses overlap at full load is shown as a warning.")),
    Setting("modbus.address", QT_TRANSLATE_NOOP("Settings", "Modbus ID"), "6.7.6 Modbus ID",
            IntRange(1, 247), "modbus.address", link_order=1, resend_safe=False,
            factory_default=link_defaults.MODBUS_ADDRESS),
    Setting("modbus.baudrate", QT_TRANSLATE_NOOP("Settings", "Modbus baud rate"),
            "6.7.7 Modbus baud rate", Choice(MODBUS_BAUD_CODES, unit="bd"), "modbus.baudrate",
            link_order=3, resend_safe=False, factory_default=link_defaults.MODBUS_BAUDRATE),
    Setting("modbus.parity", QT_TRANSLATE_NOOP("Settings", "Modbus parity"),
            "6.7.8 Modbus parity", Choice(PARITY_CODES), "modbus.parity", link_order=2,
            resend_safe=False, factory_default=link_defaults.MODBUS_PARITY),
    Setting("mbus.address", QT_TRANSLATE_NOOP("Settings", "M-Bus primary address"),
            "6.7.9 M-Bus ID", IntRange(0, 250), mbus=True, mbus_readable=True, link_order=1,
            resend_safe=False, factory_default=link_defaults.MBUS_ADDRESS),
    Setting("mbus.secondary_address", QT_TRANSLATE_NOOP("Settings", "M-Bus secondary address"),
            "6.7.9 M-Bus ID", Digits(8), mbus=True, mbus_readable=True, link_order=2,
            resend_safe=False),  # factory: the serial number (A2.1), per meter
    Setting("mbus.baudrate", QT_TRANSLATE_NOOP("Settings", "M-Bus baud rate"),
            "6.7.10 M-Bus baud rate", Choice({b: b for b in MBUS_BAUD_RATES}, unit="bd"),
            mbus=True, mbus_readable=True, link_order=3, resend_safe=False,
            factory_default=link_defaults.MBUS_BAUDRATE),
    Setting("backlight", QT_TRANSLATE_NOOP("Settings", "Backlight"), "6.7.11 Backlight",
            Choice({"on": 0, "off": 1, "button": 2}), "backlight", factory_default="on"),
    Setting("ct.ratio", QT_TRANSLATE_NOOP("Settings", "CT ratio"), "6.9 CT ratio",
            CtRatioDomain(), "ct.ratio", mbus_readable=True, resend_safe=False,
            factory_default=CtRatio(5, 5),
            warning=QT_TRANSLATE_NOOP(
                "Settings", "Each change of the CT ratio uses one of only 7 allowed changes and "
                "cannot be undone (manual 6.9).")),
    Setting("combination_code", QT_TRANSLATE_NOOP("Settings", "Combination code"),
            "Combination code", Choice({1: 1, 2: 2, 3: 3, 4: 4, 5: 5}), "combination_code",
            mbus=True, factory_default=3,
            help=QT_TRANSLATE_NOOP(
                "Settings", "1 import only, 2 export only, 3 import + export, 4 import - export, "
                "5 import - export (10).")),
    Setting("lcd.rolling_time", QT_TRANSLATE_NOOP("Settings", "LCD rolling time"), "Display",
            IntRange(1, 30, "s"), "lcd.rolling_time", factory_default=10),
    Setting("display.rotated", QT_TRANSLATE_NOOP("Settings", "Display rotated 180°"), "Display",
            _ON_OFF, "display.rotated", factory_default="off"),
    Setting("display.obis", QT_TRANSLATE_NOOP("Settings", "OBIS codes on display"),
            "6.7.14 OBIS codes", _ON_OFF, "display.obis", factory_default="on"),
    Setting("data_type", QT_TRANSLATE_NOOP("Settings", "Data type"), "Data type",
            Choice({"standard": 1, "integer": 2}), "data_type", factory_default="standard"),
)


SETTINGS: dict[str, Setting] = {s.key: s for s in SETTINGS_LIST}


def factory_settings(model: Model) -> dict[str, Any]:
    """Every setting `model` has, as it leaves the factory (per-meter values left out)."""
    return {s.key: s.factory_value(model) for s in SETTINGS_LIST
            if model in s.models and s.factory_value(model) is not None}


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
    # A reset writes a fixed value: sending it again after a lost answer does no harm.
    resend_safe: bool = True

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


def unreachable(item: Setting, model: Model | None, transport: str, *,
                write: bool = False) -> Unreachable | None:
    """Why this model or transport cannot reach the setting (read, or with `write` write it),
    or None when it can."""
    if model is not None and model not in item.models:
        return Unreachable(item.key, UnreachableKind.NOT_ON_MODEL, model=model.info.code,
                           models=tuple(m.info.code for m in sorted(
                               item.models, key=lambda m: m.info.code)),
                           transport=transport, menu=item.menu)
    reaches = item.writable_over(transport) if write else transport in item.transports()
    if reaches:
        return None
    links = sorted(t for t in TRANSPORT_NAMES
                   if (item.writable_over(t) if write else t in item.transports()))
    return Unreachable(item.key, UnreachableKind.NOT_OVER_TRANSPORT, transport=transport,
                       transports=tuple(links), menu=item.menu,
                       write=write and transport in item.transports())


def check_reachable(item: Setting, model: Model | None, transport: str, *,
                    write: bool = False) -> None:
    """Raise UnreachableError (an UnsupportedError, `exc.reason` says why) if this model or
    transport cannot reach the setting."""
    reason = unreachable(item, model, transport, write=write)
    if reason is not None:
        raise UnreachableError(reason)


def reachable_settings(model: Model | None, transport: str) -> list[Setting]:
    """The settings this model has and this transport reads or writes, in declaration order."""
    return [item for item in SETTINGS_LIST if unreachable(item, model, transport) is None]


# --- S0 pulse width: a warning with the figures, never a refusal --------------------------

def full_load_amps(model: Model, ct_ratio: Any = None) -> float:
    """The current at full load: Imax on the meter's terminals, or on a CT meter the CT's
    primary current (what the energy and the pulses count)."""
    if model.info.has_ct and isinstance(ct_ratio, CtRatio) and ct_ratio.primary:
        return float(ct_ratio.primary)
    return float(model.info.max_current_a)


def s0_pulse_period_ms(model: Model, rate: float, ct_ratio: Any = None) -> float:
    """Time between two pulses at full load (3 x 230 V x the full-load current)."""
    max_power_kw = 3 * 230.0 * full_load_amps(model, ct_ratio) / 1000.0
    return 3_600_000.0 / (rate * max_power_kw)


def s0_width_limit_ms(model: Model, rate: float, ct_ratio: Any = None) -> int:
    """Longest S0 pulse width that keeps pulses apart at full load (our guess, a warning only).

    The manual says 2-99 ms "depending on pulse rate" and gives no formula; its own example
    `01 06 4021 0030` sets 30 ms at any rate. Settled (docs/DECISIONS.md #7): a pulse should
    fill at most half of the pulse period at full load; a longer one is accepted with a warning.
    """
    return max(2, min(99, math.floor(s0_pulse_period_ms(model, rate, ct_ratio) / 2)))


@dataclass(frozen=True)
class S0Overlap:
    """A pulse width that may let pulses overlap at full load (a warning, with the figures)."""

    model: Model
    rate: float
    width_ms: int
    limit_ms: int
    period_ms: float
    full_load_a: float
    ct_ratio: CtRatio | None = None
    key: str = "s0.width_ms"

    def sentence(self) -> Message:
        """The warning, with every figure it rests on (translatable)."""
        load = (QT_TRANSLATE_NOOP("Settings", "{amps:g} A, the primary current of CT {ratio}")
                .format(amps=self.full_load_a, ratio=str(self.ct_ratio))
                if self.ct_ratio is not None else
                QT_TRANSLATE_NOOP("Settings", "{amps:g} A").format(amps=self.full_load_a))
        return QT_TRANSLATE_NOOP(
            "Settings", "{key} {width} ms at {rate} imp/kWh may be too long on this "
            "{model}: at full load ({load}, 3 x 230 V) a pulse comes every {period:.1f} ms, so "
            "pulses longer than {limit} ms may overlap. The manual allows 2-99 ms depending on "
            "the pulse rate without a formula: the meter decides.").format(
            key=self.key, width=self.width_ms, rate=Choice(S0_RATES).format(self.rate),
            model=self.model.info.code, load=load, period=self.period_ms, limit=self.limit_ms)


RULE_KEYS = frozenset({"s0.rate", "s0.width_ms", "ct.ratio"})  # what rule_warnings looks at


def rule_warnings(model: Model, values: Mapping[str, Any]) -> list[S0Overlap]:
    """Warnings about a full set of settings (`values` after a change); nothing is refused."""
    rate, width = values.get("s0.rate"), values.get("s0.width_ms")
    if not isinstance(rate, (int, float)) or not isinstance(width, int):
        return []
    ratio = values.get("ct.ratio") if model.info.has_ct else None
    ratio = ratio if isinstance(ratio, CtRatio) and ratio.primary else None
    limit = s0_width_limit_ms(model, float(rate), ratio)
    if width <= limit:
        return []
    return [S0Overlap(model, float(rate), width, limit,
                      s0_pulse_period_ms(model, float(rate), ratio),
                      full_load_amps(model, ratio), ratio)]


def check_rules(model: Model, values: Mapping[str, Any]) -> None:
    """Refuse a full set of settings (`values` after a change) that the manual forbids.

    Raises InvalidValueError. The manual forbids no combination of valid values that we know
    of: the S0 pulse width "depending on pulse rate" is a warning (`rule_warnings`), because
    our formula is a guess and guesses never block a real meter. Every path (CLI, GUI,
    restore, simulator) calls this, so a rule the manual does state belongs here.
    """
    return None


def rule_safe_order(model: Model, current: Mapping[str, Any], changes: Mapping[Setting, Any]
                    ) -> list[tuple[Setting, Any]]:
    """Order changes so that every intermediate state keeps the rules, preferring states
    without warnings.

    The meter checks after every single write: a higher S0 pulse rate, for example, may be
    refused while the old, longer pulse width is still set, so the width goes first. Greedy:
    take the first remaining change whose state keeps the rules and adds no warning, else the
    first that keeps the rules; if none does, keep the given order (the meter decides, and the
    per-key report says what it did).
    """
    values = {k: v for k, v in current.items() if not isinstance(v, Exception)}
    remaining = list(changes.items())
    ordered: list[tuple[Setting, Any]] = []
    while remaining:
        pick = None
        fallback = None
        for index, (item, value) in enumerate(remaining):
            state = {**values, item.key: value}
            try:
                check_rules(model, state)
            except InvalidValueError:
                continue
            if fallback is None:
                fallback = index
            if len(rule_warnings(model, state)) <= len(rule_warnings(model, values)):
                pick = index
                break
        item, value = remaining.pop(pick if pick is not None else (fallback or 0))
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


__all__ = ["ACTIONS", "BLE", "MBUS", "MBUS_BAUD_RATES", "MODBUS", "MODBUS_BAUD_CODES",
           "PARITY_CODES", "S0_RATES", "SETTINGS", "SETTINGS_LIST", "TRANSPORT_NAMES", "Action",
           "S0Overlap", "Setting", "check_reachable", "check_rules", "either",
           "factory_settings", "full_load_amps", "parse_assignment", "reachable_settings",
           "rule_safe_order", "rule_warnings", "s0_width_limit_ms", "setting", "unreachable"]
