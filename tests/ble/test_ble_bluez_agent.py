"""The pairing agent that hands BlueZ the PIN, on a private D-Bus bus.

There is no BlueZ here, so a stand-in for BlueZ's org.bluez.AgentManager1 runs on a private
dbus-daemon and asks the agent for the passkey as BlueZ would. The agent, dbus-fast and the
bus daemon are real. No sleeps: the daemon's address line is awaited.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess

import pytest
from dbus_fast import Message, MessageType
from dbus_fast.aio import MessageBus
from dbus_fast.annotations import DBusObjectPath, DBusStr
from dbus_fast.service import ServiceInterface, dbus_method

from configurator.transport.bluez_agent import AGENT_PATH, pin_agent


@pytest.fixture
def bus_address():
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed")
    daemon = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    yield address
    daemon.terminate()
    daemon.wait(10)


class FakeAgentManager(ServiceInterface):
    """What BlueZ's AgentManager1 does with an agent, reduced to a log."""

    def __init__(self) -> None:
        super().__init__("org.bluez.AgentManager1")
        self.calls: list[tuple[str, str]] = []

    @dbus_method()
    def RegisterAgent(self, agent: DBusObjectPath, capability: DBusStr):
        self.calls.append(("RegisterAgent", f"{agent} {capability}"))

    @dbus_method()
    def RequestDefaultAgent(self, agent: DBusObjectPath):
        self.calls.append(("RequestDefaultAgent", agent))

    @dbus_method()
    def UnregisterAgent(self, agent: DBusObjectPath):
        self.calls.append(("UnregisterAgent", agent))


async def ask_agent(bluez: MessageBus, agent_owner: str, member: str) -> object:
    reply = await bluez.call(Message(destination=agent_owner, path=AGENT_PATH,
                                     interface="org.bluez.Agent1", member=member,
                                     signature="o", body=["/org/bluez/hci0/dev_C4_7F_01_22_39_D6"]))
    assert reply is not None and reply.message_type == MessageType.METHOD_RETURN, reply
    return reply.body[0]


def test_the_agent_answers_bluez_with_the_pin(bus_address):
    async def scenario():
        bluez = await MessageBus(bus_address=bus_address).connect()
        manager = FakeAgentManager()
        bluez.export("/org/bluez", manager)
        await bluez.request_name("org.bluez")
        owners: list[str] = []

        def note_sender(message: Message) -> None:
            if message.member == "RegisterAgent":
                owners.append(message.sender)

        bluez.add_message_handler(note_sender)
        async with pin_agent("0042", bus_address=bus_address) as agent:
            assert agent is not None
            passkey = await ask_agent(bluez, owners[0], "RequestPasskey")
            pin_code = await ask_agent(bluez, owners[0], "RequestPinCode")
            asked = agent.requests
        bluez.disconnect()
        return manager.calls, passkey, pin_code, asked

    calls, passkey, pin_code, asked = asyncio.run(scenario())
    assert passkey == 42 and pin_code == "0042" and asked == 2
    assert calls == [("RegisterAgent", f"{AGENT_PATH} KeyboardOnly"),
                     ("RequestDefaultAgent", AGENT_PATH),
                     ("UnregisterAgent", AGENT_PATH)]


def test_without_bluez_on_the_bus_pairing_goes_on_without_an_agent(bus_address):
    async def scenario():
        async with pin_agent("0000", bus_address=bus_address) as agent:
            return agent

    assert asyncio.run(scenario()) is None


def test_without_a_bus_pairing_goes_on_without_an_agent(tmp_path):
    async def scenario():
        async with pin_agent("0000", bus_address=f"unix:path={tmp_path}/none") as agent:
            return agent

    assert asyncio.run(scenario()) is None
