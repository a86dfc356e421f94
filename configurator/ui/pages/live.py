"""Live values: charts fed from the ring buffers, big numeric readouts, one redraw timer.

Acquisition (the poller) and drawing are decoupled: the poller fills the store, and one short
timer calls setData on the charts of the visible tab only, with the samples of the time span
the charts show (never more points than two per pixel).

The time axes of every chart are linked. Following live (the default) the charts show the
chosen span ending now; the mouse wheel changes that span and the charts keep following;
dragging back in time leaves the live end, and the charts then show that stretch from the store
(as long as it holds it) until "Follow live". Pause freezes the charts: they draw from a copy
of the store taken at that moment (`services.polling.Snapshot`), so nothing that happens while
paused — polling resumed from elsewhere, rings wrapping, a reconnect that clears the store —
changes or pushes out what is on screen; zoom and pan still work on the frozen copy. Pause also
stops reading the meter; the readouts then grey out with their age, as they do while the link
is down.
"""

from __future__ import annotations

import csv
import math
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...i18n import QT_TRANSLATE_NOOP, translate
from ...model.registers import REGISTERS
from ...services.link import LinkState
from ...services.polling import (
    POLL_INTERVALS_S,
    TIME_WINDOWS_S,
    Snapshot,
    decimate,
    stale_after,
)
from ..editors import local_number
from ..widgets import FlowLayout, age_text
from .base import Page, register

REDRAW_MS = 250
PEN_WIDTH = 1  # wide pens are several times slower to rasterise (bench/bench_gui.py)
PHASES = ("l1", "l2", "l3", "l1_l2", "l1_l3", "l2_l3")
# Okabe-Ito colours (safe for colour-blind readers) and one dash pattern per phase, so that the
# lines can also be told apart on a grey print-out.
PHASE_STYLE: dict[str, tuple[str, Qt.PenStyle]] = {
    "total": ("#000000", Qt.PenStyle.SolidLine),
    "l1": ("#D55E00", Qt.PenStyle.DashLine),
    "l2": ("#0072B2", Qt.PenStyle.DotLine),
    "l3": ("#009E73", Qt.PenStyle.DashDotLine),
    "l1_l2": ("#E69F00", Qt.PenStyle.DashLine),
    "l1_l3": ("#56B4E9", Qt.PenStyle.DotLine),
    "l2_l3": ("#CC79A7", Qt.PenStyle.DashDotLine),
}
FOLLOW_TOLERANCE = 0.02  # a right edge within 2 % of the span from now counts as "live"
MIN_SPAN_S = 2.0
MAX_SPAN_S = 86_400.0 * 1.05


@dataclass(frozen=True)
class ChartSpec:
    """One chart: a title (its y-axis label) and the register keys it draws."""

    title: str
    keys: tuple[str, ...]

    @property
    def unit(self) -> str:
        """The unit shared by its registers (from the register table)."""
        return REGISTERS[self.keys[0]].unit


def _family(base: str, total: bool = True) -> tuple[str, ...]:
    return ((base,) if total else ()) + tuple(f"{base}.{p}" for p in ("l1", "l2", "l3"))


