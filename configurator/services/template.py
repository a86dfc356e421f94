"""Settings templates: made before the site, with no meter connected, applied later.

A template is a document in the backup format (resources/backup.schema.json) with the
`template` marker, a model and settings, and no serial, connection or energy. Every value is
checked by the same rules as a live write: the setting's domain, the model (a setting the model
lacks is refused), and `check_rules` on the whole set; `rule_warnings` are returned, never
refused. Applying goes through restore's plan and the one write engine (`apply_restore` ->
`session.apply`), so permanent acts pass the caller's confirmer and an undo backup is saved
before the first write. The meter addresses and the CT ratio belong to one meter: they are never
copied unless asked (`include_addresses`, `include_ct`).

    doc = new_template(Model.PUCT2, {"s0.rate": 100.0}, name="site")
    write_template(path, doc)
    doc = set_values(load_template(path), {"tariff": 2})
    results = await apply_to_bus(options, doc, addresses=None)  # every meter found
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import ConfiguratorError, FileError, UsageError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.models import Model
from ..model.reach import UnreachableError, UnreachableKind
from ..model.registers import MODBUS
from ..model.settings import (
    SETTINGS,
    SETTINGS_LIST,
    S0Overlap,
    Setting,
    check_rules,
    factory_settings,
    rule_warnings,
    unreachable,
)
from . import restore as rs
from .api import MeterSession
from .backup import (
    APP_NAME,
    BACKUP_FORMAT,
    BACKUP_VERSION,
    json_value,
    load_backup,
    utc_now,
    validate_document,
    write_backup_file,
)
from .backup_schema import TEMPLATE_MARKER
from .bus_scan import BusMeter, scan_bus
from .connection import ConnectionOptions, open_session
from .documents import BackupDocument
from .engine import Confirmer

ADDRESS_KEYS = ("modbus.address", "mbus.address", "mbus.secondary_address")
CT_KEY = "ct.ratio"
PER_METER_KEYS = (*ADDRESS_KEYS, CT_KEY)


def template_settings(model: Model) -> list[Setting]:
    """Every setting a template of `model` can hold, in the table's order."""
    return [item for item in SETTINGS_LIST if model in item.models]


def is_template(doc: Mapping[str, Any]) -> bool:
    """Whether a loaded document is a template (not a backup of one meter)."""
    return TEMPLATE_MARKER in doc


def template_model(doc: Mapping[str, Any]) -> Model:
    """The model a template is made for."""
    return Model.parse(str(doc["meter"]["model"]))


def template_values(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The template's settings as typed user values (key -> value)."""
    return {key: SETTINGS[key].domain.check(key, value)
            for key, value in doc.get("settings", {}).items()}


def check_values(model: Model, values: Mapping[str, Any]) -> list[S0Overlap]:
    """Refuse what a live write to `model` would refuse; return the warnings it would show.

    Raises InvalidValueError (a value outside its domain, the model's rules) or
    UnreachableError (exit "unsupported") for a setting the model lacks.
    """
    checked: dict[str, Any] = {}
    for key, value in values.items():
        item = SETTINGS[key]
        reason = unreachable(item, model, MODBUS)
        if reason is not None and reason.kind is UnreachableKind.NOT_ON_MODEL:
            raise UnreachableError(reason)
        checked[key] = item.domain.check(key, value)
    check_rules(model, checked)
    return rule_warnings(model, checked)


def _document(model: Model, values: Mapping[str, Any], name: str, note: str) -> dict[str, Any]:
    marker: dict[str, Any] = {"name": name}
    if note:
        marker["note"] = note
    doc: dict[str, Any] = {
        "format": BACKUP_FORMAT,
        "format_version": BACKUP_VERSION,
        TEMPLATE_MARKER: marker,
        "created_utc": utc_now().isoformat().replace("+00:00", "Z"),
        "app": {"name": APP_NAME, "version": __version__},
        "meter": {"model": model.info.code, "article": model.info.article},
        "settings": {key: json_value(SETTINGS[key], value) for key, value in values.items()},
    }
    return validate_document(doc, QT_TRANSLATE_NOOP("Errors", "the template"))


def new_template(model: Model, changes: Mapping[str, Any] | None = None, *, name: str = "",
                 note: str = "") -> dict[str, Any]:
    """A template of `model`: the factory value of every setting, then `changes` on top.

    Per-meter values (addresses, secondary address, CT ratio) are left out unless given in
    `changes`. Raises InvalidValueError when a change would be refused by a live write.
    """
    values = {k: v for k, v in factory_settings(model).items() if k not in PER_METER_KEYS}
    for key, value in (changes or {}).items():
        values[key] = value
    check_values(model, values)
    ordered = {item.key: values[item.key] for item in SETTINGS_LIST if item.key in values}
    return _document(model, ordered, name, note)


def set_values(doc: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """The template with `changes` applied (None as a value removes the key), re-checked."""
    model = template_model(doc)
    values = template_values(doc)
    for key, value in changes.items():
        if value is None:
            values.pop(key, None)
        else:
            values[key] = value
    check_values(model, values)
    ordered = {item.key: values[item.key] for item in SETTINGS_LIST if item.key in values}
    marker = doc.get(TEMPLATE_MARKER, {})
    return _document(model, ordered, str(marker.get("name", "")), str(marker.get("note", "")))


def load_template(path: str | os.PathLike[str], *, backups_too: bool = False) -> dict[str, Any]:
    """Read and validate a template file (with `backups_too`, a meter's backup also serves).

    Raises FileError with one sentence for anything else.
    """
    doc = load_backup(path).to_json()  # the template functions work on the JSON form
    if not is_template(doc) and not backups_too:
        raise FileError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is a backup of meter {serial}, not a template: make one with "
                      "'configurator template new', or restore the backup.").format(
            path=path, serial=doc["meter"].get("serial")))
    check_values(template_model(doc), template_values(doc))
    return doc


