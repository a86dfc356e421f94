"""THE register table: the single source of truth for every Modbus register this tool knows.

Codecs, validation, read plans, the CLI's help, the simulator, the GUI pages and
the backup schema are all derived from `REGISTERS`. Nothing else lists registers.

Sources: WAGO 879-30xx operating instructions Appendix 3 (A3.2 map, A3.3 write examples),
section 6.9 (CT history) and the project's FACTS.md (settled contradictions, vendor BLE map).
Where a table and a write example disagree, the example wins; each such choice is commented
at its entry below.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..i18n import QT_TRANSLATE_NOOP
from .models import ALL_MODELS, CT_ONLY, Model
from .types import ASCII1, BCD16, BCD32, BITS32, CT_RATIO, FLOAT32, INT16, DataType

MODBUS = "modbus"
BLE = "ble"
MBUS = "mbus"  # not a register transport: M-Bus reaches settings through its own records
TUNNELS_MODBUS = frozenset({MODBUS, BLE})  # BLE carries the same Modbus RTU frames (FACTS.md)
BLE_ONLY = frozenset({BLE})

GROUPS = ("identity", "setting", "status", "counter", "measurement", "energy", "ct_history")


@dataclass(frozen=True)
class Register:
    """One value in the meter's Modbus map (read with FC03)."""

    key: str
    address: int
    dtype: DataType
    label: str
    group: str
    unit: str = ""
    write_fc: int | None = None  # 6 (single register) or 16 (multiple), None = read only
    models: frozenset[Model] = ALL_MODELS
    transports: frozenset[str] = TUNNELS_MODBUS
    provenance: str = "A3.2"
    obis: str | None = None

    @property
    def count(self) -> int:
        """Number of 16-bit registers the value occupies."""
        return self.dtype.count

    @property
    def end(self) -> int:
        """First address after this value."""
        return self.address + self.count

    @property
    def writable(self) -> bool:
        """Whether the meter accepts writes to it."""
        return self.write_fc is not None


_PHASES = ("l1", "l2", "l3")
_TARIFFS = ("t1", "t2", "t3", "t4")


def _floats(
    entries: Iterable[tuple[str, int, str, str | None]], unit: str, group: str,
    provenance: str = "A3.2",
) -> Iterator[Register]:
    for key, address, label, obis in entries:
        yield Register(key, address, FLOAT32, label, group, unit, provenance=provenance, obis=obis)


def _family(
    key: str, label: str, start: int, suffixes: Iterable[str], obis: Iterable[str | None] | None
) -> Iterator[tuple[str, int, str, str | None]]:
    """An indexed family: consecutive floats `key.<suffix>` starting at `start`."""
    obis_list = list(obis) if obis is not None else None
    for i, suffix in enumerate(suffixes):
        code = obis_list[i] if obis_list else None
        yield f"{key}.{suffix}", start + 2 * i, f"{label} {suffix.upper()}", code


