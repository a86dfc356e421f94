"""The sidebar pages. Importing a module registers its page; pages are built when opened."""

from __future__ import annotations


def load_pages() -> None:
    """Import every page module (registration only: nothing is built here)."""
    from . import (  # noqa: F401
        backup,
        bus,
        commission,
        connect,
        counters,
        ct,
        diagnostics,
        energy,
        live,
        password,
        settings,
        template,
        wiring,
    )
