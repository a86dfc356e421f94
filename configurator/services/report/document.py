"""The commissioning report's page as HTML (one page per meter), in English or in the language
of a translator. Pure text: no Qt here (pdf.py renders it). The wiring section refers to the
phasor picture by the resource name `PHASOR_IMAGE`; the PDF renderer provides it.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable
from datetime import datetime
from typing import Any

from ...i18n import QT_TRANSLATE_NOOP, translated
from ...model.verdicts import Verdict
from ..documents import BackupDocument, ReportDocument
from ..wiring import DERIVED_WORD, Check, Diagnosis, WiringReport, figure_label

PHASES = ("l1", "l2", "l3")
PHASOR_IMAGE = "wiring-phasors"  # the image resource of a page's phasor diagram
Translator = Callable[[str, str], str]  # (context, English text) -> text in the report language


def english(_context: str, text: str) -> str:
    """The report's default language: the English source text."""
    return text


def translator_of(translator: Translator | None) -> Callable[[Any], str]:
    """t(text): a Template or Message in the report language; other values as str."""
    chosen = translator or english
    return lambda text: str(translated(text, chosen))


ACCENT = "#1c3f6e"
VERDICT_STYLE: dict[Verdict, tuple[str, str]] = {
    Verdict.PASS: ("#1e7b34", "#e6f4ea"),
    Verdict.WARN: ("#8a5a00", "#fff4d6"),
    Verdict.CANNOT_JUDGE: ("#4a4f57", "#eceff3"),
    Verdict.FAIL: ("#b00020", "#fde7ea"),
}

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


def _setting_rows(doc: BackupDocument, t: Callable[[Any], str]) -> list[list[str]]:
    from ...model.settings import SETTINGS

    rows = []
    for key, value in doc.settings.items():
        item = SETTINGS[key]
        unit = getattr(item.domain, "unit", "")
        shown = item.domain.format(item.domain.check(key, value))
        rows.append([f"{_e(t(item.label))} <span style='color:#6b7785'>({_e(key)})</span>",
                     f"{_e(shown)} {_e(unit)}".strip()])
    model = doc.meter.model
    for key in doc.not_saved:  # why, from the table: the file's prose reason is for people
        on_model = model in SETTINGS[key].models
        why = t(QT_TRANSLATE_NOOP("Report", "not over this link") if on_model
                else QT_TRANSLATE_NOOP("Report", "not on this model"))
        label = t(SETTINGS[key].label)
        rows.append([f"<span style='color:#6b7785'>{_e(label)} ({_e(key)})</span>",
                     f"<span style='color:#6b7785'>– {_e(why)}</span>"])
    return rows


def _energy_table(doc: BackupDocument, t: Callable[[Any], str]) -> str:
    energy = doc.energy or {}
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


def _live_table(doc: ReportDocument, t: Callable[[Any], str]) -> str:
    live = doc.measurements
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


def _identity_rows(doc: BackupDocument, t: Callable[[Any], str]) -> list[list[str]]:
    meter = doc.meter

    def version(key: str) -> str:
        value = meter.value(key)
        return f"V{value:.2f}" if isinstance(value, (int, float)) else "–"

    rows = [[t(QT_TRANSLATE_NOOP("Report", "Model")),
             f"WAGO {_e(meter.value('article', ''))} {_e(meter.model_code)}"],
            [t(QT_TRANSLATE_NOOP("Report", "Serial number")), f"<b>{meter.serial:08d}</b>"],
            [t(QT_TRANSLATE_NOOP("Report", "Software version")), version("software_version")],
            [t(QT_TRANSLATE_NOOP("Report", "Hardware version")), version("hardware_version")],
            [t(QT_TRANSLATE_NOOP("Report", "Checksum")), f"{_e(meter.value('checksum', '–'))} "
                         f"({_e(t(meter.checksum_verdict.verdict.word))})"],
            [t(QT_TRANSLATE_NOOP("Report", "Meter amps")),
             f"{_e(meter.value('meter_amps', '–'))} A"]]
    if doc.ct is not None:
        ct = doc.ct
        rows.append([t(QT_TRANSLATE_NOOP("Report", "CT ratio")), _e(t(QT_TRANSLATE_NOOP(
            "Report", "{ratio} A ({used} of 7 changes used)").format(
            ratio=ct.get("ratio"), used=ct.get("changes_used", 0))))])
    counters = doc.counters or {}
    if "power_down_counter" in counters:
        rows.append([t(QT_TRANSLATE_NOOP("Report", "Power-down counter")),
                     _e(counters["power_down_counter"])])
    rows.append([t(QT_TRANSLATE_NOOP("Report", "Connection")), _e(t(doc.connection))])
    return rows


