"""The window on a field laptop and a desk: at 1024×600, 1366×768 and 1920×1080, in English and
German, with a simulated meter connected, no page cuts a text, and the window's minimum size
fits the smallest screen. The window speaks in labels: no setting key and no CLI flag appears
in any visible text or tooltip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from configurator.model.settings import SETTINGS
from configurator.ui.language import install_translators
from configurator.ui.pages.base import page_classes
from configurator.ui.pending_catalogue import install_pending
from tests.ui.layout_check import clipped_widgets, internal_words, visible_texts
from tests.ui.test_ui_settings import set_editor

SIZES = ((1024, 600), (1366, 768), (1920, 1080))
# Setting keys that look internal (a dot or an underscore); "tariff" and "backlight" are words.
INTERNAL_KEYS = {key for key in SETTINGS if "." in key or "_" in key}


@pytest.fixture(params=["en", "de"])
def language(request: Any, aloop: Any) -> Iterator[str]:
    """The UI language, installed before the window is built (with the pending German)."""
    install_translators(request.param)
    install_pending(request.param)
    yield request.param
    install_pending("en")
    install_translators("en")


def settle() -> None:
    """Let posted layout requests and resizes run."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def ready(gui: Any, name: str, page: Any) -> None:
    """Wait until a page shows what it shows with a meter connected."""
    controller = gui.controller
    if hasattr(page, "loaded") and any(getattr(page, "reachable", {}).values()):
        gui.wait(lambda: page.loaded)
    if name == "ct":
        gui.wait(lambda: page.left is not None)
    if name == "live":
        gui.wait(lambda: controller.store.fine.size >= 2 and page.redraws >= 2)
    if name == "energy":
        gui.wait(lambda: page.carried is not None)
    if name == "diagnostics":
        gui.wait(lambda: controller.poller.polls >= 2)
        page.refresh()
    settle()


def show_restore_plan(gui: Any, page: Any, folder: Path) -> None:
    """The Backup page with a restore's comparison table on screen (nothing is written)."""
    path = folder / "layout-backup.json"
    if not path.exists():
        page.backup_to(path)
        gui.wait(lambda: not page.busy and path.exists())
    page.load_file(path)
    gui.wait(lambda: not page.busy and page.plan is not None)
    settle()


def visit_pages(gui: Any, folder: Path) -> Iterator[tuple[str, Any]]:
    """Show every page in sidebar order, each once it is ready (the Backup page with a
    restore plan in its table)."""
    for cls in page_classes():
        page = gui.window.show_page(cls.NAME)
        ready(gui, cls.NAME, page)
        if cls.NAME == "backup":
            show_restore_plan(gui, page, folder)
        yield cls.NAME, page


def test_nothing_is_clipped_at_laptop_and_desk_sizes(language, gui, simulator,
                                                     tmp_path) -> None:
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    window = gui.window
    hint = window.minimumSizeHint()
    assert hint.width() <= 1024 and hint.height() <= 600, (language, hint)
    problems: list[str] = []
    for width, height in SIZES:
        window.resize(width, height)
        settle()
        assert (window.width(), window.height()) == (width, height)
        for name, _page in visit_pages(gui, tmp_path):
            problems += [f"{width}x{height} {language} {c}"
                         for c in clipped_widgets(window, name)]
            host = window.hosts[name]
            if host.horizontalScrollBar().isVisible():  # part of the page off to the side
                problems.append(f"{width}x{height} {language} {name}: page needs "
                                f"{host.widget().minimumSizeHint().width()} px, the window "
                                f"gives {host.viewport().width()}")
    assert problems == [], "\n".join(problems)


def test_no_setting_key_or_cli_flag_in_the_window(language, gui, simulator, tmp_path) -> None:
    sim = simulator("--model", "2PUCT")
    gui.connect(sim.port)
    window = gui.window
    found: list[str] = []
    for name, page in visit_pages(gui, tmp_path):
        if name == "s0":  # the overlap warning: the model's sentence names the setting
            set_editor(page, "s0.rate", 10000.0)
            set_editor(page, "s0.width_ms", 80)
            assert page.limit_label.isVisible() and page.limit_label.objectName() == "note_warning"
        found += [f"{name}: {t}" for t in internal_words(visible_texts(window), INTERNAL_KEYS)]
        if name == "s0":
            page.revert_button.click()
    menus = [menu for action in window.menuBar().actions() if (menu := action.menu())]
    for menu in menus:
        found += [f"menu: {t}" for t in internal_words(visible_texts(menu), INTERNAL_KEYS)]
    assert found == [], "\n".join(found)


def test_default_size_fits_the_screen(gui) -> None:
    from configurator.ui.main_window import default_size

    area = gui.window.screen().availableGeometry()
    size = default_size(gui.window)
    assert size.width() <= area.width() and size.height() <= area.height()
    assert gui.window.minimumSizeHint().width() <= 1024


def test_the_clipping_check_sees_cut_texts(qtbot) -> None:
    """The check itself: a cut label, button, check box, combo box, group title and wrapped
    label are reported; an ElidedLabel with its text in the tooltip is not."""
    from PySide6.QtWidgets import (
        QCheckBox,
        QComboBox,
        QGroupBox,
        QLabel,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    from configurator.ui.widgets import ElidedLabel

    root = QWidget()
    column = QVBoxLayout(root)
    long = "A rather long text that cannot fit in forty pixels"
    widgets = [QLabel(long), QPushButton(long), QCheckBox(long), QGroupBox(long)]
    combo = QComboBox()
    combo.addItem(long)
    wrapped = QLabel(long + " " + long)
    wrapped.setWordWrap(True)
    wrapped.setFixedHeight(12)
    elided = ElidedLabel(long)
    for widget in [*widgets, combo, wrapped, elided]:
        widget.setFixedWidth(40)
        column.addWidget(widget)
    qtbot.addWidget(root)
    root.show()
    settle()
    found = clipped_widgets(root, "test")
    kinds = sorted(c.cls for c in found)
    assert kinds == ["QCheckBox", "QComboBox", "QGroupBox", "QLabel", "QLabel", "QPushButton"]
    assert elided.is_elided() and long in elided.toolTip()
    fine = QLabel("ok")
    fine.setParent(root)
    fine.show()
    assert not [c for c in clipped_widgets(root, "test") if c.text == "ok"]