def _identity_and_settings() -> Iterator[Register]:
    ident, setting, status, counter = "identity", "setting", "status", "counter"
    yield Register("serial", 0x4000, BCD32, "Serial number", ident)
    yield Register("meter_code", 0x4002, BCD16, "Meter code (1111 4PU, 1112 4PS, 1113 2PU CT)",
                   ident)
    yield Register("modbus.address", 0x4003, INT16, "Modbus ID", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4003 000A)")
    yield Register("modbus.baudrate", 0x4004, INT16, "Baud rate code", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4004 0006)")
    yield Register("protocol_version", 0x4005, FLOAT32, "Protocol version", ident)
    yield Register("software_version", 0x4007, FLOAT32, "Software version", ident)
    yield Register("hardware_version", 0x4009, FLOAT32, "Hardware version", ident)
    yield Register("meter_amps", 0x400B, INT16, "Meter amps", ident, "A")
    yield Register("ct_primary", 0x400C, BCD16, "CT ratio (primary amps, one word)", ident, "A")
    yield Register("s0.rate", 0x400D, FLOAT32, "S0 pulse rate", setting, "imp/kWh", write_fc=16,
                   provenance="A3.2, A3.3 (01 10 400D 0002 04 41 20 00 00)")
    yield Register("combination_code", 0x400F, INT16, "Combination code", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 400F 0004)")
    # A3.2 says "HEX"; the write example 01 06 4010 0025 means 25 s, so BCD-style (FACTS.md).
    yield Register("lcd.rolling_time", 0x4010, BCD16, "LCD rolling time", setting, "s",
                   write_fc=6, provenance="A3.2, A3.3 (01 06 4010 0025 = 25 s)")
    yield Register("modbus.parity", 0x4011, INT16, "Parity", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4011 0002)")
    for i, phase in enumerate(_PHASES):
        yield Register(f"direction.{phase}", 0x4012 + i, ASCII1,
                       f"{phase.upper()} current direction (F import, R export)", status)
    yield Register("power_down_counter", 0x4016, INT16,
                   QT_TRANSLATE_NOOP("Registers", "Power-down counter"), counter,
                   write_fc=6, provenance="A3.2, A3.3 (01 06 4016 0000)")
    yield Register("quadrant", 0x4017, INT16, "Current quadrant", status)
    for i, phase in enumerate(_PHASES):
        yield Register(f"quadrant.{phase}", 0x4018 + i, INT16, f"{phase.upper()} quadrant", status)
    yield Register("checksum", 0x401B, BCD32, "Software checksum", ident,
                   provenance="A3.2, manual 4.3")
    yield Register("status_word", 0x401D, BITS32, "Active status word", status)
    # A3.3 lists FC06 and type Signed, but its example 01 10 401F 0002 04 9995 0005 writes two
    # BCD words with FC16 (primary, secondary): the example wins (FACTS.md).
    yield Register("ct.ratio", 0x401F, CT_RATIO, "CT ratio", setting, "A", write_fc=16,
                   models=CT_ONLY, provenance="A3.2, A3.3 (01 10 401F 0002 04 9995 0005), 6.9")
    # A3.2 gives length 2 and "Signed", but 0x4022 follows at once and the example
    # 01 06 4021 0030 writes one register meaning 30 ms: one BCD-style word (FACTS.md).
    yield Register("s0.width_ms", 0x4021, BCD16, "S0 pulse width", setting, "ms", write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4021 0030 = 30 ms)")
    yield Register("s0.type", 0x4022, BCD16, "S0 pulse type", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4022 0002)")
    yield Register("checksum2", 0x4023, BITS32, "Checksum 2 (not relevant)", ident)
    yield Register("product_code", 0x4025, INT16, "Product code", ident, transports=BLE_ONLY,
                   provenance="vendor BLE map (FACTS.md); reserved in A3.2")
    yield Register("data_type", 0x4026, INT16, "Data type", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4026 0002)")
    yield Register("display.rotated", 0x4032, INT16, "Screen direction", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4032 0001)")
    yield Register("display.obis", 0x4033, INT16, "OBIS codes on/off", setting, write_fc=6,
                   provenance="A3.2, A3.3 (01 06 4033 0001)")
    vendor = "vendor BLE map (FACTS.md), not in the WAGO manual"
    yield Register("backlight", 0x4C02, INT16, "Backlight mode", setting, write_fc=6,
                   transports=BLE_ONLY, provenance=vendor)
    yield Register("backlight.timeout_min", 0x4C04, INT16, "Backlight timeout", setting, "min",
                   transports=BLE_ONLY, provenance=vendor)
    yield Register("bluetooth.mode", 0x4C07, INT16, "Bluetooth mode", setting,
                   transports=BLE_ONLY, provenance=vendor)


