"""Typed command-line options: argparse `type=` callables that accept only sane, ASCII numbers.

Python's `int()` and `float()` take far more than a user means: Unicode digits ("٢"), digit
separators ("1_0"), signs, surrounding blanks, "inf", "nan" and exponents ("1e308"). Every
numeric option of the CLI and of `configurator simulate` is parsed here instead, with the
range it allows; a refusal is an `argparse.ArgumentTypeError`, so argparse prints one sentence
and exits with code 2 (invalid command line) before anything is opened or written.

The allowed baud rates and addresses come from the settings table (model/settings.py), never
from a second list. The table is loaded only when an option that needs it is parsed, so
`configurator --help` stays light (tests/cli/test_cli_imports.py).
"""

from __future__ import annotations

import argparse
import functools
import math
import re
from collections.abc import Callable

_INTEGER = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(\.[0-9]*)?|\.[0-9]+")
_MAX_DIGITS = 12  # no option needs more; keeps the conversion and the message short

MAX_TIMEOUT_S = 60.0  # a meter that has not answered within a minute will not answer
MAX_BLE_SCAN_S = 120.0
MAX_SEED = 2**32 - 1
MAX_TEXT = 200  # --device, --addresses: no real value is longer


def _shown(text: str) -> str:
    """The user's text for a message: quoted, control characters escaped, cut if long."""
    return repr(text if len(text) <= 40 else text[:37] + "...")


def parse_ascii_int(text: str) -> int | None:
    """`text` as a non-negative integer written with ASCII digits only, else None."""
    if not isinstance(text, str) or len(text) > _MAX_DIGITS or not _INTEGER.fullmatch(text):
        return None
    return int(text, 10)


def parse_ascii_decimal(text: str) -> float | None:
    """`text` as a finite non-negative decimal number ("0.5", "2", ".25"), else None.

    No sign, exponent, blank, digit separator, Unicode digit, "inf" or "nan".
    """
    if not isinstance(text, str) or len(text) > _MAX_DIGITS or not _DECIMAL.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def int_range(low: int, high: int, what: str = "a whole number") -> Callable[[str], int]:
    """A `type=` callable for an integer option within `low`..`high`."""
    def parse(text: str) -> int:
        value = parse_ascii_int(text)
        if value is None or not low <= value <= high:
            raise argparse.ArgumentTypeError(
                f"{_shown(text)} is not valid: give {what} {low}-{high} in plain digits.")
        return value

    parse.__name__ = f"integer {low}-{high}"  # argparse names the type in some messages
    return parse


def seconds_range(high: float, *, low: float = 0.0, what: str = "seconds",
                  allow_low: bool = False) -> Callable[[str], float]:
    """A `type=` callable for a time in seconds: finite, above `low` (or equal if
    `allow_low`), at most `high`."""
    def parse(text: str) -> float:
        value = parse_ascii_decimal(text)
        ok = value is not None and (low <= value if allow_low else low < value) and value <= high
        if not ok:
            bound = "from" if allow_low else "above"
            raise argparse.ArgumentTypeError(
                f"{_shown(text)} is not valid: give {what} {bound} {low:g} up to {high:g}, "
                "as a plain number like 0.5.")
        assert value is not None
        return value

    parse.__name__ = "seconds"
    return parse


def plain_number(what: str, *, decimal: bool = False) -> Callable[[str], float | int]:
    """A `type=` callable that checks only the spelling: ASCII digits, an optional leading "-"
    (and with `decimal` one "."); the range is the caller's to check (e.g. `simulate`, whose
    OptionError names the allowed range)."""
    def parse(text: str) -> float | int:
        negative = isinstance(text, str) and text.startswith("-")
        body = text[1:] if negative else text
        value = parse_ascii_decimal(body) if decimal else parse_ascii_int(body)
        if value is None:
            raise argparse.ArgumentTypeError(
                f"{_shown(text)} is not valid: give {what} in plain digits"
                + (" like 1.5." if decimal else "."))
        return -value if negative else value

    parse.__name__ = "number"
    return parse


