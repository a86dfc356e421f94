"""The phasor diagram of the wiring verdict, drawn with QPainter (QtGui only, no widgets): the
PDF report paints it into an image, the GUI's Wiring page onto its widget. One drawing.

Voltages sit at their reference angles (L1 0°, L2 240°, L3 120°, counter-clockwise), currents at
the angles derived from PF and the sign of Q. Each phase has a colour from a palette that
colour-blind readers tell apart (Okabe-Ito) and its own dash pattern, and every arrow is
labelled (U1, I1 ...), so the picture also reads in black and white. The caption in the picture
says that the current angles are derived, not measured.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from ..wiring import Phasor

# phase -> (colour, Qt pen style name): blue solid, vermillion dashed, bluish green dash-dot
PHASE_STYLE = {"l1": ("#0072B2", "SolidLine"), "l2": ("#D55E00", "DashLine"),
               "l3": ("#009E73", "DashDotLine")}
NOMINAL_V = 230.0


def paint_phasors(painter: Any, rect: Any, phasors: Sequence[Phasor], caption: str) -> None:
    """Draw the diagram of `phasors` into `rect` (a QRectF) with `painter` (a QPainter)."""
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QPen, QPolygonF

    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing, True)
    painter.fillRect(rect, QColor("white"))
    side = min(rect.width(), rect.height())
    unit = side / 100.0  # drawing unit: 1 % of the picture
    caption_height = 16 * unit
    area = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - caption_height)
    centre = area.center()
    radius = min(area.width(), area.height()) / 2 - 9 * unit
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(6, int(5.5 * unit)))
    font.setBold(True)
    painter.setFont(font)

    grid = QPen(QColor("#c5ccd4"))
    grid.setWidthF(max(0.5, 0.4 * unit))
    painter.setPen(grid)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for share in (0.5, 1.0):
        painter.drawEllipse(centre, radius * share, radius * share)
    painter.drawLine(QPointF(centre.x() - radius, centre.y()),
                     QPointF(centre.x() + radius, centre.y()))
    painter.drawLine(QPointF(centre.x(), centre.y() - radius),
                     QPointF(centre.x(), centre.y() + radius))

    volts = max([NOMINAL_V] + [p.voltage_v or 0.0 for p in phasors])
    amps = max([p.current_a or 0.0 for p in phasors if p.current_angle is not None] + [1e-9])

    def tip(length: float, degrees: float) -> Any:
        angle = math.radians(degrees)
        return QPointF(centre.x() + length * math.cos(angle),
                       centre.y() - length * math.sin(angle))

    def arrow(end: Any, degrees: float, colour: QColor, size: float) -> None:
        angle = math.radians(degrees)
        back = QPointF(end.x() - size * math.cos(angle), end.y() + size * math.sin(angle))
        normal = QPointF(-math.sin(angle) * size * 0.45, -math.cos(angle) * size * 0.45)
        painter.setBrush(QBrush(colour))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawPolygon(QPolygonF([end, back + normal, back - normal]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def label(end: Any, degrees: float, text: str, colour: QColor) -> None:
        angle = math.radians(degrees)
        at = QPointF(end.x() + 5 * unit * math.cos(angle), end.y() - 5 * unit * math.sin(angle))
        box = QRectF(at.x() - 8 * unit, at.y() - 4 * unit, 16 * unit, 8 * unit)
        painter.setPen(QPen(colour))
        painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)

    for phasor in phasors:
        colour_name, style_name = PHASE_STYLE[phasor.phase]
        colour = QColor(colour_name)
        style = getattr(Qt.PenStyle, style_name)
        number = phasor.phase[1]
        if phasor.voltage_v:
            length = radius * 0.95 * phasor.voltage_v / volts
            end = tip(length, phasor.voltage_angle)
            pen = QPen(colour)
            pen.setWidthF(1.6 * unit)
            pen.setStyle(style)
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.drawLine(centre, tip(length - 3 * unit, phasor.voltage_angle))
            arrow(end, phasor.voltage_angle, colour, 4.5 * unit)
            label(end, phasor.voltage_angle, f"U{number}", colour)
        if phasor.current_angle is not None and phasor.current_a:
            length = radius * 0.62 * phasor.current_a / amps
            end = tip(length, phasor.current_angle)
            pen = QPen(colour)
            pen.setWidthF(0.8 * unit)
            pen.setStyle(style)
            painter.setPen(pen)
            painter.drawLine(centre, tip(max(0.0, length - 3 * unit), phasor.current_angle))
            arrow(end, phasor.current_angle, colour, 3.5 * unit)
            label(end, phasor.current_angle, f"I{number}", colour)

    small = QFont(font)
    small.setBold(False)
    small.setPixelSize(max(6, int(4.2 * unit)))
    painter.setFont(small)
    painter.setPen(QPen(QColor("#3a4654")))
    painter.drawText(QRectF(rect.left() + 2 * unit, rect.bottom() - caption_height,
                            rect.width() - 4 * unit, caption_height),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
                         | Qt.TextFlag.TextWordWrap), caption)
    painter.restore()


def phasor_image(phasors: Sequence[Phasor], caption: str, size: int = 600) -> Any:
    """The diagram as a QImage of `size` x `size` pixels (a QGuiApplication must exist)."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_phasors(painter, QRectF(0, 0, size, size), phasors, caption)
    finally:
        painter.end()
    return image


__all__ = ["PHASE_STYLE", "paint_phasors", "phasor_image"]