def _instantaneous() -> Iterator[Register]:
    m = "measurement"
    yield from _floats([("voltage", 0x5000, "Voltage", "12.7.0")], "V", m)
    yield from _floats(_family("voltage", "Voltage", 0x5002, _PHASES,
                               ["32.7.0", "52.7.0", "72.7.0"]), "V", m)
    yield from _floats([("frequency", 0x5008, "Frequency", "14.7.0")], "Hz", m)
    yield from _floats([("current", 0x500A, "Current", "11.7.0")], "A", m)
    yield from _floats(_family("current", "Current", 0x500C, _PHASES,
                               ["31.7.0", "51.7.0", "71.7.0"]), "A", m)
    yield from _floats([("power.active", 0x5012, "Total active power", "15.7.0")], "kW", m)
    yield from _floats(_family("power.active", "Active power", 0x5014, _PHASES,
                               ["35.7.0", "55.7.0", "75.7.0"]), "kW", m)
    yield from _floats([("power.reactive", 0x501A, "Total reactive power", None)], "kvar", m)
    yield from _floats(_family("power.reactive", "Reactive power", 0x501C, _PHASES, None),
                       "kvar", m)
    yield from _floats([("power.apparent", 0x5022, "Total apparent power", "9.7.0")], "kVA", m)
    yield from _floats(_family("power.apparent", "Apparent power", 0x5024, _PHASES,
                               ["29.7.0", "49.7.0", "69.7.0"]), "kVA", m)
    yield from _floats([("power_factor", 0x502A, "Power factor", "13.7.0")], "", m)
    yield from _floats(_family("power_factor", "Power factor", 0x502C, _PHASES,
                               ["33.7.0", "53.7.0", "73.7.0"]), "", m)
    yield from _floats([
        ("voltage.l1_l2", 0x5032, "L1-L2 voltage", None),
        ("voltage.l1_l3", 0x5034, "L1-L3 voltage", None),
        ("voltage.l2_l3", 0x5036, "L2-L3 voltage", None),
    ], "V", m)


def _energies() -> Iterator[Register]:
    e = "energy"
    kwh, kvarh = "kWh", "kvarh"
    # Totals T1/T2 then L1-L3, three times for active (total, import, export) and reactive.
    for key, label, start, unit, tariff_obis, total_obis, phase_obis in (
        ("energy.active", QT_TRANSLATE_NOOP("Registers", "Total active energy"), 0x6000, kwh,
         ["15.8.1", "15.8.2"], "15.8.0", ["35.8.0", "55.8.0", "75.8.0"]),
        ("energy.active.import",
         QT_TRANSLATE_NOOP("Registers", "Active energy import"), 0x600C, kwh,
         ["1.8.1", "1.8.2"], "1.8.0", ["21.8.0", "41.8.0", "61.8.0"]),
        ("energy.active.export",
         QT_TRANSLATE_NOOP("Registers", "Active energy export"), 0x6018, kwh,
         ["2.8.1", "2.8.2"], "2.8.0", ["22.8.0", "42.8.0", "62.8.0"]),
        ("energy.reactive",
         QT_TRANSLATE_NOOP("Registers", "Total reactive energy"), 0x6024, kvarh, None, None, None),
        ("energy.reactive.import",
         QT_TRANSLATE_NOOP("Registers", "Reactive energy import"), 0x6030, kvarh,
         ["3.8.1", "3.8.2"], "3.8.0", ["23.8.0", "43.8.0", "63.8.0"]),
        ("energy.reactive.export",
         QT_TRANSLATE_NOOP("Registers", "Reactive energy export"), 0x603C, kvarh,
         ["4.8.1", "4.8.2"], "4.8.0", ["24.8.0", "44.8.0", "64.8.0"]),
    ):
        yield from _floats([(f"{key}.total", start, label, total_obis)], unit, e)
        yield from _floats(_family(key, label, start + 2, ("t1", "t2"), tariff_obis), unit, e)
        yield from _floats(_family(key, label, start + 6, _PHASES, phase_obis), unit, e)
    yield Register("tariff", 0x6048, INT16, "Tariff", "setting", write_fc=6,
                   provenance="A3.2, A3.3 (01 06 6048 0002)", obis="C.87.0")
    # A3.3 says length 1 but its example 01 10 6049 0002 04 0000 0000 writes a float.
    yield Register("energy.day", 0x6049, FLOAT32,
                   QT_TRANSLATE_NOOP("Registers", "Resettable day register"), e, kwh,
                   write_fc=16, provenance="A3.2, A3.3 (01 10 6049 0002 04 0000 0000)")
    yield from _floats([
        ("energy.active.t3", 0x604B, "Total active energy T3", "15.8.3"),
        ("energy.active.t4", 0x604D, "Total active energy T4", "15.8.4"),
        ("energy.active.import.t3", 0x604F, "Active energy import T3", "1.8.3"),
        ("energy.active.import.t4", 0x6051, "Active energy import T4", "1.8.4"),
        ("energy.active.export.t3", 0x6053, "Active energy export T3", "2.8.3"),
        ("energy.active.export.t4", 0x6055, "Active energy export T4", "2.8.4"),
    ], kwh, e)
    yield from _floats([
        ("energy.reactive.t3", 0x6057, "Total reactive energy T3", None),
        ("energy.reactive.t4", 0x6059, "Total reactive energy T4", None),
        ("energy.reactive.import.t3", 0x605B, "Reactive energy import T3", None),
        ("energy.reactive.import.t4", 0x605D, "Reactive energy import T4", None),
        ("energy.reactive.export.t3", 0x605F, "Reactive energy export T3", None),
        ("energy.reactive.export.t4", 0x6061, "Reactive energy export T4", None),
    ], kvarh, e)
    quadrants = (
        ("q1",
         QT_TRANSLATE_NOOP("Registers", "Import inductive reactive energy Q1"), 0x6063, "5.8"),
        ("q2",
         QT_TRANSLATE_NOOP("Registers", "Import capacitive reactive energy Q2"), 0x606D, "6.8"),
        ("q3",
         QT_TRANSLATE_NOOP("Registers", "Export inductive reactive energy Q3"), 0x6077, "7.8"),
        ("q4",
         QT_TRANSLATE_NOOP("Registers", "Export capacitive reactive energy Q4"), 0x6081, "8.8"),
    )
    for name, label, start, obis in quadrants:
        key = f"energy.reactive.{name}"
        yield from _floats([(f"{key}.total", start, label, f"{obis}.0")], kvarh, e)
        yield from _floats(_family(key, label, start + 2, _TARIFFS,
                                   [f"{obis}.{i}" for i in range(1, 5)]), kvarh, e)
    yield from _floats(_family("energy.day", "Resettable day register", 0x608B, _PHASES, None),
                       kwh, e)


