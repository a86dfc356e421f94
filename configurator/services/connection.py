"""Open a session to a meter from user options, whatever the protocol.

`OPENERS` is an explicit table: protocol name -> a function that imports that protocol's
session module (only when asked for: the CLI starts fast) and returns its opener, an async
context manager factory yielding a MeterSession. No module registers itself by side effect.
The CLI, GUI and backups call `open_session` and never care which protocol it is.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..i18n import QT_TRANSLATE_NOOP, Template
from ..model import link_defaults as factory
from ..model.registers import BLE, MBUS, MODBUS
from ..protocol.retries import DEFAULT_RETRIES, MAX_RETRIES
from ..protocol.transaction import TrafficEntry

if TYPE_CHECKING:
    from ..protocol.modbus_master import ModbusMaster
    from ..transport.serial_port import SerialTransport
    from .api import MeterSession

# asyncio, its master and transport are imported by the openers that use them: a one-shot
# read (services/quick_read.py) takes these options without loading an event loop.

PROTOCOLS = (MODBUS, MBUS, BLE)


# protocol: (address, baud rate, parity) as the meter leaves the factory (the settings table's
# factory values, from the import-free module it takes them from)
PROTOCOL_DEFAULTS: dict[str, tuple[int, int, str]] = {
    MODBUS: (factory.MODBUS_ADDRESS, factory.MODBUS_BAUDRATE, factory.MODBUS_PARITY),
    MBUS: (factory.MBUS_ADDRESS, factory.MBUS_BAUDRATE, factory.MBUS_PARITY),
    BLE: (factory.MODBUS_ADDRESS, factory.MODBUS_BAUDRATE, factory.MODBUS_PARITY),
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
    pin: str | None = field(default=None, repr=False)  # BLE PIN (meter password): never shown
    # BLE: the bleak (scanner, client) backend classes to use, e.g. the simulator's in demos
    # and tests; None: the platform's own. Not part of the connection's identity.
    ble_backends: tuple[Any, Any] | None = field(default=None, compare=False, repr=False)
    # BLE: where the PIN comes from when `pin` is None (e.g. the CLI's keyring and prompt), and
    # what to do once the meter accepted a PIN (remember it). Passed in, never a global.
    pin_source: Callable[[str], str] | None = field(default=None, compare=False, repr=False)
    on_paired: Callable[[str, str], None] | None = field(default=None, compare=False,
                                                          repr=False)

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

    @property
    def reads_without_event_loop(self) -> bool:
        """Whether a one-shot read over these options runs with no event loop (Modbus RTU on a
        serial line: services/quick_read.py); M-Bus and Bluetooth LE sessions are asynchronous
        only."""
        return self.protocol == MODBUS

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
                         AbstractAsyncContextManager["MeterSession"]]


def _modbus_opener() -> SessionOpener:
    return _open_modbus


def _mbus_opener() -> SessionOpener:
    from .mbus_session import open_mbus

    return open_mbus


def _ble_opener() -> SessionOpener:
    from .ble_session import open_ble

    return open_ble


# Every protocol's session, imported only when used. A fourth protocol adds one line here.
OPENERS: dict[str, Callable[[], SessionOpener]] = {
    MODBUS: _modbus_opener,
    MBUS: _mbus_opener,
    BLE: _ble_opener,
}


def check_protocol(protocol: str) -> None:
    """Raise a clear error for protocols this build cannot speak."""
    if protocol not in PROTOCOLS:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown protocol {protocol!r}: choose one of {known}.").format(
            protocol=protocol, known=", ".join(PROTOCOLS)))


def _opener(protocol: str) -> SessionOpener:
    check_protocol(protocol)
    return OPENERS[protocol]()


def require_port(options: ConnectionOptions) -> str:
    """The serial port, or a UsageError that says how to give one."""
    if options.port:
        return options.port
    from ..transport.serial_line import list_serial_ports

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
    from ..transport.serial_port import SerialSettings, SerialTransport

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
    from ..protocol.modbus_master import ModbusMaster

    async with open_serial(options) as transport:
        yield ModbusMaster(transport, timeout=options.timeout, retries=options.retries,
                           on_traffic=on_traffic)


@asynccontextmanager
async def _open_modbus(options: ConnectionOptions,
                       on_traffic: TrafficCallback | None = None) -> AsyncIterator[MeterSession]:
    from .meter import ModbusMeter

    async with open_master(options, on_traffic) as master:
        assert options.address is not None
        yield ModbusMeter(master, options.address)


open_meter = open_session  # the name the CLI used first

__all__ = ["DEFAULT_RETRIES", "MAX_RETRIES", "OPENERS", "PROTOCOLS", "PROTOCOL_DEFAULTS",
           "ConnectionOptions",
           "TrafficEntry", "check_protocol", "open_master", "open_meter", "open_session",
           "require_port"]