def _mark(verdict: Verdict, t: Callable[[Any], str]) -> str:
    colour, _background = VERDICT_STYLE[verdict]
    weight = "700" if verdict is Verdict.FAIL else "600"
    return f"<span style='color:{colour}; font-weight:{weight}'>{_e(t(verdict.word))}</span>"


def _checks_rows(doc: ReportDocument, t: Callable[[Any], str]) -> list[list[str]]:
    rows = []
    for check in doc.checks:
        verdict = check.verdict
        colour = VERDICT_STYLE[verdict][0] if verdict is Verdict.FAIL else "#222"
        rows.append([_e(t(check.name)), _mark(verdict, t),
                     f"<span style='color:{colour}'>{_e(t(check.message))}</span>"])
    return rows


def _figures_text(finding: Any, t: Callable[[Any], str]) -> str:
    parts = []
    for fig in finding.figures:
        if fig.key in ("expected", "threshold") or fig.value is None:
            continue
        derived = f" ({t(DERIVED_WORD)})" if fig.derived else ""
        parts.append(f"{t(figure_label(fig.key))} {fig.text()}{derived}")
    return " · ".join(parts)


def _expected_text(wiring: WiringReport, t: Callable[[Any], str]) -> str:
    phases = wiring.network.phases
    flows = {wiring.expected[p] for p in phases}
    words = {"import": QT_TRANSLATE_NOOP("Report", "import"),
             "export": QT_TRANSLATE_NOOP("Report", "export"),
             "either": QT_TRANSLATE_NOOP("Report", "either direction")}
    if len(flows) == 1:
        return t(QT_TRANSLATE_NOOP("Report", "{flow} on {phases}").format(
            flow=words[flows.pop().value], phases=", ".join(p.upper() for p in phases)))
    return ", ".join(f"{p.upper()} {t(words[wiring.expected[p].value])}" for p in phases)


def wiring_section(wiring: WiringReport, t: Callable[[Any], str], *, image: bool = True
                   ) -> str:
    """The wiring verdict of one meter: phasor picture, figures and what to do per finding."""
    rows = []
    for finding in wiring.findings:
        figures = _figures_text(finding, t) if finding.check in (Check.CURRENT, Check.NEUTRAL,
                                                                  Check.VOLTAGE_UNBALANCE,
                                                                  Check.LOAD_UNBALANCE) else ""
        advice = t(finding.advice) if finding.advice else ""
        if not figures and not advice:
            continue
        rows.append([_e(t(finding.name)), _mark(finding.verdict, t),
                     f"<span style='font-size: 6.5pt;'>{_e(figures)}</span>",
                     f"<span style='font-size: 6.5pt;'>{_e(advice)}</span>"])
    notes = " ".join(t(n) for n in wiring.notes)
    title = t(QT_TRANSLATE_NOOP("Report", "Wiring check (expected: {expected})").format(
        expected=_expected_text(wiring, t)))
    table = _table(rows, header=[_e(t(QT_TRANSLATE_NOOP("Report", "Check"))),
                                 _e(t(QT_TRANSLATE_NOOP("Report", "Verdict"))),
                                 _e(t(QT_TRANSLATE_NOOP("Report", "Figures"))),
                                 _e(t(QT_TRANSLATE_NOOP("Report", "What to do")))],
                   widths=[17, 11, 40, 32], align_right_from=9)
    summary = (f"<p style='margin-top: 2px; margin-bottom: 2px;'><b>{_e(t(wiring.explanation))}"
               f"</b></p>")
    picture = (f'<img src="{PHASOR_IMAGE}" width="170" height="170"/>' if image else "")
    caption = f"<p style='color:#6b7785; font-size: 6.5pt; margin-top: 2px;'>{_e(notes)}</p>"
    return (_h2(title) + '<table width="100%" cellspacing="0" cellpadding="0"><tr>'
            f'<td width="25%" valign="top">{picture}</td><td width="2%"></td>'
            f'<td width="73%" valign="top">{summary}{table}{caption}</td></tr></table>')


