"""Translations waiting to be merged into the catalogue (resources/i18n/pending/*.json).

While several people change strings at once, new German texts are written to
`resources/i18n/pending/<name>.json` (a list of {"context", "source", "translation"}) instead of
the shared .ts file, and merged into it later. Screenshots and tests of the German window can
still show them: `install_pending("de")` compiles those lists (pyside6-lrelease) into a
temporary catalogue and installs it on top of the committed one. Without pending files, or
without the Qt tools, it does nothing.
"""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from ..i18n import i18n_dir, run_lrelease, tool_path

_installed: list[QTranslator] = []
_tmp: list[tempfile.TemporaryDirectory[str]] = []


def pending_entries() -> list[dict[str, str]]:
    """Every pending translation (all files)."""
    folder = i18n_dir() / "pending"
    entries: list[dict[str, str]] = []
    for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        entries.extend(json.loads(path.read_text(encoding="utf-8")))
    return entries


def pending_ts(entries: list[dict[str, str]], language: str) -> str:
    """A Qt Linguist catalogue holding `entries`."""
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for entry in entries:
        context = contexts.get(entry["context"])
        if context is None:
            context = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = entry["context"]
            contexts[entry["context"]] = context
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = entry["source"]
        ET.SubElement(message, "translation").text = entry["translation"]
    return '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(
        root, encoding="unicode")


def install_pending(language: str) -> int:
    """Install the pending translations for `language` on top of the catalogue; returns how
    many there were (0: nothing installed)."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    entries = pending_entries()
    if app is None or language == "en" or not entries or tool_path("pyside6-lrelease") is None:
        return 0
    folder = tempfile.TemporaryDirectory(prefix="configurator-pending-")
    _tmp.append(folder)
    ts = Path(folder.name) / f"pending_{language}.ts"
    ts.write_text(pending_ts(entries, language), encoding="utf-8")
    qm = ts.with_suffix(".qm")
    run_lrelease(ts, qm)
    translator = QTranslator(app)
    if not translator.load(str(qm)):
        return 0
    app.installTranslator(translator)
    _installed.append(translator)
    return len(entries)


__all__ = ["install_pending", "pending_entries", "pending_ts"]
