"""The `backup`, `restore` and `report` commands (services: backup.py, restore.py, report.py)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from ..errors import ConfiguratorError, ExitCode, FileError, UsageError
from ..model.settings import SETTINGS, TRANSPORT_NAMES
from ..services import restore as rs
from ..services.backup import (
    BackupExistsError,
    FleetItem,
    backup_bus,
    backup_file_name,
    load_backup,
    make_backup,
    write_backup_file,
    write_text_atomic,
)
from ..services.bus_scan import scan_bus
from ..services.connection import ConnectionOptions, open_session, require_port
from ..services.documents import BackupDocument, DocumentKind, ReportDocument
from ..services.files import check_writable_target
from ..services.outcomes import WriteStatus
from . import format as fmt
from . import options as cli_options
from .commands import confirmer, scan_command
from .connect import options_from


def add_backup_arguments(backup: argparse.ArgumentParser) -> None:
    """The description and options of `backup` (its one-line help is in cli/main.py)."""
    backup.description = (
        "Save every readable setting, the identity (model, serial, firmware, checksum), CT "
        "ratio and history, counters and an energy snapshot to a versioned JSON file (schema: "
        "resources/backup.schema.json).")
    backup.add_argument("-o", "--output", metavar="PATH",
                        help="file to write (default <serial>.json here); with --all a folder")
    backup.add_argument("--all", action="store_true",
                        help="scan the bus and back up every meter, one file per serial")
    backup.add_argument("--first", type=cli_options.address, default=1,
                        help="with --all: first address")
    backup.add_argument("--last", type=cli_options.address, default=247,
                        help="with --all: last address")
    backup.add_argument("--force", action="store_true", help="replace existing files")


def add_restore_arguments(restore: argparse.ArgumentParser) -> None:
    """The description and options of `restore` (its one-line help is in cli/main.py)."""
    restore.description = (
        "Compare the file with the meter key by key, save the meter's current settings as an "
        "undo backup, then write only what differs (link settings last, followed). The CT "
        "ratio is restored only with --include-ct.")
    restore.add_argument("file", nargs="?", metavar="FILE", help="backup file to restore")
    restore.add_argument("--template", metavar="FILE",
                         help="apply FILE's settings as a template, never copying per-meter "
                              "keys (" + ", ".join(rs.TEMPLATE_SKIPPED) + ")")
    restore.add_argument("--addresses", metavar="LIST", type=cli_options.address_list,
                         help="with --template: meters to configure, e.g. 1,2,5-7")
    restore.add_argument("--dry-run", action="store_true",
                         help="show what would change and write nothing")
    restore.add_argument("--include-ct", action="store_true",
                         help="also restore the CT ratio (uses one of its 7 changes; never with "
                              "--template)")
    restore.add_argument("--yes", action="store_true",
                         help="confirm changes that cannot be undone (CT ratio, tariff 3/4, "
                              "link moves) without asking")
    restore.add_argument("--undo-dir", metavar="DIR",
                         help="folder for the automatic pre-restore backup (default: "
                              "<user data dir>/wago-meter-configurator/pre-restore, "
                              f"or ${rs.ENV_DATA_DIR}/pre-restore)")


def add_report_arguments(report: argparse.ArgumentParser) -> None:
    """The description and options of `report` (its one-line help is in cli/main.py)."""
    report.description = (
        "Identity, checksum verdict (manual 4.3), all settings, energy per tariff with OBIS "
        "codes, live values and phase / current-direction / quadrant checks, one A4 page per "
        "meter.")
    report.add_argument("-o", "--output", metavar="FILE.pdf", required=True,
                        help="PDF file to write")
    report.add_argument("--all", action="store_true", help="every meter found on the bus")
    report.add_argument("--first", type=cli_options.address, default=1,
                        help="with --all: first address")
    report.add_argument("--last", type=cli_options.address, default=247,
                        help="with --all: last address")
    report.add_argument("--force", action="store_true", help="replace an existing file")


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _say(args: argparse.Namespace, text: str) -> None:
    """A progress or note line on stderr (kept off stdout, which carries the result)."""
    if not args.json:
        print(text, file=sys.stderr, flush=True)


def _may_replace(path: Path, args: argparse.Namespace) -> bool:
    """--force, or a yes typed at an interactive prompt; else a one-sentence FileError."""
    if args.force:
        return True
    if sys.stdin.isatty() and not args.json:
        answer = input(f"{path} already exists. Replace it? [y/N] ")
        if answer.strip().lower() in ("y", "yes"):
            return True
        raise FileError(f"{path} already exists and was kept.")
    raise FileError(f"{path} already exists: add --force to replace it.")


def _write_with_consent(path: Path, args: argparse.Namespace, doc: BackupDocument | None = None,
                        data: bytes | None = None) -> Path:
    overwrite = bool(args.force)
    for _attempt in range(2):
        try:
            if doc is not None:
                return write_backup_file(path, doc, overwrite=overwrite)
            assert data is not None
            return write_text_atomic(path, data, overwrite=overwrite)
        except BackupExistsError:
            overwrite = _may_replace(path, args)
    raise FileError(f"{path} could not be written.")


class _Progress:
    """Scan and per-meter progress on stderr: a live line on a terminal, else event lines."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.live = sys.stderr.isatty() and not args.json
        self.seen = 0

    def __call__(self, event: str, info: dict[str, Any]) -> None:
        if self.args.json:
            return
        if event == "scan":
            if self.live:
                total = f"/{info['total']}" if info["total"] else " probes"
                print(f"\rScanning {info['done']}{total} (at {info['address']}), "
                      f"found {info['found']}", end="", file=sys.stderr, flush=True)
            elif info["found"] > self.seen:
                print(f"found address {info['address']}", file=sys.stderr, flush=True)
            self.seen = info["found"]
        elif event == "meter":
            if self.live:
                print(file=sys.stderr)
            print(f"[{info['index']}/{info['total']}] meter at address {info['address']} ...",
                  file=sys.stderr, flush=True)


