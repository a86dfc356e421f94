"""Help ▸ User guide and Help ▸ About: where the guide is, the versions of every part.

The user guide is docs/user-guide.md (beside the package in a checkout, or under the data
folder of an installed build). It is turned into HTML with Qt's own Markdown reader (images
resolved against the guide's folder) and opened in the user's browser via QDesktopServices.
"""

from __future__ import annotations

import platform
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QTextDocument

from .. import __version__

GUIDE = ("docs", "user-guide.md")
PARTS = ("pyqtgraph", "pymodbus", "bleak", "pyserial", "numpy", "qasync")


def user_guide_path() -> Path | None:
    """The user guide's Markdown file, if this installation has it."""
    here = Path(__file__).resolve().parents[2]
    bundle = getattr(sys, "_MEIPASS", None)
    for base in (here, Path(bundle) if bundle else None,
                 Path(sys.prefix) / "share" / "wago-meter-configurator"):
        if base is not None and (base.joinpath(*GUIDE)).is_file():
            return base.joinpath(*GUIDE)
    return None


def guide_html(markdown: Path, out_dir: Path) -> Path:
    """The guide as an HTML file in `out_dir` (its pictures still found beside the guide)."""
    document = QTextDocument()
    document.setMarkdown(markdown.read_text(encoding="utf-8"))
    html = document.toHtml()
    base = QUrl.fromLocalFile(str(markdown.parent) + "/").toString()
    html = html.replace("<head>", f'<head><base href="{base}"/>', 1)
    out = out_dir / "user-guide.html"
    out.write_text(html, encoding="utf-8")
    return out


def open_user_guide() -> QUrl | None:
    """Open the guide in the browser; returns the URL opened, or None without a guide."""
    markdown = user_guide_path()
    if markdown is None:
        return None
    folder = Path(tempfile.gettempdir()) / "wago-meter-configurator-guide"
    folder.mkdir(parents=True, exist_ok=True)
    url = QUrl.fromLocalFile(str(guide_html(markdown, folder)))
    QDesktopServices.openUrl(url)
    return url


def package_version(name: str) -> str:
    """An installed distribution's version, or "—"."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "—"


def versions() -> list[tuple[str, str]]:
    """(part, version) of the app and what it runs on."""
    return [("WAGO Meter Configurator", __version__),
            ("Python", platform.python_version()),
            ("Qt", qVersion()), ("PySide6", pyside_version),
            *((name, package_version(name)) for name in PARTS)]


__all__ = ["guide_html", "open_user_guide", "user_guide_path", "versions"]
