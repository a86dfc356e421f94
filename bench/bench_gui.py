"""GUI benchmark (not part of the test run).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_gui.py [--seconds 20]

1. Launch to first painted window in demo mode (a fresh process, as `configurator --demo`
   starts), and on to the first identity shown.
2. Worst event-loop stall while polling the demo meter at 10 Hz with the live charts drawn
   (the visible tab, then every chart of every tab at each redraw), with a 1-minute and a
   1-hour window (the hour prefilled).
3. Memory (RSS) while feeding the ring buffers 36 000 samples (1 h at 10 Hz) and then as much
   again: it must stay flat once the buffers are full.
4. Line styles: repainting a chart of four 1 600-point curves with the phases' dash patterns
   (colour-blind-safe palette, print-safe dashes) against plain solid lines (the reference).
5. Pause: taking the frozen copy of a full store (1 h at 10 Hz, every channel), and one status
   bar refresh (link counters, health window, labels).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def rss_mb() -> float:
    """Resident memory of this process in MB."""
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


# -- 1. launch ------------------------------------------------------------------------------
CHILD = r"""
import sys, time, json
from PySide6.QtCore import QEvent, QObject
from configurator.ui import app as ui_app
from configurator.ui.main_window import MainWindow

marks = {}
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and "paint" not in marks:
            marks["paint"] = time.time()
        return False

original_init = MainWindow.__init__
def init(self, controller):
    original_init(self, controller)
    self._bench_filter = FirstPaint()
    self.installEventFilter(self._bench_filter)
    def identity(_i):
        marks.setdefault("identity", time.time())
        print(json.dumps(marks), flush=True)
        self.close()
    controller.identity_changed.connect(identity)
