"""Commissioning report: one PDF page per meter, written with Qt's own PDF writer.

`collect_report` reads a meter through the `MeterSession` API into a plain dict (the backup
document plus live values and the phase checks); `write_report_pdf` renders any number of
them, one page each. Qt (QtGui only, no widgets) is imported inside the rendering function so
the CLI stays fast for every other command. No printing here.
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..i18n import QT_TRANSLATE_NOOP, translated
from .api import MeterSession
from .backup import _plain, read_snapshot, snapshot_document, utc_now, write_text_atomic
from .connection import ConnectionOptions

PHASES = ("l1", "l2", "l3")
VOLTAGE_RANGE_V = (207.0, 253.0)  # 230 V +-10 %: outside it a phase is flagged
QUADRANT_MEANING = {1: QT_TRANSLATE_NOOP("Report", "import, inductive"),
                    2: QT_TRANSLATE_NOOP("Report", "export, capacitive"),
                    3: QT_TRANSLATE_NOOP("Report", "export, inductive"),
                    4: QT_TRANSLATE_NOOP("Report", "import, capacitive")}
Translator = Callable[[str, str], str]  # (context, English text) -> text in the report language


def english(_context: str, text: str) -> str:
    """The report's default language: the English source text."""
    return text


def _translator(translator: Translator | None) -> Callable[[Any], str]:
    """t(text): a Template or Message in the report language; other values as str."""
    chosen = translator or english
    return lambda text: str(translated(text, chosen))

OK, WARN, FAIL = "ok", "warning", "FAIL"


@dataclass(frozen=True)
class Check:
    """One commissioning check."""

    name: str
    verdict: str  # ok, warning, FAIL
    message: str

    def as_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"name": self.name, "verdict": self.verdict, "message": self.message}


def phase_checks(doc: dict[str, Any]) -> list[Check]:
    """Checksum, voltage, current direction and quadrant checks for one meter's data."""
    checks: list[Check] = []
    meter, status = doc["meter"], doc.get("status", {})
    live = doc.get("measurements", {})
    verdict = meter.get("checksum_verdict")
    checks.append(Check(QT_TRANSLATE_NOOP("Report", "Software checksum (table 4.3)"),
                        {"ok": OK, "mismatch": FAIL}.get(str(verdict), WARN),
                        _text(meter.get("checksum_message", ""))))
    low, high = VOLTAGE_RANGE_V
    for phase in PHASES:
        name = phase.upper()
        voltage = live.get(f"voltage.{phase}", {}).get("value")
        if voltage is None:
            checks.append(Check(QT_TRANSLATE_NOOP("Report", "{phase} voltage").format(phase=name),
                                WARN, QT_TRANSLATE_NOOP("Report", "not read")))
        elif low <= voltage <= high:
            checks.append(Check(QT_TRANSLATE_NOOP("Report", "{phase} voltage").format(phase=name),
                                OK, f"{voltage:.1f} V"))
        else:
            outside = (QT_TRANSLATE_NOOP(
                "Report", "{voltage:.1f} V is outside {low:.0f}-{high:.0f} V: phase missing?")
                if voltage < 50 else QT_TRANSLATE_NOOP(
                "Report", "{voltage:.1f} V is outside {low:.0f}-{high:.0f} V"))
            checks.append(Check(QT_TRANSLATE_NOOP("Report", "{phase} voltage").format(phase=name),
                                FAIL if voltage < 50 else WARN,
                                outside.format(voltage=voltage, low=low, high=high)))
    for phase in PHASES:
        name = phase.upper()
        direction = status.get(f"direction.{phase}")
        power = live.get(f"power.active.{phase}", {}).get("value")
        quadrant = status.get(f"quadrant.{phase}")
        meaning = (QUADRANT_MEANING.get(quadrant, QT_TRANSLATE_NOOP("Report", "unknown"))
                   if isinstance(quadrant, int) else "?")
        power_text = f", {power:+.3f} kW" if isinstance(power, (int, float)) else ""
        exporting = direction == "R" or (isinstance(power, (int, float)) and power < -0.001)
        check_name = QT_TRANSLATE_NOOP("Report", "{phase} current direction").format(phase=name)
        if exporting:
            checks.append(Check(check_name, FAIL, QT_TRANSLATE_NOOP(
                "Report", "REVERSED: {phase} exports (direction {direction}, quadrant "
                "{quadrant}, {meaning}{power}); check the CT orientation and the wiring of this "
                "phase unless a generator feeds it").format(
                phase=name, direction=direction, quadrant=quadrant, meaning=meaning,
                power=power_text)))
        elif direction == "F":
            checks.append(Check(check_name, OK, QT_TRANSLATE_NOOP(
                "Report", "import (quadrant {quadrant}, {meaning}{power})").format(
                quadrant=quadrant, meaning=meaning, power=power_text)))
        else:
            checks.append(Check(check_name, WARN, QT_TRANSLATE_NOOP(
                "Report", "unreadable direction {direction!r}").format(direction=direction)))
    return checks