def _fleet_options(args: argparse.Namespace) -> ConnectionOptions:
    options = options_from(args)
    require_port(options)
    if options.protocol == "modbus" and not 1 <= args.first <= args.last <= 247:
        raise UsageError("Scan range must lie within 1-247 with --first <= --last.")
    return options


# --- backup ---------------------------------------------------------------------------------

def backup(args: argparse.Namespace) -> int:
    """`configurator backup [-o FILE]` or `configurator backup --all -o DIR`."""
    if args.all:
        return _backup_all(args)
    if args.output and not Path(args.output).is_dir():  # refuse a FIFO or device before reading
        check_writable_target(Path(args.output), overwrite=True)
    options = options_from(args)

    async def go() -> BackupDocument:
        async with open_session(options) as session:
            return await make_backup(session, options)

    doc = asyncio.run(go())
    target = Path(args.output) if args.output else Path(backup_file_name(doc))
    if target.is_dir():
        target = target / backup_file_name(doc)
    path = _write_with_consent(target, args, doc=doc)
    meter = doc.meter
    energy = doc.energy or {}
    if args.json:
        _print_json({"file": str(path), "model": meter.model_code, "serial": meter.serial,
                     "settings": len(doc.settings), "energy": len(energy)})
    else:
        print(f"Backup of {meter.model_code} serial {meter.serial:08d} written to {path} "
              f"({len(doc.settings)} settings, {len(energy)} energy registers, "
              f"checksum {meter.checksum_word}).")
        missing = doc.not_saved
        model = meter.model
        other_model = [k for k in missing if model not in SETTINGS[k].models]
        unreachable = [k for k in missing if k not in other_model]
        if unreachable:
            print(f"Not in the backup (not reachable over "
                  f"{TRANSPORT_NAMES[str(doc.transport)]}): {', '.join(unreachable)}.")
        if other_model:
            print(f"Not on a {meter.model_code}: {', '.join(other_model)}.")
    return 0


def _backup_all(args: argparse.Namespace) -> int:
    if not args.output:
        raise UsageError("backup --all needs -o DIR, the folder for the files.")
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"-o {folder}: with --all this must be a folder, not a file.")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FileError(f"Cannot create the folder {folder}: {exc.strerror or exc}.") from None
    options = _fleet_options(args)
    progress = _Progress(args)
    items = asyncio.run(backup_bus(options, folder, first=args.first, last=args.last,
                                   overwrite=args.force, progress=progress))
    if progress.live:
        print(file=sys.stderr)
    return _fleet_summary(args, items, "backed up", folder)


def _item_error(item: FleetItem) -> str:
    if isinstance(item.error, BackupExistsError):
        return f"{item.error} Add --force to replace it."
    return str(item.error)