# CT history (6.9): the manual gives only the range 0x6100-0x619E and says each history entry
# keeps "the last transformer ratio and energy readings". The layout below is the project's
# settled assumption (docs/DECISIONS.md #5): A3.2 lists every value by its START address (its
# last energy value "608F" is a float at 0x608F-0x6090), so 6100-619E ends with a float at
# 0x619E and spans 160 registers: eight slots of 20, each the ratio (two BCD words, as 0x401F)
# and nine floats (the energy readings frozen at a change). 6.9's example table lists eight
# history entries (the factory 5/5 one and one per change, at most 7 changes). A slot reading
# 0/0 is unused. Which slots count as changes: model/ct_history.py (DECISIONS.md #6).
CT_HISTORY_BASE = 0x6100
CT_HISTORY_STRIDE = 20
CT_HISTORY_SLOTS = 8  # 160 registers: the whole documented range
CT_CHANGES_ALLOWED = 7  # 6.9: "up to 7 times"
CT_HISTORY_ENTRIES = CT_CHANGES_ALLOWED  # the older name, kept for its users: changes allowed
CT_HISTORY_FIELDS = (
    ("import.t1", "1.8.1"),
    ("import.t2", "1.8.2"),
    ("export.t1", "2.8.1"),
    ("export.t2", "2.8.2"),
    ("import.t3", "1.8.3"),
    ("import.t4", "1.8.4"),
    ("export.t3", "2.8.3"),
    ("export.t4", "2.8.4"),
    ("total", "15.8.0"),
)
CT_HISTORY_PREFIX = "ct.history."
if CT_RATIO.count + FLOAT32.count * len(CT_HISTORY_FIELDS) != CT_HISTORY_STRIDE:
    raise ValueError("a CT history slot must be exactly its ratio and its fields")


