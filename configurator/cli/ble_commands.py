"""Bluetooth LE commands: `configurator ble-scan`, the simulated BLE meter behind --demo, and
where the pairing PIN comes from (docs/ble.md "Pairing and the PIN").

The PIN (the meter password) is taken, first match wins, from:
1. `--pin PIN` on the command line (works, with a warning: other users see it in the process
   list, and it stays in the shell history);
2. `--pin-stdin`: the first line of standard input (a prompt without echo on a terminal);
3. the environment variable CONFIGURATOR_PIN;
4. the OS keyring, if it was remembered there for this --device (`--remember-pin`);
5. a prompt without echo, when standard input is a terminal (Enter: the factory 0000);
6. else the factory PIN 0000; if the meter refuses it, the error says that 0000 was tried.
Sources 1-3 are read before anything else happens; 4-6 only when a session is opened, so a
command that fails earlier never asks. With --demo, sources 4-6 give way to the simulated
meter's 0000, and the keyring is neither read nor written.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import getpass
import json
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import ExitCode, PairingError, UsageError
from ..model.models import Model
from . import options as cli_options
from .pin_options import ENV_PIN, PIN_DEFAULTS, add_pin_arguments

NO_SESSION = frozenset({"ports", "ble-scan", "scan", "simulate"})  # commands that never pair
_MAX_PIN_LINE = 64


def add_scan_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `ble-scan`."""
    parser.add_argument("--seconds", type=cli_options.ble_scan_seconds, default=5.0,
                        help="how long to listen for meters, up to 120 (default 5)")
    parser.add_argument("--all", action="store_true", dest="include_all",
                        help="list every Bluetooth LE device heard, not only meters")


@contextlib.contextmanager
def demo_meter(model: Model, address: int) -> Iterator[tuple[str, tuple[Any, Any]]]:
    """A simulated BLE meter in this process for the block; yields its name (IM-...) and the
    bleak (scanner, client) backends that reach it, for ConnectionOptions.ble_backends."""
    from ..simulator.ble_backend import demo_air

    air = demo_air(model, address=address)
    name = air.peripherals[0].name
    assert name is not None
    try:
        yield name, (air.scanner_backend, air.client_backend)
    finally:
        air.peripherals.clear()  # off the air


def ble_scan(args: argparse.Namespace) -> int:
    """`configurator ble-scan`: meters in Bluetooth LE range, strongest first."""
    from ..services.ble_discovery import discover_meters

    scanner, _client = getattr(args, "ble_backends", None) or (None, None)  # demo: simulated
    found = asyncio.run(discover_meters(args.seconds, backend=scanner,
                                        include_all=args.include_all))
    if args.json:
        print(json.dumps([info.as_dict() for info in found], indent=2))
        return 0
    if not found:
        print(f"No meter heard within {args.seconds:g} s. Is the meter's Bluetooth on "
              "(menu: Bluetooth mode) and is it in range?")
        return 0
    rows = [("NAME", "ADDRESS", "RSSI", "SERIAL")]
    rows += [(info.name or "(no name)", info.address, f"{info.rssi} dBm",
              f"{info.serial:08d}" if info.serial is not None else "-") for info in found]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for row in rows:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)) + "  "
              + row[3])
    print(f"{len(found)} device(s); connect with: configurator --protocol ble --device ADDRESS "
          "info", file=sys.stderr)
    return 0


# --- the PIN -------------------------------------------------------------------------------

def _note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _needs_pin(args: argparse.Namespace) -> bool:
    return args.protocol == "ble" and args.command not in NO_SESSION


