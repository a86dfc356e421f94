"""The CLI commands: each turns parsed arguments into service calls and prints the outcome."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Coroutine, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import ConfiguratorError, ExitCode, UsageError
from ..services.connection import ConnectionOptions, open_master, open_meter, require_port
from ..services.meter_reads import Identity, Reading
from . import format as fmt
from .connect import options_from, with_demo

if TYPE_CHECKING:
    from ..model.settings import Setting
    from ..services.engine import Confirmer
    from ..services.outcomes import ApplyReport, PermanentAct, Unreachable
    from ..services.scan import Found

# `info` and `read` load neither the settings table nor the write engine, its outcomes or the
# scan (tests/cli/test_cli_imports.py): each command imports what it needs when it runs.


def _run(coroutine: Coroutine[Any, Any, int]) -> int:
    """Run a command's coroutine; asyncio is imported only by a command that needs it."""
    import asyncio

    return asyncio.run(coroutine)


def _print_json(data: Any) -> None:
    import json

    print(json.dumps(data, indent=2, ensure_ascii=False))


def _print_notes(meter: Any) -> None:
    """What the session noticed but did not fail on (M-Bus: records that did not decode)."""
    for text in getattr(meter, "notes", ()):
        print(f"note: {text}", file=sys.stderr)


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
    options = options_from(args)
    if options.reads_without_event_loop:
        from ..services.quick_read import open_quick_meter

        with open_quick_meter(options) as quick:
            return _show_identity(args, quick, quick.identify())

    async def go() -> int:
        async with open_meter(options) as meter:
            return _show_identity(args, meter, await meter.identify())
    return _run(go())


def _show_identity(args: argparse.Namespace, meter: Any, identity: Identity) -> int:
    if args.json:
        _print_json(identity.as_dict())
    else:
        print(fmt.identity_text(identity))
    _print_notes(meter)
    return 0


def read(args: argparse.Namespace) -> int:
    """`configurator read`."""
    options = options_from(args)
    if options.reads_without_event_loop:
        from ..services.quick_read import open_quick_meter

        with open_quick_meter(options) as quick:
            return _show_readings(args, quick, quick.read_measurements())

    async def go() -> int:
        async with open_meter(options) as meter:
            return _show_readings(args, meter, await meter.read_measurements())
    return _run(go())


def _show_readings(args: argparse.Namespace, meter: Any, readings: list[Reading]) -> int:
    if args.json:
        _print_json({r.register.key: r.as_dict() for r in readings})
    else:
        print(fmt.readings_text(readings))
    _print_notes(meter)
    return 0


def get(args: argparse.Namespace) -> int:
    """`configurator get [KEY...]`: every reachable setting, or the ones named."""
    from ..model.settings import SETTINGS, setting, unreachable

    requested = [setting(key) for key in args.keys]  # unknown keys fail before connecting

    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            identity = await meter.identify()
            wanted = requested or list(SETTINGS.values())
            reachable: list[Setting] = []
            unreachable_keys: dict[str, Unreachable] = {}
            for item in wanted:
                reason = unreachable(item, identity.model, meter.transport_name)
                if reason is None:
                    reachable.append(item)
                else:
                    unreachable_keys[item.key] = reason
            values = await meter.get_settings(reachable)
        if args.json:
            _print_json({"settings": {k: _json_value(SETTINGS[k], v) for k, v in values.items()},
                         "unreadable": {k: str(v) for k, v in values.items()
                                        if isinstance(v, Exception)},
                         "unreachable": {k: str(r.sentence())
                                         for k, r in unreachable_keys.items()}})
        else:
            print(fmt.settings_text(values, {} if requested else unreachable_keys))
            if requested:
                for reason in unreachable_keys.values():
                    print(f"error: {reason.sentence()}", file=sys.stderr)
        return int(ExitCode.UNSUPPORTED) if requested and unreachable_keys else 0
    return _run(go())


def _json_value(item: Setting, value: Any) -> Any:
    if isinstance(value, Exception):
        return None
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else \
        item.domain.format(value)


def confirmer(args: argparse.Namespace) -> Confirmer:
    """The CLI's one confirmation of permanent acts (`set`, `reset`, `restore`, templates).

    With --yes: go ahead and say what is done (a note on stderr). On a terminal: show the acts
    and ask for YES. Otherwise: refuse, saying to add --yes (exit 2); nothing is written.
    """
    async def confirm(acts: Sequence[PermanentAct]) -> bool:
        text = fmt.acts_text(list(acts))
        if args.yes:
            print(f"note: {text}", file=sys.stderr)
            return True
        if not sys.stdin.isatty():
            raise UsageError(f"{text} Add --yes to confirm.")
        print(text, file=sys.stderr)
        return input("Type YES to go ahead: ").strip() == "YES"
    return confirm


def scan_command(options: ConnectionOptions) -> str:
    """The command that finds a meter that moved (for messages)."""
    if options.protocol == "mbus":
        return f"configurator --protocol mbus --port {options.port} scan --secondary"
    if options.protocol == "ble":
        return "configurator ble-scan"
    return f"configurator --port {options.port} scan"


def _warn(args: argparse.Namespace, warnings: list[Any]) -> None:
    for warning in warnings:
        print(f"warning: {warning.sentence()}", file=sys.stderr)


