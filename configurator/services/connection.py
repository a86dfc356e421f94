"""Open a connection to a meter from user options, whatever the protocol."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

from ..errors import UnsupportedError, UsageError
from ..model.registers import MODBUS
from ..protocol.modbus_master import ModbusMaster, TrafficEntry
from ..transport.serial_port import SerialSettings, SerialTransport
from .meter import ModbusMeter

PROTOCOLS = ("modbus", "mbus", "ble")
TrafficCallback = Callable[[TrafficEntry], None]


@dataclass(frozen=True)
class ConnectionOptions:
    """Everything needed to reach one meter (or a bus, for scans)."""

    port: str
    protocol: str = MODBUS
    address: int = 1
    baudrate: int = 9600
    parity: str = "even"
    timeout: float | None = None
    retries: int = 1


def check_protocol(protocol: str) -> None:
    """Raise a clear error for protocols this build cannot speak yet."""
    if protocol == MODBUS:
        return
    if protocol in PROTOCOLS:
        raise UnsupportedError(
            f"--protocol {protocol} is not available in this version yet; use --protocol modbus.")
    raise UsageError(f"Unknown protocol {protocol!r}: choose one of {', '.join(PROTOCOLS)}.")


@asynccontextmanager
async def open_master(options: ConnectionOptions,
                      on_traffic: TrafficCallback | None = None) -> AsyncIterator[ModbusMaster]:
    """An open Modbus master on the options' serial port; closed on exit."""
    check_protocol(options.protocol)
    transport = SerialTransport(SerialSettings(options.port, options.baudrate, options.parity))
    await transport.open()
    try:
        yield ModbusMaster(transport, timeout=options.timeout, retries=options.retries,
                           on_traffic=on_traffic)
    finally:
        await transport.close()


@asynccontextmanager
async def open_meter(options: ConnectionOptions,
                     on_traffic: TrafficCallback | None = None) -> AsyncIterator[ModbusMeter]:
    """An open connection to the meter at `options.address`."""
    async with open_master(options, on_traffic) as master:
        yield ModbusMeter(master, options.address)


__all__ = ["ConnectionOptions", "TrafficEntry", "check_protocol", "open_master", "open_meter"]