def _read_pin_line() -> str:
    """--pin-stdin: one line of standard input (a prompt without echo on a terminal)."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise UsageError("--pin-stdin: there is no standard input to read the PIN from.")
    if stream.isatty():
        return _prompt("Bluetooth PIN (the meter password): ")
    line = stream.readline(_MAX_PIN_LINE)
    if not line.strip():
        raise UsageError("--pin-stdin: standard input holds no PIN (give it as its first "
                         "line).")
    return line


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except EOFError:
        raise UsageError("No PIN was entered.") from None


def _parse(pin: str, source: str) -> str:
    from ..services.pin import parse_pin

    try:
        return parse_pin(pin)
    except UsageError as exc:
        raise UsageError(f"{source}: {exc}") from None


def explicit_pin(args: argparse.Namespace) -> str | None:
    """The PIN from --pin, --pin-stdin or CONFIGURATOR_PIN (in this order), or None."""
    if args.pin is not None and args.pin_stdin:
        raise UsageError("Give the PIN one way: --pin or --pin-stdin, not both.")
    if args.pin is not None:
        _note("warning: --pin puts the PIN where other users of this computer can see it (the "
              "process list) and in your shell history; prefer --pin-stdin, "
              f"{ENV_PIN} or --remember-pin.")
        return _parse(args.pin, "--pin")
    if args.pin_stdin:
        return _parse(_read_pin_line(), "--pin-stdin")
    env = os.environ.get(ENV_PIN)
    if env:
        return _parse(env, ENV_PIN)
    return None


def _fallback_pin(args: argparse.Namespace, device: str) -> tuple[str, bool]:
    """The keyring's PIN, else a prompt on a terminal, else the factory PIN.

    Returns the PIN and whether it is the factory PIN taken without asking.
    """
    from ..services.pin import FACTORY_PIN, keyring_key, recall_pin

    remembered = recall_pin(device)
    if remembered is not None:
        return remembered, False
    if sys.stdin is not None and not sys.stdin.closed and sys.stdin.isatty():
        typed = _prompt(f"Bluetooth PIN of {keyring_key(device)} (the meter password; "
                        "Enter: the factory 0000): ")
        return (_parse(typed, "PIN") if typed.strip() else FACTORY_PIN), False
    return FACTORY_PIN, True


def _remember(device: str, pin: str) -> None:
    from ..services.pin import outcome_text, store_pin

    outcome = store_pin(device, pin)
    _note(f"note: {outcome_text(outcome, device, stored=True)}")


def _forget(args: argparse.Namespace) -> int:
    from ..services.pin import KeyringOutcome, outcome_text, remove_pin

    if args.demo is not None:
        _note("note: --forget-pin does nothing with --demo: the simulated meter's PIN is never "
              "stored.")
        return 0
    if not args.device:
        raise UsageError("--forget-pin needs --device: the meter whose PIN to remove.")
    outcome = remove_pin(args.device)
    _note(f"note: {outcome_text(outcome, args.device, stored=False)}")
    return int(ExitCode.UNEXPECTED) if outcome is KeyringOutcome.FAILED else 0


def forget_only(args: argparse.Namespace) -> int:
    """`configurator --protocol ble --device X --forget-pin` without a command."""
    return _forget(args)


@contextlib.contextmanager
def _pin_at_pairing(args: argparse.Namespace) -> Iterator[None]:
    """Within the block, BLE sessions get the fallback PIN when they open and, with
    --remember-pin, keep it in the OS keyring once the meter accepted it (the session is
    open only after a successful pairing). Passed to the sessions through ConnectionOptions
    (`pin_source`, `on_paired`, read by `commands.options_from`), never through a global."""
    remembered: set[str] = set()
    factory_tried = False

    def source(device: str) -> str:
        nonlocal factory_tried
        if args.pin is None:
            args.pin, factory_tried = _fallback_pin(args, device)
        return str(args.pin)

    def paired(device: str, pin: str) -> None:
        if args.remember_pin and args.demo is None and device not in remembered:
            remembered.add(device)
            _remember(device, pin)

    args.pin_source, args.on_paired = source, paired
    try:
        yield
    except PairingError as exc:
        if not factory_tried:
            raise
        raise PairingError(f"{exc} No PIN was given, so the factory PIN 0000 was tried: "
                           f"give the meter's with --pin-stdin or {ENV_PIN}.") from None
    finally:
        args.pin_source = args.on_paired = None


def with_pin(args: argparse.Namespace,
             runner: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """`runner` with the PIN options applied (see the module docstring for the order)."""
    if args.forget_pin:
        code = _forget(args)
        if code:
            return lambda _args: code
    if not _needs_pin(args):
        if args.pin is not None or args.pin_stdin or args.remember_pin:
            _note("note: --pin, --pin-stdin and --remember-pin are used only with --protocol "
                  "ble; ignored.")
        return runner
    args.pin = explicit_pin(args)
    if args.remember_pin:
        from ..services.pin import keyring_problem

        if args.demo is not None:
            _note("note: --remember-pin does nothing with --demo: the simulated meter's PIN is "
                  "never stored.")
        elif (problem := keyring_problem()) is not None:
            _note(f"warning: {problem}")

    def run(run_args: argparse.Namespace) -> int:
        with _pin_at_pairing(run_args):
            return runner(run_args)

    return run


__all__ = ["ENV_PIN", "PIN_DEFAULTS", "add_pin_arguments", "add_scan_arguments", "ble_scan",
           "demo_meter", "explicit_pin", "forget_only", "with_pin"]