def _report_json(report: ApplyReport) -> dict[str, Any]:
    return report.as_dict()


def set_(args: argparse.Namespace) -> int:
    """`configurator set KEY=VALUE...`: validate all, confirm, write, verify, report per key."""
    from ..model.settings import parse_assignment

    changes: dict[Setting, Any] = {}
    for text in args.assignments:
        item, value = parse_assignment(text)
        if item in changes:
            raise UsageError(f"{item.key} is given twice.")
        changes[item] = value
    options = options_from(args)

    async def go() -> int:
        async with open_meter(options) as meter:
            plan = await meter.prepare(changes)  # nothing written if this raises
            _warn(args, plan.warnings)
            report = await meter.apply(plan, confirmer(args))
        if args.json:
            _print_json(_report_json(report))
        else:
            print(fmt.apply_text(report, scan_command(options)))
        if report.error is not None:
            print(f"error: {report.error}", file=sys.stderr)
            return int(report.error.exit_code)
        return 0
    return _run(go())


def reset(args: argparse.Namespace) -> int:
    """`configurator reset day-counter|power-down-counter` (a permanent act: confirmed)."""
    from ..model.settings import ACTIONS

    action = ACTIONS[args.action]

    async def go() -> int:
        async with open_meter(options_from(args)) as meter:
            report = await meter.run_action(action, confirmer(args))
        result = report.results[0]
        if args.json:
            _print_json({"action": action.name, "status": result.status,
                         "value": result.after, "before": result.before,
                         "sends": result.sends, "message": str(result.note or ""),
                         "error": str(report.error) if report.error else None})
        elif result.status.done:
            after = "?" if result.after is None else fmt.value_text(result.after)
            print(f"{action.label}: done, the meter now reads {after}."
                  if result.after is not None else
                  f"{action.label}: done ({result.note}).")
        else:
            print(f"{action.label}: {fmt.outcome_line(result)}")
        if report.error is not None:
            print(f"error: {report.error}", file=sys.stderr)
            return int(report.error.exit_code)
        return 0
    return _run(go())


def scan(args: argparse.Namespace) -> int:
    """`configurator scan`: probe addresses, identify each meter found, apply the bus rule."""
    if args.protocol == "mbus":
        from .mbus_scan import scan_mbus

        return scan_mbus(args)
    from ..services.scan import bus_error, bus_where
    from ..services.scan import scan as scan_bus

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
    reported: set[int] = set()

    def progress(address: int, found: list[Found]) -> None:
        done = address - args.first + 1
        if interactive:
            print(f"\rScanning {done}/{total} (address {address}), found {len(found)}",
                  end="", file=sys.stderr, flush=True)
        elif found and found[-1].address == address and address not in reported \
                and not args.json:
            reported.add(address)
            print(f"found address {address}", file=sys.stderr, flush=True)

    async def go() -> int:
        async with open_master(options) as master:
            found, stats = await scan_bus(master, args.first, args.last, progress,
                                          fixed_timeout=args.timeout, identify=True)
            where = bus_where(args.first, args.last, master.transport.description)
        if interactive:
            print(file=sys.stderr)
        meters = []
        for hit in found:
            entry: dict[str, Any] = {"address": hit.address,
                                     "model": hit.model.info.code if hit.model else None,
                                     "note": hit.note}
            if hit.identity is not None:
                entry["serial"] = hit.identity.serial
                entry["software_version"] = hit.identity.values.get("software_version")
            meters.append(entry)
        counters = master.counters
        summary = {"meters": meters, "garbled": stats.garbled, "probes": stats.probes,
                   "garbled_probes": stats.garbled_probes, "reprobes": stats.reprobes,
                   "sweeps": stats.sweeps, "transactions": counters.transactions,
                   "retries": counters.retries, "timeouts": counters.timeouts,
                   "crc_errors": counters.crc_errors,
                   "port": options.port, "baud": options.baudrate, "parity": options.parity}
        if args.json:
            _print_json(summary)
        elif meters or stats.garbled:
            rows = [(f"address {m['address']}",
                     f"{m['model'] or '?'}  serial {m.get('serial', '?')}  {m['note']}".rstrip())
                    for m in meters]
            rows += [(f"address {a}", "answered garbled (not identified)")
                     for a in stats.garbled]
            print(fmt.table(sorted(rows, key=lambda r: int(r[0].split()[1]))))
            garbled = f", {len(stats.garbled)} address(es) answered garbled" \
                if stats.garbled else ""
            print(f"{len(meters)} meter(s) found{garbled}, with {stats.probes} probes.")
        error = bus_error(len(meters), stats.garbled, where)
        if error is not None:
            raise error
        return 0
    return _run(go())


def ports(args: argparse.Namespace) -> int:
    """`configurator ports`: serial ports present."""
    from ..transport.serial_port import list_serial_ports

    found = list_serial_ports()
    if args.json:
        _print_json([{"device": d, "description": desc} for d, desc in found])
    elif not found:
        print("No serial ports found. Is the USB-RS485 adapter plugged in?")
    else:
        print(fmt.table(found))
    return 0


__all__ = ["ConfiguratorError", "confirmer", "demo_overview", "get", "info", "ports", "read",
           "reset", "scan", "scan_command", "set_", "with_demo"]
