"""Backup and report documents as dataclasses: the JSON Schema stays the contract.

Round trips: the files in tests/backup/data/ (written by the dict-based code for the snapshots
of document_samples.py) load, dump byte-identical, and today's code writes the same bytes for
the same snapshot; every dumped document validates against resources/backup.schema.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from configurator import __version__
from configurator.model.models import ChecksumVerdict, Model
from configurator.model.verdicts import Verdict
from configurator.services.backup import (
    load_backup,
    parse_document,
    snapshot_document,
    write_backup_file,
)
from configurator.services.backup_schema import backup_schema
from configurator.services.documents import (
    BackupDocument,
    Check,
    DocumentKind,
    MeterRecord,
    ReportDocument,
)
from tests.backup.document_samples import CONNECTION, CREATED, sample_snapshot

DATA = Path(__file__).parent / "data"
MODELS = list(Model)


def reference_text(model: Model) -> str:
    """The file the dict-based code wrote (its app version replaced by this one's)."""
    text = (DATA / f"{model.info.code}.backup.json").read_text(encoding="utf-8")
    return text.replace('"version": "0.1.0"', json.dumps({"version": __version__})[1:-1])


@pytest.mark.parametrize("model", MODELS, ids=[m.info.code for m in MODELS])
def test_a_new_document_is_byte_identical_to_the_old_writer(model):
    doc = snapshot_document(sample_snapshot(model), CONNECTION, "modbus", CREATED)
    assert isinstance(doc, BackupDocument) and doc.kind is DocumentKind.BACKUP
    assert doc.dumps() == reference_text(model)
    jsonschema.validate(doc.to_json(), backup_schema())


@pytest.mark.parametrize("model", MODELS, ids=[m.info.code for m in MODELS])
def test_an_existing_file_loads_and_dumps_byte_identical(model, tmp_path):
    source = tmp_path / "in.json"
    source.write_text(reference_text(model), encoding="utf-8")
    doc = load_backup(source)
    assert doc.meter.model is model and doc.meter.serial == 19020246
    assert doc.meter.checksum_verdict is ChecksumVerdict.OK
    assert doc.kind is DocumentKind.BACKUP and doc.format_version == 1
    assert (doc.ct is not None) is model.info.has_ct
    assert doc.dumps() == reference_text(model)
    written = write_backup_file(tmp_path / "out.json", doc)
    assert written.read_bytes() == source.read_bytes()
    assert BackupDocument.from_json(json.loads(doc.dumps())) == doc


def test_a_minimal_file_keeps_its_absent_sections_absent():
    data = {"format": "wago-879-30xx-backup", "format_version": 1,
            "created_utc": "2026-11-26T12:00:00Z",
            "app": {"name": "wago-meter-configurator", "version": "0.1.0"},
            "connection": CONNECTION, "transport": "modbus",
            "meter": {"model": "4PU", "serial": 12345678}, "settings": {"tariff": 2}}
    doc = parse_document(data, "minimal")
    assert doc.to_json() == data and list(doc.to_json()) == list(data)
    assert doc.not_saved == {} and doc.ct_history == [] and doc.energy is None
    assert doc.file_name == "12345678.json"


def test_the_report_document_adds_live_values_checks_and_the_verdict():
    backup = snapshot_document(sample_snapshot(Model.PU4), CONNECTION, "modbus", CREATED)
    fail = Check("Voltage L1", Verdict.FAIL, "no voltage")
    report = ReportDocument(backup, {"voltage.l1": {"value": 0.0, "unit": "V"}},
                            checks=[Check("Checksum", Verdict.PASS, "ok"), fail],
                            verdict=Verdict.FAIL)
    assert report.meter is backup.meter and report.failed() == [fail]
    data = report.to_json()
    assert {k: v for k, v in data.items()
            if k not in ("measurements", "checks", "verdict")} == backup.to_json()
    assert data["verdict"] == Verdict.FAIL.value and len(data["checks"]) == 2


def test_meter_record_reads_typed_values():
    meter = MeterRecord({"model": "2PUCT", "serial": 7, "ct.ratio": "100/5",
                         "checksum_verdict": "mismatch"})
    assert meter.model is Model.PUCT2 and meter.serial == 7 and meter.ct_ratio == "100/5"
    assert meter.checksum_verdict is ChecksumVerdict.of("mismatch")
    assert meter.value("article", "") == "" and meter.checksum_message == ""


def test_the_report_says_why_a_setting_is_not_saved_from_the_table_not_the_reason_text():
    """ct.ratio is not on a 4PU; the M-Bus secondary address is, but not over Modbus. The
    reasons in the file are the same words for both: the report asks the tables."""
    from datetime import datetime, timezone

    from configurator.services.report.document import meter_page_html

    backup = snapshot_document(sample_snapshot(Model.PU4), CONNECTION, "modbus", CREATED)
    assert backup.not_saved["ct.ratio"] == backup.not_saved["mbus.secondary_address"]
    page = meter_page_html(ReportDocument(backup, {}), datetime(2026, 12, 2, tzinfo=timezone.utc))
    ct_row = page[page.index("(ct.ratio)"):][:200]
    mbus_row = page[page.index("(mbus.secondary_address)"):][:200]
    assert "not on this model" in ct_row and "not over this link" in mbus_row
