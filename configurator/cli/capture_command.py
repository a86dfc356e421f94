"""`configurator capture -o FILE`: a support bundle of one meter, replayable with
`configurator simulate --from FILE` (docs/capture.md)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from ..errors import FileError
from ..services.backup import BackupExistsError
from ..services.capture import Capture, TrafficRecorder, capture_session, summary, write_capture
from ..services.connection import open_session
from .connect import options_from


def add_capture_arguments(parser: argparse.ArgumentParser) -> None:
    """The `capture` command's options (its one-line help is in cli/main.py)."""
    parser.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the bundle to write (e.g. meter.capture.json)")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")


def capture(args: argparse.Namespace) -> int:
    """Read the meter into a bundle and write it (atomically; never over a file unasked)."""
    target = Path(args.output)
    if target.exists() and not args.force:  # say so before talking to the meter
        raise FileError(f"{target} already exists: add --force to replace it.")
    options = options_from(args)
    recorder = TrafficRecorder()

    async def go() -> Capture:
        async with open_session(options, recorder) as session:
            bundle = await capture_session(session, options.describe())
        bundle.traffic = recorder.bundle_lines()
        return bundle

    bundle = asyncio.run(go())
    try:
        written = write_capture(target, bundle, overwrite=args.force)
    except BackupExistsError:
        raise FileError(f"{target} already exists: add --force to replace it.") from None
    if args.json:
        print(json.dumps({"file": str(written), "summary": str(summary(bundle)),
                          "identity_error": bundle.identity_error}, indent=2))
    else:
        print(f"{summary(bundle)}\nWrote {written}.")
        if bundle.identity_error:
            print(f"note: {bundle.identity_error}", file=sys.stderr)
        for note in bundle.notes:
            print(f"note: {note}", file=sys.stderr)
    return 0
