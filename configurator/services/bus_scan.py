"""Find every meter on a bus, whatever the protocol: the Modbus address scan (`scan.py`) or
the M-Bus secondary-address search (`mbus_scan.py`), as one list of `BusMeter`s with the
options that reach each meter alone. Bus-wide commands (backup --all, report --all) start here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ..errors import ConfiguratorError, UnsupportedError, UsageError
from ..i18n import QT_TRANSLATE_NOOP
from ..model.models import Model
from .connection import ConnectionOptions, open_master
from .scan import bus_error, bus_where, scan

Progress = Callable[[str, dict[str, Any]], None]
"""Progress callback: (event, details). Events: "scan" (address, found), "meter" (address,
index, total), "done" (item)."""


@dataclass(frozen=True)
class BusMeter:
    """A device found on the bus, and the options that reach it alone (`error`: an address
    that answered only garbled, so nothing is known about it)."""

    address: int
    model: Model | None
    note: str
    options: ConnectionOptions
    error: ConfiguratorError | None = None


async def scan_bus(options: ConnectionOptions, first: int = 1, last: int = 247,
                   progress: Progress | None = None) -> list[BusMeter]:
    """Every device on the bus: a Modbus address scan, or over M-Bus the secondary-address
    search (which also finds meters sharing the factory primary address 0)."""
    if options.protocol == "mbus":
        return await _scan_mbus(options, progress)
    if options.protocol != "modbus":
        raise UnsupportedError(QT_TRANSLATE_NOOP(
            "Errors", "Finding every meter on a bus works over Modbus RTU or M-Bus; Bluetooth "
            "LE meters are listed by 'configurator ble-scan'."))
    if not 1 <= first <= last <= 247:
        raise UsageError(QT_TRANSLATE_NOOP(
            "Errors", "Scan range must lie within 1-247 with first <= last."))

    def on_probe(address: int, found: list[Any]) -> None:
        if progress is not None:
            progress("scan", {"address": address, "found": len(found),
                              "total": last - first + 1, "done": address - first + 1})

    async with open_master(options) as master:
        found, stats = await scan(master, first, last, on_probe, fixed_timeout=options.timeout,
                                  identify=True)
        where = bus_where(first, last, master.transport.description)
    error = bus_error(len(found), stats.garbled, where)  # the one rule of bus-wide commands
    if error is not None and not found:
        raise error
    return [BusMeter(hit.address, hit.model, hit.note, replace(options, address=hit.address))
            for hit in found] + [
        BusMeter(address, None, QT_TRANSLATE_NOOP("Services", "answered garbled"),
                 replace(options, address=address), error) for address in stats.garbled]


async def _scan_mbus(options: ConnectionOptions, progress: Progress | None) -> list[BusMeter]:
    from .mbus_scan import scan_secondary  # M-Bus modules only for an M-Bus bus
    from .mbus_session import open_mbus_master

    seen = 0

    def on_probe(pattern: str, found: list[Any]) -> None:
        nonlocal seen
        seen += 1
        if progress is not None:
            progress("scan", {"address": pattern, "found": len(found), "total": None,
                              "done": seen})

    async with open_mbus_master(options) as master:
        found, stats = await scan_secondary(master, on_probe, wait=options.timeout)
        where = QT_TRANSLATE_NOOP("Errors", "the secondary-address search on {link}").format(
            link=master.transport.description)
    error = bus_error(len(found), stats.garbled, where)  # the one rule of bus-wide commands
    if error is not None and not found:
        raise error
    meters = []
    for hit in found:
        if hit.secondary is None:
            continue
        primary = hit.primary if hit.primary is not None else 0
        meters.append(BusMeter(primary, hit.model, hit.note,
                               replace(options, address=primary, device=hit.secondary)))
    for secondary in stats.garbled:  # never one clean telegram from this secondary address
        meters.append(BusMeter(options.address or 0, None, QT_TRANSLATE_NOOP(
            "Services", "answered garbled"), replace(options, device=str(secondary)), error))
    return meters


__all__ = ["BusMeter", "Progress", "scan_bus"]
