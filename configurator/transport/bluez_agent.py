"""Hand the meter's PIN to BlueZ while pairing (Linux only, real adapters only).

bleak has no API for a pairing PIN: BlueZ asks a registered *agent* (org.bluez.Agent1) for
it. Without one, a desktop shows its own dialog and a headless session fails. For the time of
one `pair()` this module registers a small agent on the system bus that answers with the PIN
the user gave, makes it BlueZ's default agent (BlueZ asks the default agent when the Pair call
comes from another D-Bus connection, here bleak's), and unregisters it afterwards.

Everything is best effort: if the system bus or BlueZ's AgentManager1 cannot be reached, the
caller pairs without it and the operating system's own agent asks, as before. The PIN is
never logged.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from dbus_fast import BusType, Message, MessageType
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusObjectPath, DBusStr, DBusUInt16, DBusUInt32
from dbus_fast.service import ServiceInterface, dbus_method

log = logging.getLogger(__name__)

AGENT_PATH = "/org/wago/configurator/agent"
AGENT_CAPABILITY = "KeyboardOnly"  # we can "type" a PIN or passkey, show nothing


class PinAgent(ServiceInterface):
    """org.bluez.Agent1 answering PIN and passkey requests with one PIN.

    dbus-fast reads the annotations as D-Bus signatures, so methods that return nothing
    carry no return annotation.
    """

    def __init__(self, pin: str) -> None:
        super().__init__("org.bluez.Agent1")
        self._pin = pin
        self.requests = 0  # how often BlueZ asked, for tests and the debug log

    @dbus_method()
    def Release(self):
        """BlueZ no longer uses this agent."""

    @dbus_method()
    def RequestPinCode(self, device: DBusObjectPath) -> DBusStr:
        """Legacy PIN request: the meter password as typed."""
        self.requests += 1
        return self._pin

    @dbus_method()
    def RequestPasskey(self, device: DBusObjectPath) -> DBusUInt32:
        """LE passkey request: the meter password as a number (0000 -> 0)."""
        self.requests += 1
        return int(self._pin)

    @dbus_method()
    def DisplayPinCode(self, device: DBusObjectPath, pincode: DBusStr):
        """Nothing to display on."""

    @dbus_method()
    def DisplayPasskey(self, device: DBusObjectPath, passkey: DBusUInt32,
                       entered: DBusUInt16):
        """Nothing to display on."""

    @dbus_method()
    def RequestConfirmation(self, device: DBusObjectPath,
                            passkey: DBusUInt32):
        """Accept: the user asked to pair with this meter."""

    @dbus_method()
    def RequestAuthorization(self, device: DBusObjectPath):
        """Accept: the user asked to pair with this meter."""

    @dbus_method()
    def AuthorizeService(self, device: DBusObjectPath, uuid: DBusStr):
        """Accept."""

    @dbus_method()
    def Cancel(self):
        """BlueZ gave up on the request."""


async def _manager_call(bus: MessageBus, member: str, signature: str, body: list[object]
                        ) -> None:
    reply = await bus.call(Message(destination="org.bluez", path="/org/bluez",
                                   interface="org.bluez.AgentManager1", member=member,
                                   signature=signature, body=body))
    if reply is None or reply.message_type == MessageType.ERROR:
        name = reply.error_name if reply is not None else "no reply"
        raise OSError(f"AgentManager1.{member}: {name}")


@contextlib.asynccontextmanager
async def pin_agent(pin: str, *, bus_address: str | None = None
                    ) -> AsyncIterator[PinAgent | None]:
    """A registered default agent answering with `pin`, or None where BlueZ cannot be reached.

    `bus_address` is for tests (a private bus); None means the system bus.
    """
    agent = PinAgent(pin)
    try:
        bus = await MessageBus(bus_address=bus_address, bus_type=BusType.SYSTEM).connect()
    except Exception as exc:  # no system bus: containers, other systems
        log.debug("no pairing agent: system bus unreachable (%s)", type(exc).__name__)
        yield None
        return
    registered = ready = False
    try:
        bus.export(AGENT_PATH, agent)
        try:
            await _manager_call(bus, "RegisterAgent", "os", [AGENT_PATH, AGENT_CAPABILITY])
            registered = True
            await _manager_call(bus, "RequestDefaultAgent", "o", [AGENT_PATH])
            ready = True
            log.debug("pairing agent registered at %s", AGENT_PATH)
        except Exception as exc:  # BlueZ absent or refusing: the OS agent asks instead
            log.debug("no pairing agent: %s", exc)
        yield agent if ready else None
    finally:
        if registered:
            with contextlib.suppress(Exception):
                await _manager_call(bus, "UnregisterAgent", "o", [AGENT_PATH])
        bus.disconnect()
        log.debug("pairing agent: asked %d time(s)", agent.requests)


__all__ = ["AGENT_PATH", "PinAgent", "pin_agent"]