def _text(value: Any) -> str:
    """A text from a document: kept as it is (a Message stays translatable), else str()."""
    return value if isinstance(value, str) else str(value)


def overall_verdict(checks: Iterable[Check]) -> str:
    """FAIL if any check failed, else warning if any warned, else ok."""
    verdicts = {c.verdict for c in checks}
    return FAIL if FAIL in verdicts else WARN if WARN in verdicts else OK


async def collect_report(session: MeterSession, options: ConnectionOptions | str
                         ) -> dict[str, Any]:
    """Read one meter for the report: the backup document plus live values and checks."""
    snapshot = await read_snapshot(session)
    connection = options if isinstance(options, str) else options.describe()
    doc = snapshot_document(snapshot, connection, session.transport_name)
    doc["measurements"] = {
        r.register.key: {"value": _plain(r.value), "unit": r.register.unit,
                         "obis": r.register.obis, "label": r.register.label}
        for r in snapshot.readings if r.register.group == "measurement"}
    checks = phase_checks(doc)
    doc["checks"] = [c.as_dict() for c in checks]
    doc["verdict"] = overall_verdict(checks)
    return doc


# --- HTML -----------------------------------------------------------------------------------

ACCENT = "#1c3f6e"
VERDICT_STYLE: dict[str, tuple[str, str, str]] = {
    OK: ("#1e7b34", "#e6f4ea", QT_TRANSLATE_NOOP("Report", "PASS")),
    WARN: ("#8a5a00", "#fff4d6", QT_TRANSLATE_NOOP("Report", "CHECK")),
    FAIL: ("#b00020", "#fde7ea", QT_TRANSLATE_NOOP("Report", "FAIL"))}

ENERGY_ROWS = (
    (QT_TRANSLATE_NOOP("Report", "Active energy import"), "energy.active.import", "kWh"),
    (QT_TRANSLATE_NOOP("Report", "Active energy export"), "energy.active.export", "kWh"),
    (QT_TRANSLATE_NOOP("Report", "Active energy total"), "energy.active", "kWh"),
    (QT_TRANSLATE_NOOP("Report", "Reactive energy import"), "energy.reactive.import", "kvarh"),
    (QT_TRANSLATE_NOOP("Report", "Reactive energy export"), "energy.reactive.export", "kvarh"),
    (QT_TRANSLATE_NOOP("Report", "Reactive energy Q1"), "energy.reactive.q1", "kvarh"),
    (QT_TRANSLATE_NOOP("Report", "Reactive energy Q2"), "energy.reactive.q2", "kvarh"),
    (QT_TRANSLATE_NOOP("Report", "Reactive energy Q3"), "energy.reactive.q3", "kvarh"),
    (QT_TRANSLATE_NOOP("Report", "Reactive energy Q4"), "energy.reactive.q4", "kvarh"),
)
LIVE_ROWS = ((QT_TRANSLATE_NOOP("Report", "Voltage"), "voltage", "V", 1),
             (QT_TRANSLATE_NOOP("Report", "Current"), "current", "A", 3),
             (QT_TRANSLATE_NOOP("Report", "Active power"), "power.active", "kW", 3),
             (QT_TRANSLATE_NOOP("Report", "Reactive power"), "power.reactive", "kvar", 3),
             (QT_TRANSLATE_NOOP("Report", "Apparent power"), "power.apparent", "kVA", 3),
             (QT_TRANSLATE_NOOP("Report", "Power factor"), "power_factor", "", 3))


