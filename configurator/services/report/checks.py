"""What the commissioning report judges: the software checksum and the wiring verdict.

`collect_report` reads a meter through the `MeterSession` API into the report document (the
backup document plus live values, the checks and the wiring verdict). The wiring verdict is
`services.wiring.judge` on the same snapshot: one implementation for `check`, the GUI page and
the report. Every verdict is a `Verdict`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP
from ...model.verdicts import Verdict, worst
from ...model.wiring_rules import Expect, Network
from ..api import MeterSession
from ..backup import _plain, read_snapshot, snapshot_document
from ..connection import ConnectionOptions
from ..documents import Check, MeterRecord, ReportDocument
from ..wiring import WiringReport, judge

CHECKSUM_CHECK = QT_TRANSLATE_NOOP("Report", "Software checksum (table 4.3)")


def checksum_check(meter: MeterRecord) -> Check:
    """The checksum verdict of the document's meter section, in the common words."""
    return Check(CHECKSUM_CHECK, meter.checksum_verdict.verdict, meter.checksum_message)


def wiring_values(doc: ReportDocument) -> dict[str, Any]:
    """Register values by key from a report document: measurements, status, CT ratio."""
    values: dict[str, Any] = {key: entry.get("value")
                              for key, entry in doc.measurements.items()}
    values.update(doc.backup.status or {})
    ratio = doc.meter.ct_ratio
    if ratio is not None:
        values["ct.ratio"] = ratio
    return values


def wiring_of(doc: ReportDocument, expected: Mapping[str, Expect] | None = None,
              network: Network = Network.THREE_PHASE) -> WiringReport:
    """The wiring verdict of a report document's live reading."""
    return judge(wiring_values(doc), model=doc.meter.model, transport=doc.backup.transport or "",
                 expected=expected, network=network)


def report_checks(doc: ReportDocument, wiring: WiringReport) -> list[Check]:
    """The checksum check, then every wiring finding."""
    return [checksum_check(doc.meter)] + [Check(f.name, f.verdict, f.message)
                                          for f in wiring.findings]


def overall_verdict(checks: Iterable[Check]) -> Verdict:
    """The worst verdict among the checks (PASS only when all passed)."""
    return worst(c.verdict for c in checks)


async def collect_report(session: MeterSession, options: ConnectionOptions | str, *,
                         expected: Mapping[str, Expect] | None = None,
                         network: Network = Network.THREE_PHASE) -> ReportDocument:
    """Read one meter for the report: the backup document plus live values, the checks and
    the wiring verdict."""
    snapshot = await read_snapshot(session)
    connection = options if isinstance(options, str) else options.describe()
    doc = ReportDocument(snapshot_document(snapshot, connection, session.transport_name), {
        r.register.key: {"value": _plain(r.value), "unit": r.register.unit,
                         "obis": r.register.obis, "label": r.register.label}
        for r in snapshot.readings if r.register.group == "measurement"})
    doc.wiring = wiring_of(doc, expected, network)
    doc.checks = report_checks(doc, doc.wiring)
    doc.verdict = overall_verdict(doc.checks)
    return doc

__all__ = ["CHECKSUM_CHECK", "checksum_check", "collect_report", "overall_verdict",
           "report_checks", "wiring_of", "wiring_values"]
