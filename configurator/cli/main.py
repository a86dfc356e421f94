"""The `configurator` command line: parse, run one command, turn every failure into a sentence.

Start-up stays short: the parser gives options only to the command on the command line, and a
command's module is imported only when that command runs, so `read` never loads the backup,
restore, report, Bluetooth or simulator code, and Qt is imported only for the window
(tests/cli/test_cli_imports.py counts what loads).

A command is registered here in two places:
1. in `build_parser`, one `command("name", "one-line help")` call; if it has options:
   `if p := command(...):` then `p.add_argument(...)` or `add_xyz_arguments(p)` imported from
   its module inside that `if` (so a heavy module loads only for its own command);
2. its runner in RUNNERS: "name": "module:function", the module relative to configurator.cli
   (e.g. ".check_command:check"); the function takes the parsed arguments and returns the
   exit code.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from .. import __version__
from ..errors import ConfiguratorError, ExitCode, UsageError
from ..protocol.retries import DEFAULT_RETRIES, MAX_RETRIES
from . import options
from .pin_options import PIN_DEFAULTS, add_pin_arguments, pin_options_given

ENV_PORT = "CONFIGURATOR_PORT"


def terminal_columns() -> int:
    """The terminal's width as `shutil.get_terminal_size()` gives it ($COLUMNS, else the
    terminal's, else 80), without importing shutil: argparse would import it (and with it zlib,
    bz2 and lzma) on every command line, not only for --help."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _TerminalWidth:
    """argparse's formatters, their width from `terminal_columns` (argparse: the width - 2)."""

    def __init__(self, prog: str, *args: Any, **kwargs: Any) -> None:
        if len(args) < 3 and kwargs.get("width") is None:
            kwargs["width"] = terminal_columns() - 2
        super().__init__(prog, *args, **kwargs)  # type: ignore[call-arg]


class HelpFormatter(_TerminalWidth, argparse.HelpFormatter):
    """argparse's default help layout."""


class RawDescriptionHelpFormatter(_TerminalWidth, argparse.RawDescriptionHelpFormatter):
    """argparse's layout that keeps the description's and epilog's line breaks."""


class CommandLineParser(argparse.ArgumentParser):
    """argparse, but a mistake on the command line is one sentence (exit 2), not a usage dump."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Print `error: <what is wrong>` and where help is, then exit with code 2."""
        what = message.removeprefix("argument ")
        self.exit(int(ExitCode.USAGE), f"error: {what} (see '{self.prog} --help')\n")


def _connection_parser() -> CommandLineParser:
    """Connection options, accepted before or after the command (defaults filled later)."""
    parent = CommandLineParser(add_help=False)
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
    add_pin_arguments(group)
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
            **PIN_DEFAULTS}


