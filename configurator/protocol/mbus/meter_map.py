"""THE M-Bus table of the WAGO 879-30xx: the manual's records (A2.2) and writes (A2.3).

Each RSP_UD record is bound to a key of the register table (`REGISTERS`), so readings over
M-Bus carry the same keys and units as over Modbus; nothing here lists registers again. Records
are recognised by their exact DIB + VIB bytes as A2.2 prints them. Each write telegram is bound
to a setting (`SETTINGS`) or an action (`ACTIONS`). The client (`services/mbus_session.py`) and
the simulator (`simulator/mbus_bus.py`) both derive from these two tables.

Settled where the manual disagrees with itself (docs/DECISIONS.md):
- CT rate: A2.2 prints DIF 0A (4 BCD digits) but three data bytes `05 95 99` for 9995/5. The
  data bytes win: DIF 0B (6 BCD digits, LSB first: 999505 = primary 9995, secondary 05).
- Power factor `0A FD 3A 00 01` is "1.00": dimensionless BCD in hundredths.
- S0 rate `51 0C FD 3A 00 00 01 00` is "100": BCD LSB first reads 10000, so hundredths of
  imp/kWh (which also carries the manual's 0.01 imp/kWh).
- Writes use C = 53 as in every A2.3 example (no frame-count toggling on SND_UD).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP
from ...model.models import ALL_MODELS, CT_ONLY, Model
from ...model.registers import REGISTERS, Register
from ...model.settings import ACTIONS, SETTINGS
from ...model.types import CtRatio
from .frames import BAUD_CI, CI_DATA_SEND, MbusFrameError
from .records import (
    Problem,
    Record,
    Telegram,
    Undecodable,
    ValueInfo,
    encode_data,
    parse_vib,
)

# (unit of the VIF, unit of the register table) -> decimal exponent between them.
UNIT_EXPONENTS: dict[tuple[str, str], int] = {
    ("Wh", "kWh"): -3, ("W", "kW"): -3, ("kvarh", "kvarh"): 0, ("kvar", "kvar"): 0,
    ("kVA", "kVA"): 0, ("V", "V"): 0, ("A", "A"): 0, ("Hz", "Hz"): 0,
}


@dataclass(frozen=True)
class RecordSpec:
    """One RSP_UD record of A2.2, bound to a register key."""

    key: str
    dib: bytes
    vib: bytes
    row: str  # the manual's row, for provenance
    implied_exponent: int = 0  # for dimensionless values (power factor in hundredths)
    kind: str = "number"  # "number" or "ct_ratio"
    models: frozenset[Model] = ALL_MODELS

    @property
    def register(self) -> Register:
        """The register table's entry (key, unit, label, group)."""
        return REGISTERS[self.key]

    @property
    def value_info(self) -> ValueInfo:
        """The VIB decoded."""
        return parse_vib(self.vib, 0)[0]

    @property
    def exponent(self) -> int:
        """Register value = raw * 10**exponent (VIF exponent, implied, unit conversion)."""
        info, unit = self.value_info, self.register.unit
        if self.kind != "number" or info.quantity in ("dimensionless", "plain text"):
            return info.exponent + self.implied_exponent
        return info.exponent + self.implied_exponent + UNIT_EXPONENTS[(info.unit, unit)]

    def decode(self, record: Record) -> Any:
        """The register-table value of a matching record."""
        raw = record.raw
        if not isinstance(raw, int):
            raise MbusFrameError(f"{self.row}: expected an integer, got {raw!r}")
        if self.kind == "ct_ratio":
            return CtRatio(raw // 100, raw % 100)
        if self.register.dtype.name == "int16":
            return raw
        exponent = self.exponent  # the record matched by its bytes, so its VIB is ours
        return float(raw * 10 ** exponent) if exponent >= 0 else raw / 10 ** -exponent

    def encode(self, value: Any) -> bytes:
        """The whole record (DIB, VIB, data) for a register-table value (simulator side)."""
        if self.kind == "ct_ratio":
            raw = value.primary * 100 + value.secondary
        elif self.register.dtype.name == "int16":
            raw = int(value)
        else:
            exponent = self.exponent
            raw = round(float(value) * 10 ** -exponent) if exponent <= 0 else \
                round(float(value) / 10 ** exponent)
        return self.dib + self.vib + encode_data(self.dib[0], raw)


_E = "04", "84 10", "84 20", "84 30", "84 80 10"  # total, T1, T2, T3, T4 (32-bit integer)
_TARIFF_SUFFIX = ("total", "t1", "t2", "t3", "t4")


def _specs() -> list[RecordSpec]:
    specs: list[RecordSpec] = []

    def add(key: str, dib: str, vib: str, row: str, **kw: Any) -> None:
        specs.append(RecordSpec(key, bytes.fromhex(dib), bytes.fromhex(vib), row, **kw))

    for dib, suffix in zip(_E, _TARIFF_SUFFIX, strict=True):
        add(f"energy.active.import.{suffix}", dib, "03", f"Active energy import {suffix}")
    for dib, suffix in zip(_E, _TARIFF_SUFFIX, strict=True):
        add(f"energy.active.export.{suffix}", dib, "83 3C", f"Active energy export {suffix}")
    add("energy.day", "04", "83 FC 10", "Total kWh (resettable)")
    add("energy.reactive.import.total", "04", "FB 82 73", "Reactive energy import")
    add("energy.reactive.export.total", "04", "FB 82 F3 3C", "Reactive energy export")
    for n in (1, 2, 3):
        add(f"voltage.l{n}", "02", f"FD C7 FC 0{n}", f"L{n} voltage")
    for n in (1, 2, 3):
        add(f"current.l{n}", "03", f"FD D9 FC 0{n}", f"L{n} current")
    add("power.active", "03", "2B", "Total active power")
    for n in (1, 2, 3):
        add(f"power.active.l{n}", "03", f"AB FC 0{n}", f"L{n} active power")
    add("power.reactive", "03", "FB 14", "Total reactive power")
    for n in (1, 2, 3):
        add(f"power.reactive.l{n}", "03", f"FB 94 FC 0{n}", f"L{n} reactive power")
    add("power.apparent", "03", "FB 34", "Total apparent power")
    add("power_factor", "0A", "FD 3A", "Total power factor", implied_exponent=-2)
    add("frequency", "03", "FB 2C", "Frequency")
    add("tariff", "09", "7C 01 54", "Tariff")
    # A2.2 prints DIF 0A with three data bytes; the bytes win (module docstring).
    add("ct.ratio", "0B", "FD 3A", "CT rate (for CT version only)", kind="ct_ratio",
        models=CT_ONLY)
    return specs


RECORDS: tuple[RecordSpec, ...] = tuple(_specs())
_BY_BYTES: dict[bytes, RecordSpec] = {}


def _validate() -> None:
    """Fail at import for a record whose key, unit or bytes do not add up."""
    for spec in RECORDS:
        spec.register  # noqa: B018 - KeyError for a key the register table lacks
        spec.exponent  # noqa: B018 - KeyError for a unit that does not convert
        signature = spec.dib + b"|" + spec.vib
        if signature in _BY_BYTES:
            raise ValueError(f"M-Bus record declared twice: {spec.row}")
        _BY_BYTES[signature] = spec


_validate()


def spec_for(record: Record) -> RecordSpec | None:
    """The A2.2 entry a decoded record matches, if any."""
    return _BY_BYTES.get(record.dib + b"|" + record.vib)


@dataclass(frozen=True)
class Decoded:
    """What a RSP_UD says in register-table terms, and what of it could not be used."""

    values: dict[str, Any]  # register key -> value
    unknown: tuple[Record, ...]  # decoded records A2.2 does not list
    undecodable: tuple[Undecodable, ...]  # records that did not decode, or were set aside
    ct_record_seen: bool = False  # a CT rate record is there, decoded or not (2PU CT)

    def notes(self) -> list[str]:
        """One sentence per record that was not decoded."""
        count = len(self.values)
        return [problem.sentence(count) for problem in self.undecodable]


def decode(telegram: Telegram) -> Decoded:
    """Every A2.2 value the telegram carries; the rest reported by its bytes, never fatal.

    A record repeating an earlier record's DIB and VIB is set aside (Problem.REPEATED), never
    taken as that value again; one directly followed by a tail that does not parse is one
    record whose data runs on (Problem.OVERRUN, the manual's literal CT rate row
    `0A FD 3A 05 95 99`: DIF 0A announces two data bytes, three follow). A second
    dimensionless `FD 3A` record is the CT rate (A2.2 lists it after the power factor).
    """
    values: dict[str, Any] = {}
    unknown: list[Record] = []
    problems = list(telegram.undecodable)
    seen: set[bytes] = set()
    ct_seen = False
    for record in telegram.records:
        signature = record.dib + b"|" + record.vib
        whole = record.dib + record.vib + record.data
        if signature in seen:
            problems.append(Undecodable(record.offset, whole, Problem.REPEATED))
            ct_seen = ct_seen or record.vib == _CT_VIB
            continue
        seen.add(signature)
        spec = _BY_BYTES.get(signature)
        if spec is None:
            unknown.append(record)
            continue
        try:
            values[spec.key] = spec.decode(record)
        except MbusFrameError as exc:
            problems.append(Undecodable(record.offset, whole, Problem.BAD_DATA, str(exc)))
            continue
        ct_seen = ct_seen or spec.key == "ct.ratio"
    merged = _merge_overruns(sorted(problems, key=lambda p: p.offset), telegram, values)
    return Decoded(values, tuple(unknown), tuple(merged), ct_seen)


_CT_VIB = bytes.fromhex("FD 3A")


def _merge_overruns(problems: list[Undecodable], telegram: Telegram,
                    values: dict[str, Any]) -> list[Undecodable]:
    """A record directly followed by a truncated tail: one record whose data runs on."""
    out: list[Undecodable] = []
    by_offset = {r.offset: r for r in telegram.records}
    for problem in problems:
        before = out[-1] if out else None
        if problem.problem is Problem.TRUNCATED:
            previous = _record_ending_at(problem.offset, by_offset)
            if before is not None and before.offset + len(before.data) == problem.offset:
                out[-1] = Undecodable(before.offset, before.data + problem.data,
                                      Problem.OVERRUN, problem.detail)
                continue
            if previous is not None:  # a decoded record whose bytes run into the tail
                spec = spec_for(previous)
                if spec is not None and values.get(spec.key) is not None:
                    del values[spec.key]
                out.append(Undecodable(previous.offset, previous.dib + previous.vib
                                       + previous.data + problem.data, Problem.OVERRUN,
                                       problem.detail))
                continue
        out.append(problem)
    return out


def _record_ending_at(offset: int, records: dict[int, Record]) -> Record | None:
    for record in records.values():
        if record.offset + len(record.dib) + len(record.vib) + len(record.data) == offset:
            return record
    return None


def values_from(telegram: Telegram) -> tuple[dict[str, Any], list[Record]]:
    """Register-table values by key, and the records the table does not know."""
    decoded = decode(telegram)
    return decoded.values, list(decoded.unknown)


def encode_records(model: Model, value_of: Callable[[str], Any]) -> bytes:
    """The record part of the meter's RSP_UD, in A2.2 order, from live values by key."""
    return b"".join(spec.encode(value_of(spec.key)) for spec in RECORDS if model in spec.models)


# --- writes (A2.3) ------------------------------------------------------------------------

@dataclass(frozen=True)
class Encoding:
    """How a write's value becomes bytes, and whether that reading is known to be right."""

    name: str  # a stable identifier, e.g. "bcd-lsb-first-x100"
    description: str  # the reading in words (translatable)
    verified: bool  # False: our reading of an unclear manual example (docs/mbus.md)


AS_PRINTED = Encoding("as-printed", QT_TRANSLATE_NOOP(
    "Services", "as the manual's A2.3 example prints it"), True)
S0_RATE_ENCODING = Encoding("bcd-lsb-first-x100", QT_TRANSLATE_NOOP(
    "Services", "BCD least significant byte first in 0.01 imp/kWh (A2.3: 00 00 01 00 = 100), "
    "and if the meter reads the bytes the other way round, rates such as 10 are off 100-fold"),
    False)


@dataclass(frozen=True)
class WriteSpec:
    """One SND_UD data telegram of A2.3 (CI 51 + one record), bound to a setting or action."""

    key: str  # a setting key, or an action name
    dib: bytes
    vib: bytes
    row: str
    to_raw: Callable[[Any], int] = int
    from_raw: Callable[[int], Any] = int
    encoding: Encoding = AS_PRINTED

    def payload(self, value: Any) -> bytes:
        """The bytes after CI 51: DIB, VIB and the data."""
        return self.dib + self.vib + encode_data(self.dib[0], self.to_raw(value))


def _s0_to_raw(rate: Any) -> int:
    return round(float(rate) * 100)


def _s0_from_raw(raw: int) -> float:
    return raw / 100


WRITES: dict[str, WriteSpec] = {
    w.key: w for w in (
        WriteSpec("mbus.address", b"\x01", b"\x7a", "Primary address (51 01 7A 01)"),
        WriteSpec("mbus.secondary_address", b"\x0c", b"\x79",
                  "Secondary address (51 0C 79 15 01 23 45 = 45230115)",
                  to_raw=int, from_raw=lambda raw: f"{raw:08d}"),
        WriteSpec("tariff", b"\x09", bytes.fromhex("7C 01 54"), "Tariff (51 09 7C 01 54 02)"),
        WriteSpec("combination_code", b"\x09", bytes.fromhex("FD 3A"),
                  "Combinations code (51 09 FD 3A 05)"),
        WriteSpec("s0.rate", b"\x0c", bytes.fromhex("FD 3A"),
                  "S0 rate (51 0C FD 3A 00 00 01 00 = 100)", to_raw=_s0_to_raw,
                  from_raw=_s0_from_raw, encoding=S0_RATE_ENCODING),
        WriteSpec("day-counter", b"\x0c", b"\x04", "Resettable register (51 0C 04 00 00 00 00)"),
        WriteSpec("power-down-counter", b"\x0a", bytes.fromhex("FD 60"),
                  "Reset power-down counter (51 0A FD 60 00 00)"),
    )
}
BAUD_KEY = "mbus.baudrate"  # written with its own CI (B8-BD), no record
BAUD_BY_CI = {ci: baud for baud, ci in BAUD_CI.items()}
_WRITE_BY_BYTES = {w.dib + b"|" + w.vib: w for w in WRITES.values()}

for _key in WRITES:  # every write targets a setting or an action the model declares
    if _key not in SETTINGS and _key not in ACTIONS:
        raise ValueError(f"M-Bus write for unknown key {_key}")


def unverified_note(key: str) -> str | None:
    """For a write whose byte reading is a guess: one sentence naming the reading used."""
    spec = WRITES.get(key)
    if spec is None or spec.encoding.verified:
        return None
    return QT_TRANSLATE_NOOP(
        "Services", "unverified: M-Bus writes {key} as {reading} [{name}], so check the value "
        "on the meter's display or over Modbus RTU").format(
        key=key, reading=spec.encoding.description, name=spec.encoding.name)


def write_telegram(key: str, value: Any = 0) -> tuple[int, bytes]:
    """(CI, data) of the SND_UD that writes `key` (a setting or an action name)."""
    if key == BAUD_KEY:
        return BAUD_CI[int(value)], b""
    spec = WRITES.get(key)
    if spec is None:
        raise KeyError(key)
    return CI_DATA_SEND, spec.payload(value)


def parse_write(ci: int, data: bytes) -> list[tuple[str, Any]]:
    """(key, value) pairs a SND_UD carries (simulator side); raises MbusFrameError."""
    if ci in BAUD_BY_CI:
        if data:
            raise MbusFrameError("a baud-rate change carries no data")
        return [(BAUD_KEY, BAUD_BY_CI[ci])]
    if ci != CI_DATA_SEND:
        raise MbusFrameError(f"CI 0x{ci:02X} is not a write this meter knows")
    from .records import parse_records

    out = []
    for record in parse_records(data).records:
        spec = _WRITE_BY_BYTES.get(record.dib + b"|" + record.vib)
        if spec is None or not isinstance(record.raw, int):
            raise MbusFrameError(f"unknown write record {record.dib.hex()} {record.vib.hex()}")
        out.append((spec.key, spec.from_raw(record.raw)))
    return out


def model_from(values: Mapping[str, Any], ct_record_seen: bool = False) -> tuple[Model, str]:
    """The model an RSP_UD allows, and a note: a CT record means 2PU CT; 4PU and 4PS send
    identical records, so they are reported as 4PU with that said."""
    if "ct.ratio" in values or ct_record_seen:
        return Model.PUCT2, "2PU CT (the RSP_UD carries the CT rate record)"
    return Model.PU4, ("4PU or 4PS: their M-Bus records are identical, so M-Bus cannot tell "
                       "them apart (shown as 4PU; read the meter code over Modbus to be sure)")
