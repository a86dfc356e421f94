"""Connect page: the Retries field reaches the master that talks to the meter."""

from __future__ import annotations

from configurator.protocol.retries import DEFAULT_RETRIES, MAX_RETRIES


def test_retries_field_goes_into_the_connection(gui, simulator) -> None:
    sim = simulator()
    page = gui.window.show_page("connect")
    assert page.retries.value() == DEFAULT_RETRIES
    assert (page.retries.minimum(), page.retries.maximum()) == (0, MAX_RETRIES)
    gui.connect(sim.port, retries=2)
    assert page.retries.value() == 2
    assert gui.controller.options.retries == 2
    assert gui.controller.manager.session.master.retries == 2  # the session's own master
    page.retries.setValue(7)
    assert page.options().retries == 7
