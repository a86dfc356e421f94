"""The published JSON Schema is generated from the register table: one source of truth."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import jsonschema

from configurator.model.models import Model
from configurator.model.registers import REGISTERS
from configurator.model.settings import SETTINGS
from configurator.model.types import TYPES
from configurator.services.backup_schema import DTYPE_SCHEMAS, backup_schema, schema_text

PUBLISHED = Path(__file__).resolve().parents[2] / "resources" / "backup.schema.json"


def test_published_schema_equals_generator_output():
    assert PUBLISHED.read_text(encoding="utf-8") == schema_text(), (
        "resources/backup.schema.json is stale: run "
        "'python -m configurator.services.backup_schema > resources/backup.schema.json'")


def test_generator_runs_as_a_module():
    done = subprocess.run([sys.executable, "-m", "configurator.services.backup_schema"],
                          capture_output=True, text=True, check=True)
    assert done.stdout == schema_text()


def test_schema_is_valid_and_derived_from_the_tables():
    schema = backup_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(TYPES) <= set(DTYPE_SCHEMAS)
    props = schema["properties"]
    assert list(props["settings"]["properties"]) == list(SETTINGS)
    for key, item in SETTINGS.items():
        for name, value in item.domain.json_schema().items():
            assert props["settings"]["properties"][key][name] == value
    energy = {r.key for r in REGISTERS if r.group == "energy"}
    assert set(props["energy"]["properties"]) == energy
    assert props["meter"]["properties"]["model"]["enum"] == [m.info.code for m in Model]
    assert props["energy"]["properties"]["energy.active.import.t1"]["properties"]["obis"] == {
        "const": "1.8.1"}
