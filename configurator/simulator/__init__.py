"""Simulated WAGO 879-30xx meters, for tests, demos and benchmarks without hardware.

- `meter.VirtualMeter`: one meter's state and rules, independent of any protocol;
- `physics`: the simulated three-phase load and its energies;
- `state.StateFile`: all meters' state in one JSON file;
- `bus.MeterBus`: Modbus RTU meters on a pseudo-terminal (POSIX only);
- `command`: the `simulate` command; `launcher.SimulatorProcess`: run it as a child process.

Only the protocol-independent parts are offered here, so this package imports on any OS. They
load on first use (PEP 562), so `configurator simulate --help` and the launcher, which import
`command`, do not pay for the meter model.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .meter import LinkSettings, SimulatorModbusError, VirtualMeter
    from .state import StateFile

_LAZY = {"LinkSettings": "meter", "SimulatorModbusError": "meter", "VirtualMeter": "meter",
         "StateFile": "state"}

__all__ = ["LinkSettings", "SimulatorModbusError", "StateFile", "VirtualMeter"]


def __getattr__(name: str) -> Any:
    """`configurator.simulator.VirtualMeter` and the like, imported when first asked for."""
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
