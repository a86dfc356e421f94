"""Live values: charts fed from the ring buffers, big numeric readouts, one redraw timer.

Acquisition (the poller) and drawing are decoupled: the poller fills the store, and one short
timer calls setData on the charts of the visible tab only.
"""

from __future__ import annotations

import csv
import math
import time
from dataclasses import dataclass
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QTimer
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
from ...services.polling import POLL_INTERVALS_S, TIME_WINDOWS_S, decimate
from ..editors import local_number
from .base import Page, register

REDRAW_MS = 250
PEN_WIDTH = 1  # wide pens are several times slower to rasterise (bench/bench_gui.py)
PHASE_PENS = {"l1": "#8d6e63", "l2": "#212121", "l3": "#9e9e9e", "total": "#1565c0",
              "l1_l2": "#ef6c00", "l1_l3": "#6a1b9a", "l2_l3": "#2e7d32"}


@dataclass(frozen=True)
class ChartSpec:
    """One chart: a title and the register keys it draws."""

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
READOUTS: tuple[tuple[str, str], ...] = (
    ("power.active", QT_TRANSLATE_NOOP("LivePage", "P total")),
    ("power.reactive", QT_TRANSLATE_NOOP("LivePage", "Q total")),
    ("power.apparent", QT_TRANSLATE_NOOP("LivePage", "S total")),
    ("power_factor", "PF"), ("frequency", "f"),
    ("voltage.l1", "U L1"), ("voltage.l2", "U L2"), ("voltage.l3", "U L3"),
    ("current.l1", "I L1"), ("current.l2", "I L2"), ("current.l3", "I L3"),
)


def curve_name(key: str) -> str:
    """Legend name: the phase (L1, L1-L2) or "total"."""
    suffix = key.rsplit(".", 1)[-1]
    return (suffix.upper().replace("_", "-") if suffix in PHASE_PENS
            else QT_TRANSLATE_NOOP("LivePage", "total"))


def format_value(value: Any, unit: str) -> str:
    """A readout: 4 significant-ish digits (in the UI locale's format) and the unit."""
    if not isinstance(value, (int, float)) or (isinstance(value, float) and math.isnan(value)):
        return "—"
    magnitude = abs(value)
    digits = 3 if magnitude < 10 else 2 if magnitude < 100 else 1
    return f"{QLocale().toString(float(value), 'f', digits)} {unit}".strip()


