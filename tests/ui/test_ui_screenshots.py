"""Start the real application under Xvfb and save a screenshot of every page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.ui.pages import load_pages
from configurator.ui.pages.base import page_classes

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "test-artifacts" / "screenshots"


@pytest.fixture
def xvfb_display() -> str:
    """A fresh Xvfb server on a free display number (chosen by Xvfb itself)."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1400x900x24", "-nolisten",
         "tcp"], pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            number = pipe.readline().strip()  # blocks until the server is ready
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.parametrize("model", ["4PU", "2PUCT"])
def test_screenshot_of_every_page_under_xvfb(xvfb_display: str, model: str) -> None:
    outdir = OUT / model
    shutil.rmtree(outdir, ignore_errors=True)
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    done = subprocess.run([sys.executable, "-m", "configurator.ui.screenshots", str(outdir),
                           model], env=env, capture_output=True, text=True, timeout=90,
                          cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    load_pages()
    names = [cls.NAME for cls in page_classes()]
    files = sorted(outdir.glob("*.png"))
    assert [f.stem.split("-", 1)[1] for f in files] == names
    for path in files:
        assert path.stat().st_size > 5000, path
