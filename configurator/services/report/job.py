"""The report of a whole commissioning job: a summary page (site, installer, every meter with
its address, checksum, verdict and what was changed from what to what), then each meter's page
with its own changes. Pure HTML here; pdf.py renders it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ...i18n import QT_TRANSLATE_NOOP
from ...model.verdicts import parse_verdict
from ..backup import utc_now
from .document import ACCENT, VERDICT_STYLE, Translator, _e, _h2, _table, translator_of

if TYPE_CHECKING:
    from ..commission import Job, JobMeter
    from ..documents import ReportDocument


def _changes_rows(meter: JobMeter, t: Callable[[Any], str]) -> list[list[str]]:
    from ...model.settings import SETTINGS

    rows = []
    for c in meter.changes:
        unit = getattr(SETTINGS[c.key].domain, "unit", "")
        rows.append([f"{_e(t(SETTINGS[c.key].label))} "
                     f"<span style='color:#6b7785'>({_e(c.key)})</span>",
                     _e("–" if c.before is None else f"{c.before} {unit}".strip()),
                     _e("–" if c.after is None else f"{c.after} {unit}".strip())])
    return rows


def _when(text: str) -> str:
    """An ISO time of the state file as the report shows times."""
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).strftime(
            "%Y-%m-%d %H:%M") + " UTC"
    except ValueError:
        return text


def changes_html(meter: JobMeter, t: Callable[[Any], str]) -> str:
    """The 'changed during commissioning' section of one meter's page."""
    title = _h2(t(QT_TRANSLATE_NOOP("Report", "Changed during commissioning")))
    if not meter.changes:
        return title + _e(t(QT_TRANSLATE_NOOP("Report", "Nothing was changed on this meter.")))
    header = [_e(t(QT_TRANSLATE_NOOP("Report", "Setting"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Before"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "After")))]
    return title + _table(_changes_rows(meter, t), header=header, widths=[50, 25, 25])


def cover_html(job: Job, when: datetime, t: Callable[[Any], str]) -> str:
    """The job's summary page."""
    head = _e(t(QT_TRANSLATE_NOOP("Report", "Commissioning job")))
    site = _e(t(QT_TRANSLATE_NOOP("Report", "Site")))
    installer = _e(t(QT_TRANSLATE_NOOP("Report", "Installer")))
    meters = _e(t(QT_TRANSLATE_NOOP("Report", "Meters")))
    rows = [[site, _e(job.plan.site)], [installer, _e(job.plan.installer or "–")],
            [meters, str(len(job.meters))],
            [_e(t(QT_TRANSLATE_NOOP("Report", "Started"))), _e(_when(job.started))],
            [_e(t(QT_TRANSLATE_NOOP("Report", "Finished"))),
             _e(when.strftime("%Y-%m-%d %H:%M") + " UTC")]]
    header = [_e(t(QT_TRANSLATE_NOOP("Report", "Serial"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Label"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Model"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Address"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Checksum"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Changes"))),
              _e(t(QT_TRANSLATE_NOOP("Report", "Verdict")))]
    table = []
    for m in job.meters:
        verdict = parse_verdict(m.verdict) if m.verdict else None
        colour = VERDICT_STYLE[verdict][0] if verdict else "#333"
        word = _e(t(verdict.word)) if verdict else "–"
        table.append([f"{m.serial:08d}", _e(m.label or "–"), _e(m.model), str(m.address),
                      _e(m.checksum or "–"), str(len(m.changes)),
                      f'<span style="color: {colour}; font-weight: 700;">{word}</span>'])
    return "".join([
        f'<table width="100%" cellspacing="0" cellpadding="6" style="background-color: '
        f'{ACCENT};"><tr><td style="color: white;"><span style="font-size: 15pt; '
        f'font-weight: 700;">{head}</span><br/><span style="font-size: 10pt;">'
        f'{_e(job.plan.site)}</span></td></tr></table>',
        _table(rows, widths=[30, 70], align_right_from=9),
        _h2(t(QT_TRANSLATE_NOOP("Report", "Meters of this job"))),
        _table(table, header=header, align_right_from=3),
    ])


def job_report_pdf(job: Job, pages: list[ReportDocument],
                   translator: Translator | None = None) -> bytes:
    """The job's PDF: the summary page, then one page per meter with its changes."""
    from .pdf import render_report_pdf

    t = translator_of(translator)
    when = utc_now()
    by_serial = {m.serial: m for m in job.meters}
    sheets = []
    for page in pages:
        meter = by_serial.get(page.meter.serial)
        extra = changes_html(meter, t) if meter is not None else ""
        sheets.append(replace(page, extra_html=extra))
    return render_report_pdf(sheets, when, translator, cover=cover_html(job, when, t))


__all__ = ["changes_html", "cover_html", "job_report_pdf"]
