"""The GUI's one controller: connection, polling, writes and the demo meter, as Qt signals.

Pages never touch a session directly: they call the controller's coroutines (which go through
the connection manager, the one owner of the bus) and listen to its signals.
"""

from __future__ import annotations

import asyncio
import contextlib
import shutil
import tempfile
from collections.abc import Awaitable, Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal

from ..model.models import Model
from ..model.settings import Action, Setting
from ..services.backup import make_backup
from ..services.connection import ConnectionOptions
from ..services.documents import BackupDocument, ReportDocument
from ..services.engine import Confirmer
from ..services.link import ConnectionManager, LinkState, NotConnectedError
from ..services.meter import Identity
from ..services.outcomes import ApplyReport
from ..services.polling import Poller, SampleStore
from ..services.report import collect_report
from ..services.restore import (
    MeterState,
    RestorePlan,
    RestoreReport,
    apply_restore,
    read_meter_state,
)
from ..services.traffic import TrafficLog
from .messages import translated
from .recent import RecentConnections
from .tasks import TaskRunner, error_text
from .unwritten import EditSource, LeaveChoice

# Asks what to do with unwritten edits (page name -> changes; page name -> title).
LeaveAsk = Callable[[Mapping[str, Mapping[Setting, Any]], Mapping[str, str]],
                    Awaitable[LeaveChoice]]


