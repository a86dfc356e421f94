"""The real Modbus masters and serial transports against misbehaving devices on a real pty.

The far end here is a small scripted device in the test (the simulator is always well-behaved):
it echoes like some RS-485 adapters, garbles CRCs, answers exceptions, or is not a meter. It
answers from its own thread, so every read test runs on both drivers of the one transaction
logic: the asynchronous ModbusMaster and the blocking one of one-shot CLI reads (the blocking
master is seen through a thin async call, `AsyncCall`, so one test body checks both).
"""

from __future__ import annotations

import asyncio
import os
import select
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from configurator.errors import (
    FrameError,
    LinkLostError,
    MeterExceptionError,
    MeterTimeoutError,
    NotAMeterError,
)
from configurator.protocol import modbus_rtu as rtu
from configurator.protocol.modbus_blocking import BlockingModbusMaster
from configurator.protocol.modbus_master import ModbusMaster
from configurator.services.meter import ModbusMeter
from configurator.services.quick_read import QuickMeter
from configurator.transport.serial_blocking import BlockingSerial
from configurator.transport.serial_port import SerialSettings, SerialTransport, is_pseudo_terminal

Behaviour = Callable[[rtu.Request], bytes]


class ScriptedDevice:
    """The master side of a pty, answering each request with `behaviour(request)` from its own
    thread (so a blocking master may wait in the test's thread)."""

    def __init__(self, behaviour: Behaviour, echo: bool = False) -> None:
        self.behaviour = behaviour
        self.echo = echo
        self.master_fd, self.slave_fd = os.openpty()
        self.path = os.ttyname(self.slave_fd)
        self.buffer = b""
        self.requests: list[rtu.Request] = []
        self._wake_r, self._wake_w = os.pipe()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def _serve(self) -> None:
        while True:
            readable, _, _ = select.select([self.master_fd, self._wake_r], [], [])
            if self._wake_r in readable:
                return
            self.buffer += os.read(self.master_fd, 1024)
            requests, self.buffer = rtu.split_requests(self.buffer)
            for request in requests:
                assert request is not None
                self.requests.append(request)
                answer = self.behaviour(request)
                os.write(self.master_fd, (request.raw if self.echo else b"") + answer)

    def stop(self) -> None:
        if self._thread.is_alive():
            os.write(self._wake_w, b"x")
            self._thread.join()

    def vanish(self) -> None:
        """The other end disappears (an adapter unplugged)."""
        self.stop()
        os.close(self.master_fd)
        self.master_fd = os.open(os.devnull, os.O_RDONLY)  # keep close() harmless

    def close(self) -> None:
        self.stop()
        for fd in (self.master_fd, self.slave_fd, self._wake_r, self._wake_w):
            os.close(fd)


def meter_code_1111(request: rtu.Request) -> bytes:
    return rtu.build_read_response(request.device_id, [0x1111] * request.count)


class AsyncCall:
    """The blocking master's reads behind the asynchronous master's call (test-only glue)."""

    def __init__(self, master: BlockingModbusMaster) -> None:
        self.blocking = master

    def __getattr__(self, name: str) -> Any:
        return getattr(self.blocking, name)

    async def read_registers(self, *args: Any, **kwargs: Any) -> list[int]:
        return self.blocking.read_registers(*args, **kwargs)


DRIVERS = ["async", "blocking"]
Body = Callable[[Any, ScriptedDevice], Awaitable[Any]]


async def _with_device(behaviour: Behaviour, body: Body, echo: bool = False,
                       timeout: float = 0.3, driver: str = "async") -> Any:
    device = ScriptedDevice(behaviour, echo)
    device.start()
    try:
        if driver == "blocking":
            with BlockingSerial(SerialSettings(device.path, 9600, "even")) as line:
                return await body(AsyncCall(BlockingModbusMaster(line, timeout=timeout,
                                                                 retries=1)), device)
        transport = SerialTransport(SerialSettings(device.path, 9600, "even"))
        await transport.open()
        master = ModbusMaster(transport, timeout=timeout, retries=1)
        try:
            return await body(master, device)
        finally:
            await transport.close()
    finally:
        device.close()