@register
class LivePage(Page):
    """Charts and readouts."""

    NAME, SECTION, ORDER = "live", "Data", 0
    TITLE = QT_TRANSLATE_NOOP("Pages", "Live values")
    window: QComboBox  # type: ignore[assignment]  # the time-window box (shadows QWidget.window)

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Poll every")))
        self.interval = QComboBox()
        for seconds in POLL_INTERVALS_S:
            self.interval.addItem(local_number(f"{seconds:g}") + " s", seconds)
        self.interval.setCurrentIndex(self.interval.findData(controller.poller.interval))
        self.interval.currentIndexChanged.connect(
            lambda _i: controller.poller.set_interval(float(self.interval.currentData())))
        bar.addWidget(self.interval)
        bar.addWidget(QLabel(self.tr("Show last")))
        self.window = QComboBox()
        for label, seconds in TIME_WINDOWS_S:
            self.window.addItem(label, seconds)
        self.window.currentIndexChanged.connect(lambda _i: self.redraw())
        bar.addWidget(self.window)
        self.pause = QCheckBox(self.tr("Pause"))
        self.pause.toggled.connect(controller.set_user_paused)
        bar.addWidget(self.pause)
        self.autoscale = QPushButton(self.tr("Autoscale"))
        self.autoscale.setToolTip(self.tr("Zoom with the mouse wheel or a right-drag; this "
                                          "undoes it."))
        self.autoscale.clicked.connect(self.auto_range)
        bar.addWidget(self.autoscale)
        bar.addStretch(1)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.png_button = QPushButton(self.tr("Save PNG…"))
        self.csv_button.clicked.connect(lambda: self._ask_path(self.tr("CSV files (*.csv)"),
                                                               self.export_csv))
        self.png_button.clicked.connect(lambda: self._ask_path(self.tr("PNG images (*.png)"),
                                                               self.export_png))
        bar.addWidget(self.csv_button)
        bar.addWidget(self.png_button)
        self.layout_.addLayout(bar)

        body = QHBoxLayout()
        self.tabs = QTabWidget()
        self.curves: dict[int, list[tuple[str, pg.PlotDataItem]]] = {}
        self.plots: list[pg.PlotWidget] = []
        for index, (tab_title, charts) in enumerate(TABS):
            tab = QWidget()
            column = QVBoxLayout(tab)
            column.setContentsMargins(2, 2, 2, 2)
            self.curves[index] = []
            for spec in charts:
                plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
                plot.setBackground("w")
                plot.setTitle(translate("LivePage", spec.title), color="#222", size="11pt")
                plot.setLabel("left", units=spec.unit or None)
                plot.getAxis("left").enableAutoSIPrefix(False)  # the table's unit, always
                # No grid: pyqtgraph draws it through the axes' pictures on every repaint, which
                # cost more than the curves (bench/bench_gui.py). Decimation is done before
                # setData (services.polling.decimate), so pyqtgraph's own is left off.
                legend = plot.addLegend(offset=(8, 4), colCount=len(spec.keys))
                legend.setLabelTextColor("#222")
                legend.setBrush(pg.mkBrush(255, 255, 255, 210))
                for key in spec.keys:
                    suffix = key.rsplit(".", 1)[-1]
                    pen = pg.mkPen(PHASE_PENS.get(suffix, PHASE_PENS["total"]), width=PEN_WIDTH)
                    curve = plot.plot([], [], pen=pen,
                                      name=translate("LivePage", curve_name(key)))
                    self.curves[index].append((key, curve))
                plot.getViewBox().sigRangeChangedManually.connect(self._stop_following)
                self.plots.append(plot)
                column.addWidget(plot)
            self.tabs.addTab(tab, translate("LivePage", tab_title))
        self.tabs.currentChanged.connect(lambda _i: self.redraw())
        # Until the user zooms, the time axis shows the whole selected window ending now, so
        # its labels are clock times rather than fractions of the few seconds drawn so far.
        self.following = True
        body.addWidget(self.tabs, 1)

        panel = QFrame()
        panel.setObjectName("readoutBox")
        panel.setFixedWidth(200)  # changing digits must never re-layout the charts
        grid = QGridLayout(panel)
        grid.setVerticalSpacing(2)
        self.readouts: dict[str, QLabel] = {}
        for row, (key, name) in enumerate(READOUTS):
            name_label = QLabel(translate("LivePage", name))
            name_label.setObjectName("readoutName")
            value = QLabel("—")
            value.setObjectName("readoutValue")
            value.setMinimumWidth(150)
            self.readouts[key] = value
            grid.addWidget(name_label, 2 * row, 0)
            grid.addWidget(value, 2 * row + 1, 0)
        grid.setRowStretch(2 * len(READOUTS), 1)
        body.addWidget(panel)
        self.layout_.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        self.redraws = 0

    # -- drawing ------------------------------------------------------------------------------
    def window_seconds(self) -> float:
        """The selected time window."""
        return float(self.window.currentData())

    def redraw(self) -> None:
        """setData on the visible tab's charts; refresh readouts."""
        if not self.isVisible():
            return
        curves = self.curves[self.tabs.currentIndex()]
        keys = [key for key, _curve in curves]
        times, values = self.controller.store.window(self.window_seconds(), keys=keys)
        times, values = decimate(times, values, self.max_points())
        for column, (_key, curve) in enumerate(curves):
            curve.setData(times, values[:, column] if len(times) else np.empty(0))
        if self.following and len(times):
            end = float(times[-1])
            for plot in self.plots:
                plot.setXRange(end - self.window_seconds(), end, padding=0)
        latest = self.controller.store.latest
        for key, label in self.readouts.items():
            label.setText(format_value(latest.get(key), REGISTERS[key].unit))
        self.redraws += 1

    def max_points(self) -> int:
        """Points worth drawing: two per horizontal pixel of the widest chart."""
        return max(400, 2 * max((plot.width() for plot in self.plots), default=800))

    def auto_range(self) -> None:
        """Undo any zoom: follow the data again (the whole window in time, values fitted)."""
        self.following = True
        for plot in self.plots:
            plot.enableAutoRange(axis="y")
        self.redraw()

    def _stop_following(self, *_args: Any) -> None:
        """The user zoomed or panned: leave the view where they put it until Autoscale."""
        self.following = False

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

    def export_csv(self, path: str) -> int:
        """Write the visible tab's data in the current window; returns the row count."""
        times, values = self.controller.store.window(self.window_seconds())
        keys = [key for key, _curve in self.curves[self.tabs.currentIndex()]]
        index = self.controller.store.index
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["time"] + [f"{k} [{REGISTERS[k].unit}]" if REGISTERS[k].unit
                                        else k for k in keys])
            for t, row in zip(times, values, strict=True):
                stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(t)) + \
                    f".{int(t * 1000) % 1000:03d}"
                writer.writerow([stamp] + [f"{row[index[k]]:.6g}" for k in keys])
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
