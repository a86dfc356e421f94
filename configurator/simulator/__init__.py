"""Simulated WAGO 879-30xx meters, for tests, demos and benchmarks without hardware.

- `meter.VirtualMeter`: one meter's state and rules, independent of any protocol;
- `physics`: the simulated three-phase load and its energies;
- `state.StateFile`: all meters' state in one JSON file;
- `bus.MeterBus`: Modbus RTU meters on a pseudo-terminal (POSIX only);
- `command`: the `simulate` command; `launcher.SimulatorProcess`: run it as a child process.

Only the protocol-independent parts are imported here, so this package imports on any OS.
"""

from .meter import LinkSettings, SimulatorModbusError, VirtualMeter
from .state import StateFile

__all__ = ["LinkSettings", "SimulatorModbusError", "StateFile", "VirtualMeter"]
