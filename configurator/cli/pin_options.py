"""The Bluetooth LE PIN options of the command line (light: the parser of every command has
them; where the PIN is then taken from is cli/ble_commands.py)."""

from __future__ import annotations

import argparse
from typing import Any

ENV_PIN = "CONFIGURATOR_PIN"
PIN_DEFAULTS = {"pin_stdin": False, "remember_pin": False, "forget_pin": False}


def add_pin_arguments(group: Any) -> None:
    """The PIN options, among the connection options (accepted before or after the command)."""
    s = argparse.SUPPRESS
    group.add_argument("--pin", default=s,
                       help="Bluetooth LE pairing PIN, the meter password; visible to other "
                            "users in the process list: prefer --pin-stdin, the environment "
                            f"variable {ENV_PIN} or --remember-pin")
    group.add_argument("--pin-stdin", action="store_true", default=s,
                       help="read the Bluetooth LE PIN from the first line of standard input")
    group.add_argument("--remember-pin", action="store_true", default=s,
                       help="after a successful pairing, keep the PIN in the OS keyring for "
                            "this --device")
    group.add_argument("--forget-pin", action="store_true", default=s,
                       help="remove this --device's PIN from the OS keyring (alone, or before "
                            "the command)")


PIN_OPTIONS_GIVEN = ("pin", "pin_stdin", "remember_pin", "forget_pin")


def pin_options_given(args: argparse.Namespace) -> bool:
    """Whether any PIN option is on the command line."""
    return args.pin is not None or any(getattr(args, name, False) for name in PIN_OPTIONS_GIVEN[1:])
