"""The published JSON Schema of backup files, generated from the register table and settings.

    python -m configurator.services.backup_schema > resources/backup.schema.json

One source of truth: every setting's allowed values come from its domain (`json_schema()`),
every identity, status, counter, energy and CT-history field from the register table. A test
checks that the committed `resources/backup.schema.json` equals this module's output.
"""

from __future__ import annotations

import sys
from typing import Any

from ..model.models import ALL_MODELS, ChecksumVerdict, Model
from ..model.registers import (
    CT_CHANGES_ALLOWED,
    CT_HISTORY_FIELDS,
    CT_HISTORY_SLOTS,
    REGISTERS,
    Register,
)
from ..model.settings import SETTINGS, TRANSPORT_NAMES
from .published_schema import PublishedSchema

BACKUP_FORMAT = "wago-879-30xx-backup"
BACKUP_VERSION = 1  # raise it whenever a file of the new layout could not be read by an old one

# The JSON form of each register data type (key: DataType.name). Every type in
# model.types.TYPES has an entry; a test checks it.
DTYPE_SCHEMAS: dict[str, dict[str, Any]] = {
    "float32": {"type": "number"},
    "int16": {"type": "integer", "minimum": -0x8000, "maximum": 0x7FFF},
    "bcd16": {"type": "integer", "minimum": 0, "maximum": 9999},
    "bcd32": {"type": "integer", "minimum": 0, "maximum": 99_999_999},
    "bits32": {"type": "integer", "minimum": 0, "maximum": 0xFFFFFFFF},
    "ascii1": {"type": "string", "maxLength": 2},
    "ct_ratio": {"type": "string", "pattern": "^[0-9]{1,4}/[0-9]{1,4}$"},
}

# Identity fields a backup needs to be worth anything.
REQUIRED_METER_FIELDS = ("model", "serial")
METER_EXTRA_FIELDS = ("article", "checksum_verdict", "checksum_message")
CHECKSUM_VERDICTS = tuple(v.value for v in ChecksumVerdict  # the Modbus verdicts
                          if v is not ChecksumVerdict.UNAVAILABLE)


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema, also accepting null (a register that did not decode at backup time)."""
    out = dict(schema)
    kind = out.get("type")
    if isinstance(kind, str):
        out["type"] = [kind, "null"]
    return out


def _register_field(reg: Register) -> dict[str, Any]:
    schema: dict[str, Any] = {"description": reg.label + (f" [{reg.unit}]" if reg.unit else "")}
    schema.update(_nullable(DTYPE_SCHEMAS[reg.dtype.name]))
    return schema


def _group_object(group: str, description: str) -> dict[str, Any]:
    registers = [r for r in REGISTERS if r.group == group]
    return {
        "type": "object",
        "description": description,
        "additionalProperties": False,
        "properties": {r.key: _register_field(r) for r in registers},
    }


def _meter_object() -> dict[str, Any]:
    properties: dict[str, Any] = {
        "model": {"enum": [m.info.code for m in Model], "description": "Model code"},
        "article": {"enum": [m.info.article for m in Model], "description": "WAGO article"},
    }
    for reg in REGISTERS:
        if reg.group == "identity":
            properties[reg.key] = _register_field(reg)
    properties["serial"] = {"description": "Serial number",
                            **DTYPE_SCHEMAS[REGISTERS["serial"].dtype.name]}
    properties["ct.ratio"] = {"description": "CT ratio in force at backup time (2PU CT)",
                              **_nullable(DTYPE_SCHEMAS["ct_ratio"])}
    properties["checksum_verdict"] = {
        "type": "string",
        "description": "Checksum against the manual's table 4.3: " + ", ".join(CHECKSUM_VERDICTS)
                       + " or a transport's own word (e.g. unavailable over M-Bus)"}
    properties["checksum_message"] = {"type": "string"}
    return {
        "type": "object",
        "description": "Who the meter is (identity registers)",
        "required": ["model"],  # and the serial, except in a template (_template_rules)
        "additionalProperties": False,
        "properties": properties,
    }


def _settings_object() -> dict[str, Any]:
    properties = {}
    for item in SETTINGS.values():
        entry: dict[str, Any] = {"description": f"{item.label} ({item.menu})"}
        entry.update(item.domain.json_schema())
        properties[item.key] = entry
    return {
        "type": "object",
        "description": "Setting values as the CLI and GUI show them (keys as in "
                       "'configurator get')",
        "additionalProperties": False,
        "properties": properties,
    }


def _energy_object() -> dict[str, Any]:
    properties = {}
    for reg in REGISTERS:
        if reg.group != "energy":
            continue
        value: dict[str, Any] = {
            "type": "object",
            "description": reg.label,
            "required": ["value"],
            "additionalProperties": False,
            "properties": {
                "value": {"type": ["number", "null"]},
                "unit": {"const": reg.unit},
                "obis": {"const": reg.obis} if reg.obis else {"type": "null"},
            },
        }
        properties[reg.key] = value
    return {"type": "object", "description": "Snapshot of the energy registers",
            "additionalProperties": False, "properties": properties}


def _ct_object() -> dict[str, Any]:
    words = {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 0xFFFF}}
    raw_fields = {"ratio": dict(words, minItems=2, maxItems=2)}
    fields: dict[str, Any] = {
        "entry": {"type": "integer", "minimum": 1, "maximum": CT_HISTORY_SLOTS},
        "ratio": _nullable(DTYPE_SCHEMAS["ct_ratio"]),
        "in_force": {"type": "boolean",
                     "description": "The slot holds the ratio in force now (no change)"},
    }
    for name, obis in CT_HISTORY_FIELDS:
        fields[name] = {"type": ["number", "null"], "description": f"kWh, OBIS {obis}"}
        raw_fields[name] = dict(words, minItems=2, maxItems=2)
    fields["raw"] = {"type": "object", "additionalProperties": False,
                     "description": "Register words of the values that did not decode",
                     "properties": raw_fields}
    return {
        "type": "object",
        "description": "CT ratio and its history (2PU CT only, manual 6.9; slot layout "
                       "assumed, docs/DECISIONS.md #5)",
        "required": ["ratio", "history"],
        "additionalProperties": False,
        "properties": {
            "ratio": _nullable(DTYPE_SCHEMAS["ct_ratio"]),
            "changes_used": {"type": ["integer", "null"], "minimum": 0,
                             "maximum": CT_CHANGES_ALLOWED,
                             "description": "null: a history slot could not be read"},
            "history": {
                "type": "array",
                "maxItems": CT_HISTORY_SLOTS,
                "items": {"type": "object", "required": ["entry", "ratio"],
                          "additionalProperties": False, "properties": fields},
            },
            "not_answered": {
                "type": "array",
                "description": "History slots the meter answered with a Modbus exception",
                "maxItems": CT_HISTORY_SLOTS,
                "items": {"type": "object", "required": ["entry", "exception"],
                          "additionalProperties": False, "properties": {
                              "entry": {"type": "integer", "minimum": 1,
                                        "maximum": CT_HISTORY_SLOTS},
                              "exception": {"type": ["integer", "null"], "minimum": 1,
                                            "maximum": 255}}},
            },
        },
    }


def _model_rules() -> list[dict[str, Any]]:
    """A setting some models lack must not appear in a backup of another model."""
    rules = []
    for item in SETTINGS.values():
        if item.models == ALL_MODELS:
            continue
        others = [m.info.code for m in Model if m not in item.models]
        rules.append({
            "if": {"properties": {"meter": {"properties": {"model": {"enum": others}}}}},
            "then": {"properties": {"settings": {"not": {"required": [item.key]}}}},
        })
    return rules


TEMPLATE_MARKER = "template"  # a settings template: made before the site, of no one meter


def _template_object() -> dict[str, Any]:
    return {"type": "object",
            "description": "Marks a settings template, made with no meter connected "
                           "('configurator template new'): no serial, no connection",
            "additionalProperties": False,
            "properties": {"name": {"type": "string"}, "note": {"type": "string"}}}


def _template_rules() -> list[dict[str, Any]]:
    """A backup (no template marker) names its connection, transport and the meter's serial."""
    return [{"if": {"not": {"required": [TEMPLATE_MARKER]}},
             "then": {"required": ["connection", "transport"],
                      "properties": {"meter": {"required": list(REQUIRED_METER_FIELDS)}}}}]


