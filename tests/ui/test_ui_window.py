"""The main window as a desktop app: menus that act, a status bar that tells the link's
health, and a Modbus bus scan with progress and Cancel — against the real simulator."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QFileDialog

from configurator.services.connection import ConnectionOptions
from configurator.services.link_health import LinkVerdict
from tests.ui.noisy_wire import NoisyWire

MENUS = ("File", "Meter", "View", "Help")


def menu_titles(window: Any) -> list[str]:
    return [a.text().replace("&", "") for a in window.menuBar().actions()]


def test_menus_exist_with_standard_shortcuts(gui) -> None:
    window = gui.window
    assert menu_titles(window) == list(MENUS)
    menus = window.menus
    assert menus.quit.shortcut() == QKeySequence("Ctrl+Q")
    assert menus.open_backup.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert menus.save_backup.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    assert not menus.full_screen.shortcut().isEmpty() and not menus.guide.shortcut().isEmpty()
    assert set(menus.page_actions) == set(window._placeholders) | set(window.pages)
    # Without a meter, what needs one waits; Write all waits for the write path's hook.
    assert not menus.open_backup.isEnabled() and not menus.read_all.isEnabled()
    assert not menus.write_all.isEnabled()
    menus.page_actions["live"].trigger()
    assert window.current_page() is window.pages["live"]
    assert menus.page_actions["live"].isChecked()


def test_about_shows_every_version(gui) -> None:
    import platform

    from PySide6 import __version__ as pyside
    from PySide6.QtCore import qVersion

    gui.window.menus.about.trigger()
    box = gui.window.menus.about_box
    gui.wait(box.isVisible)
    text = box.text()
    for version in (platform.python_version(), qVersion(), pyside,
                    metadata.version("pyqtgraph"), metadata.version("pymodbus"),
                    metadata.version("bleak")):
        assert version in text, version
    for name in ("Python", "Qt", "PySide6", "pyqtgraph", "pymodbus", "bleak"):
        assert name in text
    box.accept()


class UrlCatcher(QObject):
    """Stands for the user's browser (a boundary we cannot run here): QDesktopServices hands
    it the URL instead of opening a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_user_guide_opens_as_html_in_the_browser(gui) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")
    try:
        gui.window.menus.guide.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert len(catcher.urls) == 1
    page = Path(catcher.urls[0].toLocalFile())
    assert page.suffix == ".html" and page.exists()
    html = page.read_text(encoding="utf-8")
    assert "User guide" in html and "<base href=" in html and "images/en/" in html


def test_open_backup_goes_to_the_backup_page_and_quit_closes(gui, simulator, qtbot) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    window = gui.window
    assert window.menus.open_backup.isEnabled()
    window.menus.open_backup.trigger()
    backup = window.pages["backup"]
    assert window.current_page() is backup
    dialog = backup._dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.fileMode() == QFileDialog.FileMode.ExistingFile
    dialog.reject()
    window.menus.read_all.trigger()  # every settings page reads the meter
    from configurator.ui.pages.settings import SettingsPage

    settings_pages = [p for p in window.pages.values() if isinstance(p, SettingsPage)]
    assert len(settings_pages) >= 6
    gui.wait(lambda: all(p.loaded for p in settings_pages if any(p.reachable.values())))
    with qtbot.waitSignal(window.closed, timeout=15_000):
        window.menus.quit.trigger()
    assert not gui.controller.connected


