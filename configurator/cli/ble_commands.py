"""Bluetooth LE commands: `configurator ble-scan`, and the simulated BLE meter behind --demo."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
from collections.abc import Iterator

from ..model.models import Model


def add_scan_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `ble-scan`."""
    parser.add_argument("--seconds", type=float, default=5.0,
                        help="how long to listen for meters (default 5)")
    parser.add_argument("--all", action="store_true", dest="include_all",
                        help="list every Bluetooth LE device heard, not only meters")


@contextlib.contextmanager
def demo_meter(model: Model, address: int) -> Iterator[str]:
    """A simulated BLE meter in this process for the block; yields its name (IM-...)."""
    from ..services.ble_session import using_backends
    from ..simulator.ble_backend import demo_air

    air = demo_air(model, address=address)
    with using_backends(air.scanner_backend, air.client_backend):
        name = air.peripherals[0].name
        assert name is not None
        yield name


def ble_scan(args: argparse.Namespace) -> int:
    """`configurator ble-scan`: meters in Bluetooth LE range, strongest first."""
    from ..services import ble_session
    from ..services.ble_discovery import discover_meters

    if not 0 < args.seconds <= 120:
        from ..errors import UsageError

        raise UsageError("--seconds must lie between 0 and 120.")
    scanner, _client = ble_session.current_backends()
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


__all__ = ["add_scan_arguments", "ble_scan", "demo_meter"]
