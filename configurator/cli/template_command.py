"""`configurator template new|show|set|apply`: settings templates made before the site.

The service (services/template.py) checks every value by the rules of a live write and applies
through restore's plan and the one write engine; this module only parses and prints.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from typing import Any

from ..errors import UsageError
from ..model.models import Model
from ..model.settings import SETTINGS, parse_assignment
from ..services import restore as rs
from ..services import template as tp
from ..services.backup import BackupExistsError
from ..services.connection import open_session, require_port
from . import format as fmt
from . import options as cli_options
from .backup_commands import plan_text, report_text
from .commands import confirmer
from .connect import options_from


def add_template_arguments(template: argparse.ArgumentParser,
                           conn: argparse.ArgumentParser) -> None:
    """The sub-commands of `template` and their options (`conn`: the connection options'
    parser, accepted after the action too)."""
    template.description = (
        "Make a settings template with no meter connected (every setting of the model, checked "
        "as a live write would be), edit it, show it, and apply it to one meter or a whole bus. "
        "Addresses and the CT ratio are never copied unless asked.")
    sub = template.add_subparsers(dest="template_command", metavar="ACTION", required=True)
    new = sub.add_parser("new", help="make a template of a model (factory values, then yours)",
                         parents=[conn])
    new.add_argument("--model", required=True, help="4PU, 4PS or 2PUCT")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help="template to write")
    new.add_argument("--name", default="", help="a name for the template (e.g. the site)")
    new.add_argument("--force", action="store_true", help="replace an existing file")
    new.add_argument("assignments", nargs="*", metavar="KEY=VALUE")
    show = sub.add_parser("show", help="print a template's settings", parents=[conn])
    show.add_argument("file", metavar="FILE")
    set_ = sub.add_parser("set", help="change settings in a template (KEY= removes one)",
                          parents=[conn])
    set_.add_argument("file", metavar="FILE")
    set_.add_argument("assignments", nargs="+", metavar="KEY=VALUE")
    apply = sub.add_parser("apply", help="write a template to a meter, to --addresses or to "
                           "--all meters on the bus", parents=[conn])
    apply.add_argument("file", metavar="FILE")
    apply.add_argument("--all", action="store_true",
                       help="every meter the bus search finds (M-Bus: by secondary address)")
    apply.add_argument("--addresses", metavar="LIST", type=cli_options.address_list,
                       help="meters to configure, e.g. 1,2,5-7")
    apply.add_argument("--include-ct", action="store_true",
                       help="also write the template's CT ratio (uses one of its 7 changes)")
    apply.add_argument("--include-addresses", action="store_true",
                       help="one meter only: also write the template's addresses")
    apply.add_argument("--dry-run", action="store_true", help="show the plan, write nothing")
    apply.add_argument("--yes", action="store_true",
                       help="confirm changes that cannot be undone without asking")
    apply.add_argument("--undo-dir", metavar="DIR",
                       help="folder for the automatic backup made before the first write")


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def _assignments(texts: list[str], allow_remove: bool = False) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    for text in texts:
        key, sep, raw = text.partition("=")
        if allow_remove and sep and not raw.strip():
            item = SETTINGS.get(key.strip())
            if item is None:
                parse_assignment(text)  # the one sentence for an unknown key
            changes[key.strip()] = None
            continue
        item, value = parse_assignment(text)
        if item.key in changes:
            raise UsageError(f"{item.key} is given twice.")
        changes[item.key] = value
    return changes


def _show_text(doc: dict[str, Any]) -> str:
    model = tp.template_model(doc)
    values = doc["settings"]
    rows = []
    for item in tp.template_settings(model):
        unit = getattr(item.domain, "unit", "")
        shown = f"{values[item.key]} {unit}".rstrip() if item.key in values else "(not set)"
        rows.append((item.key, shown))
    name = doc.get("template", {}).get("name") or "(no name)"
    head = f"Template {name} for the {model.info.code} ({model.info.article}), " \
           f"{doc['created_utc']}:"
    return head + "\n" + fmt.table(rows)


def _warn(warnings: list[Any]) -> None:
    for warning in warnings:
        print(f"warning: {warning.sentence()}", file=sys.stderr)


def template(args: argparse.Namespace) -> int:
    """Run `configurator template ACTION`."""
    action = args.template_command
    if action == "new":
        try:
            model = Model.parse(args.model)
        except ValueError as exc:
            raise UsageError(f"--model: {exc}.") from None
        doc = tp.new_template(model, _assignments(args.assignments), name=args.name)
        _warn(tp.check_values(model, tp.template_values(doc)))
        try:
            path = tp.write_template(args.output, doc, overwrite=args.force)
        except BackupExistsError:
            raise UsageError(f"{args.output} already exists: add --force to replace it.") \
                from None
        if args.json:
            _print_json({"file": str(path), "model": model.info.code,
                         "settings": doc["settings"]})
        else:
            print(f"Template for the {model.info.code} written to {path} "
                  f"({len(doc['settings'])} settings).")
        return 0
    doc = tp.load_template(args.file)
    if action == "show":
        if args.json:
            _print_json(doc)
        else:
            print(_show_text(doc))
        return 0
    if action == "set":
        changes = _assignments(args.assignments, allow_remove=True)
        new = tp.set_values(doc, changes)
        _warn(tp.check_values(tp.template_model(new), tp.template_values(new)))
        path = tp.write_template(args.file, new, overwrite=True)
        if args.json:
            _print_json({"file": str(path), "settings": new["settings"]})
        else:
            print(f"{len(changes)} setting(s) changed in {path}.")
        return 0
    return _apply(args, doc)


def _apply(args: argparse.Namespace, doc: dict[str, Any]) -> int:
    options = options_from(args)
    if args.all and args.addresses:
        raise UsageError("Give either --all or --addresses, not both.")
    if args.include_addresses and (args.all or args.addresses):
        raise UsageError("--include-addresses works on one meter only: a bus of meters cannot "
                         "share one address.")
    confirm = confirmer(args)
    if args.all or args.addresses:
        require_port(options)
        addresses = rs.parse_addresses(args.addresses) if args.addresses else None

        def progress(index: int, total: int, meter: Any) -> None:
            if not args.json:
                print(f"[{index}/{total}] meter at address {meter.address} ...",
                      file=sys.stderr, flush=True)

        outcomes = asyncio.run(tp.apply_to_bus(
            options, doc, addresses, include_ct=args.include_ct, dry_run=args.dry_run,
            undo_dir=args.undo_dir, progress=progress, confirm=confirm))
    else:
        async def one() -> list[rs.MeterRestore]:
            async with open_session(options) as session:
                outcome = await tp.apply_to_meter(
                    session, doc, options=options, include_ct=args.include_ct,
                    include_addresses=args.include_addresses, dry_run=args.dry_run,
                    undo_dir=args.undo_dir, confirm=confirm)
            return [outcome]

        outcomes = asyncio.run(one())
    return _outcomes(args, outcomes)


def _outcomes(args: argparse.Namespace, outcomes: list[rs.MeterRestore]) -> int:
    if args.json:
        _print_json({"dry_run": bool(args.dry_run), "meters": [
            {"address": o.address, "plan": o.plan.as_dict() if o.plan else None,
             **(o.report.as_dict() if o.report else {}),
             "error": str(o.error) if o.error else None} for o in outcomes]})
    else:
        for o in outcomes:
            head = f"Meter at address {o.address}"
            if o.plan is not None and o.plan.state.serial is not None:
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
    failures = [o for o in outcomes if o.error is not None]
    for o in failures:
        print(f"error: address {o.address}: {o.error}", file=sys.stderr)
    if not outcomes:
        raise UsageError("No meter answered on the bus: nothing was configured.")
    return int(failures[0].error.exit_code) if failures and failures[0].error else 0


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())


__all__ = ["add_template_arguments", "template"]