def _fleet_summary(args: argparse.Namespace, items: list[FleetItem], verb: str,
                   where: Path) -> int:
    meters = [i for i in items if i.model is not None]
    failed = [i for i in items if i.error is not None]  # incl. addresses answered garbled
    if args.json:
        _print_json({"meters": [{"address": i.address,
                                 "model": i.model.info.code if i.model else None,
                                 "serial": i.serial, "file": str(i.path) if i.path else None,
                                 "error": str(i.error) if i.error else None, "note": i.note}
                                for i in items]})
    elif not meters:
        print(f"No meter answered at addresses {args.first}-{args.last}; nothing {verb}. "
              "Check wiring, baud rate and parity.")
    else:
        rows = []
        for i in items:
            model = i.model.info.code if i.model else "?"
            if i.error is not None:
                rows.append((f"address {i.address}", f"{model}  FAILED: {_item_error(i)}"))
            elif i.model is None:
                rows.append((f"address {i.address}", f"skipped: {i.note}"))
            else:
                rows.append((f"address {i.address}",
                             f"{model}  serial {i.serial:08d}  -> {i.path}"))
        print(fmt.table(rows))
        print(f"{len(meters) - len(failed)} of {len(meters)} meter(s) {verb} into {where}.")
    if failed:
        for i in failed:
            print(f"error: address {i.address}: {_item_error(i)}", file=sys.stderr)
        assert failed[0].error is not None
        return int(failed[0].error.exit_code)
    if not meters:
        return int(ExitCode.TIMEOUT)
    return 0


# --- restore --------------------------------------------------------------------------------

def _show(key: str, value: Any) -> str:
    if value is None:
        return "?"
    if isinstance(value, Exception):
        return "(unreadable)"
    item = SETTINGS[key]
    unit = getattr(item.domain, "unit", "")
    return f"{item.domain.format(value)} {unit}".rstrip()


def plan_text(plan: rs.RestorePlan) -> str:
    """The dry-run view: one line per key."""
    rows = []
    for e in plan.entries:
        if e.status is rs.PlanStatus.CHANGE:
            line = f"change     {_show(e.key, e.meter_value)} -> {_show(e.key, e.file_value)}"
        elif e.status is rs.PlanStatus.UNCHANGED:
            line = f"unchanged  {_show(e.key, e.file_value)}"
        else:
            line = f"{e.status.value:<10} ({e.reason})"
        rows.append((e.key, line))
    text = fmt.table(rows)
    counts = [f"{plan.count(rs.PlanStatus.CHANGE)} to change",
              f"{plan.count(rs.PlanStatus.UNCHANGED)} unchanged"]
    for status in (rs.PlanStatus.SKIPPED, rs.PlanStatus.NOT_ON_MODEL, rs.PlanStatus.UNREACHABLE,
                   rs.PlanStatus.NOT_IN_FILE, rs.PlanStatus.INVALID):
        if plan.count(status):
            counts.append(f"{plan.count(status)} {status.value}")
    return text + "\n" + ", ".join(counts) + "."


def _result_line(r: rs.RestoreResult) -> str:
    if r.status is WriteStatus.VERIFIED:
        return f"applied        {_show(r.key, r.before)} -> {_show(r.key, r.after)} " \
               "(read back OK)"
    if r.status == WriteStatus.UNCHANGED:  # the plan's or the engine's: both "unchanged"
        return f"unchanged      {_show(r.key, r.file_value)}"
    if r.status is WriteStatus.NOT_ATTEMPTED:
        return f"not attempted  ({r.message or 'stopped after the failure above'})"
    if isinstance(r.status, WriteStatus):
        return f"{r.word.upper():<14} {r.message}".rstrip()
    return f"{r.word:<14} ({r.message})"


def report_text(report: rs.RestoreReport) -> str:
    """The restore result: one line per key, then the counts."""
    rows = [(r.key, _result_line(r)) for r in report.results]
    counts = [f"{report.count(w)} {w}" for w in rs.RESULT_ORDER if report.count(w)]
    return fmt.table(rows) + "\n" + ", ".join(counts) + "."


