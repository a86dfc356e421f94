"""The Bus page against a real simulated bus of three meters (`simulate --count 3`): every
meter in the table, polled round-robin with never two transactions at once, a silent meter
turns grey, a double-click opens one meter. Counts only, no timed assertions."""

from __future__ import annotations

import os
import signal

from configurator.services.connection import ConnectionOptions
from configurator.ui.pages.bus import COL_AGE, COL_SERIAL, STALE_COLOUR


def _watch(gui, sim, count: int = 3):
    connect = gui.window.show_page("connect")
    connect.fill(ConnectionOptions(port=sim.port, retries=0))
    page = gui.window.show_page("bus")
    page.first.setValue(1)
    page.last.setValue(5)
    page.start_button.click()
    gui.wait(lambda: page.poller is not None and len(page.members) == count)
    gui.wait(lambda: all(m.polls >= 2 for m in page.members))
    return page


def test_every_meter_of_the_bus_one_transaction_at_a_time(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    page = _watch(gui, sim)
    assert page.table.rowCount() == 3
    serials = {page.table.item(row, COL_SERIAL).text() for row in range(3)}
    assert len(serials) == 3 and "—" not in serials
    assert all(m.verdict is not None for m in page.members)
    assert "/" in page.table.item(0, 3).text()  # U per phase
    bus = page.poller.bus
    gui.wait(lambda: page.poller.rounds >= 3)
    assert bus.counter.overlaps == 0  # never two transactions at once
    tx = sum(1 for line in gui.controller.traffic.lines if line.direction == "tx")
    assert bus.counter.transactions == bus.master.counters.transactions == tx
    assert not gui.controller.connected  # the bus is the page's, no meter session beside it
    page.stop_button.click()
    gui.wait(lambda: gui.controller.manager.bus is None and not page.running)


def test_a_meter_that_stops_answering_turns_grey_with_its_age(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    page = _watch(gui, sim)
    assert not any(page.is_stale(m) for m in page.members)
    os.kill(sim.process.pid, signal.SIGSTOP)
    try:
        gui.wait(lambda: all(page.is_stale(m) for m in page.members))
        page.refresh_ages()
        cell = page.table.item(0, COL_AGE)
        assert cell.text().startswith("⚠")  # not answering, shown without colour too
        assert cell.foreground().color().name() == STALE_COLOUR
        assert len(page.members) == 3  # still shown, not dropped
    finally:
        os.kill(sim.process.pid, signal.SIGCONT)
    # back: the answers the stopped simulator still owes come first and are dropped, then each
    # meter answers on its next turn (a loaded machine may need several rounds)
    gui.wait(lambda: not any(page.is_stale(m) for m in page.members), timeout=60_000)
    page.refresh_ages()
    assert page.table.item(0, COL_AGE).foreground().color().name() != STALE_COLOUR


def test_double_click_opens_that_meter(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    page = _watch(gui, sim)
    asked = []

    async def leave() -> bool:  # the controller's check for unwritten edits
        asked.append(1)
        return True

    gui.controller.leave_connection = leave
    member = page.members[1]
    item = page.table.item(1, COL_SERIAL)
    page.table.itemDoubleClicked.emit(item)  # as a double-click does
    gui.wait(lambda: gui.controller.connected)
    assert asked == [1]
    assert gui.controller.options.address == member.address == 2
    assert gui.controller.identity.serial == member.serial
    assert gui.controller.manager.bus is None and page.poller is None


def test_unwritten_edits_keep_the_bus_page(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    page = _watch(gui, sim)
    async def stay() -> bool:  # the user chose to stay
        return False

    gui.controller.leave_connection = stay
    task = page.open_one(page.members[0])
    gui.wait(task.done)
    assert page.poller is not None and not gui.controller.connected


def test_connecting_a_meter_elsewhere_hands_the_bus_over(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "3")
    page = _watch(gui, sim)
    bus = page.poller.bus
    gui.connect(sim.port, address=3)  # the Connect page, as a user would
    assert page.poller is None and bus.closed and gui.controller.manager.bus is None
    assert "handed to a single meter" in page.status.text()
    assert all(page.is_stale(m) for m in page.members)  # figures shown are no longer live
    assert bus.counter.overlaps == 0


def test_mbus_meters_at_one_primary_address_each_get_a_row(gui, simulator) -> None:
    sim = simulator("--model", "4PU", "--count", "2", "--protocol", "mbus")
    connect = gui.window.show_page("connect")
    connect.fill(ConnectionOptions(port=sim.port, protocol="mbus"))
    page = gui.window.show_page("bus")
    assert not page.first.isVisible()  # over M-Bus the search finds every meter
    page.start_button.click()
    gui.wait(lambda: page.poller is not None and len(page.members) == 2, timeout=60_000)
    gui.wait(lambda: all(m.polls >= 1 for m in page.members), timeout=30_000)
    texts = [page.table.item(row, 0).text() for row in range(2)]
    assert all(t.startswith("0 · secondary ") for t in texts) and len(set(texts)) == 2
    assert page.table.item(0, 2).text() == "4PU or 4PS"  # the telegram cannot tell them apart
    assert page.poller.bus.counter.overlaps == 0
    member = page.members[0]
    page.table.itemDoubleClicked.emit(page.table.item(0, 1))
    gui.wait(lambda: gui.controller.connected, timeout=30_000)
    assert gui.controller.options.device == member.secondary
