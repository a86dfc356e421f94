"""What every meter command shares: connection options from the command line, and --demo.

Kept apart from the commands so that any command module (commands, mbus_scan, backup_commands)
can use it without importing another command module: no cycles inside cli/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..errors import UsageError
from ..services.connection import ConnectionOptions

ADDRESS_RANGES = {"modbus": (1, 247), "ble": (1, 247), "mbus": (0, 250)}


def options_from(args: argparse.Namespace) -> ConnectionOptions:
    """Connection options from the command line, with the protocol's defaults filled in."""
    options = ConnectionOptions(port=args.port, protocol=args.protocol, address=args.address,
                                baudrate=args.baud, parity=args.parity, timeout=args.timeout,
                                device=args.device, pin=args.pin).resolved()
    low, high = ADDRESS_RANGES[options.protocol]
    assert options.address is not None
    if not low <= options.address <= high:
        raise UsageError(f"--address {options.address} is outside the {options.protocol} range "
                         f"{low}-{high}.")
    return options


def with_demo(args: argparse.Namespace, runner: Callable[[argparse.Namespace], int]) -> int:
    """Run `runner`, first starting a simulated meter when --demo was given."""
    if args.demo is None:
        return runner(args)
    import tempfile
    from pathlib import Path

    from ..model.models import Model
    from ..simulator.launcher import SimulatorProcess
    from ..simulator.physics import DEMO_HISTORY_HOURS

    try:
        model = Model.parse(args.demo)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if args.protocol == "ble":  # a simulated BLE meter in this process (docs/ble.md)
        from .ble_commands import demo_meter

        with demo_meter(model, options_from(args).address or 1) as name:
            args.device = args.device or name
            args.pin = args.pin or "0000"  # the simulated meter's; never the OS keyring
            if not args.json:
                print(f"Demo: simulated {model.info.title} over Bluetooth LE as {name}\n",
                      file=sys.stderr)
            return runner(args)
    with tempfile.TemporaryDirectory(prefix="configurator-demo-") as tmp:
        link = str(Path(tmp) / "meter")
        options = options_from(args)
        sim_args = ["--model", model.info.code, "--link", link,
                    "--history-hours", str(DEMO_HISTORY_HOURS)]  # a year on the counters
        if options.protocol == "mbus":
            sim_args += ["--protocol", "mbus", "--mbus-baud", str(options.baudrate),
                         "--mbus-address", str(options.address)]
        else:
            sim_args += ["--baud", str(options.baudrate), "--address", str(options.address)]
        with SimulatorProcess(*sim_args) as sim:
            args.port = sim.port
            if not args.json:
                print(f"Demo: simulated {model.info.title} on {sim.port}\n", file=sys.stderr)
            return runner(args)


__all__ = ["ADDRESS_RANGES", "options_from", "with_demo"]