# Titles are marked for translation (context "LivePage") and translated when shown.
TABS: tuple[tuple[str, tuple[ChartSpec, ...]], ...] = (
    (QT_TRANSLATE_NOOP("LivePage", "Power"),
     (ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Active power"), _family("power.active")),
      ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Reactive power"), _family("power.reactive")),
      ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Apparent power"), _family("power.apparent")))),
    (QT_TRANSLATE_NOOP("LivePage", "Voltage"),
     (ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Phase voltage"), _family("voltage", total=False)),
      ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Line-to-line voltage"),
                ("voltage.l1_l2", "voltage.l1_l3", "voltage.l2_l3")))),
    (QT_TRANSLATE_NOOP("LivePage", "Current"),
     (ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Current"), _family("current", total=False)),)),
    (QT_TRANSLATE_NOOP("LivePage", "Frequency && PF"),
     (ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Frequency"), ("frequency",)),
      ChartSpec(QT_TRANSLATE_NOOP("LivePage", "Power factor"), _family("power_factor")))),
)
# The quantity of a register family (the key without its phase), for headers and the cursor.
QUANTITIES = {
    "voltage": QT_TRANSLATE_NOOP("LivePage", "Voltage"),
    "current": QT_TRANSLATE_NOOP("LivePage", "Current"),
    "frequency": QT_TRANSLATE_NOOP("LivePage", "Frequency"),
    "power.active": QT_TRANSLATE_NOOP("LivePage", "Active power"),
    "power.reactive": QT_TRANSLATE_NOOP("LivePage", "Reactive power"),
    "power.apparent": QT_TRANSLATE_NOOP("LivePage", "Apparent power"),
    "power_factor": QT_TRANSLATE_NOOP("LivePage", "Power factor"),
}
SUMMED = ("power.active", "power.reactive", "power.apparent", "power_factor")  # "total"
READOUTS: tuple[tuple[str, str], ...] = (
    ("power.active", QT_TRANSLATE_NOOP("LivePage", "P total")),
    ("power.reactive", QT_TRANSLATE_NOOP("LivePage", "Q total")),
    ("power.apparent", QT_TRANSLATE_NOOP("LivePage", "S total")),
    ("power_factor", "PF"), ("frequency", "f"),
    ("voltage.l1", "U L1"), ("voltage.l2", "U L2"), ("voltage.l3", "U L3"),
    ("current.l1", "I L1"), ("current.l2", "I L2"), ("current.l3", "I L3"),
)
READOUT_WIDEST = "-8888.88 kvar"  # the longest a readout gets: sizes the panel
AXIS_TICKS_WIDEST = "-888.88"  # the widest tick label an axis gets: one width for all


def phase_of(key: str) -> str:
    """The phase suffix of a register key ("l1", "l1_l2") or "total"."""
    suffix = key.rsplit(".", 1)[-1]
    return suffix if suffix in PHASES else "total"


def quantity_of(key: str) -> str:
    """The register family of a key: the key without its phase."""
    return key.rsplit(".", 1)[0] if phase_of(key) != "total" else key


def curve_name(key: str) -> str:
    """Legend name: the phase (L1, L1-L2) or "total"."""
    phase = phase_of(key)
    return (phase.upper().replace("_", "-") if phase != "total"
            else QT_TRANSLATE_NOOP("LivePage", "total"))


def series_label(key: str, with_unit: bool = True) -> str:
    """A series as a reader names it, in the UI language: "Active power L1 (kW)", "Active
    power total (kW)", "Voltage (V)" (a family's own value that is no sum has no "total")."""
    family = quantity_of(key)
    quantity = QUANTITIES.get(family)
    reg = REGISTERS[key]
    if quantity is None:
        text = translate("Registers", reg.label)
    elif phase_of(key) == "total" and family not in SUMMED:
        text = translate("LivePage", quantity)
    else:
        text = f"{translate('LivePage', quantity)} {translate('LivePage', curve_name(key))}"
    return f"{text} ({reg.unit})" if with_unit and reg.unit else text


def axis_label(spec: ChartSpec) -> str:
    """A chart's y-axis label: the quantity and its unit, "Active power (kW)"."""
    title = translate("LivePage", spec.title)
    return f"{title} ({spec.unit})" if spec.unit else title


def format_value(value: Any, unit: str) -> str:
    """A readout: 4 significant-ish digits (in the UI locale's format) and the unit."""
    if not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        return "—"
    magnitude = abs(value)
    digits = 3 if magnitude < 10 else 2 if magnitude < 100 else 1
    return f"{QLocale().toString(float(value), 'f', digits)} {unit}".strip()


def phase_pen(key: str) -> Any:
    """The pen of a series: its phase's colour and dash pattern."""
    colour, style = PHASE_STYLE[phase_of(key)]
    return pg.mkPen(colour, width=PEN_WIDTH, style=style)


def line_sample(key: str, width: int, height: int) -> QPixmap:
    """A short piece of a series' line, for the legend."""
    pixmap = QPixmap(width, height)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    colour, style = PHASE_STYLE[phase_of(key)]
    pen = QPen(QColor(colour), 2)
    pen.setStyle(style)
    painter.setPen(pen)
    painter.drawLine(0, height // 2, width, height // 2)
    painter.end()
    return pixmap


def legend_row(keys: list[str]) -> QWidget:
    """One row naming the line of every phase the tab draws (colour and dash)."""
    row = QWidget()
    layout = FlowLayout(row, spacing=14)
    seen: list[str] = []
    for key in keys:
        phase = phase_of(key)
        if phase in seen:
            continue
        seen.append(phase)
        entry = QWidget()
        line = QHBoxLayout(entry)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(4)
        sample = QLabel()
        metrics = QFontMetrics(sample.font())
        sample.setPixmap(line_sample(key, metrics.averageCharWidth() * 4, metrics.height()))
        line.addWidget(sample)
        line.addWidget(QLabel(translate("LivePage", curve_name(key))))
        layout.addWidget(entry)
    return row


def iso_time(t: float) -> str:
    """A sample time as ISO 8601 in local time with its UTC offset (milliseconds)."""
    return datetime.fromtimestamp(t).astimezone().isoformat(timespec="milliseconds")


def place_readout(label: pg.TextItem, bands: list[tuple[float, float]]) -> None:
    """Put a cursor readout at the height of its chart that keeps farthest from the drawn
    series (`bands`: each series' lowest and highest value shown), at the chart's left, so the
    box does not cover the lines it reads where there is room between them."""
    view = label.parentItem()
    if view is None:
        return
    _x_range, (bottom, top) = view.viewRange()
    height = float(view.height())
    box = float(label.boundingRect().height())
    if top <= bottom or height <= box + 4:
        label.setPos(4, 2)
        return

    def pixel(value: float) -> float:
        return (top - value) / (top - bottom) * height

    spans = [(pixel(high), pixel(low)) for low, high in bands
             if np.isfinite(low) and np.isfinite(high)]

    def clearance(y: float) -> float:  # the gap between the box at `y` and the nearest series
        gaps = [max(first - (y + box), y - last, 0.0) for first, last in spans]
        return min(gaps, default=height)

    candidates = [2.0 + step for step in range(0, int(height - box - 3), 2)] or [2.0]
    best = max(candidates, key=lambda y: (clearance(y), -y))
    label.setPos(4, best)


def clock_text(t: float) -> str:
    """A sample time as the cursor shows it (local wall-clock time)."""
    return time.strftime("%H:%M:%S", time.localtime(t))


class ClockAxis(pg.DateAxisItem):
    """Time ticks as wall-clock times (14:03:05), never as seconds and milliseconds ("13.000",
    which reads as a number): the finest of pyqtgraph's zoom levels is left out, so the
    closest ticks are whole seconds (the charts never show less than MIN_SPAN_S)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.zoomLevels.pop(1, None)  # the milliseconds level


class ChartWidget(pg.PlotWidget):
    """A chart that asks for no more height than its minimum (stacked charts share whatever
    height the window has; a page in a scroll area would otherwise grow to their wishes).

    Its y-axis label is the quantity and unit; on a short chart they go onto two lines. The
    charts of a tab share one choice and one axis width (`fit_axes`), so their plot areas
    line up under each other."""

    def __init__(self, spec: ChartSpec, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.spec = spec
        self.siblings: list[ChartWidget] = [self]
        self.label_lines = 0

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(super().sizeHint().width(), max(self.minimumHeight(), 60))

    def wants_lines(self) -> int:
        """1 if the one-line label fits this chart's height, else 2."""
        metrics = QFontMetrics(self.font())
        fits = metrics.horizontalAdvance(axis_label(self.spec)) + 40 < self.height()
        return 1 if fits or not self.spec.unit else 2

    def fit_axes(self) -> None:
        """Label lines and axis width for this chart and its siblings (one tab)."""
        lines = max(chart.wants_lines() for chart in self.siblings)
        metrics = QFontMetrics(self.font())
        width = metrics.horizontalAdvance(AXIS_TICKS_WIDEST) + lines * metrics.height() + 14
        for chart in self.siblings:
            if chart.label_lines != lines:
                chart.label_lines = lines
                title = translate("LivePage", chart.spec.title)
                text = axis_label(chart.spec) if lines == 1 else \
                    f"{title}<br>({chart.spec.unit})"
                chart.getPlotItem().setLabel("left", text, color="#222")
            axis = chart.getPlotItem().getAxis("left")
            if axis.width() != width:
                axis.setWidth(width)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if "spec" in self.__dict__:  # not while PlotWidget itself is being built
            self.fit_axes()


@register
class LivePage(Page):
    """Charts and readouts."""

    NAME, SECTION, ORDER = "live", "Data", 0
    TITLE = QT_TRANSLATE_NOOP("Pages", "Live values")
    window: QComboBox  # type: ignore[assignment]  # the time-window box (shadows QWidget.window)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.following = True  # the time axis ends now
        self.snapshot: Snapshot | None = None  # what a paused chart draws
        self.frozen_at: float | None = None
        self._drawn: dict[int, tuple[np.ndarray, np.ndarray, list[str]]] = {}
        self._build_bar()
        self.span = self.window_seconds()
        body = QHBoxLayout()
        body.setSpacing(10)
        left = QVBoxLayout()
        left.setSpacing(4)
        self._build_tabs()
        left.addWidget(self.tabs, 1)
        body.addLayout(left, 1)
        body.addWidget(self._build_readouts())
        self.layout_.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        self.redraws = 0

    # -- building -----------------------------------------------------------------------------
    def _build_bar(self) -> None:
        bar = FlowLayout()
        self.interval = QComboBox()
        for seconds in POLL_INTERVALS_S:
            self.interval.addItem(local_number(f"{seconds:g}") + " s", seconds)
        self.interval.setCurrentIndex(self.interval.findData(self.controller.poller.interval))
        self.interval.currentIndexChanged.connect(
            lambda _i: self.controller.poller.set_interval(float(self.interval.currentData())))
        self.window = QComboBox()
        for label, seconds in TIME_WINDOWS_S:
            self.window.addItem(label, seconds)
        self.window.currentIndexChanged.connect(lambda _i: self.auto_range())
        self.pause = QCheckBox(self.tr("Pause"))
        self.pause.setToolTip(self.tr("Freeze the charts (and stop reading the meter) to look "
                                      "closely; zoom and pan still work."))
        self.pause.toggled.connect(self.set_paused)
        self.autoscale = QPushButton(self.tr("Follow live"))
        self.autoscale.setToolTip(self.tr("The mouse wheel zooms the time axis and dragging "
                                          "moves back in time; this returns to the chosen span "
                                          "ending now."))
        self.autoscale.clicked.connect(self.auto_range)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setToolTip(self.tr("Every series of every tab over the time span shown, "
                                           "one row per sample."))
        self.png_button = QPushButton(self.tr("Save PNG…"))
        self.csv_button.clicked.connect(lambda: self._ask_path(self.tr("CSV files (*.csv)"),
                                                               self.export_csv))
        self.png_button.clicked.connect(lambda: self._ask_path(self.tr("PNG images (*.png)"),
                                                               self.export_png))
        for text, widget in ((self.tr("Poll every"), self.interval),
                             (self.tr("Show last"), self.window)):
            pair = QWidget()
            row = QHBoxLayout(pair)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(QLabel(text))
            row.addWidget(widget)
            bar.addWidget(pair)
        for control in (self.pause, self.autoscale, self.csv_button, self.png_button):
            bar.addWidget(control)
        self.layout_.addLayout(bar)

    def _build_tabs(self) -> None:
        self.tabs = QTabWidget()
        self.curves: dict[int, list[tuple[str, pg.PlotDataItem]]] = {}
        self.plots: list[ChartWidget] = []
        self.tab_plots: dict[int, list[ChartWidget]] = {}
        self.cursor_lines: dict[int, list[pg.InfiniteLine]] = {}
        self.cursor_texts: dict[int, list[pg.TextItem]] = {}
        self.cursor_text = ""  # the last cursor readout, every chart of the tab
        min_height = QFontMetrics(self.font()).lineSpacing() * 5
        for index, (tab_title, charts) in enumerate(TABS):
            tab = QWidget()
            column = QVBoxLayout(tab)
            column.setContentsMargins(2, 2, 2, 2)
            column.setSpacing(0)
            keys = [key for spec in charts for key in spec.keys]
            column.addWidget(legend_row(keys))  # above the charts, never over the lines
            self.curves[index], self.tab_plots[index] = [], []
            self.cursor_lines[index], self.cursor_texts[index] = [], []
            for number, spec in enumerate(charts):
                plot = self._make_plot(spec, bottom_labels=number == len(charts) - 1)
                plot.setMinimumHeight(min_height)
                for key in spec.keys:
                    curve = plot.plot([], [], pen=phase_pen(key))
                    self.curves[index].append((key, curve))
                line = pg.InfiniteLine(angle=90, movable=False,
                                       pen=pg.mkPen("#444", width=1, style=Qt.PenStyle.DotLine))
                line.setVisible(False)
                plot.addItem(line, ignoreBounds=True)
                text = pg.TextItem("", color="#111", fill=pg.mkBrush(255, 255, 255, 215),
                                   anchor=(0, 0))
                text.setParentItem(plot.getViewBox())  # placed beside the cursor line
                text.setVisible(False)
                self.cursor_lines[index].append(line)
                self.cursor_texts[index].append(text)
                self.tab_plots[index].append(plot)
                self.plots.append(plot)
                column.addWidget(plot, 1)
            for plot in self.tab_plots[index]:
                plot.siblings = self.tab_plots[index]
            self.tab_plots[index][0].fit_axes()
            self.tabs.addTab(tab, translate("LivePage", tab_title))
        master = self.plots[0]
        for plot in self.plots[1:]:
            plot.setXLink(master)  # one time axis for every chart
        self._last_range: tuple[float, float] | None = None
        self.tabs.currentChanged.connect(self._tab_changed)

    def _tab_changed(self, _index: int) -> None:
        # Linked views follow only while on screen: the new tab takes the span drawn last.
        if not self.following and self._last_range is not None:
            self.current_plot().setXRange(*self._last_range, padding=0)
        self.redraw()

    def current_plot(self) -> ChartWidget:
        """The first chart of the visible tab (its time axis leads the others)."""
        return self.tab_plots[self.tabs.currentIndex()][0]

    def _make_plot(self, spec: ChartSpec, bottom_labels: bool) -> ChartWidget:
        plot = ChartWidget(spec, axisItems={"bottom": ClockAxis()})
        plot.setBackground("w")
        item = plot.getPlotItem()
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTextPen("#222")
            axis.setPen("#666")
        item.getAxis("left").enableAutoSIPrefix(False)  # the table's unit, always
        item.getAxis("bottom").setStyle(showValues=bottom_labels)  # linked: one time scale
        # No grid: pyqtgraph draws it through the axes' pictures on every repaint, which cost
        # more than the curves (bench/bench_gui.py). Decimation is done before setData
        # (services.polling.decimate), so pyqtgraph's own is left off.
        view = item.getViewBox()
        view.setMouseEnabled(x=True, y=False)  # the wheel zooms time; values always fit
        view.enableAutoRange(axis="y")
        view.setAutoVisible(y=True)
        view.setLimits(minXRange=MIN_SPAN_S, maxXRange=MAX_SPAN_S)
        view.sigRangeChangedManually.connect(lambda *_a, v=view: self._on_user_range(v))
        plot.scene().sigMouseMoved.connect(lambda pos, p=plot: self._mouse_moved(p, pos))
        return plot

    def _build_readouts(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("readoutBox")
        panel.setStyleSheet('QLabel#readoutValue[stale="true"] { color: #9e9e9e; }')
        grid = QGridLayout(panel)
        grid.setVerticalSpacing(0)
        grid.setHorizontalSpacing(8)
        self.age_label = QLabel("")
        self.age_label.setObjectName("readoutName")
        self.age_label.setWordWrap(True)
        self.age_label.setVisible(False)
        grid.addWidget(self.age_label, 0, 0, 1, 2)
        self.readouts: dict[str, QLabel] = {}
        names = []
        for row, (key, name) in enumerate(READOUTS, start=1):
            label = QLabel(translate("LivePage", name))
            label.setObjectName("readoutName")
            value = QLabel("—")
            value.setObjectName("readoutValue")
            value.setProperty("stale", False)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.readouts[key] = value
            names.append(label)
            grid.addWidget(label, row, 0)
            grid.addWidget(value, row, 1)
        grid.setRowStretch(len(READOUTS) + 1, 1)
        # Wide enough for the widest reading, so changing digits never re-lays out the charts.
        sample = next(iter(self.readouts.values()))
        sample.ensurePolished()
        value_width = QFontMetrics(sample.font()).horizontalAdvance(READOUT_WIDEST)
        for label in names:
            label.ensurePolished()
        name_width = max(QFontMetrics(n.font()).horizontalAdvance(n.text()) for n in names)
        for value in self.readouts.values():
            value.setMinimumWidth(value_width)
        margins = grid.contentsMargins()
        panel.setFixedWidth(name_width + value_width + grid.horizontalSpacing()
                            + margins.left() + margins.right() + 4)
        return panel

    # -- the time axis ------------------------------------------------------------------------
    def window_seconds(self) -> float:
        """The selected time window."""
        return float(self.window.currentData())

    @property
    def paused(self) -> bool:
        """Whether the charts are frozen."""
        return self.snapshot is not None

    def _now(self) -> float:
        return self.frozen_at if self.frozen_at is not None else time.time()

    def view_range(self) -> tuple[float, float]:
        """The time span the charts show now."""
        if self.following:
            end = self._now()
            return end - self.span, end
        low, high = self.current_plot().getViewBox().viewRange()[0]
        return float(low), float(high)

    def _on_user_range(self, view: pg.ViewBox) -> None:
        """The user zoomed (wheel) or dragged a chart: keep following with the new span if its
        end is still at now, else stay on the stretch they moved to."""
        low, high = view.viewRange()[0]
        width = float(high - low)
        now = self._now()
        at_live_end = high >= now - FOLLOW_TOLERANCE * width
        zoomed = abs(width - self.span) > 1e-6 * max(width, 1.0)
        if self.following and zoomed:
            self.span = width  # zooming while live changes the span, and stays live
        elif at_live_end:
            self.following, self.span = True, width
        else:
            self.following = False
        self.redraw()

    def _stop_following(self, *_args: Any) -> None:
        """Leave the view where it is (the user's zoom or pan) until Follow live."""
        self.following = False

    def auto_range(self) -> None:
        """Undo any zoom and pan: the chosen span ending now, values fitted."""
        self.following = True
        self.span = self.window_seconds()
        for plot in self.plots:
            plot.enableAutoRange(axis="y")
        self.redraw()

    # -- drawing ------------------------------------------------------------------------------
    def redraw(self) -> None:
        """setData on the visible tab's charts (the span shown); refresh the readouts."""
        if not self.isVisible():
            return
        index = self.tabs.currentIndex()
        low, high = self.view_range()
        if self.following:
            self.current_plot().setXRange(low, high, padding=0)
        self._last_range = (low, high)
        curves = self.curves[index]
        keys = [key for key, _curve in curves]
        margin = 0.02 * (high - low)  # lines run to the edges
        source = self.snapshot if self.snapshot is not None else self.controller.store
        times, values = source.between(low - margin, high + margin, keys=keys)
        times, values = decimate(times, values, self.max_points())
        for column, (_key, curve) in enumerate(curves):
            curve.setData(times, values[:, column] if len(times) else np.empty(0))
        self._drawn[index] = (times, values, keys)
        self.show_readouts()
        self.redraws += 1

    def max_points(self) -> int:
        """Points worth drawing: two per horizontal pixel of the widest chart."""
        return max(400, 2 * max((plot.width() for plot in self.plots), default=800))

    def points_drawn(self) -> int:
        """Points on the visible tab's first curve (tests count them across a pause)."""
        _key, curve = self.curves[self.tabs.currentIndex()][0]
        return 0 if curve.xData is None else len(curve.xData)

    def show_readouts(self) -> None:
        """The newest values; greyed with their age when the link is down, the meter has not
        answered for a while, or reading is paused."""
        controller = self.controller
        latest = controller.store.latest
        for key, label in self.readouts.items():
            label.setText(format_value(latest.get(key), REGISTERS[key].unit))
        age = controller.poller.answer_age()
        down = controller.state is not LinkState.CONNECTED
        stale = bool(latest) and (down or age is None
                                  or age > stale_after(controller.poller.interval))
        if stale:
            when = age_text(age) if age is not None else "?"
            if down:
                text = self.tr("⚠ Link down: values from {age} ago").format(age=when)
            elif controller.poller.paused:
                text = self.tr("Paused: values from {age} ago").format(age=when)
            else:
                text = self.tr("⚠ No answer for {age}").format(age=when)
            self.age_label.setText(text)
        self.age_label.setVisible(stale)
        self.set_stale(stale)

    def set_stale(self, stale: bool) -> None:
        """Grey the readouts out (or back)."""
        for label in self.readouts.values():
            if label.property("stale") != stale:
                label.setProperty("stale", stale)
                label.style().unpolish(label)
                label.style().polish(label)

    @property
    def readouts_stale(self) -> bool:
        """Whether the readouts are marked stale now."""
        return bool(next(iter(self.readouts.values())).property("stale"))

    # -- pause --------------------------------------------------------------------------------
    def set_paused(self, paused: bool) -> None:
        """Freeze the charts on what they show now (and stop reading), or go live again."""
        if paused:
            self.frozen_at = time.time()
            self.snapshot = self.controller.store.snapshot()
        else:
            self.snapshot, self.frozen_at = None, None
        self.controller.set_user_paused(paused)
        self.redraw()

    # -- cursor -------------------------------------------------------------------------------
    def _mouse_moved(self, plot: pg.PlotWidget, pos: Any) -> None:
        if not plot.getPlotItem().vb.sceneBoundingRect().contains(pos):
            self.hide_cursor()
            return
        self.cursor_at(float(plot.getViewBox().mapSceneToView(pos).x()))

    def cursor_at(self, t: float) -> str:
        """Put the cursor at time `t` on the visible tab: a line on each chart, and at each
        chart's top left the time and every one of its series' values there (the nearest
        sample). Returns the readout of every chart, one line each."""
        index = self.tabs.currentIndex()
        times, values, keys = self._drawn.get(index, (np.empty(0), np.empty((0, 0)), []))
        i = -1
        if len(times):
            i = int(np.clip(np.searchsorted(times, t), 0, len(times) - 1))
            if i > 0 and abs(times[i - 1] - t) < abs(times[i] - t):
                i -= 1
            low, high = self.view_range()
            near = max(0.02 * (high - low), 3 * self.controller.poller.interval + 0.5)
            if abs(float(times[i]) - t) > near:
                i = -1  # the nearest sample is too far away to stand for this moment
        lines = []
        column = 0
        charts = TABS[index][1]
        for spec, line, label in zip(charts, self.cursor_lines[index],
                                     self.cursor_texts[index], strict=True):
            line.setPos(t)
            line.setVisible(True)
            if i < 0:
                text = self.tr("{time}: no samples here").format(time=clock_text(t))
                shown = text
            else:
                parts = [f"{translate('LivePage', curve_name(key))} "
                         f"{format_value(float(values[i, column + n]), '')}"
                         for n, key in enumerate(spec.keys)]
                stamp = clock_text(float(times[i]))
                reading = "  ".join(parts) + (f" {spec.unit}" if spec.unit else "")
                text = f"{stamp}  {reading}"
                room = line.getViewBox().width() - 12 if line.getViewBox() else 0
                wide = QFontMetrics(self.font()).horizontalAdvance(text) > room
                shown = f"{stamp}\n{reading}" if wide else text  # two lines on a narrow chart
            bands = self._bands(values[:, column:column + len(spec.keys)], times)
            column += len(spec.keys)
            label.setText(shown)
            place_readout(label, bands)
            label.setVisible(True)
            lines.append(f"{translate('LivePage', spec.title)}: {text}")
        self.cursor_text = "\n".join(lines)
        return self.cursor_text

    def _bands(self, columns: np.ndarray, times: np.ndarray) -> list[tuple[float, float]]:
        """Each series' lowest and highest value among the samples shown."""
        low, high = self.view_range()
        shown = columns[(times >= low) & (times <= high)] if len(times) else columns[:0]
        if not len(shown):
            return []
        with np.errstate(all="ignore"):
            return [(float(np.nanmin(shown[:, n])), float(np.nanmax(shown[:, n])))
                    for n in range(shown.shape[1]) if np.isfinite(shown[:, n]).any()]

    def hide_cursor(self) -> None:
        """Take the cursor off the charts."""
        for index in self.cursor_lines:
            for item in (*self.cursor_lines[index], *self.cursor_texts[index]):
                item.setVisible(False)

    # -- page ---------------------------------------------------------------------------------
    def page_shown(self) -> None:
        self.timer.start()
        self.redraw()

    def page_hidden(self) -> None:
        self.timer.stop()

    # -- export -------------------------------------------------------------------------------
    def _ask_path(self, name_filter: str, then: Any) -> None:
        dialog = QFileDialog(self, self.tr("Save as"), "", name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(then)
        self._dialog = dialog
        dialog.open()

    def csv_header(self, keys: list[str]) -> list[str]:
        """The CSV's header row: the time column, then quantity, phase and unit per series."""
        return [self.tr("Time (ISO 8601, local time with UTC offset)"),
                *(series_label(key) for key in keys)]

    def export_csv(self, path: str) -> int:
        """Write every series that has samples (all tabs, not only the visible one) over the
        time span the charts show, one row per sample time; returns the row count.

        Times are ISO 8601 in local time with the UTC offset; numbers use '.' as decimal point
        (a file for other programs), empty where a value is missing."""
        low, high = self.view_range()
        source = self.snapshot if self.snapshot is not None else self.controller.store
        times, values = source.between(low, high)
        present = [i for i in range(values.shape[1]) if np.isfinite(values[:, i]).any()] \
            if len(times) else []
        keys = [source.keys[i] for i in present]
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(self.csv_header(keys))
            for t, row in zip(times, values, strict=True):
                writer.writerow([iso_time(float(t))] + [
                    f"{row[i]:.6g}" if math.isfinite(row[i]) else "" for i in present])
        self.controller.message.emit("info", self.tr("Saved {rows} rows to {path}.").format(
            rows=len(times), path=path))
        return len(times)

    def export_png(self, path: str) -> bool:
        """Save the visible charts as a PNG image."""
        ok = self.tabs.currentWidget().grab().save(path, "PNG")
        self.controller.message.emit("info" if ok else "error",
                                     self.tr("Saved the chart to {path}.").format(path=path)
                                     if ok else self.tr("Could not write {path}.").format(
                                         path=path))
        return bool(ok)
