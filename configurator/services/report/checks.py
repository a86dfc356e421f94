"""What the commissioning report judges: the software checksum and the wiring verdict.

`collect_report` reads a meter through the `MeterSession` API into the report document (the
backup document plus live values, the checks and the wiring verdict). The wiring verdict is
`services.wiring.judge` on the same snapshot: one implementation for `check`, the GUI page and
the report. Every verdict is a `Verdict`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP
from ...model.models import ChecksumVerdict, Model
from ...model.verdicts import Verdict, worst
from ...model.wiring_rules import Expect, Network
from ..api import MeterSession
from ..backup import _plain, read_snapshot, snapshot_document
from ..connection import ConnectionOptions
from ..wiring import WiringReport, judge

CHECKSUM_CHECK = QT_TRANSLATE_NOOP("Report", "Software checksum (table 4.3)")


@dataclass(frozen=True)
class Check:
    """One line of the report's checks."""

    name: str
    verdict: Verdict
    message: str

    def as_dict(self) -> dict[str, Any]:
        """The document's form (texts stay Messages, so the GUI can translate them)."""
        return {"name": self.name, "verdict": self.verdict, "message": self.message}


def _text(value: Any) -> str:
    """A text from a document: kept as it is (a Message stays translatable), else str()."""
    return value if isinstance(value, str) else str(value)


def checksum_check(meter: Mapping[str, Any]) -> Check:
    """The checksum verdict of the document's meter section, in the common words."""
    verdict = ChecksumVerdict.of(meter.get("checksum_verdict", ChecksumVerdict.UNREADABLE))
    return Check(CHECKSUM_CHECK, verdict.verdict, _text(meter.get("checksum_message", "")))


def wiring_values(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Register values by key from a report document: measurements, status, CT ratio."""
    values: dict[str, Any] = {key: entry.get("value")
                              for key, entry in doc.get("measurements", {}).items()}
    values.update(doc.get("status", {}))
    ratio = doc.get("meter", {}).get("ct.ratio")
    if ratio is not None:
        values["ct.ratio"] = ratio
    return values


def wiring_of(doc: Mapping[str, Any], expected: Mapping[str, Expect] | None = None,
              network: Network = Network.THREE_PHASE) -> WiringReport:
    """The wiring verdict of a report document's live reading."""
    return judge(wiring_values(doc), model=Model.parse(str(doc["meter"]["model"])),
                 transport=str(doc.get("transport", "modbus")), expected=expected,
                 network=network)


def report_checks(doc: Mapping[str, Any], wiring: WiringReport) -> list[Check]:
    """The checksum check, then every wiring finding."""
    return [checksum_check(doc["meter"])] + [Check(f.name, f.verdict, f.message)
                                             for f in wiring.findings]


def overall_verdict(checks: Iterable[Check]) -> Verdict:
    """The worst verdict among the checks (PASS only when all passed)."""
    return worst(c.verdict for c in checks)


async def collect_report(session: MeterSession, options: ConnectionOptions | str, *,
                         expected: Mapping[str, Expect] | None = None,
                         network: Network = Network.THREE_PHASE) -> dict[str, Any]:
    """Read one meter for the report: the backup document plus live values, the checks and
    the wiring verdict (`doc["wiring"]`, a WiringReport)."""
    snapshot = await read_snapshot(session)
    connection = options if isinstance(options, str) else options.describe()
    doc = snapshot_document(snapshot, connection, session.transport_name)
    doc["measurements"] = {
        r.register.key: {"value": _plain(r.value), "unit": r.register.unit,
                         "obis": r.register.obis, "label": r.register.label}
        for r in snapshot.readings if r.register.group == "measurement"}
    wiring = wiring_of(doc, expected, network)
    checks = report_checks(doc, wiring)
    doc["wiring"] = wiring
    doc["checks"] = [c.as_dict() for c in checks]
    doc["verdict"] = overall_verdict(checks)
    return doc


__all__ = ["CHECKSUM_CHECK", "Check", "checksum_check", "collect_report", "overall_verdict",
           "report_checks", "wiring_of", "wiring_values"]
