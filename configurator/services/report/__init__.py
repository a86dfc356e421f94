"""Commissioning report: one PDF page per meter, written with Qt's own PDF writer.

Split in three: `checks` reads a meter into the report document and judges it (the software
checksum and the wiring verdict of services/wiring, one implementation); `document` turns a
document into the page's HTML; `pdf` renders pages into a PDF (Qt imported only there), with
the phasor picture of `phasors`. The names below are the public API the CLI, GUI and tests use.
"""

from __future__ import annotations

from ..documents import Check, ReportDocument
from .checks import checksum_check, collect_report, overall_verdict, report_checks
from .document import Translator, english, meter_page_html, wiring_section
from .pdf import render_report_pdf, write_report_pdf

__all__ = ["Check", "ReportDocument", "Translator", "checksum_check", "collect_report", "english",
           "meter_page_html", "overall_verdict", "render_report_pdf", "report_checks",
           "wiring_section", "write_report_pdf"]