MainWindow.__init__ = init
sys.exit(ui_app.run_gui(demo="4PU"))
"""


def bench_launch(runs: int = 3) -> dict[str, float]:
    """Median seconds from process start to first paint and to the identity shown."""
    paints, identities = [], []
    for _ in range(runs):
        start = time.time()
        done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                              timeout=60, cwd=ROOT, env=dict(os.environ))
        line = [x for x in done.stdout.splitlines() if x.startswith("{")]
        if done.returncode != 0 or not line:
            raise RuntimeError(done.stderr[-2000:])
        marks = json.loads(line[-1])
        paints.append(marks["paint"] - start)
        identities.append(marks["identity"] - start)
    paints.sort()
    identities.sort()
    return {"first_paint_s": paints[len(paints) // 2],
            "identity_shown_s": identities[len(identities) // 2]}


# -- 2. stalls ------------------------------------------------------------------------------
async def _stall_probe(duration: float, period: float = 0.005) -> tuple[float, float]:
    """Worst and 99th-percentile lateness (ms) of a timer that should fire every `period`."""
    loop = asyncio.get_running_loop()
    late = []
    end = loop.time() + duration
    while loop.time() < end:
        before = loop.time()
        await asyncio.sleep(period)
        late.append((loop.time() - before - period) * 1000)
    late.sort()
    return late[-1], late[int(len(late) * 0.99)]


def bench_stalls(seconds: float) -> dict[str, object]:
    """Poll the demo meter at 10 Hz with charts drawn; report event-loop stalls."""
    import numpy as np
    import qasync

    from configurator.services.polling import decimate
    from configurator.ui.app import create_app
    from configurator.ui.controller import AppController
    from configurator.ui.main_window import MainWindow

    app = create_app()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    from PySide6.QtCore import QSettings

    controller = AppController(QSettings("/dev/null", QSettings.Format.IniFormat))
    window = MainWindow(controller)
    window.resize(1280, 820)
    window.show()
    results: dict[str, object] = {}

    def draw_all(page: object) -> None:
        """Every chart of every tab (more than the app ever draws at once)."""
        for curves in page.curves.values():  # type: ignore[attr-defined]
            keys = [key for key, _curve in curves]
            times, values = controller.store.window(page.window_seconds(), keys=keys)  # type: ignore[attr-defined]
            times, values = decimate(times, values, page.max_points())  # type: ignore[attr-defined]
            for column, (_key, curve) in enumerate(curves):
                curve.setData(times, values[:, column])

    async def run() -> None:
        await controller.start_demo("4PU")
        page = window.show_page("live")
        page.interval.setCurrentIndex(page.interval.findData(0.1))
        await _stall_probe(2.0)  # warm-up: first paints, first polls
        for label, window_index, prefill, all_tabs in (
                ("1 min window, visible tab", 0, False, False),
                ("1 min window, all 9 charts", 0, False, True),
                ("1 h window (36 000 points), visible tab", 3, True, False),
                ("1 h window (36 000 points), all 9 charts", 3, True, True)):
            page.window.setCurrentIndex(window_index)
            if prefill:
                now = time.time()
                n = controller.store.fine.capacity
                t = now - 0.1 * np.arange(n)[::-1]
                rows = np.random.default_rng(0).normal(230, 1, (n, len(controller.store.keys)))
                controller.store.fine.extend(t, rows)
            timer_conn = None
            if all_tabs:
                timer_conn = page.timer.timeout.connect(lambda: draw_all(page))
            polls = controller.poller.polls
            worst, p99 = await _stall_probe(seconds)
            if timer_conn is not None:
                page.timer.timeout.disconnect(timer_conn)
            rate = (controller.poller.polls - polls) / seconds
            results[label] = {"worst_stall_ms": round(worst, 1), "p99_stall_ms": round(p99, 1),
                              "polls_per_s": round(rate, 1)}
        await controller.shutdown()

    with loop:
        loop.run_until_complete(run())
    controller.stop_demo()
    return results


# -- 3. memory ------------------------------------------------------------------------------
def bench_memory() -> dict[str, float]:
    """RSS while feeding 1 h and then another 1 h of 10 Hz samples into the store."""
    import numpy as np

    from configurator.services.polling import SampleStore

    base = rss_mb()
    store = SampleStore()
    allocated = rss_mb()
    rng = np.random.default_rng(1)
    row = rng.normal(230, 1, len(store.keys))
    t0 = time.time()
    marks = {}
    for hour in (1, 2, 3):
        for i in range(36_000):
            store.add_row(t0 + (hour - 1) * 3600 + i * 0.1, row)
        window_t, _ = store.window(86_400, now=t0 + hour * 3600)
        marks[f"after_{hour}h_mb"] = round(rss_mb(), 1)
        marks[f"points_in_24h_window_after_{hour}h"] = len(window_t)
    return {"rss_before_mb": round(base, 1), "rss_store_allocated_mb": round(allocated, 1),
            "store_bytes_mb": round(store.nbytes / 1e6, 1), **marks}


# -- 4. line styles ----------------------------------------------------------------------
def bench_pens(repaints: int = 30) -> dict[str, float]:
    """Median ms per repaint of one chart, dashed phase pens vs solid pens."""
    import numpy as np
    import pyqtgraph as pg
    from PySide6.QtCore import Qt

    from configurator.ui.app import create_app
    from configurator.ui.pages.live import PEN_WIDTH, PHASE_STYLE

    create_app()
    t = time.time() + np.arange(1600) * 0.1
    rng = np.random.default_rng(2)
    results = {}
    for label, dashed in (("solid_ms", False), ("phase_dashes_ms", True)):
        plot = pg.PlotWidget(axisItems={"bottom": pg.DateAxisItem()})
        plot.resize(800, 250)
        for phase in ("total", "l1", "l2", "l3"):
            colour, style = PHASE_STYLE[phase]
            pen = pg.mkPen(colour, width=PEN_WIDTH,
                           style=style if dashed else Qt.PenStyle.SolidLine)
            plot.plot(t, rng.normal(1.0, 0.2, len(t)), pen=pen)
        plot.show()
        plot.grab()  # first paint
        times = []
        for _ in range(repaints):
            start = time.perf_counter()
            plot.grab()
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        results[label] = round(times[len(times) // 2], 2)
        plot.close()
    results["ratio_dashed_to_solid"] = round(results["phase_dashes_ms"] / results["solid_ms"], 2)
    return results


# -- 5. pause and status bar ----------------------------------------------------------------
def bench_pause_and_status(runs: int = 20) -> dict[str, float]:
    """Median ms to freeze a full store, and per status-bar refresh."""
    import numpy as np
    from PySide6.QtCore import QSettings

    from configurator.services.polling import SampleStore
    from configurator.ui.app import create_app
    from configurator.ui.controller import AppController
    from configurator.ui.status_bar import StatusBar

    create_app()
    store = SampleStore()
    n = store.fine.capacity
    store.fine.extend(time.time() - 0.1 * np.arange(n)[::-1],
                      np.random.default_rng(3).normal(230, 1, (n, len(store.keys))))
    freeze = []
    for _ in range(runs):
        start = time.perf_counter()
        snap = store.snapshot()
        freeze.append((time.perf_counter() - start) * 1000)
    controller = AppController(QSettings("/dev/null", QSettings.Format.IniFormat))
    bar = StatusBar(controller)
    refresh = []
    for _ in range(runs * 10):
        start = time.perf_counter()
        bar.refresh()
        refresh.append((time.perf_counter() - start) * 1000)
    freeze.sort()
    refresh.sort()
    return {"snapshot_ms": round(freeze[len(freeze) // 2], 2),
            "snapshot_mb": round((snap.times.nbytes + snap.values.nbytes) / 1e6, 1),
            "status_refresh_ms": round(refresh[len(refresh) // 2], 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=15.0,
                        help="seconds per stall measurement (default 15)")
    args = parser.parse_args()
    from configurator.ui.compat import check_qt_binding

    check_qt_binding()
    report = {"launch": bench_launch(), "stalls_at_10_hz": bench_stalls(args.seconds),
              "memory": bench_memory(), "line_styles": bench_pens(),
              "pause_and_status": bench_pause_and_status()}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