class EditsInvalid(Exception):
    """Write all refused before writing: a page's edits are not valid (`text` says which)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

if TYPE_CHECKING:
    from ..simulator.demo import BleDemo
    from ..simulator.launcher import SimulatorProcess

# Task names (TaskRunner) of user-requested writes: finished, never cancelled, at shutdown.
WRITE_TASKS = ("apply-", "ct-apply", "reset-")


class AppController(QObject):
    """State shared by every page."""

    state_changed = Signal(str, str)  # LinkState value, message
    identity_changed = Signal(object)  # Identity
    readings = Signal(object)  # list[Reading]
    status = Signal(object)  # Identity (status and counters refreshed)
    message = Signal(str, str)  # level ("info", "warning", "error"), text
    options_changed = Signal(object)  # ConnectionOptions
    link_followed = Signal(str)  # where the meter answers after a link change
    bus_released = Signal()  # the Bus page's round-robin polling was stopped from elsewhere
    written = Signal(object)  # ApplyReport of every finished write, restore or template
    edits_changed = Signal()  # a page's unwritten edits changed

    def __init__(self, qsettings: QSettings | None = None, parent: QObject | None = None,
                 store: SampleStore | None = None) -> None:
        super().__init__(parent)
        self.runner = TaskRunner(self)
        self.runner.failed.connect(lambda name, text: self.message.emit("error", text))
        self.traffic = TrafficLog()
        self.manager = ConnectionManager(on_state=self._on_state, on_traffic=self.traffic,
                                         on_identity=self._on_identity)
        self.store = store or SampleStore()
        self.poller = Poller(self.store, self._read_measurements, read_status=self._read_status,
                             on_readings=self.readings.emit, on_status=self._on_status,
                             on_error=self._on_poll_error, interval=1.0)
        self.recent = RecentConnections(qsettings or QSettings("wago-meter-configurator",
                                                               "configurator"))
        self.pin: str | None = None  # BLE PIN: in memory only, never written to disk
        self.identity: Identity | None = None
        self.demo: BleDemo | SimulatorProcess | None = None
        self._ble_backends: tuple[Any, Any] | None = None
        self._demo_dir: str | None = None
        self._writes: set[asyncio.Future[Any]] = set()
        self._last_poll_error = ""
        self._pause_depth = 0
        self.user_paused = False  # the Live page's Pause box
        self.bus_poller: Any = None  # the Bus page's BusPoller while it watches the bus
        self._edit_sources: list[EditSource] = []
        # How to ask about unwritten edits before the connection closes (set by the window).
        self.leave_ask: LeaveAsk | None = None
        self.leave_confirm: Confirmer | None = None

    # -- state --------------------------------------------------------------------------
    @property
    def state(self) -> LinkState:
        """Where the connection stands."""
        return self.manager.state

    @property
    def connected(self) -> bool:
        """Whether a meter is connected now."""
        return self.manager.state is LinkState.CONNECTED

    @property
    def model(self) -> Model | None:
        """The connected meter's model."""
        return self.identity.model if self.identity is not None else None

    @property
    def transport_name(self) -> str:
        """The connected session's capability name ("modbus", "mbus", "ble")."""
        session = self.manager.session
        if session is not None:
            return session.transport_name
        options = self.manager.options
        return options.protocol if options is not None else "modbus"

    @property
    def options(self) -> ConnectionOptions | None:
        """The options the meter answers at."""
        return self.manager.options

    @property
    def writes_in_flight(self) -> int:
        """Writes started and not finished."""
        return len(self._writes)

    def _on_state(self, state: LinkState, text: str) -> None:
        if state is LinkState.CONNECTED:
            self._last_poll_error = ""
            self.poller.start()
            if self.manager.options is not None:  # a reconnect may have found another point
                self.options_changed.emit(self.manager.options)
        else:
            self.poller.cancel()
        self.state_changed.emit(state.value, translated(text))

    def _on_identity(self, identity: Identity) -> None:
        self.identity = identity
        self.store.clear()
        self.identity_changed.emit(identity)

    def _on_status(self, identity: Identity) -> None:
        self.identity = identity
        self.status.emit(identity)

    def _on_poll_error(self, exc: Exception) -> None:
        if isinstance(exc, NotConnectedError):
            return
        text = error_text(exc)
        if text != self._last_poll_error:
            self._last_poll_error = text
            self.message.emit("warning", self.tr("Polling: {reason}").format(reason=text))

    async def _read_measurements(self) -> Any:
        return await self.manager.call(lambda s: s.read_measurements())

    async def _read_status(self) -> Any:
        return await self.manager.call(lambda s: s.identify())

    # -- connection ---------------------------------------------------------------------
    @property
    def ble_backends(self) -> tuple[Any, Any] | None:
        """The bleak backends Bluetooth LE sessions use: those given (a simulated air), else
        the demo meter's, else None (the platform's own)."""
        return self._ble_backends or getattr(self.demo, "backends", None)

    @ble_backends.setter
    def ble_backends(self, backends: tuple[Any, Any] | None) -> None:
        self._ble_backends = backends

    # The meter connection, not QObject.connect (Qt's static signal helper, never used here).
    async def connect(self, options: ConnectionOptions) -> Identity:  # type: ignore[override]
        """Connect (replacing any session) and remember the connection."""
        from dataclasses import replace

        await self.stop_bus_poller()  # the bus goes to this meter's session: polling ends first
        if options.protocol == "ble" and options.pin is None and self.pin:
            options = replace(options, pin=self.pin)
        if options.protocol == "ble" and options.ble_backends is None and self.ble_backends:
            options = replace(options, ble_backends=self.ble_backends)  # the demo meter's air
        identity = await self.manager.connect(options)
        if self.demo is None:
            self.recent.remember(self.manager.options or options)
        self.options_changed.emit(self.manager.options)
        return identity

    async def disconnect(self) -> None:  # type: ignore[override]  # the meter's, as connect
        """Close the session and stop polling."""
        await self._leave_meter()

    # -- the whole bus (one owner: the connection manager) ---------------------------------
    async def bus_job(self, name: str, options: ConnectionOptions, job: Any) -> Any:
        """Run a whole-bus job (`job(bus)`: a scan, the M-Bus search) through the connection
        manager; the meter connection is closed first, as the job needs the whole bus."""
        await self._leave_meter()
        return await self.manager.bus_job(name, options, job)

    async def autodetect(self, options: ConnectionOptions, progress: Any = None) -> Any:
        """The link-settings hunt (services/autodetect.py) through the connection manager."""
        await self._leave_meter()
        return await self.manager.autodetect(options, progress)

    async def open_bus(self, options: ConnectionOptions) -> Any:
        """Take the whole bus for the Bus page (services/bus.py); the meter connection is
        closed first."""
        await self._leave_meter()
        return await self.manager.open_bus(options)

    async def close_bus(self) -> None:
        """Stop polling every meter and give the bus back."""
        await self.stop_bus_poller()
        await self.manager.close_bus()

    async def stop_bus_poller(self) -> None:
        """Stop the Bus page's round-robin polling, if it runs."""
        poller, self.bus_poller = self.bus_poller, None
        if poller is not None:
            running = poller.running
            await poller.stop()
            if running:
                self.bus_released.emit()

    async def _leave_meter(self) -> None:
        await self.stop_bus_poller()
        await self.poller.stop()
        await self.manager.disconnect()
        self.identity = None

    def set_user_paused(self, paused: bool) -> None:
        """Pause or resume polling at the user's request (writes pause it on their own)."""
        self.user_paused = paused
        if not self._pause_depth:
            self.poller.set_paused(paused)

    def link_counters(self) -> dict[str, int]:
        """The session's link counters, where the transport keeps them."""
        session = self.manager.session
        counters = getattr(session, "link_counters", None)
        return counters() if callable(counters) else {}

    # -- meter I/O for pages --------------------------------------------------------------
    async def get_settings(self, items: Iterable[Setting]) -> dict[str, Any]:
        """Current values of the settings."""
        wanted = list(items)
        return await self.manager.call(lambda s: s.get_settings(wanted))

    async def read_ct_history(self) -> dict[str, Any]:
        """The CT history (2PU CT)."""
        return await self.manager.call(lambda s: s.read_ct_history())

    async def save_support_bundle(self, path: str) -> str:
        """Capture the connected meter (raw, polling paused) with this session's traffic into
        a support bundle at `path` (docs/capture.md); without a meter, the traffic and
        versions only. Returns the one-line summary. The file dialog asked before replacing."""
        from ..services.capture import (
            Capture,
            capture_session,
            summary,
            traffic_lines,
            write_capture,
        )

        options = self.options
        connection = options.describe() if options is not None else ""
        if self.connected:
            bundle = await self._quiet(self.manager.call(
                lambda s: capture_session(s, connection)))
        else:
            bundle = Capture(transport=options.protocol if options is not None else "modbus",
                             connection=connection, identity_error=self.tr("not connected"))
        bundle.traffic = traffic_lines(self.traffic.lines)
        write_capture(path, bundle, overwrite=True)  # a few kB: no thread needed
        return summary(bundle)

    async def apply(self, changes: dict[Setting, Any],
                    confirm: Confirmer | None = None) -> ApplyReport:
        """Write through the session's write engine; permanent acts need `confirm` (a page's
        `ui.confirm.Confirmer`). Shielded so that a write is never silently dropped: if the
        caller is cancelled, the write still finishes and its outcome is reported.
        """
        future = asyncio.ensure_future(self._quiet(self.manager.call(
            lambda s: s.apply(changes, confirm))))
        self._writes.add(future)
        future.add_done_callback(self._write_done)
        report: ApplyReport = await asyncio.shield(future)
        return report

    async def _quiet(self, coro: Any) -> Any:
        """Run a write with polling paused: a link change must not meet a poll half-way."""
        self._pause_depth += 1
        self.poller.set_paused(True)
        try:
            return await coro
        finally:
            self._pause_depth -= 1
            if not self._pause_depth:
                self.poller.set_paused(self.user_paused)

    def _write_done(self, future: asyncio.Future[Any]) -> None:
        self._writes.discard(future)
        if future.cancelled():
            self.message.emit("error", self.tr("A write was cancelled; read the settings back "
                                               "to see what the meter holds."))
            return
        exc = future.exception()
        if exc is not None:
            return  # the caller shows it
        self._follow(future.result())
        self.written.emit(future.result())

    def _follow(self, report: ApplyReport) -> None:
        """Update the connection to where the meter answers after a link-setting write; when
        the link is gone or the meter answers at neither point, reconnect (trying both)."""
        options = self.manager.follow_link(report)
        unsettled = self.manager.link_unsettled(report)
        if options is not None:
            self.options_changed.emit(options)
            if self.demo is None and unsettled is None:
                self.recent.remember(options)
            if unsettled is None:
                self.link_followed.emit(self.tr(
                    "The meter now answers at {where}; the connection settings were updated."
                ).format(where=translated(report.link_note or options.describe())))
        if unsettled is not None:
            self.message.emit("warning", self.tr(
                "Looking for the meter again: {reason}").format(reason=translated(unsettled)))
            asyncio.ensure_future(self.manager.mark_lost(unsettled))

    async def restore(self, plan: RestorePlan, undo_dir: str | None = None,
                      confirm: Confirmer | None = None) -> RestoreReport:
        """Carry out a restore plan (confirmation, then the undo backup, then the writes),
        tracked and shielded like a write; link settings are followed like an Apply."""
        options: ConnectionOptions | str = self.manager.options or "unknown connection"
        future = asyncio.ensure_future(self._quiet(self.manager.call(
            lambda s: apply_restore(s, plan, options=options, undo_dir=undo_dir,
                                    confirm=confirm))))
        self._writes.add(future)
        future.add_done_callback(self._restore_done)
        report: RestoreReport = await asyncio.shield(future)
        return report

    def _restore_done(self, future: asyncio.Future[Any]) -> None:
        self._writes.discard(future)
        if future.cancelled() or future.exception() is not None:
            return  # the caller shows it
        report: RestoreReport = future.result()
        if report.applied is not None:
            self._follow(report.applied)
            self.written.emit(report.applied)

    async def make_backup(self) -> BackupDocument:
        """A backup document of the connected meter."""
        options: ConnectionOptions | str = self.manager.options or "unknown connection"
        return await self.manager.call(lambda s: make_backup(s, options))

    async def read_meter_state(self) -> MeterState:
        """What a restore compares against (every reachable setting)."""
        return await self.manager.call(read_meter_state)

    async def collect_report(self) -> ReportDocument:
        """One meter's commissioning-report data (live reading)."""
        options: ConnectionOptions | str = self.manager.options or "unknown connection"
        return await self.manager.call(lambda s: collect_report(s, options))

    async def check_wiring(self, expected: Any = None, samples: int = 1) -> Any:
        """The wiring verdict of the connected meter (services/wiring), read through the one
        owner of the bus."""
        from ..services.wiring import check_wiring

        return await self.manager.call(
            lambda s: check_wiring(s, expected=expected, samples=samples))

    async def run_action(self, action: Action, confirm: Confirmer | None = None
                         ) -> ApplyReport:
        """A counter reset (a permanent act: `confirm` must say yes), tracked like a write."""
        future = asyncio.ensure_future(
            self._quiet(self.manager.call(lambda s: s.run_action(action, confirm))))
        self._writes.add(future)
        future.add_done_callback(lambda f: self._writes.discard(f))
        report: ApplyReport = await asyncio.shield(future)
        return report

    # -- unwritten edits ------------------------------------------------------------------
    def add_edit_source(self, source: EditSource) -> None:
        """A page whose edits Write all writes and closing asks about."""
        if source not in self._edit_sources:
            self._edit_sources.append(source)

    def note_edits(self) -> None:
        """A page's edits changed (the sidebar, the menu and Write all follow)."""
        self.edits_changed.emit()

    def pending_edits(self) -> dict[str, dict[Setting, Any]]:
        """Every page's unwritten edits, by page name (pages without edits left out)."""
        edits: dict[str, dict[Setting, Any]] = {}
        for source in self._edit_sources:
            changes = source.unwritten()
            if changes:
                edits[source.NAME] = changes
        return edits

    def pending_count(self) -> int:
        """How many settings are edited and not written."""
        return sum(len(changes) for changes in self.pending_edits().values())

    def edit_titles(self) -> dict[str, str]:
        """Page name -> the page's title in the UI language."""
        from .pages.base import page_text

        return {source.NAME: page_text(source.TITLE) for source in self._edit_sources}

    def discard_edits(self) -> None:
        """Put the meter's values back into every page's editors."""
        for source in self._edit_sources:
            if source.unwritten():
                source.discard_edits()
        self.edits_changed.emit()

    async def write_all(self, confirm: Confirmer | None = None) -> ApplyReport | None:
        """Write every page's edits through the one engine (one validation of all of them
        together, one confirmation of the permanent acts, one per-key report: every page
        shows its keys' outcomes through `written`). None when there was nothing to write;
        `EditsInvalid` before any write when a page's edits are not valid."""
        titles = self.edit_titles()
        problems = [f"{titles[s.NAME]}: {problem}" for s in self._edit_sources
                    if s.unwritten() and (problem := s.validate())]
        if problems:
            raise EditsInvalid(" ".join(problems))
        changes: dict[Setting, Any] = {}
        for page_changes in self.pending_edits().values():
            changes.update(page_changes)
        if not changes:
            return None
        return await self.apply(changes, confirm)

    async def may_leave(self, ask: LeaveAsk, confirm: Confirmer | None = None) -> bool:
        """Whether the window may close, disconnect or connect elsewhere now: yes without
        unwritten edits; otherwise `ask` decides: Write all (yes once every edit is written),
        Discard (yes), Cancel (no)."""
        edits = self.pending_edits()
        if not edits:
            return True
        choice = await ask(edits, self.edit_titles())
        if choice is LeaveChoice.CANCEL:
            return False
        if choice is LeaveChoice.DISCARD:
            self.discard_edits()
            return True
        try:
            report = await self.write_all(confirm)
        except EditsInvalid as exc:
            self.message.emit("error", exc.text)
            return False
        except Exception as exc:  # refused before writing, link gone: stay and say so
            self.message.emit("error", error_text(exc))
            return False
        return (report is None or report.error is None) and not self.pending_edits()

    async def leave_connection(self) -> bool:
        """Before the connection closes or moves (Disconnect, another meter, a bus scan,
        auto-detect): `may_leave` with the window's question; False when the user cancelled.
        Without a window to ask, or without a connection, yes."""
        if self.leave_ask is None or self.state is LinkState.DISCONNECTED:
            return True
        return await self.may_leave(self.leave_ask, self.leave_confirm)

    async def wait_for_writes(self) -> None:
        """Wait until every write in flight has finished."""
        while self._writes:
            with contextlib.suppress(Exception):
                await asyncio.gather(*list(self._writes), return_exceptions=True)

    # -- demo -----------------------------------------------------------------------------
    async def start_demo(self, model_code: str, protocol: str = "modbus",
                         capture: str | None = None) -> Identity:
        """Start the built-in simulated meter (Modbus, M-Bus or Bluetooth LE), or the replay
        of a support bundle (`capture`, docs/capture.md), and connect."""
        from ..simulator import demo
        from ..simulator.launcher import SimulatorProcess

        if capture is not None:
            return await self._start_replay(capture)
        model = Model.parse(model_code)
        if protocol == "ble":  # no radio: the meter lives in this process (simulator/demo.py)
            ble = demo.BleDemo(model)
            self.demo = ble
            self.message.emit("info", self.tr(
                "Demo mode: a simulated {model} over Bluetooth LE as {name}.").format(
                    model=model.info.title, name=ble.name))
            return await self.connect(ConnectionOptions(
                protocol="ble", device=ble.name, pin=self.pin or demo.DEMO_BLE_PIN,
                ble_backends=ble.backends))
        self._demo_dir = tempfile.mkdtemp(prefix="configurator-demo-")
        link = str(Path(self._demo_dir) / "meter")
        sim = SimulatorProcess(*demo.simulator_args(model, link, protocol))
        self.demo = sim
        await asyncio.get_running_loop().run_in_executor(None, sim.start)
        self.message.emit("info", self.tr("Demo mode: a simulated {model} on {port}.").format(
            model=model.info.title, port=sim.port))
        return await self.connect(ConnectionOptions(port=sim.port, protocol=protocol))

    async def _start_replay(self, capture: str) -> Identity:
        from ..services.capture import load_capture
        from ..simulator.launcher import SimulatorProcess
        from ..simulator.replay import demo_connection

        protocol, address, baud = demo_connection(load_capture(capture))
        self._demo_dir = tempfile.mkdtemp(prefix="configurator-demo-")
        link = str(Path(self._demo_dir) / "meter")
        sim = SimulatorProcess("--from", capture, "--link", link)
        self.demo = sim
        await asyncio.get_running_loop().run_in_executor(None, sim.start)
        self.message.emit("info", self.tr("Demo mode: replaying {capture} on {port}.").format(
            capture=capture, port=sim.port))
        return await self.connect(ConnectionOptions(port=sim.port, protocol=protocol,
                                                    address=address, baudrate=baud))

    def stop_demo(self) -> None:
        """Stop the simulated meter (blocking, at exit)."""
        sim, self.demo = self.demo, None
        if sim is not None:
            sim.stop()
        if self._demo_dir is not None:
            shutil.rmtree(self._demo_dir, ignore_errors=True)
            self._demo_dir = None

    async def shutdown(self) -> None:
        """Finish writes (even ones only just requested; a confirmation still open is answered
        no), stop tasks, close the session, stop the demo meter."""
        from .confirm import decline_open_confirmations
        from .unwritten import decline_open_leave_questions

        decline_open_confirmations()
        decline_open_leave_questions()
        await self.runner.wait_for(lambda name: name.startswith(WRITE_TASKS))
        await self.wait_for_writes()
        await self.poller.stop()
        await self.stop_bus_poller()
        await self.runner.cancel_all()
        await self.manager.disconnect()
        await self.manager.close_bus()
        self.stop_demo()
