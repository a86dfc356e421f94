"""`configurator --protocol mbus scan [--secondary]`: find M-Bus meters (services/mbus_scan).

Exit codes follow the bus rule of services/scan.bus_error: nothing answered 4, addresses that
only answered garbled (or a line too noisy to search) 5. Ctrl-C ends with "Interrupted." and
130 (cli/main.py); the port is closed on the way out.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from ..errors import UsageError
from ..i18n import QT_TRANSLATE_NOOP
from ..services.connection import require_port
from ..services.mbus_scan import MbusFound, SearchProgress, scan_primary, scan_secondary
from ..services.mbus_session import open_mbus_master
from ..services.scan import bus_error, bus_where
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
    quiet = args.json

    def on_primary(address: int, found: list[MbusFound]) -> None:
        if interactive:
            print(f"\rScanning {address - first + 1}/{last - first + 1} (address {address}), "
                  f"found {len(found)}", end="", file=sys.stderr, flush=True)
        elif found and found[-1].primary == address and not quiet:
            print(f"found address {address}", file=sys.stderr, flush=True)

    shown = 0

    def on_secondary(pattern: str, found: list[MbusFound]) -> None:
        nonlocal shown
        if not interactive and not quiet:
            for hit in found[shown:]:
                print(f"found secondary {hit.secondary}", file=sys.stderr, flush=True)
        shown = len(found)

    def on_estimate(where: SearchProgress) -> None:
        if interactive:
            noisy = f", {where.garbled_recent} garbled lately" if where.garbled_recent else ""
            print(f"\rSearching {where.pattern}: {where.probes} probes, at least "
                  f"{where.pending} to go, found {where.found}{noisy}   ", end="",
                  file=sys.stderr, flush=True)

    async def go() -> tuple[list[MbusFound], Any, Any, str]:
        async with open_mbus_master(options) as master:
            try:
                if secondary:
                    found, stats = await scan_secondary(master, on_secondary,
                                                        estimate=on_estimate)
                else:
                    found, stats = await scan_primary(master, first, last, on_primary)
            finally:
                if interactive:
                    print(file=sys.stderr)
            return found, stats, master.counters, master.transport.description

    found, stats, counters, link = asyncio.run(go())
    meters = [f for f in found if f.secondary is not None and f.model is not None]
    summary = {"protocol": "mbus", "mode": "secondary" if secondary else "primary",
               "meters": [f.as_dict() for f in found], "garbled": stats.garbled,
               "probes": stats.probes, "selects": stats.selects, "requests": stats.requests,
               "collisions": stats.collisions, "garbled_probes": stats.garbled_probes,
               "reprobes": stats.reprobes, "sweeps": stats.sweeps,
               "line_faulty": stats.line_faulty, "transactions": counters.transactions,
               "probes_per_meter": stats.per_meter(len(meters)),
               "port": options.port, "baud": options.baudrate, "parity": options.parity}
    where = QT_TRANSLATE_NOOP("Errors", "the secondary-address search on {link}").format(
        link=link) if secondary else bus_where(first, last, link)
    error = bus_error(len(found), stats.garbled, where)
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    elif found or stats.garbled:
        rows = []
        for f in found:
            left = f"secondary {f.secondary}" if secondary else f"address {f.primary}"
            if f.secondary is None:
                rows.append((left, f.note))
                continue
            other = f"address {f.primary}" if secondary else f"secondary {f.secondary}"
            model = f.model.info.code if f.model else "?"
            rows.append((left, f"{model}  {other}  {f.manufacturer}  {f.note}".rstrip()))
        rows += [(f"address {a}", "answered garbled (not identified)") for a in stats.garbled]
        print(fmt.table(rows))
        per = stats.per_meter(len(meters))
        per_text = f", {per:.1f} per meter" if per else ""
        garbled = f", {len(stats.garbled)} address(es) answered garbled" \
            if stats.garbled else ""
        print(f"{len(meters)} meter(s) found{garbled} with {stats.probes} probes{per_text}.")
    if error is not None:
        raise error
    return 0
