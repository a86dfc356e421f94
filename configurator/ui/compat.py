"""Refuse to run on a Qt binding known to crash this app.

PySide6 6.12.0 on CPython 3.11 (measured here): every call of a PySide6 method that returns
nothing releases one reference to `None` it never took, and some paths do the same to
`True`/`False`; after a few thousand calls (minutes of polling) the process aborts with
"Fatal Python error: none_dealloc". CPython 3.12 made these objects immortal (PEP 683), so it
is harmless there. pyproject.toml pins PySide6 below 6.12; this check catches an environment
that installed it anyway and says what to do, instead of crashing minutes later.
"""

from __future__ import annotations

import sys

from ..errors import ConfiguratorError, ExitCode

PROBE_CALLS = 64


class QtBindingError(ConfiguratorError):
    """The installed Qt binding would crash the app."""

    exit_code = ExitCode.UNEXPECTED


def pyside_drops_none_references() -> bool:
    """Whether void PySide6 calls release references to None they never took."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        probe.setObjectName("probe")
    return sys.getrefcount(None) <= before - PROBE_CALLS // 2


def check_qt_binding() -> None:
    """Raise QtBindingError (one sentence, what to install) if the defect is present."""
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    if pyside_drops_none_references():
        import PySide6

        raise QtBindingError(
            f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} has a "
            "reference-count defect that crashes the desktop app after a few minutes: install "
            "'PySide6-Essentials<6.12' (or use Python 3.12 or newer).")
