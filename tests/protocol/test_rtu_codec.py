"""The project's own RTU client codec agrees with pymodbus, byte for byte (docs/DECISIONS.md P1).

The client side of protocol/modbus_rtu.py no longer uses pymodbus (start-up cost); pymodbus
still builds the simulator's answers. Here both implementations meet: our requests equal
pymodbus's for the same fields, and our parser decodes pymodbus's answers to the same values.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymodbus.framer import FramerRTU
from pymodbus.pdu import DecodePDU, ExceptionResponse
from pymodbus.pdu.register_message import (
    ReadHoldingRegistersRequest,
    ReadHoldingRegistersResponse,
    WriteMultipleRegistersRequest,
    WriteMultipleRegistersResponse,
    WriteSingleRegisterRequest,
)

from configurator.protocol import modbus_rtu as rtu
from tests.reference import reference_crc

FAST = settings(max_examples=200, deadline=None, database=None)
CLIENT = FramerRTU(DecodePDU(False))
SERVER = FramerRTU(DecodePDU(True))
DEVICE = st.integers(1, 247)
ADDRESS = st.integers(0, 0xFFFF)
WORD = st.integers(0, 0xFFFF)


def test_crc_table_is_the_polynomial_of_every_byte():
    for byte in range(256):
        assert rtu.crc16(bytes([byte])) == reference_crc(bytes([byte]))


@FAST
@given(st.binary(max_size=260))
def test_crc_equals_pymodbus(data):
    assert rtu.crc16(data) == FramerRTU.compute_CRC(data).to_bytes(2, "big")


@FAST
@given(DEVICE, ADDRESS, st.integers(1, 125))
def test_read_request_equals_pymodbus(device, address, count):
    theirs = CLIENT.buildFrame(ReadHoldingRegistersRequest(address=address, count=count,
                                                           dev_id=device))
    assert rtu.build_read(device, address, count) == theirs


@FAST
@given(DEVICE, ADDRESS, WORD)
def test_write_single_request_equals_pymodbus(device, address, value):
    theirs = CLIENT.buildFrame(WriteSingleRegisterRequest(address=address, registers=[value],
                                                          dev_id=device))
    assert rtu.build_write_single(device, address, value) == theirs


@FAST
@given(DEVICE, ADDRESS, st.lists(WORD, min_size=1, max_size=123))
def test_write_multiple_request_equals_pymodbus(device, address, values):
    theirs = CLIENT.buildFrame(WriteMultipleRegistersRequest(address=address, registers=values,
                                                             dev_id=device))
    assert rtu.build_write_multiple(device, address, values) == theirs


@FAST
@given(DEVICE, ADDRESS, st.lists(WORD, min_size=1, max_size=125))
def test_pymodbus_read_answer_decodes_to_its_registers(device, address, values):
    request = rtu.build_read(device, address, len(values))
    answer = SERVER.buildFrame(ReadHoldingRegistersResponse(registers=values, dev_id=device))
    reply = rtu.parse_reply(request, answer)
    assert (reply.device_id, reply.function_code, reply.registers) == \
        (device, rtu.READ_HOLDING, tuple(values))


@FAST
@given(DEVICE, ADDRESS, st.lists(WORD, min_size=1, max_size=123))
def test_pymodbus_write_answer_confirms_the_request(device, address, values):
    request = rtu.build_write_multiple(device, address, values)
    answer = SERVER.buildFrame(WriteMultipleRegistersResponse(address=address,
                                                              count=len(values), dev_id=device))
    reply = rtu.parse_reply(request, answer)
    assert (reply.function_code, reply.address, reply.is_exception) == \
        (rtu.WRITE_MULTIPLE, address, False)


@pytest.mark.parametrize("code", [1, 2, 3, 4, 6])
def test_pymodbus_exception_answer_decodes_to_its_code(code):
    request = rtu.build_read(7, 0x4000, 2)
    answer = SERVER.buildFrame(ExceptionResponse(rtu.READ_HOLDING, code, device_id=7))
    assert rtu.parse_reply(request, answer).exception_code == code


@pytest.mark.parametrize("args", [(1, 0, 0), (1, 0, 126), (1, -1, 1), (1, 0x10000, 1),
                                  (256, 0, 1)])
def test_read_request_out_of_range_is_refused(args):
    with pytest.raises(ValueError):
        rtu.build_read(*args)
