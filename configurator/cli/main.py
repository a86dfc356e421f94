"""The `configurator` command line: parse, run one command, turn every failure into a sentence.

Qt is never imported here: a command that shows no window starts in well under a second.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import ConfiguratorError, ExitCode, UsageError
from ..model.settings import ACTIONS, SETTINGS
from ..protocol.retries import DEFAULT_RETRIES, MAX_RETRIES
from . import backup_commands, ble_commands, capture_command, check_command, commands, options

ENV_PORT = "CONFIGURATOR_PORT"


def _connection_parser() -> argparse.ArgumentParser:
    """Connection options, accepted before or after the command (defaults filled later)."""
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("connection")
    s = argparse.SUPPRESS
    group.add_argument("--port", default=s,
                       help=f"serial port: /dev/ttyUSB0, COM3, a pty path (env {ENV_PORT})")
    group.add_argument("--protocol", default=s, choices=["modbus", "mbus", "ble"],
                       help="modbus (RS-485, default), mbus (M-Bus master) or ble (Bluetooth LE)")
    group.add_argument("--address", type=options.address, default=s,
                       help="meter address (Modbus ID 1-247, default 1; M-Bus primary 0-250, "
                            "default 0)")
    group.add_argument("--baud", type=options.baud_rate, default=s,
                       help="baud rate (default 9600 for Modbus, 2400 for M-Bus)")
    group.add_argument("--parity", choices=["even", "none", "odd"], default=s,
                       help="parity (meter default even)")
    group.add_argument("--device", type=options.device, default=s,
                       help="Bluetooth LE meter: address or name (IM-<serial>); M-Bus: the "
                            "meter's 8-digit secondary address (selects it, address 253)")
    ble_commands.add_pin_arguments(group)
    group.add_argument("--timeout", type=options.timeout, default=s,
                       help="seconds to wait for an answer, up to 60 (default: wire time + 0.5 s)")
    group.add_argument("--retries", type=options.int_range(0, MAX_RETRIES, "a number of retries"),
                       default=s, metavar="N",
                       help=f"retries per read after a lost or garbled answer, 0-{MAX_RETRIES} "
                            f"(default {DEFAULT_RETRIES}; writes are never repeated blindly)")
    group.add_argument("--demo", nargs="?", const="4PU", default=s, metavar="MODEL",
                       help="talk to a built-in simulated meter (4PU, 4PS or 2PUCT)")
    group.add_argument("--from", dest="from_capture", default=s, metavar="CAPTURE",
                       help="with --demo: the demo meter replays this support bundle "
                            "('configurator capture')")
    group.add_argument("--json", action="store_true", default=s, help="print JSON")
    group.add_argument("--debug", action="store_true", default=s,
                       help="debug logging and tracebacks on failures (implies --trace)")
    group.add_argument("--trace", action="store_true", default=s,
                       help="print every frame to stderr: time (ms), protocol, direction, "
                            "meaning, hex")
    return parent


DEFAULTS = {"port": None, "protocol": "modbus", "address": None, "baud": None, "parity": None,
            "timeout": None, "demo": None, "json": False, "debug": False, "device": None,
            "pin": None, "trace": False, "from_capture": None, "retries": None,
            **ble_commands.PIN_DEFAULTS}


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also the source of `--help`)."""
    conn = _connection_parser()
    parser = argparse.ArgumentParser(
        prog="configurator", parents=[conn],
        description="Configure and read WAGO 879-30xx MID energy meters (4PU, 4PS, 2PU CT).",
        epilog="Exit codes: " + ", ".join(f"{c.value} {c.name.lower()}" for c in ExitCode),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="start the window on a demo meter (offscreen without a display), "
                             "wait until it is connected and painted, close it, exit 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("info", parents=[conn], help="who the meter is: model, serial, firmware, "
                   "checksum, counters, quadrants")
    sub.add_parser("read", parents=[conn], help="all measurements and energy registers")
    keys_help = "\n".join(
        f"  {s.key:<24} {s.domain.describe()}" for s in SETTINGS.values())
    get = sub.add_parser("get", parents=[conn], help="read settings",
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         epilog="settings:\n" + keys_help)
    get.add_argument("keys", nargs="*", metavar="KEY", help="settings to read (default: all)")
    set_ = sub.add_parser("set", parents=[conn], help="change settings (validated, verified)",
                          formatter_class=argparse.RawDescriptionHelpFormatter,
                          epilog="settings:\n" + keys_help)
    set_.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
    set_.add_argument("--yes", action="store_true",
                      help="confirm changes that cannot be undone (ct.ratio, tariff 3/4, "
                           "link moves) without asking")
    reset = sub.add_parser("reset", parents=[conn], help="reset a counter")
    reset.add_argument("action", choices=list(ACTIONS), help="which counter")
    reset.add_argument("--yes", action="store_true", help="confirm the reset without asking")
    scan = sub.add_parser("scan", parents=[conn], help="find meters on the bus")
    scan.add_argument("--first", type=options.address, default=None,
                      help="first address (default 1; M-Bus 0)")
    scan.add_argument("--last", type=options.address, default=None,
                      help="last address (default 247; M-Bus 250)")
    scan.add_argument("--secondary", action="store_true",
                      help="M-Bus: find every meter by secondary address (wildcard search), "
                           "even when several share a primary address")
    sub.add_parser("ports", parents=[conn], help="list serial ports")
    ble_commands.add_scan_arguments(
        sub.add_parser("ble-scan", parents=[conn], help="list meters in Bluetooth LE range"))
    backup_commands.add_parsers(sub, conn)
    check_command.add_parser(sub, conn)
    capture_command.add_parser(sub, conn)
    simulate = sub.add_parser("simulate", help="run simulated meters on a pseudo-terminal")
    from ..simulator import command as simulator_command

    simulator_command.add_arguments(simulate)
    return parser


