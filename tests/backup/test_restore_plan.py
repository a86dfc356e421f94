"""Restore planning, template rules, write ordering and atomic files, on plain data."""

from __future__ import annotations

import pytest

from configurator.errors import FileError, UsageError
from configurator.model.models import Model
from configurator.model.settings import SETTINGS
from configurator.model.types import CtRatio
from configurator.services.backup import (
    BackupDocument,
    BackupExistsError,
    load_backup,
    parse_document,
    write_backup_file,
)
from configurator.services.restore import (
    CHANGE,
    NOT_IN_FILE,
    NOT_ON_MODEL,
    SKIPPED,
    UNCHANGED,
    UNREACHABLE,
    MeterState,
    parse_addresses,
    plan_restore,
)

FACTORY_4PU = {"tariff": 1, "s0.rate": 1000.0, "s0.type": "active-reactive", "s0.width_ms": 30,
               "modbus.address": 1, "modbus.baudrate": 9600, "modbus.parity": "even",
               "combination_code": 3, "lcd.rolling_time": 10, "display.rotated": "off",
               "display.obis": "on", "data_type": "standard"}


def document(model: str = "4PU", serial: int = 12345678, **settings) -> dict:
    return {"format": "wago-879-30xx-backup", "format_version": 1,
            "created_utc": "2026-11-26T12:00:00Z",
            "app": {"name": "wago-meter-configurator", "version": "0.1.0"},
            "connection": "modbus /dev/ttyUSB0 address 1 9600 baud parity even",
            "transport": "modbus", "meter": {"model": model, "serial": serial},
            "settings": settings}


def state(model: Model = Model.PU4, **changes) -> MeterState:
    values = dict(FACTORY_4PU, **changes)
    if model.info.has_ct:
        values["ct.ratio"] = CtRatio(5, 5)
    return MeterState(model, "modbus", 12345678, values)


def statuses(plan) -> dict[str, str]:
    return {e.key: e.status for e in plan.entries}


def test_plan_sorts_every_key_into_its_case():
    doc = parse_document(document(
        "2PUCT", 87654321, tariff=2, **{"ct.ratio": "100/5", "mbus.address": 7,
                                        "modbus.address": 1, "lcd.rolling_time": 10}), "doc")
    plan = plan_restore(state(), doc)
    got = statuses(plan)
    assert got["tariff"] == CHANGE and got["lcd.rolling_time"] == UNCHANGED
    assert got["modbus.address"] == UNCHANGED
    assert got["ct.ratio"] == NOT_ON_MODEL
    assert got["mbus.address"] == UNREACHABLE
    assert got["s0.rate"] == NOT_IN_FILE
    assert "mbus.baudrate" not in got  # neither in the file nor reachable: not listed
    assert plan.other_meter and plan.problem is None
    assert list(plan.changes()) == [SETTINGS["tariff"]]


def test_template_never_copies_identity_keys_and_ct_needs_asking():
    doc = parse_document(document("2PUCT", **{"modbus.address": 9, "ct.ratio": "100/5",
                                                 "tariff": 2}), "doc")
    ct_state = state(Model.PUCT2)
    assert statuses(plan_restore(ct_state, doc))["ct.ratio"] == SKIPPED
    assert statuses(plan_restore(ct_state, doc, include_ct=True))["ct.ratio"] == CHANGE
    template = plan_restore(ct_state, doc, include_ct=True, template=True)
    assert statuses(template)["ct.ratio"] == SKIPPED
    assert statuses(template)["modbus.address"] == SKIPPED
    assert [s.key for s in template.changes()] == ["tariff"]


@pytest.mark.parametrize("current, wanted, first", [
    ({"s0.rate": 1000.0, "s0.width_ms": 30}, {"s0.rate": 10000.0, "s0.width_ms": 4},
     "s0.width_ms"),
    ({"s0.rate": 10000.0, "s0.width_ms": 4}, {"s0.rate": 1000.0, "s0.width_ms": 30},
     "s0.rate"),
])
def test_writes_are_ordered_so_the_meter_accepts_each_one(current, wanted, first):
    doc = parse_document(document(**wanted), "doc")
    plan = plan_restore(state(**current), doc)
    assert plan.problem is None
    assert next(iter(plan.changes())).key == first


def test_an_s0_width_that_may_overlap_on_this_model_is_a_warning_not_a_problem():
    """The manual allows 2-99 ms at any rate; our overlap estimate only warns (DECISIONS #7)."""
    doc = parse_document(document("2PUCT", **{"s0.rate": 10000.0, "s0.width_ms": 30}), "d")
    plan = plan_restore(state(), doc)
    assert plan.problem is None
    assert statuses(plan)["s0.rate"] == CHANGE
    [warning] = plan.warnings
    assert warning.key == "s0.width_ms" and (warning.rate, warning.width_ms) == (10000.0, 30)
    assert warning.limit_ms == 4 and warning.full_load_a == 65
    text = str(warning.sentence())
    assert "30 ms at 10000 imp/kWh" in text and "4PU" in text and "65 A" in text


def test_parse_addresses():
    assert parse_addresses("1,2,5-7") == [1, 2, 5, 6, 7]
    assert parse_addresses(" 3 , 3,4-4") == [3, 4]
    for bad in ("", "x", "7-5", "0", "1-300", ","):
        with pytest.raises(UsageError):
            parse_addresses(bad)


def test_write_backup_file_is_atomic_and_never_overwrites_unless_asked(tmp_path):
    path = tmp_path / "b.json"
    write_backup_file(path, parse_document(document(tariff=1), "doc"))
    with pytest.raises(BackupExistsError):
        write_backup_file(path, parse_document(document(tariff=2), "doc"))
    assert load_backup(path).settings == {"tariff": 1}
    write_backup_file(path, BackupDocument.from_json(document(tariff=3)), overwrite=True)
    assert load_backup(path).settings == {"tariff": 3}
    with pytest.raises(FileError):  # an invalid document is never written
        write_backup_file(tmp_path / "bad.json", BackupDocument.from_json(document(tariff=9)))
    with pytest.raises(FileError):
        write_backup_file(tmp_path / "missing" / "b.json", BackupDocument.from_json(document()))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]


def _samples(item):
    domain = item.domain
    if hasattr(domain, "options"):
        return list(domain.options)
    if hasattr(domain, "low"):
        return [domain.low, (domain.low + domain.high) // 2, domain.high]
    if hasattr(domain, "length"):
        return ["0" * domain.length, "9" * domain.length]
    return [CtRatio(1, 1), CtRatio(100, 5), CtRatio(9995, 5), CtRatio(9999, 1)]


@pytest.mark.parametrize("key", list(SETTINGS))
def test_every_allowed_value_survives_a_backup_file(key, tmp_path):
    """Each setting's allowed values pass the schema and load back as the same value."""
    from configurator.services.backup import json_value

    item = SETTINGS[key]
    model = next(m for m in Model if m in item.models)
    for n, value in enumerate(_samples(item)):
        doc = document(model.info.code, **{key: json_value(item, value)})
        path = tmp_path / f"{n}.json"
        write_backup_file(path, BackupDocument.from_json(doc))
        loaded = load_backup(path).settings[key]
        assert item.domain.check(key, loaded) == value