def _ct_history() -> Iterator[Register]:
    source = "6.9 (range 6100-619E); slot layout assumed, docs/DECISIONS.md #5"
    for n in range(1, CT_HISTORY_SLOTS + 1):
        base = CT_HISTORY_BASE + (n - 1) * CT_HISTORY_STRIDE
        yield Register(f"{CT_HISTORY_PREFIX}{n}.ratio", base, CT_RATIO,
                       f"CT history {n:02d} ratio", "ct_history", "A", models=CT_ONLY,
                       provenance=source)
        for i, (name, obis) in enumerate(CT_HISTORY_FIELDS):
            yield Register(f"{CT_HISTORY_PREFIX}{n}.{name}", base + 2 + 2 * i, FLOAT32,
                           f"CT history {n:02d} {name}", "ct_history", "kWh",
                           models=CT_ONLY, provenance=source, obis=obis)


def ct_history_slot(reg: Register) -> int | None:
    """The CT history slot (1-8) a register belongs to, or None outside the history.

    Also the read unit for the history: one FC03 per slot, so a meter that answers only some
    slots (exception 02 beyond its last one) still gives the others.
    """
    if not reg.key.startswith(CT_HISTORY_PREFIX):
        return None
    return int(reg.key[len(CT_HISTORY_PREFIX):].split(".", 1)[0])


@dataclass(frozen=True)
class RegisterTable:
    """The validated, indexed register table."""

    registers: tuple[Register, ...]
    by_key: dict[str, Register] = field(init=False, repr=False, compare=False)
    by_address: dict[int, Register] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_key: dict[str, Register] = {}
        by_address: dict[int, Register] = {}
        for reg in self.registers:
            validate_register(reg)
            if reg.key in by_key:
                raise ValueError(f"register key declared twice: {reg.key}")
            by_key[reg.key] = reg
        ordered = sorted(self.registers, key=lambda r: r.address)
        for before, after in zip(ordered, ordered[1:], strict=False):
            if before.end > after.address:
                raise ValueError(f"registers overlap: {before.key} and {after.key}")
        for reg in ordered:
            by_address[reg.address] = reg
        object.__setattr__(self, "by_key", by_key)
        object.__setattr__(self, "by_address", by_address)

    def __iter__(self) -> Iterator[Register]:
        return iter(self.registers)

    def __getitem__(self, key: str) -> Register:
        return self.by_key[key]

    def select(
        self,
        *,
        groups: Iterable[str] | None = None,
        model: Model | None = None,
        transport: str | None = None,
    ) -> list[Register]:
        """Registers in the given groups that this model has and this transport reaches."""
        wanted = set(groups) if groups is not None else None
        return [
            reg
            for reg in self.registers
            if (wanted is None or reg.group in wanted)
            and (model is None or model in reg.models)
            and (transport is None or transport in reg.transports)
        ]

    def covering(self, address: int) -> Register | None:
        """The register whose value occupies `address`, if any."""
        for reg in self.registers:
            if reg.address <= address < reg.end:
                return reg
        return None


def validate_register(reg: Register) -> None:
    """Reject a malformed table entry at import time, not at run time."""
    if reg.group not in GROUPS:
        raise ValueError(f"{reg.key}: unknown group {reg.group!r}")
    if not 0 <= reg.address <= 0xFFFF or reg.end > 0x10000:
        raise ValueError(f"{reg.key}: address out of range")
    if reg.write_fc not in (None, 6, 16):
        raise ValueError(f"{reg.key}: write function code must be 6 or 16")
    if reg.write_fc == 6 and reg.count != 1:
        raise ValueError(f"{reg.key}: FC06 writes exactly one register")
    if not reg.models or not reg.transports:
        raise ValueError(f"{reg.key}: must belong to at least one model and transport")


REGISTERS = RegisterTable(
    tuple(_identity_and_settings()) + tuple(_instantaneous()) + tuple(_energies())
    + tuple(_ct_history())
)