def write_template(path: str | os.PathLike[str], doc: dict[str, Any], *,
                   overwrite: bool = False) -> Path:
    """Write a template atomically (never replacing a file unless `overwrite`)."""
    if not is_template(doc):
        raise UsageError(QT_TRANSLATE_NOOP("Errors", "Only a template is written here."))
    return write_backup_file(path, BackupDocument.from_json(doc), overwrite=overwrite)


def plan_template(state: rs.MeterState, doc: Mapping[str, Any], *, include_ct: bool = False,
                  include_addresses: bool = False) -> rs.RestorePlan:
    """The per-key plan of applying a template to one meter (restore's plan, template mode):
    addresses and the CT ratio are skipped unless asked."""
    wanted = dict(doc)
    settings = dict(doc.get("settings", {}))
    plan_doc = BackupDocument.from_json({**wanted, "settings": settings})
    plan = rs.plan_restore(state, plan_doc, include_ct=include_ct, template=True)
    asked = {key for key, on in ((CT_KEY, include_ct),) if on}
    asked |= set(ADDRESS_KEYS) if include_addresses else set()
    if asked:
        relaxed = rs.plan_restore(state, plan_doc, include_ct=include_ct, template=False)
        by_key = {e.key: e for e in relaxed.entries}
        plan.entries = [by_key[e.key] if e.key in asked and e.skipped is rs.SkipReason.TEMPLATE
                        else e for e in plan.entries]
    return plan


async def apply_to_meter(session: MeterSession, doc: Mapping[str, Any], *,
                         options: ConnectionOptions | str, include_ct: bool = False,
                         include_addresses: bool = False, dry_run: bool = False,
                         undo_dir: str | os.PathLike[str] | None = None,
                         confirm: Confirmer | None = None) -> rs.MeterRestore:
    """Apply a template to the meter behind `session` (its plan only, with `dry_run`)."""
    state = await rs.read_meter_state(session)
    address = int(state.values.get("modbus.address") or state.values.get("mbus.address") or 0)
    outcome = rs.MeterRestore(address)
    outcome.plan = plan_template(state, doc, include_ct=include_ct,
                                 include_addresses=include_addresses)
    if not dry_run:
        outcome.report = await rs.apply_restore(session, outcome.plan, options=options,
                                                undo_dir=undo_dir, confirm=confirm)
        outcome.error = outcome.report.error
    return outcome


BusProgress = Callable[[int, int, BusMeter], None]  # (index, total, meter)


async def apply_to_bus(options: ConnectionOptions, doc: Mapping[str, Any],
                       addresses: Iterable[int] | None = None, *, include_ct: bool = False,
                       dry_run: bool = False, undo_dir: str | os.PathLike[str] | None = None,
                       progress: BusProgress | None = None,
                       confirm: Confirmer | None = None) -> list[rs.MeterRestore]:
    """Apply a template to several meters: those at `addresses`, or (None) every meter the bus
    search finds (over M-Bus each selected by its secondary address). Addresses are never
    copied to a bus. A meter that fails is reported and the next one is still done."""
    if addresses is None:
        meters = [m for m in await scan_bus(options) if m.model is not None]
    else:
        from dataclasses import replace

        meters = [BusMeter(a, None, "", replace(options, address=a)) for a in addresses]
    outcomes: list[rs.MeterRestore] = []
    for index, meter in enumerate(meters, start=1):
        if progress is not None:
            progress(index, len(meters), meter)
        try:
            async with open_session(meter.options) as session:
                outcome = await apply_to_meter(session, doc, options=meter.options,
                                               include_ct=include_ct, dry_run=dry_run,
                                               undo_dir=undo_dir, confirm=confirm)
            outcome.address = meter.address
        except ConfiguratorError as exc:
            outcome = rs.MeterRestore(meter.address, error=exc)
        outcomes.append(outcome)
    return outcomes


__all__ = ["ADDRESS_KEYS", "PER_METER_KEYS", "apply_to_bus", "apply_to_meter", "check_values",
           "is_template", "load_template", "new_template", "plan_template", "set_values",
           "template_model", "template_settings", "template_values", "write_template"]