def _build() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "WAGO 879-30xx meter backup",
        "description": (
            "Settings, identity and an energy snapshot of one WAGO 879-30xx meter, written by "
            "the configurator. GENERATED by 'python -m configurator.services.backup_schema' "
            "from the register table and settings: do not edit by hand."),
        "type": "object",
        "required": ["format", "format_version", "created_utc", "app", "meter", "settings"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": BACKUP_FORMAT},
            "format_version": {"const": BACKUP_VERSION},
            TEMPLATE_MARKER: _template_object(),
            "created_utc": {
                "type": "string", "description": "When the backup was made (UTC, ISO 8601)",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                           "(Z|\\+00:00)$"},
            "app": {
                "type": "object", "required": ["name", "version"],
                "additionalProperties": False,
                "properties": {"name": {"type": "string"}, "version": {"type": "string"}},
            },
            "connection": {"type": "string", "description": "How the meter was reached"},
            "transport": {"enum": list(TRANSPORT_NAMES)},
            "meter": _meter_object(),
            "settings": _settings_object(),
            "settings_not_saved": {
                "type": "object",
                "description": "Settings the backup could not read, and why",
                "propertyNames": {"enum": list(SETTINGS)},
                "additionalProperties": {"type": "string"},
            },
            "status": _group_object("status", "Current directions and quadrants at backup time"),
            "counters": _group_object("counter", "Counters at backup time"),
            "energy": _energy_object(),
            "ct": _ct_object(),
        },
        "allOf": _model_rules() + _template_rules(),
    }


PUBLISHED = PublishedSchema(_build)


def backup_schema() -> dict[str, Any]:
    """The backup JSON Schema (a fresh copy; the text form is cached)."""
    return PUBLISHED.schema()


def schema_text() -> str:
    """The schema exactly as published in resources/backup.schema.json."""
    return PUBLISHED.text


if __name__ == "__main__":
    sys.exit(PUBLISHED.main())  # print the schema: the published file is this output
