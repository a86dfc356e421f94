"""Every failure a user can meet, as one exception class with one exit code.

Each error carries a sentence written for the person at the laptop; the CLI prints
that sentence and exits with the class's code, never a traceback.
"""

from __future__ import annotations

from enum import IntEnum

from .i18n import QT_TRANSLATE_NOOP


class ExitCode(IntEnum):
    """Process exit codes, one per kind of failure (documented in the README)."""

    OK = 0
    UNEXPECTED = 1
    USAGE = 2
    PORT = 3
    TIMEOUT = 4
    CRC = 5
    METER_EXCEPTION = 6
    VERIFY = 7
    UNSUPPORTED = 8
    NOT_A_METER = 9
    FILE = 10
    WIRING = 11  # the wiring check found a fault or could not judge (configurator check)
    PAUSED = 12  # a commissioning job stopped before its end, state saved (run it again)


class ConfiguratorError(Exception):
    """Base class: `str(error)` is the one sentence shown to the user."""

    exit_code: ExitCode = ExitCode.UNEXPECTED


class InvalidValueError(ConfiguratorError):
    """A value given by the user is outside what the meter accepts."""

    exit_code = ExitCode.USAGE

    def __init__(self, key: str, value: object, allowed: str) -> None:
        self.key = key
        self.value = value
        self.allowed = allowed
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Invalid value {value!r} for {key}: allowed {allowed}.").format(
            value=value, key=key, allowed=allowed))


class UnknownKeyError(ConfiguratorError):
    """A settings key that does not exist."""

    exit_code = ExitCode.USAGE

    def __init__(self, key: str, known: list[str]) -> None:
        self.key = key
        super().__init__(QT_TRANSLATE_NOOP(
            "Errors", "Unknown setting {key!r}; known settings: {known}.").format(
            key=key, known=", ".join(known)))


class UsageError(ConfiguratorError):
    """The command line does not make sense."""

    exit_code = ExitCode.USAGE


class UnsupportedError(ConfiguratorError):
    """The key or action exists, but this model or transport cannot reach it."""

    exit_code = ExitCode.UNSUPPORTED


class PortError(ConfiguratorError):
    """The serial port does not exist, is busy, forbidden, or vanished."""

    exit_code = ExitCode.PORT


class LinkLostError(PortError):
    """The port disappeared while in use (USB adapter unplugged)."""


class MeterTimeoutError(ConfiguratorError):
    """The meter did not answer in time."""

    exit_code = ExitCode.TIMEOUT


class FrameError(ConfiguratorError):
    """An answer arrived but was garbled (CRC error, wrong length, wrong sender)."""

    exit_code = ExitCode.CRC


class MeterExceptionError(ConfiguratorError):
    """The meter answered with a Modbus exception code."""

    exit_code = ExitCode.METER_EXCEPTION

    def __init__(self, message: str, code: int) -> None:
        self.code = code
        super().__init__(message)


class VerifyError(ConfiguratorError):
    """A value was written but reading it back gave something else."""

    exit_code = ExitCode.VERIFY


class NotAMeterError(ConfiguratorError):
    """Something answered, but it is not a WAGO 879-30xx meter this tool knows."""

    exit_code = ExitCode.NOT_A_METER


class FileError(ConfiguratorError):
    """A state, backup or report file cannot be read or written."""

    exit_code = ExitCode.FILE


# --- Bluetooth LE (configurator/transport/ble.py) ------------------------------------------


class BluetoothUnavailableError(PortError):
    """This computer's Bluetooth adapter is missing, switched off or not usable."""


class DeviceNotFoundError(PortError):
    """No Bluetooth LE device with the given address or name was seen."""


class PairingError(PortError):
    """The meter refused pairing: wrong PIN (meter password), or pairing was cancelled."""


class LinkDroppedError(MeterTimeoutError):
    """The Bluetooth link dropped before the answer arrived; the next request reconnects.

    A MeterTimeoutError so that the master retries reads over a fresh link, as for any
    answer that did not arrive.
    """