def test_status_bar_fields_follow_the_link(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    gui.connect(sim.port)
    status = gui.window.status
    poller = gui.controller.poller
    polls = poller.polls
    gui.wait(lambda: poller.polls >= polls + 2)
    status.refresh()
    assert status.protocol_label.text() == "Modbus RTU"
    assert status.port_label.full_text() == sim.port
    assert status.address_label.text() == "Address 1"
    assert status.poll_label.text() == "Poll 1 s"
    assert status.age_label.text().startswith("Answer ") and not status.age_is_stale()
    counters = gui.controller.link_counters()
    assert status.health.current.transactions == counters["transactions"] > 0
    assert status.errors_label.text() == "Errors 0.0/100"
    assert status.verdict() is LinkVerdict.OK
    # Messages have their own area: a long one is elided there, the fields stay as they are.
    fields = [w.geometry() for w in status.fields]
    status.showMessage("A very long message " * 20, 5000)
    gui.wait(lambda: status.message_label.is_elided())
    assert status.currentMessage().startswith("A very long message")
    assert [w.geometry() for w in status.fields] == fields
    message = status.message_label.geometry()
    assert all(not message.intersects(g) for g in fields)
    poller.set_paused(True)
    status.refresh()
    assert status.poll_label.text() == "Polling paused"


def test_garbled_answers_turn_the_link_red_with_one_sentence(gui, simulator) -> None:
    sim = simulator("--model", "4PU")
    with NoisyWire(sim.port, every=2) as wire:
        gui.connect(wire.path)
        gui.controller.poller.set_interval(0.1)
        status = gui.window.status
        gui.wait(lambda: gui.controller.link_counters().get("crc_errors", 0) >= 6)
        status.refresh()
        assert wire.garbled >= 6
        assert status.verdict() is LinkVerdict.GARBLED
        assert status.state_label.text() == "● Answers garbled"
        sentence = ("Answers are garbled: two meters may share this address, or the "
                    "wiring/termination/baud rate is wrong.")
        assert status.state_label.toolTip() == sentence
        window = status.health.recent(status.health.rate_window)
        rate = 100.0 * (window.timeouts + window.crc_errors) / window.transactions
        assert status.errors_label.text() == f"Errors {rate:.1f}/100"
        assert rate >= 20


def scan_dialog(gui: Any, port: str) -> Any:
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=port))
    return gui.window.open_scan_dialog()


def test_scan_finds_the_meters_and_connects_on_double_click(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    gui.connect(sim.port)  # connected: the scan closes the connection first
    dialog = scan_dialog(gui, sim.port)
    assert "closed when the scan starts" in dialog.hint.text()
    dialog.first.setValue(1)
    dialog.last.setValue(6)
    dialog.start_button.click()
    gui.wait(lambda: dialog.running)
    gui.wait(lambda: not dialog.running, timeout=30_000)
    assert dialog.probed == 6 and dialog.stats is not None and dialog.stats.probes >= 6
    assert [m.address for m in dialog.meters] == [1, 2, 3]
    assert [dialog.table.item(r, 0).text() for r in range(3)] == ["1", "2", "3"]
    assert all("4PU" in dialog.table.item(r, 1).text() for r in range(3))
    serials = [dialog.table.item(r, 2).text() for r in range(3)]
    assert serials == sorted(serials) and len(set(serials)) == 3 and "—" not in serials
    assert "Found 3 meters" in dialog.status.text()
    assert not gui.controller.connected
    dialog.table.itemDoubleClicked.emit(dialog.table.item(1, 0))  # as a double-click does
    gui.wait(lambda: gui.controller.connected)
    assert gui.controller.options.address == 2
    assert gui.controller.identity.serial == int(serials[1])


def test_scan_cancel_stops_it_and_frees_the_port(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    page = gui.window.show_page("connect")
    page.fill(ConnectionOptions(port=sim.port))
    page.scan_button.click()  # the Connect page's button opens the same dialog
    dialog = gui.window._dialog
    assert dialog is not None and dialog.isVisible() and dialog.options.port == sim.port
    dialog.start_button.click()
    gui.wait(lambda: dialog.probed >= 8, timeout=30_000)
    dialog.cancel_button.click()
    gui.wait(lambda: not dialog.running)
    probed = dialog.probed
    assert probed < 247 and "cancelled" in dialog.status.text()
    assert dialog.start_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.reject()
    gui.connect(sim.port)  # the scan closed the port: the meter is reachable again
    assert dialog.probed == probed
