"""Render resources/icons/wago-meter-configurator.svg to the PNG sizes desktops want.

Run after editing the SVG:
    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> None:
    """Write wago-meter-configurator-<size>.png beside the SVG."""
    app = QGuiApplication([])  # noqa: F841 - Qt needs an application to paint
    renderer = QSvgRenderer(str(ICONS / "wago-meter-configurator.svg"))
    if not renderer.isValid():
        raise SystemExit("wago-meter-configurator.svg does not parse")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"wago-meter-configurator-{size}.png"))


if __name__ == "__main__":
    main()
