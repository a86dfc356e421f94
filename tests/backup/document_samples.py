"""Deterministic snapshots of each model for the document round-trip tests (no I/O).

The files in tests/backup/data/ are what the dict-based backup code wrote for these snapshots
(before the documents became dataclasses); the tests hold today's output to them byte by byte.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from configurator.model.models import ChecksumVerdict, Model
from configurator.model.registers import REGISTERS
from configurator.model.settings import SETTINGS
from configurator.model.types import CtRatio
from configurator.services.meter import Identity, Reading

CREATED = datetime(2026, 11, 26, 12, 0, 0, tzinfo=timezone.utc)
CONNECTION = "modbus /dev/ttyUSB0 address 1 9600 baud parity even"
SAMPLE_BY_TYPE: dict[str, Any] = {"float32": 1.2345678, "int16": 5, "bcd16": 1113,
                                  "bcd32": 19020246, "bits32": 0x00010002, "ascii1": "+",
                                  "ct_ratio": CtRatio(100, 5)}


def sample_snapshot(model: Model) -> Any:
    """A snapshot of `model` with a value for every register and setting it has."""
    from configurator.services.backup import Snapshot

    values: dict[str, Any] = {}
    for group in ("identity", "status", "counter"):
        for reg in REGISTERS.select(groups=[group], model=model):
            values[reg.key] = SAMPLE_BY_TYPE[reg.dtype.name]
    values["meter_code"] = model.info.meter_code
    if model.info.has_ct:
        values["ct.ratio"] = CtRatio(100, 5)
    identity = Identity(model, values, ChecksumVerdict.OK, "Checksum 1234 matches table 4.3.")
    settings = {item.key: item.factory_value(model) for item in SETTINGS.values()
                if model in item.models and item.factory_value(model) is not None}
    not_saved = {item.key: "not read by this transport" for item in SETTINGS.values()
                 if item.key not in settings}
    readings = [Reading(reg, float(n) + 0.5) for n, reg in enumerate(
        REGISTERS.select(groups=["energy"], model=model))]
    history: dict[str, Any] = {}
    if model.info.has_ct:
        for reg in REGISTERS.select(groups=["ct_history"], model=model):
            slot = int(reg.key.split(".")[2])
            if slot == 1:
                history[reg.key] = CtRatio(5, 5) if reg.key.endswith("ratio") else 10.25
            elif slot == 2:
                history[reg.key] = CtRatio(100, 5) if reg.key.endswith("ratio") else 20.5
            else:
                history[reg.key] = CtRatio(0, 0) if reg.key.endswith("ratio") else 0.0
    return Snapshot(identity, settings, not_saved, readings, history)