def restore(args: argparse.Namespace) -> int:
    """`configurator restore FILE` or `configurator restore --template FILE --addresses L`."""
    if args.file and args.template:
        raise UsageError("Give either a backup FILE or --template FILE, not both.")
    if not args.file and not args.template:
        raise UsageError("Name the backup to restore: configurator restore FILE, or --template "
                         "FILE to configure several meters alike.")
    if args.addresses and not args.template:
        raise UsageError("--addresses works with --template only: a full restore copies one "
                         "meter's addresses and is meant for that meter (or its replacement).")
    template = bool(args.template)
    source = Path(args.template or args.file)
    doc = load_backup(source)  # refused files stop here: nothing is opened or written
    if doc.kind is DocumentKind.TEMPLATE and not template:
        raise UsageError(f"{source} is a template, not a backup of one meter: apply it with "
                         f"'configurator template apply {source}'.")
    if template:
        return _restore_template(args, doc, source)
    options = options_from(args)

    async def go() -> int:
        async with open_session(options) as session:
            state = await rs.read_meter_state(session)
            plan = rs.plan_restore(state, doc, include_ct=args.include_ct)
            _plan_notes(args, plan, source, doc)
            if args.dry_run:
                if args.json:
                    _print_json({"dry_run": True, "plan": plan.as_dict()})
                else:
                    print(plan_text(plan))
                    print("Dry run: nothing was written.")
                if plan.problem is not None:
                    print(f"error: {plan.problem}", file=sys.stderr)
                    return int(plan.problem.exit_code)
                return 0
            report = await rs.apply_restore(session, plan, options=options,
                                            undo_dir=args.undo_dir, confirm=confirmer(args))
        return _restore_outcome(args, plan, report, options)

    return asyncio.run(go())


def _plan_notes(args: argparse.Namespace, plan: rs.RestorePlan, source: Path,
                doc: BackupDocument) -> None:
    meter = doc.meter
    _say(args, f"Restoring {source} ({meter.model_code} serial {meter.serial:08d}, "
               f"{doc.created_utc}) to {plan.state.model.info.code} serial "
               f"{plan.state.serial:08d}.")
    if plan.other_meter:
        _say(args, f"note: the backup is of another meter ({meter.serial:08d}); its "
                   "settings, addresses included, are copied to this one"
                   + (" (only the settings this model has)."
                      if meter.model_code != plan.state.model.info.code else "."))
    if plan.other_model:
        written = [e.key for e in plan.entries
                   if e.status in (rs.PlanStatus.CHANGE, rs.PlanStatus.UNCHANGED)]
        _say(args, f"note: the file is of a {plan.source_model}, this meter is a "
                   f"{plan.state.model.info.code}. Written where they differ: "
                   f"{', '.join(written) or 'nothing'}.")
        for e in plan.not_written():
            _say(args, f"note: not written: {e.key} ({e.reason})")
    for warning in plan.warnings:
        _say(args, f"warning: {warning.sentence()}")


def _undo_advice(report: rs.RestoreReport) -> str:
    """How to undo, saying what undoing a CT ratio change would cost."""
    if report.ct_changed:
        return (f"Before writing, the meter's settings were saved to {report.undo_path}. "
                "Restoring that file undoes the other settings; the CT ratio comes back only "
                "with --include-ct, which uses another of the 7 CT ratio changes.")
    return (f"Before writing, the meter's settings were saved to {report.undo_path} "
            "(restore that file to undo).")


def _restore_outcome(args: argparse.Namespace, plan: rs.RestorePlan,
                     report: rs.RestoreReport, options: ConnectionOptions) -> int:
    if args.json:
        _print_json({"dry_run": False, "plan": plan.as_dict(), **report.as_dict()})
    else:
        print(report_text(report))
        if report.undo_path:
            print(_undo_advice(report))
        elif report.error is None:
            print("Nothing to write: the meter already has the file's settings.")
        if report.applied is not None:
            where = fmt.where_text(report.applied, scan_command(options))
            if where:
                print(where)
    if report.error is not None:
        print(f"error: {report.error}", file=sys.stderr)
        return int(report.error.exit_code)
    return 0


