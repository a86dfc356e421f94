"""`python -m configurator.ui.screenshots --size WxH` takes the pictures at that window size
(the small field laptop of the user guide), in German with the pending translations."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def test_screenshots_at_a_given_size(tmp_path, qapp) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("CONFIGURATOR_LANGUAGE", None)
    done = subprocess.run([sys.executable, "-m", "configurator.ui.screenshots", str(tmp_path),
                           "4PU", "--size", "1024x600", "--language", "de",
                           "--pages", "connect,live"], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    files = sorted(tmp_path.glob("*.png"))
    assert [f.stem.split("-", 1)[1] for f in files] == ["connect", "live"]
    for path in files:
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1024, 600), path
    bad = subprocess.run([sys.executable, "-m", "configurator.ui.screenshots", str(tmp_path),
                          "--size", "big"], env=env, capture_output=True, text=True,
                         timeout=60, cwd=ROOT)
    assert bad.returncode == 2 and "WIDTHxHEIGHT" in bad.stderr
