"""Debug notes that cost nothing unless logging is in use.

A one-shot `configurator read` never imports `logging` (its import, with traceback and
threading, is a noticeable part of a one-shot command's start-up; docs/DECISIONS.md P2). A module
on that path writes its debug notes through `debug()`: they reach logging when the process has
loaded it (the CLI's --debug, every other command, the window) and are dropped otherwise, when
no handler would print a debug note anyway.
"""

from __future__ import annotations

import sys


def debug(logger: str, message: str, *args: object) -> None:
    """`logging.getLogger(logger).debug(message, *args)` if logging is loaded, else nothing."""
    logging = sys.modules.get("logging")
    if logging is not None:
        logging.getLogger(logger).debug(message, *args)


__all__ = ["debug"]