@pytest.mark.parametrize("driver", DRIVERS)
def test_pty_is_opened_without_parity_but_reports_even(driver):
    async def body(master, device):
        assert is_pseudo_terminal(device.path)
        assert master.transport.settings.parity == "even"
        assert master.transport.is_pty
        assert await master.read_registers(1, 0x4002, 1) == [0x1111]
    asyncio.run(_with_device(meter_code_1111, body, driver=driver))


@pytest.mark.parametrize("driver", DRIVERS)
def test_echo_of_the_request_is_dropped(driver):
    async def body(master, device):
        words = await master.read_registers(1, 0x4002, 3)
        assert words == [0x1111] * 3
        assert master.counters.transactions == 1
        assert master.counters.crc_errors == 0
    asyncio.run(_with_device(meter_code_1111, body, echo=True, driver=driver))


@pytest.mark.parametrize("driver", DRIVERS)
def test_crc_error_is_retried_then_reported(driver):
    def bad_crc(request: rtu.Request) -> bytes:
        good = rtu.build_read_response(request.device_id, [1] * request.count)
        return good[:-1] + bytes([good[-1] ^ 0xFF])

    async def body(master, device):
        with pytest.raises(FrameError, match="Garbled"):
            await master.read_registers(1, 0x4002, 1)
        assert len(device.requests) == 2  # one retry
        assert master.counters.crc_errors == 2
        assert master.counters.retries == 1
    asyncio.run(_with_device(bad_crc, body, driver=driver))


@pytest.mark.parametrize("driver", DRIVERS)
def test_answer_from_the_wrong_address_is_garbled(driver):
    async def body(master, device):
        with pytest.raises(FrameError, match="address 7"):
            await master.read_registers(1, 0x4002, 1)
    asyncio.run(_with_device(lambda r: rtu.build_read_response(7, [0x1111]), body,
                             driver=driver))


def test_exception_answer_is_not_retried():
    async def body(master, device):
        with pytest.raises(MeterExceptionError, match="exception 3") as info:
            await master.write_registers(1, 6, 0x4003, [999], what="writing modbus.address")
        assert info.value.code == 3
        assert "modbus.address" in str(info.value)
        assert len(device.requests) == 1
    asyncio.run(_with_device(lambda r: rtu.build_exception(r.device_id, r.function_code, 3),
                             body))


@pytest.mark.parametrize("driver", DRIVERS)
def test_silence_counts_timeouts(driver):
    async def body(master, device):
        with pytest.raises(MeterTimeoutError, match="No answer from meter 1"):
            await master.read_registers(1, 0x4002, 1)
        assert master.counters.timeouts == 2
    asyncio.run(_with_device(lambda r: b"", body, timeout=0.05, driver=driver))


class LateMeters:
    """Two meters (1 and 2) on one line that answer every request LATENCY_S late, from the
    device's own thread; the answer to the very first request comes only when the next request
    arrives, just before that one's (a backlog of one answer, as a meter paused under load)."""

    LATENCY_S = 0.002

    def __init__(self) -> None:
        self.device: ScriptedDevice | None = None
        self.held: bytes | None = None
        self.answered = 0

    def __call__(self, request: rtu.Request) -> bytes:
        answer = rtu.build_read_response(request.device_id, [request.device_id] * request.count)
        self.answered += 1
        if self.answered == 1:
            self.held = answer
            return b""
        assert self.device is not None
        if self.held is not None:  # the backlog goes out first
            os.write(self.device.master_fd, self.held)
            self.held = None
        time.sleep(self.LATENCY_S)  # the meter's own latency (its thread), not a test's wait
        return answer