def _headline(doc: ReportDocument, verdict: Verdict, t: Callable[[Any], str]) -> str:
    wiring = doc.wiring
    reversed_phases = [f.phase.upper() for f in (wiring.findings if wiring else ())
                       if f.check is Check.CURRENT and f.diagnosis is Diagnosis.REVERSED
                       and f.phase is not None]
    failures = doc.failed()
    if reversed_phases:
        return t(QT_TRANSLATE_NOOP(
            "Report", "PHASE {phases} REVERSED: current flows opposite to the expected direction. "
            "Check the CT orientation and wiring before putting this meter into service.").format(
            phases=", ".join(reversed_phases)))
    wiring_failed = wiring is not None and any(
        f.check is Check.CURRENT and f.verdict is Verdict.FAIL for f in wiring.findings)
    if wiring_failed and wiring is not None:
        return t(QT_TRANSLATE_NOOP(
            "Report", "WIRING FAULT: {explanation} Correct it before putting this meter into "
            "service.").format(explanation=wiring.explanation))
    if failures:
        return t(QT_TRANSLATE_NOOP("Report", "FAILED: {checks}. See the checks below.").format(
            checks=", ".join(t(c.name) for c in failures)))
    if verdict is Verdict.CANNOT_JUDGE:
        return t(QT_TRANSLATE_NOOP(
            "Report", "Not everything could be judged (see the items marked CANNOT JUDGE): "
            "this is not a pass."))
    if verdict is Verdict.WARN:
        return t(QT_TRANSLATE_NOOP(
            "Report", "No check failed; see the items marked CHECK."))
    return t(QT_TRANSLATE_NOOP(
        "Report", "All checks passed: checksum, voltages, current directions and phases are as "
        "expected."))


def meter_page_html(doc: ReportDocument, when: datetime,
                    translator: Translator | None = None, *, image: bool = False) -> str:
    """The HTML of one meter's page (English, or in the language of `translator`); with
    `image`, the wiring section shows the phasor picture `PHASOR_IMAGE`."""
    t = translator_of(translator)
    meter = doc.meter
    verdict = doc.verdict
    colour, background = VERDICT_STYLE[verdict]
    word = t(verdict.word)
    headline = _headline(doc, verdict, t)
    serial_word = _e(t(QT_TRANSLATE_NOOP("Report", "serial")))
    heading = _e(t(QT_TRANSLATE_NOOP("Report", "Commissioning report")))
    kind = _e(t(QT_TRANSLATE_NOOP("Report", "WAGO 879-30xx MID energy meter")))
    title = f"WAGO {_e(meter.value('article', ''))} {_e(meter.model_code)} &nbsp;·&nbsp; " \
            f"{serial_word} {meter.serial:08d}"
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
        _table(_identity_rows(doc.backup, t), widths=[40, 60], align_right_from=9),
        '</td><td width="3%"></td><td width="52%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Checks"))),
        _table(_checks_rows(doc, t), widths=[32, 10, 58], align_right_from=9),
        "</td></tr></table>",
        _h2(t(QT_TRANSLATE_NOOP("Report", "Energy registers per tariff (OBIS codes below the "
                                "values)"))), _energy_table(doc.backup, t),
        '<table width="100%" cellspacing="0" cellpadding="0"><tr><td width="48%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Settings"))), _table(_setting_rows(doc.backup, t),
                                                                widths=[62, 38]),
        '</td><td width="4%"></td><td width="48%" valign="top">',
        _h2(t(QT_TRANSLATE_NOOP("Report", "Live values"))), _live_table(doc, t),
    ]
    history = doc.backup.ct_history
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
    parts.append("</td></tr></table>")
    if doc.wiring is not None:
        parts.append(wiring_section(doc.wiring, t, image=image))
    parts.append(doc.extra_html)  # e.g. a commissioning job's changes
    parts += [
        '<table width="100%" cellspacing="0" cellpadding="4" style="margin-top: 14px;"><tr>'
        f'<td width="33%" style="border-top: 1px solid #333; font-size: 8pt;">{by_whom}'
        '</td><td width="4%"></td><td width="26%" style="border-top: 1px solid #333; '
        f'font-size: 8pt;">{date}</td><td width="4%"></td><td width="33%" '
        f'style="border-top: 1px solid #333; font-size: 8pt;">{signature}</td></tr></table>',
    ]
    return "".join(parts)




__all__ = ["ACCENT", "PHASOR_IMAGE", "VERDICT_STYLE", "Translator", "english", "meter_page_html",
           "translator_of", "wiring_section"]
