"""A3.3's command examples are test vectors: the bytes on the wire must match them exactly.

Path under test: parse_assignment("key=value") -> write_for_setting / write_for_action -> WriteOp
-> build_write_single / build_write_multiple. The CRC is checked against an independent,
straightforward CRC-16/MODBUS written here (poly 0xA001 reflected, init 0xFFFF, low byte first).
"""

from __future__ import annotations

import pytest

from configurator.model.registers import REGISTERS
from configurator.model.settings import ACTIONS, SETTINGS, Action, parse_assignment
from configurator.model.writes import WriteOp, write_for_action, write_for_setting
from configurator.protocol.modbus_rtu import build_write_multiple, build_write_single
from tests.reference import reference_crc


def test_reference_crc_matches_the_published_check_value() -> None:
    # CRC-16/MODBUS check value for "123456789" is 0x4B37 (sent as 37 4B).
    assert reference_crc(b"123456789") == bytes([0x37, 0x4B])
    # A classic frame from the Modbus over serial line spec: 01 03 00 00 00 01 -> 84 0A.
    assert reference_crc(bytes.fromhex("010300000001")) == bytes.fromhex("840A")


def frame_for(op: WriteOp, device_id: int = 1) -> bytes:
    if op.function_code == 6:
        assert len(op.words) == 1
        return build_write_single(device_id, op.address, op.words[0])
    assert op.function_code == 16
    return build_write_multiple(device_id, op.address, op.words)


def assert_frame(frame: bytes, expected_hex: str) -> None:
    body = bytes.fromhex(expected_hex)
    assert frame[:-2].hex(" ") == body.hex(" ")
    assert frame[-2:] == reference_crc(body), "CRC differs from CRC-16/MODBUS"
    assert len(frame) == len(body) + 2


# (assignment, the A3.3 example without its CRC)
SETTING_VECTORS = [
    ("modbus.address=10", "01 06 40 03 00 0A"),
    ("modbus.baudrate=9600", "01 06 40 04 00 06"),
    ("s0.rate=10", "01 10 40 0D 00 02 04 41 20 00 00"),
    ("combination_code=4", "01 06 40 0F 00 04"),
    ("lcd.rolling_time=25", "01 06 40 10 00 25"),
    ("modbus.parity=none", "01 06 40 11 00 02"),
    ("tariff=2", "01 06 60 48 00 02"),
    ("ct.ratio=9995/5", "01 10 40 1F 00 02 04 99 95 00 05"),
    ("s0.width_ms=30", "01 06 40 21 00 30"),
    ("s0.type=import-export", "01 06 40 22 00 02"),
    ("data_type=integer", "01 06 40 26 00 02"),
    ("display.rotated=on", "01 06 40 32 00 01"),
    ("display.obis=on", "01 06 40 33 00 01"),
]

ACTION_VECTORS = [
    ("day-counter", "01 10 60 49 00 02 04 00 00 00 00"),
    ("power-down-counter", "01 06 40 16 00 00"),
]


@pytest.mark.parametrize(("assignment", "expected"), SETTING_VECTORS,
                         ids=[a for a, _ in SETTING_VECTORS])
def test_set_command_matches_a33_example(assignment: str, expected: str) -> None:
    item, value = parse_assignment(assignment)
    op = write_for_setting(item, value)
    assert_frame(frame_for(op), expected)


@pytest.mark.parametrize(("name", "expected"), ACTION_VECTORS, ids=[n for n, _ in ACTION_VECTORS])
def test_reset_command_matches_a33_example(name: str, expected: str) -> None:
    op = write_for_action(ACTIONS[name])
    assert_frame(frame_for(op), expected)


@pytest.mark.parametrize(("assignment", "expected"), SETTING_VECTORS,
                         ids=[a for a, _ in SETTING_VECTORS])
def test_write_op_fields_follow_the_example(assignment: str, expected: str) -> None:
    body = bytes.fromhex(expected)
    item, value = parse_assignment(assignment)
    op = write_for_setting(item, value)
    assert op.function_code == body[1]
    assert op.address == int.from_bytes(body[2:4], "big")
    if op.function_code == 6:
        assert op.words == (int.from_bytes(body[4:6], "big"),)
    else:
        count = int.from_bytes(body[4:6], "big")
        assert body[6] == 2 * count
        words = tuple(int.from_bytes(body[7 + 2 * i : 9 + 2 * i], "big") for i in range(count))
        assert op.words == words
    assert op.register is item.register


def test_every_a33_register_has_a_vector() -> None:
    """The vectors above cover every register A3.3 documents a write for."""
    a33 = {0x4003, 0x4004, 0x400D, 0x400F, 0x4010, 0x4011, 0x4016, 0x6048, 0x6049, 0x401F,
           0x4021, 0x4022, 0x4026, 0x4032, 0x4033}
    seen = {int.from_bytes(bytes.fromhex(e)[2:4], "big")
            for _, e in SETTING_VECTORS + ACTION_VECTORS}
    assert seen == a33


def test_other_device_ids_only_change_the_address_byte_and_crc() -> None:
    item, value = parse_assignment("tariff=2")
    op = write_for_setting(item, value)
    for device_id in (0, 2, 10, 247):
        frame = frame_for(op, device_id)
        body = bytes([device_id]) + bytes.fromhex("06 60 48 00 02")
        assert frame == body + reference_crc(body)


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_actions_write_the_register_they_name(name: str) -> None:
    action = ACTIONS[name]
    op = write_for_action(action)
    assert op.register is REGISTERS[action.register_key]
    assert op.function_code == op.register.write_fc
    assert len(op.words) == op.register.count
    assert all(word == 0 for word in op.words)  # both A3.3 actions reset to 0


def test_action_on_a_read_only_register_is_refused() -> None:
    with pytest.raises(ValueError, match="read-only"):
        write_for_action(Action("bogus", "Bogus", "serial", 0))


@pytest.mark.parametrize("key", [k for k, s in SETTINGS.items() if s.register is None])
def test_settings_without_a_register_have_no_modbus_write(key: str) -> None:
    item = SETTINGS[key]
    sample = {"mbus.address": "5", "mbus.baudrate": "2400", "mbus.secondary_address": "12345678"}
    value = item.domain.parse(key, sample[key])
    with pytest.raises(ValueError, match="no writable Modbus register"):
        write_for_setting(item, value)
