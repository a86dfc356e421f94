"""The commissioning report carries the wiring verdict (one implementation with `check`):
a real PDF from the real CLI against a simulator with an injected fault, read with pdftotext."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.backup.test_report_pdf import pdf_pages
from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) not installed")


def words(path) -> str:
    """The PDF's text in reading order (each table cell whole), whitespace collapsed."""
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return " ".join(text.split())


def test_the_report_names_swapped_phases_with_figures_and_what_to_do(simulator, tmp_path):
    sim = simulator("--model", "2PUCT", "--serial", "40000011", "--wiring", "swapped-l2-l3")
    out = tmp_path / "swapped.pdf"
    result = run_cli("report", "-o", str(out), "--port", sim.port)
    assert result.code == 0, result.err
    assert "FAIL: L2 current" in result.out and "FAIL: L3 current" in result.out
    assert pdf_pages(out) == 1
    text = words(out)
    assert "Wiring check (expected: import on L1, L2, L3)" in text
    assert "WIRING FAULT: Best explanation: the currents of L2 and L3 are swapped." in text
    assert "CT2 must sit on the conductor whose voltage goes to U2" in text  # what to do
    assert "lag +" in text and "(derived)" in text  # the figures, marked as derived
    assert "derived from the power factor and the sign of Q, not measured" in text


def test_a_meter_without_load_is_not_reported_as_a_pass(simulator, tmp_path):
    sim = simulator("--model", "4PU", "--wiring", "no-load")
    out = tmp_path / "idle.pdf"
    result = run_cli("report", "-o", str(out), "--port", sim.port, "--json")
    assert result.code == 0, result.err
    meter = result.json()["meters"][0]
    assert meter["verdict"] == "cannot-judge"
    text = words(out)
    assert "CANNOT JUDGE" in text and "Not enough current to judge" in text
    assert "Switch on a load drawing at least 0.25 A" in text
