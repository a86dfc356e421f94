"""The Bluetooth LE pairing PIN (the 4-digit meter password, manual 6.7.1) and the OS keyring.

The PIN is a secret: it is never written to a file or log by the configurator, never part of a
repr, message or exception text. The only place it may be kept is the operating system's
keyring, and only when the user asks ("--remember-pin", the GUI's "Remember" box), keyed by the
meter's advertised name (IM-<12 digits>; a bare serial number means the same meter).

The keyring is reached through the `keyring` package. Without a usable backend (a headless
machine: `keyring.backends.fail.Keyring`, or the null backend) nothing is remembered and
nothing fails; `keyring_problem()` says so in one sentence.
"""

from __future__ import annotations

import enum
import logging
import re
from typing import Any

from ..errors import UsageError
from ..i18n import QT_TRANSLATE_NOOP, Message

log = logging.getLogger(__name__)

KEYRING_SERVICE = "wago-879-30xx-configurator"
PIN_DIGITS = 4  # manual 6.7.1: the password is 4 digits, 0000 by default
FACTORY_PIN = "0000"
_PIN = re.compile(r"[0-9]{4}")
_NO_BACKEND = QT_TRANSLATE_NOOP(
    "Services", "The PIN cannot be remembered: this computer has no usable OS keyring (no Secret "
    "Service, KWallet, macOS Keychain or Windows Credential Locker).")


class KeyringOutcome(enum.Enum):
    """What a keyring operation did."""

    DONE = "done"  # stored, or removed
    NOT_FOUND = "not found"  # nothing was remembered for this meter
    NO_BACKEND = "no backend"  # no usable OS keyring on this computer
    FAILED = "failed"  # the keyring refused (locked, D-Bus down, ...)


def parse_pin(text: str) -> str:
    """The PIN if `text` is exactly 4 ASCII digits (surrounding blanks and a line end dropped).

    Raises UsageError with one sentence that never repeats what was typed.
    """
    cleaned = text.strip(" \t\r\n") if isinstance(text, str) else ""
    if not _PIN.fullmatch(cleaned):
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "The Bluetooth PIN is the meter password: exactly 4 digits 0-9, e.g. "
            "0000 (the factory password)."))
    return cleaned


def keyring_key(device: str) -> str:
    """The keyring user name for a meter: its advertised name (a serial becomes IM-<12>)."""
    from ..transport.ble import meter_name  # lazy: keeps bleak out of callers that never ask

    return meter_name(device)


def _keyring() -> Any | None:
    try:
        import keyring
    except ImportError:
        return None
    return keyring


def _usable_backend(module: Any) -> Any | None:
    """The keyring backend if it can store anything, else None."""
    try:
        backend = module.get_keyring()
    except Exception as exc:  # a broken keyring configuration: as good as none
        log.debug("no OS keyring backend: %s", type(exc).__name__)
        return None
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name in ("keyring.backends.fail.Keyring", "keyring.backends.null.Keyring"):
        return None
    return backend


def keyring_problem() -> Message | None:
    """Why the PIN cannot be remembered on this computer (one sentence), or None."""
    module = _keyring()
    if module is None:
        return QT_TRANSLATE_NOOP(
            "Services", "The PIN cannot be remembered: the Python package 'keyring' is not "
            "installed.").format()
    if _usable_backend(module) is None:
        return _NO_BACKEND.format()
    return None


def recall_pin(device: str) -> str | None:
    """The PIN remembered for `device` in the OS keyring, or None (also with no keyring)."""
    module = _keyring()
    if module is None or _usable_backend(module) is None:
        return None
    try:
        pin = module.get_password(KEYRING_SERVICE, keyring_key(device))
    except Exception as exc:  # locked, D-Bus down: all mean "none"
        log.debug("no PIN from the OS keyring: %s", type(exc).__name__)
        return None
    if not isinstance(pin, str) or not _PIN.fullmatch(pin):
        return None  # something else stored under our name: never hand it to a meter
    return pin


def store_pin(device: str, pin: str) -> KeyringOutcome:
    """Keep the PIN for `device` in the OS keyring."""
    pin = parse_pin(pin)
    module = _keyring()
    if module is None or _usable_backend(module) is None:
        return KeyringOutcome.NO_BACKEND
    try:
        module.set_password(KEYRING_SERVICE, keyring_key(device), pin)
    except Exception as exc:
        log.debug("cannot store the PIN in the OS keyring: %s", type(exc).__name__)
        return KeyringOutcome.FAILED
    return KeyringOutcome.DONE


def remove_pin(device: str) -> KeyringOutcome:
    """Remove the PIN remembered for `device` from the OS keyring."""
    module = _keyring()
    if module is None or _usable_backend(module) is None:
        return KeyringOutcome.NO_BACKEND
    key = keyring_key(device)
    try:
        if module.get_password(KEYRING_SERVICE, key) is None:
            return KeyringOutcome.NOT_FOUND
        module.delete_password(KEYRING_SERVICE, key)
    except Exception as exc:  # keyring.errors.PasswordDeleteError and the like
        log.debug("no PIN removed from the OS keyring: %s", type(exc).__name__)
        return KeyringOutcome.FAILED
    return KeyringOutcome.DONE


def remember_pin(device: str, pin: str) -> bool:
    """Keep the PIN for `device` in the OS keyring; False if there is no usable keyring."""
    return store_pin(device, pin) is KeyringOutcome.DONE


def forget_pin(device: str) -> bool:
    """Remove a remembered PIN; False if there was none or no usable keyring."""
    return remove_pin(device) is KeyringOutcome.DONE


def outcome_text(outcome: KeyringOutcome, device: str, *, stored: bool) -> Message:
    """One sentence for the user about a keyring operation (never the PIN itself)."""
    name = keyring_key(device)
    if outcome is KeyringOutcome.DONE:
        if stored:
            return QT_TRANSLATE_NOOP(
                "Services", "The PIN for {name} is now remembered in the OS keyring.").format(
                name=name)
        return QT_TRANSLATE_NOOP(
            "Services", "The PIN for {name} was removed from the OS keyring.").format(name=name)
    if outcome is KeyringOutcome.NOT_FOUND:
        return QT_TRANSLATE_NOOP(
            "Services", "No PIN was remembered for {name} in the OS keyring.").format(name=name)
    if outcome is KeyringOutcome.NO_BACKEND:
        return keyring_problem() or _NO_BACKEND.format()
    if stored:
        return QT_TRANSLATE_NOOP(
            "Services", "The OS keyring refused to store the PIN for {name} (is it locked?)."
        ).format(name=name)
    return QT_TRANSLATE_NOOP(
        "Services", "The OS keyring refused to remove the PIN for {name} (is it locked?)."
    ).format(name=name)


__all__ = ["FACTORY_PIN", "KEYRING_SERVICE", "PIN_DIGITS", "KeyringOutcome", "forget_pin",
           "keyring_key", "keyring_problem", "outcome_text", "parse_pin", "recall_pin",
           "remember_pin", "remove_pin", "store_pin"]
