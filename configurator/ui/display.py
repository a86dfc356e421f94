"""Whether a window can be shown at all (no Qt imported here: the CLI asks before Qt loads)."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class DisplayProblem:
    """Why no window can be shown: what is missing, and what to do instead."""

    missing: str
    instead: str

    def __str__(self) -> str:
        return f"{self.missing}: {self.instead}"


NO_DISPLAY = DisplayProblem(
    "No display found for the window (DISPLAY and WAYLAND_DISPLAY are unset)",
    "run a command instead (see 'configurator --help'), e.g. 'configurator --demo info'.")


def display_problem() -> DisplayProblem | None:
    """Why no window can be shown here, or None when one can.

    On Linux, Qt aborts the whole process when it finds no display; this says so in a sentence
    instead. QT_QPA_PLATFORM (offscreen, xcb, wayland ...) set by the user is trusted.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return NO_DISPLAY