def _settings_epilog() -> str:
    """The list of settings that `get --help` and `set --help` end with."""
    from ..model.settings import SETTINGS

    return "settings:\n" + "\n".join(
        f"  {s.key:<24} {s.domain.describe()}" for s in SETTINGS.values())


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser (also the source of `--help`).

    Given the command line `argv`, only the commands named in it get their options (and import
    what those need), so the parser for `read` never loads the settings table, the backup code
    or the simulator; it parses `argv` exactly as the full parser would. Without `argv`, every
    command's full parser.
    """
    conn = _connection_parser()
    parser = CommandLineParser(
        prog="configurator", parents=[conn],
        description="Configure and read WAGO 879-30xx MID energy meters (4PU, 4PS, 2PU CT).",
        epilog="Exit codes: " + ", ".join(f"{c.value} {c.name.lower()}" for c in ExitCode),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="start the window on a demo meter (offscreen without a display), "
                             "wait until it is connected and painted, close it, exit 0")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, summary: str, connection: bool = True,
                **kwargs: Any) -> argparse.ArgumentParser | None:
        """Add command `name` (`summary`: its line in --help). Returns its parser, to add its
        options to, or None when `name` is not on the command line: then they are not needed."""
        if argv is not None and name not in argv:  # listed in --help, never parsed
            sub.add_parser(name, help=summary, add_help=False)
            return None
        return sub.add_parser(name, help=summary, parents=[conn] if connection else [],
                              **kwargs)

    raw = RawDescriptionHelpFormatter
    command("info", "who the meter is: model, serial, firmware, checksum, counters, quadrants")
    command("read", "all measurements and energy registers")
    if get := command("get", "read settings", formatter_class=raw):
        get.epilog = _settings_epilog()
        get.add_argument("keys", nargs="*", metavar="KEY", help="settings to read (default: all)")
    if set_ := command("set", "change settings (validated, verified)", formatter_class=raw):
        set_.epilog = _settings_epilog()
        set_.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
        set_.add_argument("--yes", action="store_true",
                          help="confirm changes that cannot be undone (ct.ratio, tariff 3/4, "
                               "link moves) without asking")
    if reset := command("reset", "reset a counter"):
        from ..model.settings import ACTIONS

        reset.add_argument("action", choices=list(ACTIONS), help="which counter")
        reset.add_argument("--yes", action="store_true", help="confirm the reset without asking")
    if scan := command("scan", "find meters on the bus"):
        scan.add_argument("--first", type=options.address, default=None,
                          help="first address (default 1; M-Bus 0)")
        scan.add_argument("--last", type=options.address, default=None,
                          help="last address (default 247; M-Bus 250)")
        scan.add_argument("--secondary", action="store_true",
                          help="M-Bus: find every meter by secondary address (wildcard search), "
                               "even when several share a primary address")
    command("ports", "list serial ports")
    if ble_scan := command("ble-scan", "list meters in Bluetooth LE range"):
        from .ble_commands import add_scan_arguments

        add_scan_arguments(ble_scan)
    if backup := command("backup", "save a meter's settings, identity and energy snapshot to a "
                         "JSON file (--all: every meter on the bus)"):
        from .backup_commands import add_backup_arguments

        add_backup_arguments(backup)
    if restore := command("restore", "write a backup's settings back to a meter (--template: "
                          "to several meters)"):
        from .backup_commands import add_restore_arguments

        add_restore_arguments(restore)
    if report := command("report", "commissioning report as PDF, one page per meter"):
        from .backup_commands import add_report_arguments

        add_report_arguments(report)
    if check := command("check", "wiring check: per phase and for the installation, with "
                        "figures and what to do (exit 11 when anything is not a pass)"):
        from .check_command import add_check_arguments

        add_check_arguments(check)
    if template := command("template", "settings templates made with no meter connected: "
                           "new, show, set, apply (to one meter or a bus)"):
        from .template_command import add_template_arguments

        add_template_arguments(template, _connection_parser())
    if commission := command("commission", "run a commissioning job from a plan file: "
                             "addresses, template, wiring, backups, one report (resumable)"):
        from .commission_command import add_commission_arguments

        add_commission_arguments(commission)
    if capture := command("capture", "save a support bundle: identity, every register block "
                          "raw (or the M-Bus telegrams), the traffic and versions; replay it "
                          "with 'simulate --from'"):
        from .capture_command import add_capture_arguments

        add_capture_arguments(capture)
    if simulate := command("simulate", "run simulated meters on a pseudo-terminal",
                           connection=False):
        from ..simulator.command import add_arguments

        add_arguments(simulate)
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
    "check": ".check_command:check",
    "capture": ".capture_command:capture",
    "template": ".template_command:template",
    "commission": ".commission_command:commission",
    "simulate": "..simulator.command:run",
}
# Commands that over Modbus RTU read once with no event loop (services/quick_read.py): asyncio
# is not imported for them (over M-Bus or BLE they import it when they run).
BLOCKING_COMMANDS = frozenset({"info", "read"})
DEMO_OVERVIEW = ".commands:demo_overview"  # --demo and no command, without a display
Runner = Callable[[argparse.Namespace], int]


def load_runner(target: str) -> Runner:
    """The function a RUNNERS target names ("module:function"), its module imported now."""
    module, _, function = target.partition(":")
    runner: Runner = getattr(importlib.import_module(module, __package__), function)
    return runner


def import_asyncio_without_tls() -> None:
    """Import asyncio without the ssl module, which it loads only to offer TLS connections.

    No command opens one (serial ports, Bluetooth over D-Bus), and ssl is a tenth of a meter
    command's start-up (bench/bench_modbus.py). `import ssl` works again afterwards; only
    asyncio's own TLS support stays off in this process.
    """
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        return
    sys.modules["ssl"] = None  # type: ignore[assignment]  # `import ssl` raises ImportError
    try:
        import asyncio  # noqa: F401
    except ImportError:  # an asyncio that cannot do without ssl: the ordinary import
        for name in [n for n in sys.modules if n == "asyncio" or n.startswith("asyncio.")]:
            del sys.modules[name]
    finally:
        del sys.modules["ssl"]
    import asyncio  # noqa: F401, F811


def main(argv: Sequence[str] | None = None, *, ble_backends: tuple[object, object] | None = None
         ) -> int:
    """Entry point of the console script; returns the exit code. `ble_backends`: bleak
    (scanner, client) backends for BLE (the simulator in tests; None: the platform's own)."""
    arguments = _demo_model_explicit(list(sys.argv[1:] if argv is None else argv))
    args = build_parser(arguments).parse_args(arguments)
    for name, default in DEFAULTS.items():
        if not hasattr(args, name):
            setattr(args, name, default)
    if args.port is None:
        args.port = os.environ.get(ENV_PORT)
    args.ble_backends = ble_backends
    if args.from_capture and args.demo is None and args.command != "simulate":
        args.demo = "4PU"  # --from is a demo meter; the capture says which model
    # A one-shot read over Modbus RTU imports neither asyncio nor logging (services/
    # quick_read.py, docs/DECISIONS.md P2); with --debug it logs as every other command.
    one_shot_read = args.command in BLOCKING_COMMANDS and _reads_without_event_loop(args)
    if args.debug or not one_shot_read:
        import logging

        logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                            format="%(levelname)s %(name)s: %(message)s")
    tracing = bool(args.trace or args.debug)
    if tracing:  # every frame of every master, to stderr, until this command ends
        from ..services.traffic import set_trace

        set_trace(True)
    try:
        options.check_args(args)
        if args.command == "simulate":  # its own options, never a --demo meter
            return load_runner(RUNNERS["simulate"])(args)
        if args.self_test:
            if args.command is not None:
                raise UsageError("--self-test takes no command.")
            return _self_test(args.demo)
        if args.forget_pin and args.command is None:
            from .ble_commands import forget_only

            return forget_only(args)
        if args.command is None and not args.json:  # the desktop window
            from ..ui.display import display_problem

            problem = display_problem()
            if problem is None:
                return _run_gui(args.demo, args.protocol, args.from_capture)
            if args.demo is None:
                raise UsageError(str(problem))
            print(f"{problem.missing}: showing the demo as text.\n", file=sys.stderr)
        if not one_shot_read:
            import_asyncio_without_tls()
        runner = load_runner(RUNNERS[args.command] if args.command else DEMO_OVERVIEW)
        if args.protocol == "ble" or pin_options_given(args):  # where the PIN comes from
            from .ble_commands import with_pin

            runner = with_pin(args, runner)
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
    finally:
        if tracing:  # the trace belongs to this command (main() also runs inside tests)
            set_trace(False)


def _reads_without_event_loop(args: argparse.Namespace) -> bool:
    """The connection's own rule (ConnectionOptions.reads_without_event_loop), asked before
    the command loads: whether its one-shot read runs with no event loop."""
    from ..services.connection import ConnectionOptions

    return ConnectionOptions(protocol=args.protocol).reads_without_event_loop


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
    import asyncio

    return asyncio.run(coro)  # type: ignore[arg-type]


if __name__ == "__main__":
    sys.exit(main())
