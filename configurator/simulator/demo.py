"""The demo meters of `configurator --demo`: what to simulate, for the CLI and the window.

Modbus RTU and M-Bus demo meters run as a simulator child process on a pseudo-terminal
(`simulator_args` gives its command line). The Bluetooth LE demo meter has no radio to run on:
it lives in this process on the simulated air (`ble_backend`); `BleDemo.backends` are the bleak
backends that reach it, handed to sessions and scans (never installed globally). Every demo
meter starts with about a year of use on its energy counters (`DEMO_HISTORY_HOURS`).
"""

from __future__ import annotations

from typing import Any

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
    """A simulated Bluetooth LE meter in this process, on its own simulated air: sessions and
    scans reach it through `backends` (pass them as ConnectionOptions.ble_backends or to a
    scan), until `stop`."""

    def __init__(self, model: Model, *, address: int = 1,
                 history_hours: float = DEMO_HISTORY_HOURS) -> None:
        from .ble_backend import demo_air

        self.model = model
        self.air = demo_air(model, address=address, history_hours=history_hours)
        name = self.air.peripherals[0].name
        assert name is not None
        self.name = name  # IM-<serial>
        self.port = f"Bluetooth LE {name}"  # where it is, for messages

    @property
    def backends(self) -> tuple[Any, Any]:
        """The bleak (scanner, client) backend classes that reach this meter."""
        return self.air.scanner_backend, self.air.client_backend

    def stop(self) -> None:
        """Take the meter off the air."""
        self.air.peripherals.clear()


__all__ = ["DEMO_BLE_PIN", "BleDemo", "simulator_args"]
