"""`python -m configurator.simulator`: run the simulated meter bus (see command.py)."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn

from .command import add_arguments, run


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports a bad option in one line, exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"error: {message.rstrip('.')}.\n")


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the simulator."""
    parser = _Parser(prog="python -m configurator.simulator",
                     description="Simulated WAGO 879-30xx meters on a pseudo-terminal.")
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
