"""`configurator --protocol mbus scan [--secondary]`: find M-Bus meters (services/mbus_scan)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from ..errors import UsageError
from ..services.connection import require_port
from ..services.mbus_scan import MbusFound, scan_primary, scan_secondary
from ..services.mbus_session import open_mbus_master
from . import format as fmt
from .connect import options_from


def scan_mbus(args: argparse.Namespace) -> int:
    """Primary scan over --first..--last (default 0-250), or the secondary wildcard search."""
    first = 0 if args.first is None else args.first
    last = 250 if args.last is None else args.last
    secondary = bool(getattr(args, "secondary", False))
    if not secondary and not 0 <= first <= last <= 250:
        raise UsageError("M-Bus scan range must lie within 0-250 with --first <= --last.")
    options = options_from(args)
    require_port(options)
    interactive = sys.stderr.isatty() and not args.json

    def on_primary(address: int, found: list[MbusFound]) -> None:
        if interactive:
            print(f"\rScanning {address - first + 1}/{last - first + 1} (address {address}), "
                  f"found {len(found)}", end="", file=sys.stderr, flush=True)
        elif found and found[-1].primary == address and not args.json:
            print(f"found address {address}", file=sys.stderr, flush=True)

    def on_secondary(pattern: str, found: list[MbusFound]) -> None:
        if interactive:
            print(f"\rSearching {pattern}, found {len(found)}", end="", file=sys.stderr,
                  flush=True)

    async def go() -> tuple[list[MbusFound], Any, int, str]:
        async with open_mbus_master(options) as master:
            if secondary:
                found, stats = await scan_secondary(master, on_secondary)
            else:
                found, stats = await scan_primary(master, first, last, on_primary)
            return found, stats, master.counters.transactions, master.transport.description

    found, stats, transactions, where = asyncio.run(go())
    if interactive:
        print(file=sys.stderr)
    meters = [f for f in found if f.secondary is not None and f.model is not None]
    summary = {"protocol": "mbus", "mode": "secondary" if secondary else "primary",
               "meters": [f.as_dict() for f in found], "probes": stats.probes,
               "selects": stats.selects, "requests": stats.requests,
               "collisions": stats.collisions, "transactions": transactions,
               "probes_per_meter": stats.per_meter(len(meters)),
               "port": options.port, "baud": options.baudrate, "parity": options.parity}
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    if not found:
        what = "secondary address" if secondary else f"primary address {first}-{last}"
        print(f"No M-Bus meter answered at any {what} on {where}. Check wiring (terminals 8, "
              "9) and baud rate (factory 2400).")
        return 0
    rows = []
    for f in found:
        left = f"secondary {f.secondary}" if secondary else f"address {f.primary}"
        if f.secondary is None:
            rows.append((left, f.note))
            continue
        other = f"address {f.primary}" if secondary else f"secondary {f.secondary}"
        model = f.model.info.code if f.model else "?"
        rows.append((left, f"{model}  {other}  {f.manufacturer}  {f.note}".rstrip()))
    print(fmt.table(rows))
    per = stats.per_meter(len(meters))
    per_text = f", {per:.1f} per meter" if per else ""
    print(f"{len(meters)} meter(s) found with {stats.probes} probes{per_text}.")
    return 0
