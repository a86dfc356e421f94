"""The CLI commands: each turns parsed arguments into service calls and prints the outcome."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from ..errors import ConfiguratorError, ExitCode, UnsupportedError, UsageError
from ..model.settings import (
    ACTIONS,
    SETTINGS,
    Setting,
    check_reachable,
    parse_assignment,
    setting,
)
from ..services.api import MeterSession
from ..services.connection import open_master, open_meter, require_port
from ..services.meter import ModbusMeter
from ..services.scan import Found
from ..services.scan import scan as scan_bus
from ..transport.serial_port import list_serial_ports
from . import format as fmt
from .connect import options_from, with_demo


def _print_json(data: Any) -> None:
    import json  # only for --json

    print(json.dumps(data, indent=2, ensure_ascii=False))


def demo_overview(args: argparse.Namespace) -> int:
    """With --demo and no command: who the meter is, its settings and its readings."""
    for runner in (info, get, read):
        if not hasattr(args, "keys"):
            args.keys = []
        code = runner(args)
        if code:
            return code
        if not args.json:
            print()
    return 0


def info(args: argparse.Namespace) -> int:
    """`configurator info`."""
    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            identity = await meter.identify()
        if args.json:
            _print_json(identity.as_dict())
        else:
            print(fmt.identity_text(identity))
        return 0
    return asyncio.run(go())


def read(args: argparse.Namespace) -> int:
    """`configurator read`."""
    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            readings = await meter.read_measurements()
        if args.json:
            _print_json({r.register.key: r.as_dict() for r in readings})
        else:
            print(fmt.readings_text(readings))
        return 0
    return asyncio.run(go())


def get(args: argparse.Namespace) -> int:
    """`configurator get [KEY...]`: every reachable setting, or the ones named."""
    requested = [setting(key) for key in args.keys]  # unknown keys fail before connecting

    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            identity = await meter.identify()
            wanted = requested or list(SETTINGS.values())
            reachable: list[Setting] = []
            unreachable: dict[str, str] = {}
            for item in wanted:
                try:
                    check_reachable(item, identity.model, meter.transport_name)
                    reachable.append(item)
                except UnsupportedError as exc:
                    unreachable[item.key] = str(exc)
            values = await meter.get_settings(reachable)
        if args.json:
            _print_json({"settings": {k: _json_value(SETTINGS[k], v) for k, v in values.items()},
                         "unreadable": {k: str(v) for k, v in values.items()
                                        if isinstance(v, Exception)},
                         "unreachable": unreachable})
        else:
            print(fmt.settings_text(values, {} if requested else _short(unreachable)))
            if requested:
                for reason in unreachable.values():
                    print(f"error: {reason}", file=sys.stderr)
        return int(ExitCode.UNSUPPORTED) if requested and unreachable else 0
    return asyncio.run(go())


def _short(unreachable: dict[str, str]) -> dict[str, str]:
    out = {}
    for key, reason in unreachable.items():
        if "exists only on" in reason:
            out[key] = "not on this model"
        else:
            via = reason.split("set it over ", 1)[-1].split(" or in the meter", 1)[0]
            out[key] = f"only over {via} or the meter's menu"
    return out


def _json_value(item: Setting, value: Any) -> Any:
    if isinstance(value, Exception):
        return None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else \
        item.domain.format(value)


def set_(args: argparse.Namespace) -> int:
    """`configurator set KEY=VALUE...`: validate all, write, read back, report per key."""
    changes: dict[Setting, Any] = {}
    for text in args.assignments:
        item, value = parse_assignment(text)
        if item in changes:
            raise UsageError(f"{item.key} is given twice.")
        changes[item] = value

    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            identity = await meter.identify()
            for item in changes:
                check_reachable(item, identity.model, meter.transport_name)
            await _confirm_irreversible(meter, changes, identity.values, args)
            report = await meter.apply(changes)
        if args.json:
            _print_json({"results": [r.as_dict() for r in report.results],
                         "link": report.link_note, "error": str(report.error or "") or None})
        else:
            print(fmt.apply_text(report))
            for item in changes:
                if item.warning and item.key == "tariff" and changes[item] in (3, 4):
                    print(f"note: {item.warning}")
        if report.error is not None:
            print(f"error: {report.error}", file=sys.stderr)
            return int(report.error.exit_code)
        return 0
    return asyncio.run(go())


async def _confirm_irreversible(meter: MeterSession, changes: dict[Setting, Any],
                                identity: dict[str, Any], args: argparse.Namespace) -> None:
    ct = SETTINGS["ct.ratio"]
    if ct not in changes or identity.get("ct.ratio") == changes[ct]:
        return
    history = await meter.read_ct_history()
    used = sum(1 for key, value in history.items()
               if key.endswith(".ratio") and bool(getattr(value, "primary", 0)))
    left = 7 - used
    if left <= 0:
        raise UnsupportedError("All 7 CT ratio changes of this meter are used up (manual 6.9); "
                               "the ratio can no longer be changed.")
    message = (f"Changing the CT ratio from {identity.get('ct.ratio')} to {changes[ct]} uses one "
               f"of the 7 allowed changes ({left} left, {left - 1} after this) and cannot be "
               "undone.")
    if args.yes:
        print(f"note: {message}", file=sys.stderr)
        return
    if not sys.stdin.isatty():
        raise UsageError(message + " Add --yes to confirm.")
    print(message, file=sys.stderr)
    answer = input("Type YES to change it: ")
    if answer.strip() != "YES":
        raise UsageError("CT ratio not changed.")


def reset(args: argparse.Namespace) -> int:
    """`configurator reset day-counter|power-down-counter`."""
    action = ACTIONS[args.action]

    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            after = await meter.run_action(action)
        if args.json:
            _print_json({"action": action.name, "value": after})
        else:
            print(f"{action.label}: done, the meter now reads {fmt.value_text(after)}.")
        return 0
    return asyncio.run(go())


def scan(args: argparse.Namespace) -> int:
    """`configurator scan`: probe addresses, then identify each meter found."""
    if args.protocol == "mbus":
        from .mbus_scan import scan_mbus

        return scan_mbus(args)
    if getattr(args, "secondary", False):
        raise UsageError("--secondary is a search over M-Bus secondary addresses: add "
                         "--protocol mbus.")
    args.first = 1 if args.first is None else args.first
    args.last = 247 if args.last is None else args.last
    if not 1 <= args.first <= args.last <= 247:
        raise UsageError("Scan range must lie within 1-247 with --first <= --last.")
    options = options_from(args)
    require_port(options)
    interactive = sys.stderr.isatty() and not args.json
    total = args.last - args.first + 1

    def progress(address: int, found: list[Found]) -> None:
        done = address - args.first + 1
        if interactive:
            print(f"\rScanning {done}/{total} (address {address}), found {len(found)}",
                  end="", file=sys.stderr, flush=True)
        elif found and found[-1].address == address and not args.json:
            print(f"found address {address}", file=sys.stderr, flush=True)

    async def go() -> int:
        async with open_master(options) as master:
            found, stats = await scan_bus(master, args.first, args.last, progress,
                                          fixed_timeout=args.timeout)
            if interactive:
                print(file=sys.stderr)
            meters = []
            for hit in found:
                entry: dict[str, Any] = {"address": hit.address,
                                         "model": hit.model.info.code if hit.model else None,
                                         "note": hit.note}
                if hit.model is not None:
                    try:
                        identity = await ModbusMeter(master, hit.address).identify()
                        entry["serial"] = identity.serial
                        entry["software_version"] = identity.values.get("software_version")
                    except ConfiguratorError as exc:
                        entry["note"] = str(exc)
                meters.append(entry)
        summary = {"meters": meters, "probes": stats.probes,
                   "transactions": master.counters.transactions,
                   "port": options.port, "baud": options.baudrate, "parity": options.parity}
        if args.json:
            _print_json(summary)
        elif not meters:
            print(f"No meter answered at addresses {args.first}-{args.last} on "
                  f"{master.transport.description}. Check wiring, baud rate and parity.")
        else:
            rows = [(f"address {m['address']}",
                     f"{m['model'] or '?'}  serial {m.get('serial', '?')}  {m['note']}".rstrip())
                    for m in meters]
            print(fmt.table(rows))
            print(f"{len(meters)} meter(s) found with {stats.probes} probes.")
        return 0
    return asyncio.run(go())


def ports(args: argparse.Namespace) -> int:
    """`configurator ports`: serial ports present."""
    found = list_serial_ports()
    if args.json:
        _print_json([{"device": d, "description": desc} for d, desc in found])
    elif not found:
        print("No serial ports found. Is the USB-RS485 adapter plugged in?")
    else:
        print(fmt.table(found))
    return 0


__all__ = ["ConfiguratorError", "demo_overview", "get", "info", "ports", "read", "reset",
           "scan", "set_", "with_demo"]
