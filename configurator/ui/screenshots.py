"""Save a screenshot of every page, with the demo meter connected (docs, tests, packaging).

    python -m configurator.ui.screenshots OUTDIR [MODEL] [--language de] [--pages a,b,...]
        [--size 1024x600] [--protocol modbus|mbus] [--no-pending]

Runs on whatever display Qt is given (a real one, Xvfb, or offscreen). The user guide's images
are made with docs/make_screenshots.sh (English and German, into docs/images/). `--size` sets
the window's size (default: what the app picks for the screen), to check small laptop screens.
German pictures include the translations still waiting in resources/i18n/pending/ unless
`--no-pending` is given.
On the Backup page a backup of the demo meter is made, one setting changed and the file loaded
again, so the picture shows a restore's key-by-key comparison. The Bus page watches a second
simulated bus of BUS_METERS meters, then the demo meter is connected again for the pages
after it.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

import qasync

from ..i18n import LANGUAGES
from .app import create_app
from .controller import AppController
from .main_window import MainWindow
from .pages.base import page_classes

WAIT_S = 20.0
BUS_METERS = 4


async def _until(condition: object, timeout: float = WAIT_S) -> None:
    """Wait for a condition, yielding to the loop (no fixed sleeps)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError("screenshot condition not met")
        await asyncio.sleep(0.05)


async def _show_bus(page: Any, window: MainWindow, controller: AppController,
                    model: str) -> Any:
    """Watch a simulated bus of BUS_METERS meters until every row shows a reading; returns
    the running simulator (stopped by the caller once the picture is taken)."""
    from ..services.connection import ConnectionOptions
    from ..simulator.launcher import SimulatorProcess

    folder = tempfile.mkdtemp(prefix="configurator-shot-bus-")
    sim = SimulatorProcess("--model", model, "--count", str(BUS_METERS),
                           "--link", str(Path(folder) / "bus"))
    await asyncio.get_running_loop().run_in_executor(None, sim.start)
    connect: Any = window.page("connect")
    connect.fill(ConnectionOptions(port=sim.port))
    page.page_shown()
    page.first.setValue(1)
    page.last.setValue(BUS_METERS + 2)
    page.start()
    await _until(lambda: len(page.members) == BUS_METERS
                 and all(m.polls >= 1 for m in page.members))
    page.refresh_ages()
    return sim


async def _leave_bus(page: Any, controller: AppController, demo: Any, sim: Any,
                     window: MainWindow) -> None:
    """Stop watching the bus, stop its simulator and connect the demo meter again."""
    await page._stop()
    await asyncio.get_running_loop().run_in_executor(None, sim.stop)
    if demo is not None:
        connect: Any = window.page("connect")
        connect.fill(demo)
        await controller.connect(demo)


async def _show_restore_plan(page: Any, controller: AppController) -> None:
    """Back up the demo meter, change two settings, load the backup: the diff is on screen."""
    from ..model.settings import SETTINGS

    with tempfile.TemporaryDirectory(prefix="configurator-shot-") as folder:
        path = Path(folder) / "demo-meter.json"
        page.backup_to(path)
        await _until(lambda: not page.busy and path.exists())
        await controller.apply({SETTINGS["tariff"]: 2, SETTINGS["lcd.rolling_time"]: 20})
        page.load_file(path)
        await _until(lambda: not page.busy and page.plan is not None)