@functools.cache
def baud_rates() -> dict[str, tuple[int, ...]]:
    """The baud rates the meter can be set to, from the settings table: "modbus", "mbus" and
    "any" (the union)."""
    from ..model.settings import MODBUS_BAUD_CODES, SETTINGS

    mbus = tuple(sorted(int(r) for r in SETTINGS["mbus.baudrate"].domain.options))  # type: ignore[attr-defined]
    modbus = tuple(sorted(MODBUS_BAUD_CODES))
    return {"modbus": modbus, "mbus": mbus, "any": tuple(sorted({*modbus, *mbus}))}


def baud_rate(text: str) -> int:
    """`--baud`: one of the rates the meter supports (which protocol: `check_combination`)."""
    rates = baud_rates()["any"]
    value = parse_ascii_int(text)
    if value is None or value not in rates:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)} is not a baud rate the meter supports: one of "
            f"{', '.join(str(b) for b in rates)}.")
    return value


@functools.cache
def _bounds(key: str) -> tuple[int, int]:
    """(low, high) of a whole-number setting's domain (settings table)."""
    from ..model.settings import SETTINGS

    domain = SETTINGS[key].domain
    return domain.low, domain.high  # type: ignore[attr-defined]


def _setting_range(keys: tuple[str, ...], what: str) -> Callable[[str], int]:
    """A `type=` callable for a number within the union of these settings' ranges, looked up
    in the settings table when first used."""
    def parse(text: str) -> int:
        low = min(_bounds(key)[0] for key in keys)
        high = max(_bounds(key)[1] for key in keys)
        return int_range(low, high, what)(text)

    parse.__name__ = "integer"
    return parse


address = _setting_range(("modbus.address", "mbus.address"), "an address")
"""`--address`, `--first`, `--last`: the protocol's own range is checked once it is known."""

modbus_address = _setting_range(("modbus.address",), "a Modbus address")
mbus_address = _setting_range(("mbus.address",), "an M-Bus primary address")
timeout = seconds_range(MAX_TIMEOUT_S, what="a timeout in seconds")
"""`--timeout`: finite, above 0, at most a minute."""
ble_scan_seconds = seconds_range(MAX_BLE_SCAN_S, what="a listening time in seconds")
seed = int_range(0, MAX_SEED, "a seed")


def plain_text(what: str, pattern: str = r"[\x21-\x7e]+") -> Callable[[str], str]:
    """A `type=` callable for a short text option made of printable ASCII (default: no blanks).

    Keeps Unicode digits and look-alikes out of values that other code reads as numbers
    (an M-Bus secondary address, a serial number, an address list).
    """
    compiled = re.compile(pattern)

    def parse(text: str) -> str:
        if len(text) > MAX_TEXT or not compiled.fullmatch(text):
            raise argparse.ArgumentTypeError(f"{_shown(text)} is not valid: give {what}.")
        return text

    parse.__name__ = "text"
    return parse


device = plain_text("a Bluetooth address, a meter name like IM-000023000001, or an 8-digit "
                    "M-Bus secondary address, in plain ASCII")
address_list = plain_text("addresses in plain digits like 1,2,5-7", r"[0-9][0-9,\- ]*")


def check_args(args: argparse.Namespace) -> None:
    """Checks that need two options at once (after parsing); raises UsageError."""
    from ..errors import UsageError

    if getattr(args, "command", None) == "simulate":  # its own --baud, checked by simulate
        return
    problem = check_combination(getattr(args, "protocol", None) or "modbus",
                                getattr(args, "baud", None))
    if problem is not None:
        raise UsageError(problem)


def check_combination(protocol: str, baud: int | None) -> str | None:
    """Why `--baud` does not fit `--protocol` (one sentence), or None if it does."""
    if baud is None or protocol == "ble":  # no serial line over Bluetooth: nothing to check
        return None
    rates = baud_rates()["mbus" if protocol == "mbus" else "modbus"]
    if baud in rates:
        return None
    name = "an M-Bus" if protocol == "mbus" else "a Modbus RTU"
    return (f"--baud {baud} is not {name} baud rate of this meter: one of "
            f"{', '.join(str(b) for b in rates)}.")


__all__ = ["MAX_TIMEOUT_S", "address", "address_list", "baud_rate", "baud_rates",
           "ble_scan_seconds", "check_args", "check_combination", "device", "int_range",
           "mbus_address", "modbus_address", "parse_ascii_decimal", "parse_ascii_int",
           "plain_number", "plain_text", "seed", "seconds_range", "timeout"]
