"""The arguments of `backup`, `restore` and `report` (their runners: backup_commands.py).

Light on purpose: every command builds this part of the parser, so the restore service is
imported only to complete `restore --help`.
"""

from __future__ import annotations

import argparse
from typing import Any

from .parser import set_help

# Completed with the restore service's constants when `restore --help` is shown.
TEMPLATE_HELP = "apply FILE's settings as a template, never copying per-meter keys ({skipped})"
UNDO_DIR_HELP = ("folder for the automatic pre-restore backup (default: <user data "
                 "dir>/wago-meter-configurator/pre-restore, or ${env}/pre-restore)")

def add_parsers(sub: Any, conn: argparse.ArgumentParser) -> None:
    """Add the backup, restore and report subcommands to the CLI's subparsers."""
    backup = sub.add_parser(
        "backup", parents=[conn], help="save a meter's settings, identity and energy snapshot "
        "to a JSON file (--all: every meter on the bus)",
        description="Save every readable setting, the identity (model, serial, firmware, "
                    "checksum), CT ratio and history, counters and an energy snapshot to a "
                    "versioned JSON file (schema: resources/backup.schema.json).")
    backup.add_argument("-o", "--output", metavar="PATH",
                        help="file to write (default <serial>.json here); with --all a folder")
    backup.add_argument("--all", action="store_true",
                        help="scan the bus and back up every meter, one file per serial")
    backup.add_argument("--first", type=int, default=1, help="with --all: first address")
    backup.add_argument("--last", type=int, default=247, help="with --all: last address")
    backup.add_argument("--force", action="store_true", help="replace existing files")

    restore = sub.add_parser(
        "restore", parents=[conn], complete_help=_complete_restore_help,
        help="write a backup's settings back to a meter (--template: to several meters)",
        description="Compare the file with the meter key by key, save the meter's current "
                    "settings as an undo backup, then write only what differs (link settings "
                    "last, followed). The CT ratio is restored only with --include-ct.")
    restore.add_argument("file", nargs="?", metavar="FILE", help="backup file to restore")
    restore.add_argument("--template", metavar="FILE",
                         help=TEMPLATE_HELP)  # completed by _complete_restore_help
    restore.add_argument("--addresses", metavar="LIST",
                         help="with --template: meters to configure, e.g. 1,2,5-7")
    restore.add_argument("--dry-run", action="store_true",
                         help="show what would change and write nothing")
    restore.add_argument("--include-ct", action="store_true",
                         help="also restore the CT ratio (uses one of its 7 changes; never with "
                              "--template)")
    restore.add_argument("--yes", action="store_true",
                         help="confirm a CT ratio change without asking")
    restore.add_argument("--undo-dir", metavar="DIR",
                         help=UNDO_DIR_HELP)

    report = sub.add_parser(
        "report", parents=[conn], help="commissioning report as PDF, one page per meter",
        description="Identity, checksum verdict (manual 4.3), all settings, energy per tariff "
                    "with OBIS codes, live values and phase / current-direction / quadrant "
                    "checks, one A4 page per meter.")
    report.add_argument("-o", "--output", metavar="FILE.pdf", required=True,
                        help="PDF file to write")
    report.add_argument("--all", action="store_true", help="every meter found on the bus")
    report.add_argument("--first", type=int, default=1, help="with --all: first address")
    report.add_argument("--last", type=int, default=247, help="with --all: last address")
    report.add_argument("--force", action="store_true", help="replace an existing file")


def _complete_restore_help(parser: argparse.ArgumentParser) -> None:
    """Fill in the help texts that name the restore service's constants."""
    from ..services import restore as rs

    set_help(parser, "template", TEMPLATE_HELP.format(skipped=", ".join(rs.TEMPLATE_SKIPPED)))
    set_help(parser, "undo_dir", UNDO_DIR_HELP.format(env=rs.ENV_DATA_DIR))


__all__ = ["add_parsers"]