async def capture(window: MainWindow, controller: AppController, outdir: Path,
                  model: str, pages: list[str] | None = None,
                  protocol: str = "modbus") -> list[Path]:
    """Connect to the demo meter and save each page (or the named ones); returns the files."""
    outdir.mkdir(parents=True, exist_ok=True)
    await controller.start_demo(model, protocol)
    controller.poller.set_interval(0.1 if protocol == "modbus" else 1.0)
    saved = []
    for number, cls in enumerate(page_classes(), start=1):
        if pages and cls.NAME not in pages:
            continue
        page: Any = window.show_page(cls.NAME)  # each page's own attributes are used below
        if cls.NAME == "backup":
            await _show_restore_plan(page, controller)
        bus_sim = demo = None
        if cls.NAME == "bus":
            demo = controller.options
            bus_sim = await _show_bus(page, window, controller, model)
        if cls.NAME == "live":
            wanted = 100 if protocol == "modbus" else 8
            await _until(lambda p=page, n=wanted: controller.store.fine.size >= n
                         and p.redraws >= 2)
            page.span = 15.0 if protocol == "modbus" else 60.0  # as a mouse-wheel zoom does
            page.redraw()
            latest = controller.store.latest_time or 0.0
            held = latest - (controller.store.oldest_time() or latest)
            page.cursor_at(latest - 0.3 * min(page.span, held))  # as a mouse would
        if hasattr(page, "loaded") and any(getattr(page, "reachable", {}).values()):
            await _until(lambda p=page: p.loaded)
        if cls.NAME == "ct" and controller.model is not None and controller.model.info.has_ct:
            await _until(lambda p=page: p.left is not None)
        if cls.NAME == "template":  # a value the rules warn about, as a user would type it
            page.editors["s0.width_ms"].setValue(99)
            page.validate()
        if cls.NAME == "commission":  # a job's plan as an installer fills it in
            page.site_edit.setText("Example site, distribution board 2")
            page.installer_edit.setText("A. Electrician")
            page.template_edit.setText(str(Path.home() / "site-template.json"))
            page.folder_edit.setText(str(Path.home() / "jobs" / "example-site"))
        if cls.NAME == "wiring":  # the verdict and phasors of the demo meter
            page.start_check()
            await _until(lambda p=page: p.report is not None and not p.busy)
        if cls.NAME in ("diagnostics", "energy", "counters"):
            await _until(lambda: controller.identity is not None and controller.poller.polls > 2)
            await _until(lambda: window.status.health.current.transactions > 0)
            if hasattr(page, "refresh"):
                page.refresh()
        await asyncio.sleep(0.2)  # let the last paint land
        path = outdir / f"{number:02d}-{cls.NAME}.png"
        window.grab().save(str(path), "PNG")
        saved.append(path)
        if bus_sim is not None:
            await _leave_bus(page, controller, demo, bus_sim, window)
    return saved


def parse_size(parser: argparse.ArgumentParser, text: str) -> tuple[int, int]:
    """WIDTHxHEIGHT as two numbers (the parser says what is wrong otherwise)."""
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        parser.error(f"--size {text!r}: give WIDTHxHEIGHT, e.g. 1024x600")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: OUTDIR [MODEL] [--language LANG] [--pages NAME,...]."""
    parser = argparse.ArgumentParser(prog="python -m configurator.ui.screenshots")
    parser.add_argument("outdir", nargs="?", default="test-artifacts/screenshots")
    parser.add_argument("model", nargs="?", default="4PU")
    parser.add_argument("--language", default="en", choices=sorted(LANGUAGES))
    parser.add_argument("--pages", default="", help="comma-separated page names (default all)")
    parser.add_argument("--size", default="", help="window size WIDTHxHEIGHT, e.g. 1024x600")
    parser.add_argument("--protocol", default="modbus", choices=["modbus", "mbus"])
    parser.add_argument("--no-pending", action="store_true",
                        help="without the translations waiting in resources/i18n/pending")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    size = parse_size(parser, args.size) if args.size else None
    outdir = Path(args.outdir)
    model = args.model
    pages = [p for p in args.pages.split(",") if p] or None
    outdir.mkdir(parents=True, exist_ok=True)
    app = create_app(language=args.language)
    if not args.no_pending:
        from .pending_catalogue import install_pending

        install_pending(args.language)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    from PySide6.QtCore import QSettings

    settings = QSettings(str(outdir / "screenshot-settings.ini"), QSettings.Format.IniFormat)
    controller = AppController(settings)  # never the user's own recent connections
    window = MainWindow(controller)
    if size is not None:
        window.resize(*size)
    window.show()

    async def run() -> list[Path]:
        try:
            return await capture(window, controller, outdir, model, pages, args.protocol)
        finally:
            await controller.shutdown()

    with loop:
        files = loop.run_until_complete(run())
    controller.stop_demo()
    (outdir / "screenshot-settings.ini").unlink(missing_ok=True)
    for path in files:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
