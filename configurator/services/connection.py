"""Open a session to a meter from user options, whatever the protocol.

Each protocol registers an opener in `OPENERS` (name -> async context manager factory that
yields a MeterSession). The CLI, GUI and backups call `open_session` and never care which.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, replace

from ..errors import UnsupportedError, UsageError
from ..i18n import QT_TRANSLATE_NOOP, Template
from ..model.registers import MODBUS
from ..protocol.modbus_master import DEFAULT_RETRIES, MAX_RETRIES, ModbusMaster, TrafficEntry
from ..transport.serial_port import SerialSettings, SerialTransport
from .api import MeterSession
from .meter import ModbusMeter

PROTOCOLS = ("modbus", "mbus", "ble")
PROTOCOL_DEFAULTS = {
    # protocol: (address, baud rate, parity) as the meter leaves the factory
    "modbus": (1, 9600, "even"),
    "mbus": (0, 2400, "even"),
    "ble": (1, 9600, "even"),
}
TrafficCallback = Callable[[TrafficEntry], None]


@dataclass(frozen=True)
class ConnectionOptions:
    """Everything needed to reach one meter (or a bus, for scans).

    `address`, `baudrate` and `parity` left as None take the protocol's factory defaults.
    """

    port: str | None = None
    protocol: str = MODBUS
    address: int | None = None
    baudrate: int | None = None
    parity: str | None = None
    timeout: float | None = None
    retries: int = DEFAULT_RETRIES  # per read (writes: the write engine decides)
    device: str | None = None  # BLE: address or name
    pin: str | None = None  # BLE pairing PIN (the meter password); never stored in plain text

    def resolved(self) -> ConnectionOptions:
        """The options with the protocol's defaults filled in."""
        check_protocol(self.protocol)
        address, baudrate, parity = PROTOCOL_DEFAULTS[self.protocol]
        return replace(
            self,
            address=address if self.address is None else self.address,
            baudrate=baudrate if self.baudrate is None else self.baudrate,
            parity=parity if self.parity is None else self.parity,
        )

    def describe(self) -> str:
        """For messages and backups: how the meter was reached."""
        opts = self.resolved()
        if opts.protocol == "ble":  # no serial line: baud rate and parity mean nothing here
            return QT_TRANSLATE_NOOP("Services", "ble {device} address {address}").format(
                device=opts.device, address=opts.address)
        return QT_TRANSLATE_NOOP(
            "Services", "{protocol} {port} address {address} {baudrate} baud parity {parity}"
        ).format(protocol=opts.protocol, port=opts.port, address=opts.address,
                 baudrate=opts.baudrate, parity=Template(str(opts.parity), "Values"))


SessionOpener = Callable[[ConnectionOptions, "TrafficCallback | None"],
                         AbstractAsyncContextManager[MeterSession]]
OPENERS: dict[str, SessionOpener] = {}


def check_protocol(protocol: str) -> None:
    """Raise a clear error for protocols this build cannot speak."""
    if protocol not in PROTOCOLS:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown protocol {protocol!r}: choose one of {known}.").format(
            protocol=protocol, known=", ".join(PROTOCOLS)))


def _opener(protocol: str) -> SessionOpener:
    check_protocol(protocol)
    if protocol not in OPENERS:
        _load_protocol(protocol)
    if protocol not in OPENERS:
        raise UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "--protocol {protocol} is not available in this version yet; use "
            "--protocol modbus.").format(protocol=protocol))
    return OPENERS[protocol]


def _load_protocol(protocol: str) -> None:
    """Import the module that registers a protocol's opener (kept lazy: fast CLI start)."""
    import importlib

    module = {"mbus": "configurator.services.mbus_session",
              "ble": "configurator.services.ble_session"}.get(protocol)
    if module is None:
        return
    try:
        importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name != module:
            raise


def require_port(options: ConnectionOptions) -> str:
    """The serial port, or a UsageError that says how to give one."""
    if options.port:
        return options.port
    from ..transport.serial_port import list_serial_ports

    ports = ", ".join(device for device, _ in list_serial_ports()) or "none found"
    raise UsageError(QT_TRANSLATE_NOOP(
        "Errors", "No serial port given: use --port (ports present: {ports}), or --demo for a "
        "simulated meter.").format(ports=ports))


def open_session(options: ConnectionOptions, on_traffic: TrafficCallback | None = None
                 ) -> AbstractAsyncContextManager[MeterSession]:
    """An open session to the meter the options describe; closed on exit."""
    opts = options.resolved()
    return _opener(opts.protocol)(opts, on_traffic)


@asynccontextmanager
async def open_serial(options: ConnectionOptions) -> AsyncIterator[SerialTransport]:
    """The options' serial port, open at their speed and parity; closed on exit."""
    opts = options.resolved()
    assert opts.baudrate is not None and opts.parity is not None
    transport = SerialTransport(SerialSettings(require_port(opts), opts.baudrate, opts.parity))
    await transport.open()
    try:
        yield transport
    finally:
        await transport.close()


@asynccontextmanager
async def open_master(options: ConnectionOptions,
                      on_traffic: TrafficCallback | None = None) -> AsyncIterator[ModbusMaster]:
    """An open Modbus RTU master on the options' serial port (for scans); closed on exit."""
    async with open_serial(options) as transport:
        yield ModbusMaster(transport, timeout=options.timeout, retries=options.retries,
                           on_traffic=on_traffic)


@asynccontextmanager
async def _open_modbus(options: ConnectionOptions,
                       on_traffic: TrafficCallback | None = None) -> AsyncIterator[MeterSession]:
    async with open_master(options, on_traffic) as master:
        assert options.address is not None
        yield ModbusMeter(master, options.address)


OPENERS[MODBUS] = _open_modbus
open_meter = open_session  # the name the CLI used first

__all__ = ["DEFAULT_RETRIES", "MAX_RETRIES", "OPENERS", "PROTOCOLS", "ConnectionOptions",
           "TrafficEntry", "check_protocol", "open_master", "open_meter", "open_session",
           "require_port"]