@pytest.mark.parametrize("driver", DRIVERS)
def test_after_another_meters_answer_the_line_falls_silent_before_the_next_request(driver):
    """Meters polled in turn with no retries, as the bus poller does: a request given up on
    leaves its answer on the way. The next request is given that answer (another meter's) and
    refuses it; then the master lets the line fall silent before it asks again, so it does not
    stay one answer behind for good, each request taking the answer to the one before it."""
    late = LateMeters()

    async def body(master, device):
        late.device = device
        with pytest.raises(MeterTimeoutError):
            await master.read_registers(1, 0x5000, 2, retries=0)
        outcomes = []
        for n in range(6):
            meter = 2 - n % 2  # 2, 1, 2, 1, ...
            try:
                outcomes.append(await master.read_registers(meter, 0x5000, 2, retries=0)
                                == [meter, meter])
            except FrameError:
                outcomes.append(False)
        return outcomes, master.counters.discarded_bytes

    outcomes, discarded = asyncio.run(_with_device(late, body, timeout=0.05, driver=driver))
    assert outcomes[0] is False  # meter 1's late answer, refused for meter 2's
    assert outcomes[-4:] == [True] * 4, outcomes
    assert discarded >= 9  # meter 2's own late answer, drained before the next request


@pytest.mark.parametrize("driver", DRIVERS)
def test_incomplete_answer_is_garbled_not_a_timeout(driver):
    async def body(master, device):
        with pytest.raises(FrameError, match="incomplete"):
            await master.read_registers(1, 0x4002, 1)
    asyncio.run(_with_device(lambda r: rtu.build_read_response(1, [1])[:4], body,
                             timeout=0.05, driver=driver))


def test_device_without_meter_code_is_not_a_meter():
    async def body(master, device):
        with pytest.raises(NotAMeterError, match="not a WAGO 879-30xx"):
            await ModbusMeter(master, 1).identify()
    asyncio.run(_with_device(lambda r: rtu.build_exception(r.device_id, r.function_code, 2),
                             body))


def test_unknown_meter_code_is_not_a_meter():
    async def body(master, device):
        with pytest.raises(NotAMeterError, match="0x1234"):
            await ModbusMeter(master, 1).identify()
    asyncio.run(_with_device(lambda r: rtu.build_read_response(1, [0x1234]), body))


def test_exception_answer_to_a_read_is_not_retried_by_the_blocking_master():
    async def body(master, device):
        with pytest.raises(MeterExceptionError, match="exception 2") as info:
            await master.read_registers(1, 0x4002, 1)
        assert info.value.code == 2
        assert len(device.requests) == 1
    asyncio.run(_with_device(lambda r: rtu.build_exception(r.device_id, r.function_code, 2),
                             body, driver="blocking"))


@pytest.mark.parametrize(("behaviour", "match"), [
    (lambda r: rtu.build_exception(r.device_id, r.function_code, 2), "not a WAGO 879-30xx"),
    (lambda r: rtu.build_read_response(1, [0x1234]), "0x1234"),
], ids=["no-meter-code", "unknown-code"])
def test_the_one_shot_reader_says_not_a_meter_as_the_session_does(behaviour, match):
    async def body(master, device):
        with pytest.raises(NotAMeterError, match=match):
            QuickMeter(master.blocking, 1).identify()
        with pytest.raises(NotAMeterError, match=match):
            QuickMeter(master.blocking, 1).read_measurements()
    asyncio.run(_with_device(behaviour, body, driver="blocking"))


@pytest.mark.parametrize("driver", DRIVERS)
def test_vanished_port_is_link_lost(driver):
    async def body(master, device):
        device.vanish()
        with pytest.raises(LinkLostError, match="stopped working"):
            await master.read_registers(1, 0x4002, 1)
    asyncio.run(_with_device(meter_code_1111, body, timeout=0.2, driver=driver))


def confirm_writes(request: rtu.Request) -> bytes:
    if request.function_code == rtu.READ_HOLDING:
        return meter_code_1111(request)
    return rtu.build_write_response(request)


@pytest.mark.parametrize("echo", [False, True], ids=["plain", "echoing-adapter"])
def test_writes_are_confirmed_with_and_without_an_echoing_adapter(echo):
    async def body(master, device):
        await master.read_registers(1, 0x4002, 1)  # the first answer tells whether it echoes
        assert master.echo is echo
        await master.write_registers(1, 6, 0x6048, [2])  # FC06: answer == request
        await master.write_registers(1, 16, 0x400D, [0x4120, 0])
        assert master.counters.timeouts == master.counters.crc_errors == 0
        assert master.counters.transactions == 3
    asyncio.run(_with_device(confirm_writes, body, echo=echo))
