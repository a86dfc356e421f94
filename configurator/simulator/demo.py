"""The demo meters of `configurator --demo`: what to simulate, for the CLI and the window.

Modbus RTU and M-Bus demo meters run as a simulator child process on a pseudo-terminal
(`simulator_args` gives its command line). The Bluetooth LE demo meter has no radio to run on:
it lives in this process on the simulated air (`ble_backend`), and `BleDemo` points the
project's BLE sessions and scans at it until stopped. Every demo meter starts with about a
year of use on its energy counters (`DEMO_HISTORY_HOURS`).
"""

from __future__ import annotations

import contextlib

from ..model.models import Model
from .physics import DEMO_HISTORY_HOURS

DEMO_BLE_PIN = "0000"  # the simulated meter's password: the factory one


def simulator_args(model: Model, link: str, protocol: str = "modbus",
                   history_hours: float = DEMO_HISTORY_HOURS) -> list[str]:
    """The simulator command line of a demo meter of `model` at the factory link settings."""
    args = ["--model", model.info.code, "--link", link, "--history-hours", f"{history_hours:g}"]
    if protocol == "mbus":
        args += ["--protocol", "mbus"]
    return args


class BleDemo:
    """A simulated Bluetooth LE meter in this process; BLE sessions and scans reach it (and
    only it) until `stop`."""

    def __init__(self, model: Model, *, address: int = 1,
                 history_hours: float = DEMO_HISTORY_HOURS) -> None:
        from ..services.ble_session import using_backends
        from .ble_backend import demo_air

        self.model = model
        self.air = demo_air(model, address=address, history_hours=history_hours)
        name = self.air.peripherals[0].name
        assert name is not None
        self.name = name  # IM-<serial>
        self.port = f"Bluetooth LE {name}"  # where it is, for messages
        self._stack = contextlib.ExitStack()
        self._stack.enter_context(using_backends(self.air.scanner_backend,
                                                 self.air.client_backend))

    def stop(self) -> None:
        """Take the meter off the air: BLE goes back to the platform's own backends."""
        self._stack.close()


__all__ = ["DEMO_BLE_PIN", "BleDemo", "simulator_args"]
