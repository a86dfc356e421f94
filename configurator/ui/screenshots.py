"""Save a screenshot of every page, with the demo meter connected (docs, tests, packaging).

    python -m configurator.ui.screenshots OUTDIR [MODEL]

Runs on whatever display Qt is given (a real one, Xvfb, or offscreen).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import qasync

from .app import create_app
from .controller import AppController
from .main_window import MainWindow
from .pages.base import page_classes

WAIT_S = 20.0


async def _until(condition: object, timeout: float = WAIT_S) -> None:
    """Wait for a condition, yielding to the loop (no fixed sleeps)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError("screenshot condition not met")
        await asyncio.sleep(0.05)


async def capture(window: MainWindow, controller: AppController, outdir: Path,
                  model: str) -> list[Path]:
    """Connect to the demo meter and save each page; returns the files."""
    outdir.mkdir(parents=True, exist_ok=True)
    await controller.start_demo(model)
    controller.poller.set_interval(0.1)
    saved = []
    for number, cls in enumerate(page_classes(), start=1):
        page = window.show_page(cls.NAME)
        if cls.NAME == "live":
            await _until(lambda p=page: controller.store.fine.size >= 40 and p.redraws >= 2)
            page.redraw()
        if hasattr(page, "loaded") and any(getattr(page, "reachable", {}).values()):
            await _until(lambda p=page: p.loaded)
        if cls.NAME == "ct" and controller.model is not None and controller.model.info.has_ct:
            await _until(lambda p=page: p.left is not None)
        if cls.NAME in ("diagnostics", "energy", "counters"):
            await _until(lambda: controller.identity is not None and controller.poller.polls > 2)
            if hasattr(page, "refresh"):
                page.refresh()
        await asyncio.sleep(0.2)  # let the last paint land
        path = outdir / f"{number:02d}-{cls.NAME}.png"
        window.grab().save(str(path), "PNG")
        saved.append(path)
    return saved


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: OUTDIR [MODEL]."""
    args = sys.argv[1:] if argv is None else argv
    outdir = Path(args[0] if args else "test-artifacts/screenshots")
    model = args[1] if len(args) > 1 else "4PU"
    outdir.mkdir(parents=True, exist_ok=True)
    app = create_app()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    from PySide6.QtCore import QSettings

    settings = QSettings(str(outdir / "screenshot-settings.ini"), QSettings.Format.IniFormat)
    controller = AppController(settings)  # never the user's own recent connections
    window = MainWindow(controller)
    window.resize(1280, 820)
    window.show()

    async def run() -> list[Path]:
        try:
            return await capture(window, controller, outdir, model)
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
