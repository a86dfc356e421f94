"""The main window's status bar: messages in their own (elided) area on the left, and the
link's permanent fields on the right — state, protocol, port, address, poll interval, the age
of the meter's last answer and the recent error rate.

The figures come from the controller: the connection options, the poller (when the meter last
answered) and the session's link counters, fed to `services.link_health.LinkHealth`. A burst of
garbled answers, or a collision, turns the link indicator red with one sentence.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ..i18n import QT_TRANSLATE_NOOP, translate
from ..services.link import LinkState
from ..services.link_health import LinkHealth, LinkVerdict
from ..services.polling import stale_after
from .editors import local_number
from .widgets import ElidedLabel, age_text

REFRESH_MS = 250
PROTOCOL_NAMES = {"modbus": "Modbus RTU", "mbus": "M-Bus", "ble": "Bluetooth LE"}
STATE_STYLE = {
    "ok": "color: #1b5e20; font-weight: 600;",
    "busy": "color: #0d47a1; font-weight: 600;",
    "bad": "color: white; background: #c62828; font-weight: 700; padding: 0 6px;",
    "off": "color: #555;",
}
STALE_STYLE = "color: #9e9e9e;"
# The link's states, as the window has always called them (translated in context MainWindow).
STATE_TEXT = {"connected": QT_TRANSLATE_NOOP("MainWindow", "● Connected"),
              "connecting": QT_TRANSLATE_NOOP("MainWindow", "… Connecting"),
              "lost": QT_TRANSLATE_NOOP("MainWindow", "✖ Connection lost"),
              "disconnected": QT_TRANSLATE_NOOP("MainWindow", "○ Not connected")}


class StatusBar(QStatusBar):
    """Messages left, link fields right; `refresh()` updates the figures (a timer calls it)."""

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.health = LinkHealth()
        self.setSizeGripEnabled(True)
        self.message_label = ElidedLabel("", min_chars=4)
        self.message_label.setObjectName("statusMessage")
        self.addWidget(self.message_label, 1)
        self.state_label = QLabel(translate("MainWindow", STATE_TEXT["disconnected"]))
        self.state_label.setObjectName("linkState")
        self.protocol_label = QLabel("")
        self.port_label = ElidedLabel("", mode=Qt.TextElideMode.ElideMiddle, min_chars=10)
        self.port_label.setMaximumWidth(self.port_label.fontMetrics().averageCharWidth() * 24)
        self.address_label = QLabel("")
        self.poll_label = QLabel("")
        self.age_label = QLabel("")
        self.errors_label = QLabel("")
        self.errors_label.setToolTip(self.tr(
            "Timeouts and garbled answers per 100 transactions, over the last 100 "
            "transactions."))
        self.age_label.setToolTip(self.tr("When the meter last answered a poll."))
        self.fields = (self.state_label, self.protocol_label, self.port_label,
                       self.address_label, self.poll_label, self.age_label, self.errors_label)
        for widget in self.fields:
            self.addPermanentWidget(widget)
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.clearMessage)
        self._sticky = ""  # the link verdict's sentence, shown when no message is
        self._state = LinkState.DISCONNECTED.value
        self._verdict = LinkVerdict.UNKNOWN
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        controller.state_changed.connect(self.on_state)
        controller.options_changed.connect(lambda _o: self.refresh())
        self.on_state(controller.state.value, "")

    # -- messages -------------------------------------------------------------------------
    def showMessage(self, text: str, timeout: int | None = 0) -> None:  # noqa: N802 - Qt override
        """Show a message in the message area (elided, whole text in the tooltip)."""
        self.message_label.setText(text)
        if timeout:
            self._message_timer.start(timeout)
        else:
            self._message_timer.stop()

    def clearMessage(self) -> None:  # noqa: N802 - Qt override
        """Back to the link verdict's sentence, if there is one."""
        self.message_label.setText(self._sticky)

    def currentMessage(self) -> str:  # noqa: N802 - Qt override
        """The whole message shown now."""
        return self.message_label.full_text()

    # -- link -----------------------------------------------------------------------------
    def on_state(self, state: str, _text: str) -> None:
        """The link's state changed."""
        if state == LinkState.CONNECTING.value:
            self.health.reset()
        self._state = state
        self.refresh()

    def verdict(self) -> LinkVerdict:
        """What the recent link counters say."""
        return self._verdict

    def refresh(self) -> None:
        """Update every field from the controller."""
        controller = self.controller
        options = controller.options
        connected = self._state == LinkState.CONNECTED.value
        if connected:
            self.health.observe(controller.link_counters())
        self._verdict = self.health.verdict() if connected else LinkVerdict.UNKNOWN
        self._show_state()
        if options is None:
            for label in (self.protocol_label, self.address_label, self.poll_label,
                          self.age_label, self.errors_label):
                label.setText("")
            self.port_label.setText("")
            return
        self.protocol_label.setText(PROTOCOL_NAMES.get(options.protocol, options.protocol))
        where = options.device if options.protocol == "ble" else options.port
        self.port_label.setText(where or "")
        self.port_label.set_extra_tooltip(self.tr("Port or device"))
        if options.protocol == "mbus" and options.device:
            self.address_label.setText(self.tr("Secondary {address}").format(
                address=options.device))
        else:
            self.address_label.setText(self.tr("Address {address}").format(
                address=options.address))
        poller = controller.poller
        if poller.paused:
            self.poll_label.setText(self.tr("Polling paused"))
        else:
            self.poll_label.setText(self.tr("Poll {seconds} s").format(
                seconds=local_number(f"{poller.interval:g}")))
        self._show_age(connected)
        self._show_errors(connected)

    def _show_state(self) -> None:
        text = translate("MainWindow", STATE_TEXT.get(self._state, self._state))
        style = {"connected": "ok", "connecting": "busy", "lost": "bad"}.get(self._state, "off")
        sentence = ""
        if self._verdict is LinkVerdict.GARBLED:
            text, style = self.tr("● Answers garbled"), "bad"
            sentence = self.tr("Answers are garbled: two meters may share this address, or the "
                               "wiring/termination/baud rate is wrong.")
        elif self._verdict is LinkVerdict.COLLISION:
            text, style = self.tr("● Collision"), "bad"
            sentence = self.tr("Two meters answered at once: give every meter its own address.")
        self.state_label.setText(text)
        self.state_label.setStyleSheet(STATE_STYLE[style])
        self.state_label.setToolTip(sentence)
        if sentence != self._sticky:
            old, self._sticky = self._sticky, sentence
            if not self._message_timer.isActive() or self.currentMessage() == old:
                self.message_label.setText(sentence)
            elif sentence:
                self.showMessage(sentence)

    def _show_age(self, connected: bool) -> None:
        age = self.controller.poller.answer_age()
        if age is None:
            self.age_label.setText(self.tr("No answer yet"))
            self.age_label.setStyleSheet(STALE_STYLE)
            return
        self.age_label.setText(self.tr("Answer {age} ago").format(age=age_text(age)))
        stale = not connected or age > stale_after(self.controller.poller.interval)
        self.age_label.setStyleSheet(STALE_STYLE if stale else "")
        self.age_label.setProperty("stale", stale)

    def _show_errors(self, connected: bool) -> None:
        rate = self.health.error_rate()
        if rate is None:
            self.errors_label.setText("")
            return
        self.errors_label.setText(self.tr("Errors {rate}/100").format(
            rate=QLocale().toString(rate, "f", 1)))
        self.errors_label.setStyleSheet("color: #b71c1c; font-weight: 600;" if rate >= 5
                                        and connected else "")

    def age_is_stale(self) -> bool:
        """Whether the answer-age field is shown as stale now."""
        return bool(self.age_label.property("stale"))


__all__ = ["StatusBar"]
