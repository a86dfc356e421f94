"""Human-readable output for the CLI (JSON output is built from the services' as_dict)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..model.models import ChecksumVerdict

if TYPE_CHECKING:
    from ..model.reach import Unreachable
    from ..services.meter import Identity, Reading
    from ..services.outcomes import ApplyReport, PermanentAct, WriteOutcome

# The `info` and `read` screens need neither the settings table, its reasons nor the write
# outcomes: the functions for `get` and `set` import them.


def value_text(value: Any, unit: str = "") -> str:
    """A value with its unit, floats with sensible decimals."""
    if isinstance(value, Exception):
        return f"(unreadable: {value})"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        decimals = 3 if abs(value) < 1000 else 2
        text = f"{value:.{decimals}f}"
    else:
        text = str(value)
    return f"{text} {unit}".rstrip()


def table(rows: Iterable[tuple[str, str]]) -> str:
    """Two aligned columns."""
    rows = list(rows)
    if not rows:
        return ""
    width = max(len(left) for left, _ in rows)
    return "\n".join(f"{left:<{width}}  {right}" for left, right in rows)


def identity_text(identity: Identity) -> str:
    """The `info` screen."""
    v = identity.values
    if v.get("transport") == "mbus":
        return _mbus_identity_text(identity)
    rows = [
        ("Model", f"{identity.model.info.title}"),
        ("Serial number", str(v.get("serial"))),
        ("Software version", _version(v.get("software_version"))),
        ("Hardware version", _version(v.get("hardware_version"))),
        ("Protocol version", _version(v.get("protocol_version"))),
        ("Checksum", _checksum(v.get("checksum"), identity.checksum_verdict)),
        ("Meter amps", value_text(v.get("meter_amps"), "A")),
    ]
    if "ct.ratio" in v:
        rows.append(("CT ratio", f"{v['ct.ratio']} A"))
    rows += [
        ("Power-down counter", str(v.get("power_down_counter"))),
        ("Quadrant (total)", str(v.get("quadrant"))),
        ("Quadrants L1/L2/L3", "/".join(str(v.get(f"quadrant.{p}")) for p in ("l1", "l2", "l3"))),
        ("Current direction", "  ".join(f"{p.upper()} {_direction(v.get(f'direction.{p}'))}"
                                        for p in ("l1", "l2", "l3"))),
        ("Status word", f"0x{v.get('status_word', 0):08X}"
         if isinstance(v.get("status_word"), int) else "?"),
    ]
    lines = [table(rows), "", identity.checksum_message]
    reversed_phases = [p.upper() for p in ("l1", "l2", "l3") if v.get(f"direction.{p}") == "R"]
    if reversed_phases:
        lines.append(
            f"WARNING: current on {', '.join(reversed_phases)} flows in the export direction: "
            "check the CT or the wiring of that phase unless this is a generator.")
    return "\n".join(lines)


def _mbus_identity_text(identity: Identity) -> str:
    """The `info` screen over M-Bus: what the RSP_UD header and records carry."""
    v = identity.values
    status = v.get("status")
    rows = [
        ("Model", f"{identity.model.info.title}"),
        ("Serial number", f"{v.get('serial'):08d}  (the M-Bus ident)"
         if isinstance(v.get("serial"), int) else "?"),
        ("Secondary address", str(v.get("mbus.secondary_address"))),
        ("Primary address", str(v.get("mbus.address"))),
        ("Manufacturer", str(v.get("manufacturer"))),
        ("Version", f"{v.get('version')} (software major version)"),
        ("Medium", str(v.get("medium"))),
        ("Access number", str(v.get("access_number"))),
        ("Status", "OK" if status == 0 else f"0x{status:02X} (error)"
         if isinstance(status, int) else "?"),
    ]
    if "ct.ratio" in v:
        rows.append(("CT ratio", f"{v['ct.ratio']} A"))
    return "\n".join([table(rows), "", f"Model: {v.get('model_note')}.",
                      identity.checksum_message])


def _checksum(value: Any, verdict: ChecksumVerdict | str) -> str:
    """The checksum with its verdict in the common words: "59268366  [PASS: ok]"."""
    checksum = ChecksumVerdict.of(verdict)
    return f"{value}  [{checksum.verdict.word}: {checksum}]"


def _version(value: Any) -> str:
    return f"V{value:.2f}" if isinstance(value, float) else str(value)


def _direction(value: Any) -> str:
    return {"F": "import", "R": "EXPORT"}.get(str(value), str(value))


def readings_text(readings: list[Reading]) -> str:
    """The `read` screen: instantaneous values, then energies."""
    sections: dict[str, list[tuple[str, str]]] = {"measurement": [], "energy": []}
    for reading in readings:
        reg = reading.register
        obis = f"  [{reg.obis}]" if reg.obis else ""
        sections[reg.group].append((reg.key, value_text(reading.value, reg.unit) + obis))
    parts = []
    for title, key in (("Instantaneous values", "measurement"), ("Energy registers", "energy")):
        if sections[key]:
            parts.append(f"{title}\n{table(sections[key])}")
    return "\n\n".join(parts)


def unreachable_short(reason: Unreachable) -> str:
    """A reason in a few words, for the `get` table ("not on this model", "only over ...")."""
    from ..model.reach import TRANSPORT_NAMES, UnreachableKind, either

    if reason.kind is UnreachableKind.NOT_ON_MODEL:
        return "not on this model"
    if reason.kind is UnreachableKind.NOT_ANSWERED:
        return "not answered by this meter"
    if reason.kind is UnreachableKind.WRITE_ONLY:
        return "write only over M-Bus"
    via = either(TRANSPORT_NAMES[t] for t in reason.transports)
    return f"only over {via} or the meter's menu" if via else "only in the meter's menu"


def settings_text(values: dict[str, Any], unreachable: dict[str, Unreachable]) -> str:
    """The `get` screen."""
    from ..model.settings import SETTINGS

    rows = []
    for key, value in values.items():
        item = SETTINGS[key]
        text = value_text(value) if isinstance(value, Exception) else item.domain.format(value)
        unit = "" if isinstance(value, Exception) else getattr(item.domain, "unit", "")
        rows.append((key, f"{text} {unit}".rstrip()))
    for key, reason in unreachable.items():
        rows.append((key, f"-  ({unreachable_short(reason)})"))
    return table(rows)


def _shown(key: str, value: Any) -> str:
    from ..model.settings import SETTINGS

    if value is None or isinstance(value, Exception):
        return "?"
    item = SETTINGS.get(key)
    if item is None:
        return value_text(value)
    return item.domain.format(value)


def outcome_line(result: WriteOutcome) -> str:
    """One key's outcome, as the `set` and `reset` reports show it."""
    from ..services.outcomes import WriteStatus

    requested, before = _shown(result.key, result.requested), _shown(result.key, result.before)
    note = f"; {result.note}" if result.note else ""
    status = result.status
    if status is WriteStatus.VERIFIED:
        if result.link is not None:
            return f"written   {before} -> {requested} (the meter answers at the new setting)"
        return f"written   {before} -> {requested} (read back OK{note})"
    if status is WriteStatus.ACKNOWLEDGED:
        return f"written   -> {requested} (acknowledged{note})"
    if status is WriteStatus.UNCHANGED:
        return f"unchanged (already {requested})"
    if status is WriteStatus.REFUSED:
        code = f" with exception {result.code}" if result.code is not None else ""
        return f"REFUSED   by the meter{code}: {result.note}"
    if status is WriteStatus.MISMATCH:
        return f"MISMATCH  {result.note}"
    if status is WriteStatus.NOT_TAKEN:
        return f"NOT TAKEN {result.note}"
    if status is WriteStatus.UNKNOWN:
        return f"UNKNOWN   {result.note}"
    if result.note:
        return f"not written ({result.note})"
    return "not written (stopped after the failure above)"


def where_text(report: ApplyReport, scan_command: str) -> str:
    """Where the meter answers after the writes: its new place, or where to look for it."""
    from ..services.outcomes import LinkWhere

    link = report.link
    if link is not None and link.where is LinkWhere.UNKNOWN:
        places = " or ".join(str(p.describe()) for p in link.candidates)
        return (f"The meter may now answer at {places}; run `{scan_command}` to find it.")
    if report.link_note:
        return f"The meter now answers at {report.link_note}."
    return ""


def apply_text(report: ApplyReport, scan_command: str = "configurator scan") -> str:
    """The `set` report: one line per key, then where the meter answers."""
    text = table((r.key, outcome_line(r)) for r in report.results)
    where = where_text(report, scan_command)
    return f"{text}\n{where}" if where else text


def acts_text(acts: list[PermanentAct]) -> str:
    """The permanent acts to confirm, one sentence each."""
    return " ".join(str(act.sentence()) for act in acts)
