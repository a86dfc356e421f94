"""What every meter command shares: connection options from the command line, and --demo.

Kept apart from the commands so that any command module (commands, mbus_scan, backup_commands,
check_command, capture_command) can use it without importing another command module: no
cycles inside cli/.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import replace

from ..errors import UsageError
from ..services.connection import ConnectionOptions

ADDRESS_RANGES = {"modbus": (1, 247), "ble": (1, 247), "mbus": (0, 250)}


def options_from(args: argparse.Namespace) -> ConnectionOptions:
    """Connection options from the command line, with the protocol's defaults filled in."""
    options = ConnectionOptions(port=args.port, protocol=args.protocol, address=args.address,
                                baudrate=args.baud, parity=args.parity, timeout=args.timeout,
                                device=args.device, pin=args.pin,
                                ble_backends=getattr(args, "ble_backends", None),
                                pin_source=getattr(args, "pin_source", None),
                                on_paired=getattr(args, "on_paired", None)).resolved()
    if getattr(args, "retries", None) is not None:
        options = replace(options, retries=args.retries)
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
    if args.protocol == "ble" and not getattr(args, "from_capture", None):  # in this process
        from .ble_commands import demo_meter

        with demo_meter(model, options_from(args).address or 1) as (name, backends):
            args.ble_backends = backends  # the simulated air: passed on, never a global
            args.device = args.device or name
            args.pin = args.pin or "0000"  # the simulated meter's; never the OS keyring
            if not args.json:
                print(f"Demo: simulated {model.info.title} over Bluetooth LE as {name}\n",
                      file=sys.stderr)
            return runner(args)
    with tempfile.TemporaryDirectory(prefix="configurator-demo-") as tmp:
        link = str(Path(tmp) / "meter")
        replayed = _replay_demo(args, link)  # --demo --from CAPTURE: that meter
        options = options_from(args)
        sim_args = ["--model", model.info.code, "--link", link,
                    "--history-hours", str(DEMO_HISTORY_HOURS)]  # a year on the counters
        if replayed:
            sim_args = replayed
        elif options.protocol == "mbus":
            sim_args += ["--protocol", "mbus", "--mbus-baud", str(options.baudrate),
                         "--mbus-address", str(options.address)]
        else:
            sim_args += ["--baud", str(options.baudrate), "--address", str(options.address)]
        with SimulatorProcess(*sim_args) as sim:
            args.port = sim.port
            if not args.json:
                what = f"replay of {args.from_capture}" if replayed else \
                    f"simulated {model.info.title}"
                print(f"Demo: {what} on {sim.port}\n", file=sys.stderr)
            return runner(args)


def _replay_demo(args: argparse.Namespace, link: str) -> list[str]:
    """With --from: the simulator arguments that replay the capture, the client's protocol,
    address and baud rate set to reach it; else []."""
    path = getattr(args, "from_capture", None)
    if not path:
        return []
    from ..services.capture import load_capture
    from ..simulator.replay import demo_connection

    protocol, address, baud = demo_connection(load_capture(path))
    args.protocol = protocol
    args.address = address if args.address is None else args.address
    args.baud = baud if args.baud is None else args.baud
    return ["--from", str(path), "--link", link]


__all__ = ["ADDRESS_RANGES", "options_from", "with_demo"]