def _e(text: Any) -> str:
    return html.escape(str(text))


def _num(value: Any, decimals: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if not math.isfinite(value):
            return "–"
        return f"{value:,.{decimals}f}".replace(",", " ")
    return _e(value)


def _table(rows: list[list[str]], *, header: list[str] | None = None,
           widths: list[int] | None = None, align_right_from: int = 1) -> str:
    out = ['<table width="100%" cellspacing="0" cellpadding="2" '
           'style="border-collapse: collapse;">']
    if header:
        out.append("<tr>")
        for i, cell in enumerate(header):
            align = "right" if i >= align_right_from else "left"
            width = f' width="{widths[i]}%"' if widths else ""
            out.append(f'<th{width} align="{align}" style="background-color: {ACCENT}; '
                       f'color: white; font-weight: 600; padding: 2px 4px;">{cell}</th>')
        out.append("</tr>")
    for n, row in enumerate(rows):
        shade = "#f2f5f9" if n % 2 else "#ffffff"
        out.append(f'<tr style="background-color: {shade};">')
        for i, cell in enumerate(row):
            align = "right" if i >= align_right_from else "left"
            width = f' width="{widths[i]}%"' if widths and not header else ""
            out.append(f'<td{width} align="{align}" style="padding: 1px 4px; '
                       f'border-bottom: 1px solid #d8dee6;">{cell}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def _h2(title: str) -> str:
    return (f'<p style="margin-top: 8px; margin-bottom: 3px; font-size: 10pt; font-weight: 700; '
            f'color: {ACCENT};">{_e(title)}</p>')


def _setting_rows(doc: dict[str, Any], t: Callable[[Any], str]) -> list[list[str]]:
    from ..model.settings import SETTINGS

    rows = []
    for key, value in doc["settings"].items():
        item = SETTINGS[key]
        unit = getattr(item.domain, "unit", "")
        shown = item.domain.format(item.domain.check(key, value))
        rows.append([f"{_e(t(item.label))} <span style='color:#6b7785'>({_e(key)})</span>",
                     f"{_e(shown)} {_e(unit)}".strip()])
    for key, reason in doc.get("settings_not_saved", {}).items():
        why = t(QT_TRANSLATE_NOOP("Report", "not on this model") if "exists only on" in reason
                else QT_TRANSLATE_NOOP("Report", "not over this link"))
        label = t(SETTINGS[key].label)
        rows.append([f"<span style='color:#6b7785'>{_e(label)} ({_e(key)})</span>",
                     f"<span style='color:#6b7785'>– {_e(why)}</span>"])
    return rows


def _energy_table(doc: dict[str, Any], t: Callable[[Any], str]) -> str:
    energy = doc.get("energy", {})
    rows = []
    for label, stem, unit in ENERGY_ROWS:
        cells = [f"{_e(t(label))} <span style='color:#6b7785'>[{unit}]</span>"]
        present = False
        for suffix in ("total", "t1", "t2", "t3", "t4"):
            entry = energy.get(f"{stem}.{suffix}")
            if entry is None:
                cells.append("–")
                continue
            present = True
            obis = entry.get("obis")
            code = f"<br/><span style='color:#6b7785; font-size: 6pt;'>{_e(obis)}</span>" \
                if obis else ""
            cells.append(_num(entry.get("value")) + code)
        if present:
            rows.append(cells)
    return _table(rows, header=[_e(t(QT_TRANSLATE_NOOP("Report", "Register"))),
                                _e(t(QT_TRANSLATE_NOOP("Report", "Total"))),
                                "T1", "T2", "T3", "T4"],
                  widths=[30, 14, 14, 14, 14, 14])


def _live_table(doc: dict[str, Any], t: Callable[[Any], str]) -> str:
    live = doc.get("measurements", {})
    rows = []
    for label, stem, unit, decimals in LIVE_ROWS:
        cells = [f"{_e(t(label))} <span style='color:#6b7785'>[{unit}]</span>" if unit
                 else _e(t(label))]
        for phase in PHASES:
            cells.append(_num(live.get(f"{stem}.{phase}", {}).get("value"), decimals))
        cells.append(_num(live.get(stem, {}).get("value"), decimals))
        rows.append(cells)
    freq = live.get("frequency", {}).get("value")
    frequency = _e(t(QT_TRANSLATE_NOOP("Report", "Frequency")))
    rows.append([f"{frequency} <span style='color:#6b7785'>[Hz]</span>", "", "", "",
                 _num(freq, 2)])
    return _table(rows, header=[_e(t(QT_TRANSLATE_NOOP("Report", "Live value"))), "L1", "L2",
                                "L3", _e(t(QT_TRANSLATE_NOOP("Report", "Total / mean")))],
                  widths=[32, 17, 17, 17, 17])


def _identity_rows(doc: dict[str, Any], t: Callable[[Any], str]) -> list[list[str]]:
    meter = doc["meter"]

    def version(key: str) -> str:
        value = meter.get(key)
        return f"V{value:.2f}" if isinstance(value, (int, float)) else "–"

    rows = [[t(QT_TRANSLATE_NOOP("Report", "Model")),
             f"WAGO {_e(meter.get('article', ''))} {_e(meter['model'])}"],
            [t(QT_TRANSLATE_NOOP("Report", "Serial number")), f"<b>{int(meter['serial']):08d}</b>"],
            [t(QT_TRANSLATE_NOOP("Report", "Software version")), version("software_version")],
            [t(QT_TRANSLATE_NOOP("Report", "Hardware version")), version("hardware_version")],
            [t(QT_TRANSLATE_NOOP("Report", "Checksum")), f"{_e(meter.get('checksum', '–'))} "
                         f"({_e(meter.get('checksum_verdict', '?'))})"],
            [t(QT_TRANSLATE_NOOP("Report", "Meter amps")), f"{_e(meter.get('meter_amps', '–'))} A"]]
    if "ct" in doc:
        ct = doc["ct"]
        rows.append([t(QT_TRANSLATE_NOOP("Report", "CT ratio")), _e(t(QT_TRANSLATE_NOOP(
            "Report", "{ratio} A ({used} of 7 changes used)").format(
            ratio=ct.get("ratio"), used=ct.get("changes_used", 0))))])
    counters = doc.get("counters", {})
    if "power_down_counter" in counters:
        rows.append([t(QT_TRANSLATE_NOOP("Report", "Power-down counter")),
                     _e(counters["power_down_counter"])])
    rows.append([t(QT_TRANSLATE_NOOP("Report", "Connection")), _e(t(doc.get("connection", "")))])
    return rows


def _checks_rows(doc: dict[str, Any], t: Callable[[Any], str]) -> list[list[str]]:
    rows = []
    for check in doc.get("checks", []):
        colour, _bg, _word = VERDICT_STYLE.get(check["verdict"], VERDICT_STYLE[WARN])
        mark = t({"ok": QT_TRANSLATE_NOOP("Report", "OK"),
                  "warning": QT_TRANSLATE_NOOP("Report", "CHECK"),
                  "FAIL": QT_TRANSLATE_NOOP("Report", "FAIL")}.get(check["verdict"], "?"))
        weight = "700" if check["verdict"] == FAIL else "600"
        rows.append([_e(t(check["name"])),
                     f"<span style='color:{colour}; font-weight:{weight}'>{mark}</span>",
                     f"<span style='color:{colour if check['verdict'] == FAIL else '#222'}'>"
                     f"{_e(t(check['message']))}</span>"])
    return rows


def meter_page_html(doc: dict[str, Any], when: datetime,
                    translator: Translator | None = None) -> str:
    """The HTML of one meter's page (English, or in the language of `translator`)."""
    t = _translator(translator)
    meter = doc["meter"]
    verdict = doc.get("verdict", WARN)
    colour, background, word = VERDICT_STYLE.get(verdict, VERDICT_STYLE[WARN])
    word = t(word)
    failures = [c for c in doc.get("checks", []) if c["verdict"] == FAIL]
    reversed_phases = [c["name"].split()[0] for c in failures if "REVERSED" in c["message"]]
    if reversed_phases:
        headline = t(QT_TRANSLATE_NOOP(
            "Report", "PHASE {phases} REVERSED: current flows in the export direction. Check "
            "the CT orientation and wiring before putting this meter into service.").format(
            phases=", ".join(reversed_phases)))
    elif failures:
        headline = "; ".join(f"{t(c['name'])}: {t(c['message'])}" for c in failures)
    elif verdict == WARN:
        headline = t(QT_TRANSLATE_NOOP(
            "Report", "All essential checks passed; see the items marked CHECK."))
    else:
        headline = t(QT_TRANSLATE_NOOP(
            "Report", "All checks passed: checksum, voltages and current directions are as "
            "expected."))
    serial_word = _e(t(QT_TRANSLATE_NOOP("Report", "serial")))
    heading = _e(t(QT_TRANSLATE_NOOP("Report", "Commissioning report")))
    kind = _e(t(QT_TRANSLATE_NOOP("Report", "WAGO 879-30xx MID energy meter")))
    title = f"WAGO {_e(meter.get('article', ''))} {_e(meter['model'])} &nbsp;·&nbsp; " \
            f"{serial_word} {int(meter['serial']):08d}"
    parts = [
        f'<table width="100%" cellspacing="0" cellpadding="6" style="background-color: {ACCENT};">'
        f'<tr><td style="color: white;"><span style="font-size: 15pt; font-weight: 700;">'
        f'{heading}</span><br/>'
        f'<span style="font-size: 10pt;">{title}'
        f'</span></td><td align="right" style="color: white; font-size: 9pt;">'
        f'{when.strftime("%Y-%m-%d %H:%M")} UTC<br/>'
        f'{kind}</td></tr>'
        f'</table>',
        f'<table width="100%" cellspacing="0" cellpadding="6" style="margin-top: 6px; '
        f'background-color: {background}; border: 2px solid {colour};"><tr>'
        f'<td width="14%" align="center" style="color: {colour}; font-size: 16pt; '
        f'font-weight: 800;">{word}</td><td style="color: {colour}; font-size: 9.5pt; '
        f'font-weight: 600;">{_e(headline)}</td></tr></table>',
        '<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="45%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Identity"))),
        _table(_identity_rows(doc, t), widths=[40, 60], align_right_from=9),
        '</td><td width="3%"></td><td width="52%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Checks"))),
        _table(_checks_rows(doc, t), widths=[32, 10, 58], align_right_from=9),
        "</td></tr></table>",
        _h2(t(QT_TRANSLATE_NOOP("Report", "Energy registers per tariff (OBIS codes below the "
                                "values)"))), _energy_table(doc, t),
        '<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="48%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Settings"))), _table(_setting_rows(doc, t),
                                                                widths=[62, 38]),
        '</td><td width="4%"></td><td width="48%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Live values"))), _live_table(doc, t),
    ]
    history = doc.get("ct", {}).get("history", [])
    if history:
        rows = [[str(h["entry"]), _e(h["ratio"]), _num(h.get("import.t1")),
                 _num(h.get("import.t2")), _num(h.get("export.t1")), _num(h.get("export.t2"))]
                for h in history]
        parts += [_h2(t(QT_TRANSLATE_NOOP("Report", "CT history (manual 6.9)"))),
                  _table(rows, header=["#", _e(t(QT_TRANSLATE_NOOP("Report", "Ratio"))),
                                       "1.8.1", "1.8.2", "2.8.1", "2.8.2"])]
    by_whom = _e(t(QT_TRANSLATE_NOOP("Report", "Commissioned by (name)")))
    date = _e(t(QT_TRANSLATE_NOOP("Report", "Date")))
    signature = _e(t(QT_TRANSLATE_NOOP("Report", "Signature")))
    parts += [
        "</td></tr></table>",
        '<table width="100%" cellspacing="0" cellpadding="4" style="margin-top: 14px;"><tr>'
        f'<td width="33%" style="border-top: 1px solid #333; font-size: 8pt;">{by_whom}'
        '</td><td width="4%"></td><td width="26%" style="border-top: 1px solid #333; '
        f'font-size: 8pt;">{date}</td><td width="4%"></td><td width="33%" '
        f'style="border-top: 1px solid #333; font-size: 8pt;">{signature}</td></tr></table>',
    ]
    return "".join(parts)


# --- PDF ------------------------------------------------------------------------------------

def _qt_application() -> Any:
    """A QGuiApplication (offscreen when there is no display); reuses an existing one."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY") \
            and os.name == "posix" and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication(["configurator-report"])
    return app


def render_report_pdf(meters: list[dict[str, Any]], when: datetime | None = None,
                      translator: Translator | None = None) -> bytes:
    """The PDF bytes: one A4 page per meter (content scaled down if it would not fit).

    English unless `translator(context, text)` gives the texts in another language (the GUI
    passes Qt's, so a German window writes a German report)."""
    t = _translator(translator)
    if not meters:
        raise ValueError("a report needs at least one meter")
    _app = _qt_application()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF
    from PySide6.QtGui import (
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
    )

    when = when or utc_now()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(t(QT_TRANSLATE_NOOP("Report", "Commissioning report, WAGO 879-30xx")))
    writer.setCreator(f"wago-meter-configurator {__version__}")
    writer.setResolution(300)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(14, 12, 14, 12), QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    logical_width = 720.0  # layout width in document pixels; scaled onto the page
    scale = page.width() / logical_width
    footer_height = 28.0
    font = QFont("DejaVu Sans")
    font.setPointSizeF(7.5)
    painter = QPainter(writer)
    try:
        for index, meter in enumerate(meters):
            if index:
                writer.newPage()
            body = QTextDocument()
            body.setDefaultFont(font)
            body.setDocumentMargin(0)
            body.setHtml(meter_page_html(meter, when, translator))
            body.setTextWidth(logical_width)
            available = page.height() / scale - footer_height
            height = body.size().height()
            fit = min(1.0, available / height) if height > 0 else 1.0
            painter.save()
            painter.scale(scale * fit, scale * fit)
            body.drawContents(painter, QRectF(0, 0, logical_width / fit, available / fit))
            painter.restore()
            footer = QTextDocument()
            footer.setDefaultFont(font)
            footer.setDocumentMargin(0)
            footer.setTextWidth(logical_width)
            generated = t(QT_TRANSLATE_NOOP(
                "Report", "Generated by wago-meter-configurator {version} on {when} UTC from a "
                "live reading of the meter. Energy values are a snapshot; the meter's display "
                "is the legal reference (MID).").format(
                version=__version__, when=when.strftime("%Y-%m-%d %H:%M")))
            page_of = t(QT_TRANSLATE_NOOP("Report", "Page {page} of {pages}").format(
                page=index + 1, pages=len(meters)))
            footer.setHtml(
                '<table width="100%" style="color: #6b7785; font-size: 6.5pt;"><tr><td>'
                f'{_e(generated)}</td><td align="right">{_e(page_of)}</td></tr></table>')
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, page.height() / scale - footer.size().height())
            footer.drawContents(painter, QRectF(0, 0, logical_width, footer_height))
            painter.restore()
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def write_report_pdf(path: str | os.PathLike[str], meters: list[dict[str, Any]], *,
                     overwrite: bool = False, when: datetime | None = None,
                     translator: Translator | None = None) -> Path:
    """Render the report and write it atomically; never replaces a file unless `overwrite`."""
    return write_text_atomic(Path(path), render_report_pdf(meters, when, translator),
                             overwrite=overwrite)


__all__ = ["Check", "collect_report", "meter_page_html", "overall_verdict", "phase_checks",
           "render_report_pdf", "write_report_pdf"]
