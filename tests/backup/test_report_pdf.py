"""The commissioning report: a real PDF from the real CLI, its text extracted with pdftotext."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from configurator.errors import ExitCode
from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) not installed")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                          check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines()
                    if line.startswith("Pages:")))


def test_report_of_one_meter_flags_a_reversed_phase(simulator, tmp_path):
    sim = simulator("--model", "2PUCT", "--serial", "40000007", "--reversed-phase", "l2")
    out = tmp_path / "report.pdf"
    result = run_cli("report", "-o", str(out), "--port", sim.port)
    assert result.code == 0, result.err
    assert "FAIL" in result.out and "L2" in result.out
    assert out.read_bytes().startswith(b"%PDF")
    assert pdf_pages(out) == 1
    text = pdf_text(out)
    assert "40000007" in text
    assert "Commissioning report" in text
    assert "PHASE L2 REVERSED" in text
    assert "59811839" in text  # the checksum, with its verdict against table 4.3
    assert "1.8.1" in text and "2.8.1" in text  # OBIS codes of the tariff registers
    assert "5/5" in text  # the CT ratio
    assert "9600" in text  # a setting value
    refused = run_cli("report", "-o", str(out), "--port", sim.port)
    assert refused.code == ExitCode.FILE and "--force" in refused.err


def test_report_of_every_meter_on_the_bus_has_one_page_each(simulator, tmp_path):
    sim = simulator("--count", "3", "--serial", "41000001")
    out = tmp_path / "all.pdf"
    result = run_cli("report", "--all", "--last", "5", "-o", str(out), "--port", sim.port,
                     "--json")
    assert result.code == 0, result.err
    assert [m["verdict"] for m in result.json()["meters"]] == ["ok", "ok", "ok"]
    assert pdf_pages(out) == 3
    text = pdf_text(out)
    for serial in ("41000001", "41000002", "41000003"):
        assert serial in text
    assert "PASS" in text and "REVERSED" not in text
    assert "Page 3 of 3" in text
