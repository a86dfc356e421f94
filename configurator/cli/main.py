"""The `configurator` command line: parse, run one command, turn every failure into a sentence.

Start-up stays short: the parser is built from argparse and light modules only, and a command's
module is imported when that command runs (RUNNERS), so `read` never loads backup, restore,
report or Bluetooth code, and Qt is imported only for the window.

A command is registered here in two places:
1. its arguments in `build_parser`: one `sub.add_parser(...)` call (`parents=[conn]` adds the
   connection options), its options added right there or by an `add_arguments(parser)` of a
   module whose top imports nothing heavy (the parser is built for every command and for
   --help; tests/cli/test_cli_imports.py checks what loads). Options that need a heavy module
   are added only `if named("command")` (see "simulate"); help text that needs one is filled
   in by a `complete_help` function, choices by `LazyChoices` (cli/parser.py);
2. its runner in RUNNERS: "name": "module:function", the module relative to configurator.cli
   (e.g. ".check_command:check"); the function takes the parsed arguments and returns the exit
   code. Its module is imported only when the command runs.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import ConfiguratorError, ExitCode, UsageError
from . import backup_args, ble_commands
from .parser import CommandParser, LazyChoices

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
    group.add_argument("--address", type=int, default=s,
                       help="meter address (Modbus ID 1-247, default 1; M-Bus primary 0-250, "
                            "default 0)")
    group.add_argument("--baud", type=int, default=s,
                       help="baud rate (default 9600 for Modbus, 2400 for M-Bus)")
    group.add_argument("--parity", choices=["even", "none", "odd"], default=s,
                       help="parity (meter default even)")
    group.add_argument("--device", default=s,
                       help="Bluetooth LE meter: address or name (IM-<serial>); M-Bus: the "
                            "meter's 8-digit secondary address (selects it, address 253)")
    group.add_argument("--pin", default=s,
                       help="Bluetooth LE pairing PIN, the meter password (default 0000)")
    group.add_argument("--timeout", type=float, default=s,
                       help="seconds to wait for an answer (default: wire time + 0.5 s)")
    group.add_argument("--demo", nargs="?", const="4PU", default=s, metavar="MODEL",
                       help="talk to a built-in simulated meter (4PU, 4PS or 2PUCT)")
    group.add_argument("--json", action="store_true", default=s, help="print JSON")
    group.add_argument("--debug", action="store_true", default=s,
                       help="log every frame and show tracebacks")
    return parent


DEFAULTS = {"port": None, "protocol": "modbus", "address": None, "baud": None, "parity": None,
            "timeout": None, "demo": None, "json": False, "debug": False, "device": None,
            "pin": None}


def _settings_help(parser: argparse.ArgumentParser) -> None:
    """`get --help` and `set --help` list every setting (the settings table loads only here)."""
    from ..model.settings import SETTINGS

    parser.epilog = "settings:\n" + "\n".join(
        f"  {s.key:<24} {s.domain.describe()}" for s in SETTINGS.values())


def _action_names() -> list[str]:
    from ..model.settings import ACTIONS

    return list(ACTIONS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser (also the source of `--help`).

    With `argv`, options that need a heavy module are added only for a command named in it
    (the parser then parses `argv` as the full one would); without, the full parser.
    """

    def named(command: str) -> bool:
        return argv is None or command in argv

    conn = _connection_parser()
    parser = CommandParser(
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
    get = sub.add_parser("get", parents=[conn], help="read settings",
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         complete_help=_settings_help)
    get.add_argument("keys", nargs="*", metavar="KEY", help="settings to read (default: all)")
    set_ = sub.add_parser("set", parents=[conn], help="change settings (validated, verified)",
                          formatter_class=argparse.RawDescriptionHelpFormatter,
                          complete_help=_settings_help)
    set_.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
    set_.add_argument("--yes", action="store_true",
                      help="confirm changes that cannot be undone (ct.ratio)")
    reset = sub.add_parser("reset", parents=[conn], help="reset a counter")
    reset.add_argument("action", help="which counter").choices = LazyChoices(_action_names)
    scan = sub.add_parser("scan", parents=[conn], help="find meters on the bus")
    scan.add_argument("--first", type=int, default=None,
                      help="first address (default 1; M-Bus 0)")
    scan.add_argument("--last", type=int, default=None,
                      help="last address (default 247; M-Bus 250)")
    scan.add_argument("--secondary", action="store_true",
                      help="M-Bus: find every meter by secondary address (wildcard search), "
                           "even when several share a primary address")
    sub.add_parser("ports", parents=[conn], help="list serial ports")
    ble_commands.add_scan_arguments(
        sub.add_parser("ble-scan", parents=[conn], help="list meters in Bluetooth LE range"))
    backup_args.add_parsers(sub, conn)
    simulate = sub.add_parser("simulate", help="run simulated meters on a pseudo-terminal")
    if named("simulate"):  # the simulator's options load its module (dataclasses, physics)
        from ..simulator import command as simulator_command

        simulator_command.add_arguments(simulate)
    return parser


def _demo_model_explicit(argv: list[str]) -> list[str]:
    """Let `--demo info` mean the default model, not a model called "info"."""
    if "--demo" not in argv:
        return argv
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


# Every command's runner, "module:function" (module relative to configurator.cli), imported
# only when its command runs.
RUNNERS: dict[str, str] = {
    "info": ".commands:info",
    "read": ".commands:read",
    "get": ".commands:get",
    "set": ".commands:set_",
    "reset": ".commands:reset",
    "scan": ".commands:scan",
    "ports": ".commands:ports",
    "ble-scan": ".ble_commands:ble_scan",
    "backup": ".backup_commands:backup",
    "restore": ".backup_commands:restore",
    "report": ".backup_commands:report",
    "simulate": "..simulator.command:run",
}
DEMO_OVERVIEW = ".commands:demo_overview"  # --demo and no command, without a display
Runner = Callable[[argparse.Namespace], int]


def load_runner(target: str) -> Runner:
    """The function a RUNNERS target names ("module:function"), its module imported now."""
    module, _, function = target.partition(":")
    runner: Runner = getattr(importlib.import_module(module, __package__), function)
    return runner


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit code."""
    arguments = _demo_model_explicit(list(sys.argv[1:] if argv is None else argv))
    args = build_parser(arguments).parse_args(arguments)
    for name, default in DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.port is None:
        args.port = os.environ.get(ENV_PORT)
    import logging

    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        if args.command == "simulate":  # its own options, never a --demo meter
            return load_runner(RUNNERS["simulate"])(args)
        if args.self_test:
            if args.command is not None:
                raise UsageError("--self-test takes no command.")
            return _self_test(args.demo)
        if args.command is None and not args.json:  # the desktop window
            from ..ui.display import display_problem

            problem = display_problem()
            if problem is None:
                return _run_gui(args.demo, args.protocol)
            if args.demo is None:
                raise UsageError(problem)
            print(f"{problem.split(':')[0]}: showing the demo as text.\n", file=sys.stderr)
        runner = load_runner(RUNNERS[args.command] if args.command else DEMO_OVERVIEW)
        from .connect import with_demo

        return with_demo(args, runner)
    except ConfiguratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return int(exc.exit_code)
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        import contextlib

        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: a sentence, never a traceback
        if args.debug:
            import traceback

            traceback.print_exc()
        print(f"error: unexpected failure: {exc!r} (run with --debug for details).",
              file=sys.stderr)
        return int(ExitCode.UNEXPECTED)


def _run_gui(demo: str | None, protocol: str = "modbus") -> int:
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
    return run_gui(demo, protocol=protocol)


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
    import asyncio

    return asyncio.run(coro)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
