"""`configurator` with no command opens the window; `--demo` opens it on a simulated meter."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from configurator.cli import main as cli_main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("argv", "demo"), [([], None), (["--demo"], "4PU"),
                                            (["--demo", "2pu ct"], "2PUCT"),
                                            (["--demo", "4PS"], "4PS")])
def test_no_command_runs_the_gui(monkeypatch, argv, demo) -> None:
    """Only the CLI's dispatch is checked here: run_gui is replaced so no second window and
    event loop start inside this test process (the real window runs in the --self-test
    subprocess tests below and in the other UI tests)."""
    import configurator.ui.app as ui_app

    calls = []
    monkeypatch.setattr(ui_app, "run_gui", lambda model, **kw: calls.append(model) or 0)
    assert cli_main.main(argv) == 0
    assert calls == [demo]


def test_unknown_demo_model_is_a_usage_error(monkeypatch, capsys) -> None:
    import configurator.ui.app as ui_app

    monkeypatch.setattr(ui_app, "run_gui", lambda model: pytest.fail("GUI started"))
    assert cli_main.main(["--demo=5XY"]) == 2
    assert "unknown meter model" in capsys.readouterr().err


CHILD = """
import sys
from configurator.ui.main_window import MainWindow
original = MainWindow.__init__
def init(self, controller):
    original(self, controller)
    controller.identity_changed.connect(lambda identity: (print("IDENTITY", identity.serial,
                                                          flush=True), self.close()))
MainWindow.__init__ = init
from configurator.cli.main import main
sys.exit(main(["--demo", "2PUCT"]))
"""


def test_demo_window_starts_connects_and_exits_cleanly() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run([sys.executable, "-c", CHILD], capture_output=True, text=True,
                          timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "IDENTITY 23000001" in done.stdout
    assert "Fatal Python error" not in done.stderr


def test_without_a_display_the_window_is_refused_in_a_sentence() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "configurator"], capture_output=True,
                          text=True, timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 2
    assert "No display found" in done.stderr and "Traceback" not in done.stderr


def test_demo_without_a_display_falls_back_to_the_text_overview() -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run([sys.executable, "-m", "configurator", "--demo", "2PUCT"],
                          capture_output=True, text=True, timeout=60, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert "showing the demo as text" in done.stderr
    assert "23000001" in done.stdout


@pytest.mark.parametrize("language", ["en", "de"])
def test_self_test_starts_connects_paints_and_exits_zero(language: str) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CONFIGURATOR_LANGUAGE"] = language
    done = subprocess.run([sys.executable, "-m", "configurator", "--self-test"],
                          capture_output=True, text=True, timeout=90, env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "self-test passed" in done.stdout
    assert "Traceback" not in done.stderr


def test_self_test_failure_is_one_sentence_and_non_zero(monkeypatch, capsys) -> None:
    """A failing self-test cannot be provoked with a working build, so its result is replaced;
    what is checked is the CLI's one-sentence report and exit code."""
    import configurator.ui.app as ui_app

    monkeypatch.setattr(ui_app, "run_self_test", lambda model: "the demo meter did not connect")
    assert cli_main.main(["--self-test"]) != 0
    err = capsys.readouterr().err
    assert err.strip() == "self-test failed: the demo meter did not connect"
    assert cli_main.main(["--self-test", "info"]) == 2


def test_every_registered_page_has_its_sidebar_icon() -> None:
    """resources/icons/pages/<NAME>.svg exists and renders for every page in the sidebar."""
    from PySide6.QtSvg import QSvgRenderer

    from configurator.resources import resource_path
    from configurator.ui.pages import load_pages
    from configurator.ui.pages.base import page_classes

    load_pages()
    for cls in page_classes():
        path = resource_path("icons", "pages", f"{cls.NAME}.svg")
        assert path.exists(), cls.NAME
        assert QSvgRenderer(str(path)).isValid(), cls.NAME