def _restore_template(args: argparse.Namespace, doc: BackupDocument, source: Path) -> int:
    options = options_from(args)
    require_port(options)
    addresses = (rs.parse_addresses(args.addresses) if args.addresses
                 else [int(options.address or 1)])
    skipped = ", ".join(rs.TEMPLATE_SKIPPED)
    serial = doc.meter.value("serial")
    origin = f" serial {serial:08d}" if isinstance(serial, int) else " template"
    _say(args, f"Template {source} ({doc.meter.model_code}{origin}) to {len(addresses)} "
               f"meter(s); never copied: {skipped}.")

    def progress(index: int, total: int, address: int) -> None:
        _say(args, f"[{index}/{total}] meter at address {address} ...")

    outcomes = asyncio.run(rs.restore_template(
        options, doc, addresses, include_ct=args.include_ct, dry_run=args.dry_run,
        undo_dir=args.undo_dir, progress=progress, confirm=confirmer(args)))
    if args.json:
        _print_json({"dry_run": bool(args.dry_run), "meters": [
            {"address": o.address, "plan": o.plan.as_dict() if o.plan else None,
             **(o.report.as_dict() if o.report else {}),
             "error": str(o.error) if o.error else None} for o in outcomes]})
    else:
        for o in outcomes:
            head = f"Meter at address {o.address}"
            if o.plan is not None:
                head += f" ({o.plan.state.model.info.code} serial {o.plan.state.serial:08d})"
            print(head + ":")
            if o.plan is not None:
                for warning in o.plan.warnings:
                    print(f"  warning: {warning.sentence()}")
            if o.report is not None:
                print(_indent(report_text(o.report)))
                if o.report.undo_path:
                    print(f"  Undo file: {o.report.undo_path}")
            elif o.plan is not None:
                print(_indent(plan_text(o.plan)))
            if o.error is not None:
                print(f"  FAILED: {o.error}")
        done = sum(1 for o in outcomes if o.error is None)
        verb = "checked (dry run, nothing written)" if args.dry_run else "configured"
        print(f"{done} of {len(outcomes)} meter(s) {verb}.")
    failures = [o.error for o in outcomes if o.error is not None]
    for o in outcomes:
        if o.error is not None:
            print(f"error: address {o.address}: {o.error}", file=sys.stderr)
    return int(failures[0].exit_code) if failures else 0


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


# --- report ---------------------------------------------------------------------------------

def report(args: argparse.Namespace) -> int:
    """`configurator report -o FILE.pdf [--all]`."""
    from ..model.verdicts import Verdict
    from ..services.report import collect_report, render_report_pdf

    target = Path(args.output)
    if target.is_dir():
        raise UsageError(f"-o {target} is a folder: name the PDF file to write.")
    check_writable_target(target, overwrite=True)  # a FIFO, device or symlink: refused now
    if target.exists() and not args.force:
        _may_replace(target, args)
        args.force = True
    options = options_from(args)

    async def go() -> tuple[list[ReportDocument], list[tuple[int, ConfiguratorError]]]:
        pages: list[ReportDocument] = []
        failures: list[tuple[int, ConfiguratorError]] = []
        if not args.all:
            async with open_session(options) as session:
                pages.append(await collect_report(session, options))
            return pages, failures
        fleet = _fleet_options(args)
        progress = _Progress(args)
        found = await scan_bus(fleet, args.first, args.last, progress)
        if progress.live:
            print(file=sys.stderr)
        meters = [hit for hit in found if hit.model is not None]
        failures.extend((hit.address, hit.error) for hit in found if hit.error is not None)
        for index, hit in enumerate(meters, start=1):
            progress("meter", {"address": hit.address, "index": index, "total": len(meters)})
            try:
                async with open_session(hit.options) as session:
                    pages.append(await collect_report(session, hit.options))
            except ConfiguratorError as exc:
                failures.append((hit.address, exc))
        return pages, failures

    pages, failures = asyncio.run(go())
    if not pages:
        raise UsageError(f"No meter answered at addresses {args.first}-{args.last}: no report "
                         "written.") if not failures else failures[0][1]
    path = _write_with_consent(target, args, data=render_report_pdf(pages))
    if args.json:
        _print_json({"file": str(path), "meters": [
            {"serial": p.meter.serial, "model": p.meter.model_code, "verdict": p.verdict,
             "failed_checks": [c.message for c in p.failed()]}
            for p in pages], "errors": [{"address": a, "error": str(e)} for a, e in failures]})
    else:
        print(f"Commissioning report of {len(pages)} meter(s) written to {path}.")
        for p in pages:
            print(f"  {p.meter.model_code} serial {p.meter.serial:08d}: {p.verdict.word}")
            for c in p.checks:
                if c.verdict is not Verdict.PASS:
                    print(f"    {c.verdict.word}: {c.name}: {c.message}")
    for address, exc in failures:
        print(f"error: address {address}: {exc}", file=sys.stderr)
    return int(failures[0][1].exit_code) if failures else 0


__all__ = ["add_backup_arguments", "add_report_arguments", "add_restore_arguments", "backup",
           "plan_text", "report", "report_text", "restore"]