def _demo_model_explicit(argv: list[str]) -> list[str]:
    """Let `--demo info` mean the default model, not a model called "info"."""
    from ..model.models import Model

    out = []
    for i, token in enumerate(argv):
        if token == "--demo":
            following = argv[i + 1] if i + 1 < len(argv) else ""
            try:
                Model.parse(following)
            except ValueError:
                token = "--demo=4PU"
        out.append(token)
    return out


RUNNERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "info": commands.info,
    "read": commands.read,
    "get": commands.get,
    "set": commands.set_,
    "reset": commands.reset,
    "scan": commands.scan,
    "ports": commands.ports,
    "ble-scan": ble_commands.ble_scan,
    "backup": backup_commands.backup,
    "restore": backup_commands.restore,
    "report": backup_commands.report,
    "check": check_command.check,
    "capture": capture_command.capture,
}


def main(argv: Sequence[str] | None = None, *, ble_backends: tuple[object, object] | None = None
         ) -> int:
    """Entry point of the console script; returns the exit code. `ble_backends`: bleak
    (scanner, client) backends for BLE (the simulator in tests; None: the platform's own)."""
    parser = build_parser()
    args = parser.parse_args(_demo_model_explicit(list(sys.argv[1:] if argv is None else argv)))
    for name, default in DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.port is None:
        args.port = os.environ.get(ENV_PORT)
    args.ble_backends = ble_backends
    if args.from_capture and args.demo is None and args.command != "simulate":
        args.demo = "4PU"  # --from is a demo meter; the capture says which model
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    from ..services.traffic import set_trace

    set_trace(args.trace or args.debug)  # every frame of every master, to stderr
    try:
        options.check_args(args)
        if args.command == "simulate":
            from ..simulator import command as simulator_command

            return simulator_command.run(args)
        if args.self_test:
            if args.command is not None:
                raise UsageError("--self-test takes no command.")
            return _self_test(args.demo)
        if args.forget_pin and args.command is None:
            return ble_commands.forget_only(args)
        if args.command is None and not args.json:  # the desktop window
            from ..ui.display import display_problem

            problem = display_problem()
            if problem is None:
                return _run_gui(args.demo, args.protocol, args.from_capture)
            if args.demo is None:
                raise UsageError(problem)
            print(f"{problem.split(':')[0]}: showing the demo as text.\n", file=sys.stderr)
        runner = RUNNERS.get(args.command) if args.command else commands.demo_overview
        assert runner is not None
        return commands.with_demo(args, ble_commands.with_pin(args, runner))
    except ConfiguratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: a sentence, never a traceback
        if args.debug:
            traceback.print_exc()
        print(f"error: unexpected failure: {exc!r} (run with --debug for details).",
              file=sys.stderr)
        return int(ExitCode.UNEXPECTED)


def _run_gui(demo: str | None, protocol: str = "modbus", capture: str | None = None) -> int:
    """No command: the desktop window (Qt imported only here, so CLI commands stay fast)."""
    if demo is not None:
        from ..model.models import Model

        try:
            demo = Model.parse(demo).info.code
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    try:
        from ..ui.app import run_gui
    except ImportError as exc:
        raise UsageError(f"The desktop window needs PySide6, pyqtgraph and qasync ({exc}); "
                         "use a command (see --help).") from None
    return run_gui(demo, protocol=protocol, capture=capture)


def _self_test(demo: str | None) -> int:
    """`configurator --self-test`: the packaged app starts, connects, paints and closes."""
    from ..model.models import Model

    try:
        model = Model.parse(demo or "4PU").info.code
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        from ..ui.app import run_self_test
    except ImportError as exc:
        print(f"self-test failed: the desktop window cannot load ({exc}).", file=sys.stderr)
        return int(ExitCode.UNEXPECTED)
    problem = run_self_test(model)
    if problem:
        print(f"self-test failed: {problem}", file=sys.stderr)
        return int(ExitCode.UNEXPECTED)
    print(f"self-test passed: the window connected to a simulated {model} and painted.")
    return 0


def run_async(coro: object) -> int:
    """Run a coroutine to completion and return its exit code."""
    return asyncio.run(coro)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
