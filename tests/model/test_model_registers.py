"""Register table integrity against the manual's A3.2 map and A3.3 write list."""

from __future__ import annotations

import dataclasses

import pytest

from configurator.model.models import ALL_MODELS, CT_ONLY, Model
from configurator.model.registers import (
    BLE,
    GROUPS,
    MODBUS,
    REGISTERS,
    Register,
    RegisterTable,
    validate_register,
)
from configurator.model.settings import ACTIONS, SETTINGS
from configurator.model.types import (
    ASCII1,
    BCD16,
    BCD32,
    BITS32,
    CT_RATIO,
    FLOAT32,
    INT16,
    TYPES,
    DataType,
)

# --- A3.2, written out independently of the code --------------------------------------------

# 0x4000-0x4033: address -> (length, type). Where FACTS.md settles a contradiction the settled
# choice is used: 0x4010 and 0x4021 are one BCD-style word (examples 0025 = 25 s, 0030 = 30 ms),
# 0x401F is two BCD words (example 9995 0005 = 9995/5).
A32_IDENTITY_AND_SETTINGS: dict[int, tuple[int, DataType]] = {
    0x4000: (2, BCD32),  # serial number, HEX
    0x4002: (1, BCD16),  # meter code 1111/1112/1113, HEX
    0x4003: (1, INT16),  # Modbus ID
    0x4004: (1, INT16),  # baud rate code
    0x4005: (2, FLOAT32),  # protocol version
    0x4007: (2, FLOAT32),  # software version
    0x4009: (2, FLOAT32),  # hardware version
    0x400B: (1, INT16),  # meter amps
    0x400C: (1, BCD16),  # CT ratio (one word), HEX
    0x400D: (2, FLOAT32),  # S0 pulse rate
    0x400F: (1, INT16),  # combination code
    0x4010: (1, BCD16),  # LCD rolling time, HEX, BCD-style per example
    0x4011: (1, INT16),  # parity
    0x4012: (1, ASCII1),  # L1 current direction
    0x4013: (1, ASCII1),
    0x4014: (1, ASCII1),
    0x4016: (1, INT16),  # power-down counter
    0x4017: (1, INT16),  # current quadrant
    0x4018: (1, INT16),
    0x4019: (1, INT16),
    0x401A: (1, INT16),
    0x401B: (2, BCD32),  # checksum (decimal in manual 4.3, so BCD-style)
    0x401D: (2, BITS32),  # active status word
    0x401F: (2, CT_RATIO),  # CT ratio, two words
    0x4021: (1, BCD16),  # S0 pulse width, one word per example
    0x4022: (1, BCD16),  # S0 pulse type, HEX
    0x4023: (2, BITS32),  # checksum 2
    0x4026: (1, INT16),  # data type
    0x4032: (1, INT16),  # screen direction
    0x4033: (1, INT16),  # OBIS on/off
}
MEASUREMENT_FLOATS = range(0x5000, 0x5037, 2)  # every even address 0x5000..0x5036
ENERGY_EVEN_FLOATS = range(0x6000, 0x6047, 2)  # 0x6000..0x6046
TARIFF = 0x6048
ENERGY_ODD_FLOATS = range(0x6049, 0x6090, 2)  # 0x6049..0x608F
A33_WRITES = {  # address -> function code of the manual's command example
    0x4003: 6, 0x4004: 6, 0x400D: 16, 0x400F: 6, 0x4010: 6, 0x4011: 6, 0x4016: 6, 0x6048: 6,
    0x6049: 16, 0x401F: 16, 0x4021: 6, 0x4022: 6, 0x4026: 6, 0x4032: 6, 0x4033: 6,
}
VENDOR_BLE_ONLY = {0x4025, 0x4C02, 0x4C04, 0x4C07}

MEASUREMENT_UNITS = [  # (first, last address) -> unit, A3.2
    (0x5000, 0x5006, "V"), (0x5008, 0x5008, "Hz"), (0x500A, 0x5010, "A"),
    (0x5012, 0x5018, "kW"), (0x501A, 0x5020, "kvar"), (0x5022, 0x5028, "kVA"),
    (0x502A, 0x5030, ""), (0x5032, 0x5036, "V"),
]
ENERGY_UNITS = [
    (0x6000, 0x6022, "kWh"), (0x6024, 0x6046, "kvarh"), (0x6049, 0x6055, "kWh"),
    (0x6057, 0x6089, "kvarh"), (0x608B, 0x608F, "kWh"),
]


def at(address: int) -> Register:
    reg = REGISTERS.by_address.get(address)
    assert reg is not None, f"no register declared at 0x{address:04X}"
    return reg


# --- structure ----------------------------------------------------------------------------


def test_no_two_registers_overlap() -> None:
    ordered = sorted(REGISTERS, key=lambda r: r.address)
    for before, after in zip(ordered, ordered[1:], strict=False):
        assert before.end <= after.address, f"{before.key} overlaps {after.key}"


def test_no_two_registers_share_an_address_even_across_transports() -> None:
    occupied: dict[int, str] = {}
    for reg in REGISTERS:
        for address in range(reg.address, reg.end):
            assert address not in occupied, f"{reg.key} and {occupied[address]} at {address:#x}"
            occupied[address] = reg.key


def test_keys_are_unique_and_indexes_are_complete() -> None:
    keys = [r.key for r in REGISTERS]
    assert len(keys) == len(set(keys))
    assert set(REGISTERS.by_key) == set(keys)
    assert len(REGISTERS.by_address) == len(REGISTERS.registers)
    for reg in REGISTERS:
        assert REGISTERS[reg.key] is reg
        assert REGISTERS.by_address[reg.address] is reg


def test_every_register_is_valid() -> None:
    for reg in REGISTERS:
        validate_register(reg)
        assert reg.group in GROUPS
        assert reg.dtype in TYPES.values()
        assert reg.count == reg.dtype.count
        assert reg.end == reg.address + reg.count
        assert reg.writable == (reg.write_fc is not None)
        assert reg.provenance


def test_covering_finds_the_register_for_every_occupied_address() -> None:
    for reg in REGISTERS:
        for address in range(reg.address, reg.end):
            assert REGISTERS.covering(address) is reg
    assert REGISTERS.covering(0x4015) is None  # a gap in A3.2
    assert REGISTERS.covering(0x4027) is None  # reserved
    assert REGISTERS.covering(0x0000) is None


# --- A3.2 addresses, lengths and types ------------------------------------------------------


@pytest.mark.parametrize("address", sorted(A32_IDENTITY_AND_SETTINGS), ids=lambda a: f"{a:04X}")
def test_identity_and_settings_block_matches_a32(address: int) -> None:
    length, dtype = A32_IDENTITY_AND_SETTINGS[address]
    reg = at(address)
    assert reg.count == length
    assert reg.dtype is dtype
    assert MODBUS in reg.transports


def test_identity_and_settings_block_has_nothing_undeclared_on_modbus() -> None:
    modbus = {r.address for r in REGISTERS.select(transport=MODBUS) if r.address < 0x5000}
    assert modbus == set(A32_IDENTITY_AND_SETTINGS)


def test_measurement_block_is_every_even_float_0x5000_to_0x5036() -> None:
    declared = [r for r in REGISTERS if 0x5000 <= r.address < 0x5100]
    assert [r.address for r in sorted(declared, key=lambda r: r.address)] == list(
        MEASUREMENT_FLOATS)
    for address in MEASUREMENT_FLOATS:
        reg = at(address)
        assert reg.dtype is FLOAT32 and reg.count == 2
        assert reg.group == "measurement"
        assert not reg.writable
        assert reg.models == ALL_MODELS
    for address in range(0x5000, 0x5038):
        assert REGISTERS.covering(address) is not None


@pytest.mark.parametrize(("first", "last", "unit"), MEASUREMENT_UNITS + ENERGY_UNITS)
def test_units_follow_a32(first: int, last: int, unit: str) -> None:
    for address in range(first, last + 1, 2):
        assert at(address).unit == unit, f"0x{address:04X}"


def test_energy_block_matches_a32() -> None:
    declared = sorted((r for r in REGISTERS if 0x6000 <= r.address < 0x6100),
                      key=lambda r: r.address)
    expected = [*ENERGY_EVEN_FLOATS, TARIFF, *ENERGY_ODD_FLOATS]
    assert [r.address for r in declared] == expected
    for address in [*ENERGY_EVEN_FLOATS, *ENERGY_ODD_FLOATS]:
        reg = at(address)
        assert reg.dtype is FLOAT32 and reg.count == 2
        assert reg.models == ALL_MODELS
    tariff = at(TARIFF)
    assert tariff.key == "tariff"
    assert tariff.dtype is INT16 and tariff.count == 1
    assert at(0x6049).key == "energy.day"
    for address in range(0x6000, 0x6091):  # contiguous, no hole
        assert REGISTERS.covering(address) is not None
    assert REGISTERS.covering(0x6091) is None


def test_energy_keys_are_where_a32_puts_them() -> None:
    samples = {
        0x6000: "energy.active.total", 0x6002: "energy.active.t1", 0x600A: "energy.active.l3",
        0x600C: "energy.active.import.total", 0x6018: "energy.active.export.total",
        0x6024: "energy.reactive.total", 0x6030: "energy.reactive.import.total",
        0x603C: "energy.reactive.export.total", 0x6046: "energy.reactive.export.l3",
        0x604B: "energy.active.t3", 0x6061: "energy.reactive.export.t4",
        0x6063: "energy.reactive.q1.total", 0x606D: "energy.reactive.q2.total",
        0x6077: "energy.reactive.q3.total", 0x6081: "energy.reactive.q4.total",
        0x6089: "energy.reactive.q4.t4", 0x608B: "energy.day.l1", 0x608F: "energy.day.l3",
        0x5000: "voltage", 0x5008: "frequency", 0x5012: "power.active",
        0x5036: "voltage.l2_l3",
    }
    for address, key in samples.items():
        assert at(address).key == key


def test_ct_history_stays_inside_the_manuals_range_and_ct_models() -> None:
    history = [r for r in REGISTERS if r.group == "ct_history"]
    assert history
    for reg in history:
        assert reg.address >= 0x6100 and reg.address <= 0x619E  # A3.2 lists start addresses
        assert reg.models == CT_ONLY
        assert not reg.writable
    # The whole documented range, no gap: 6100-619E ends with a float at 0x619E (8 x 20).
    assert min(r.address for r in history) == 0x6100 and max(r.address for r in history) == 0x619E
    assert sum(r.count for r in history) == 0x61A0 - 0x6100 == 8 * 20


# --- writes ---------------------------------------------------------------------------------


def test_writable_modbus_registers_are_exactly_the_a33_list() -> None:
    writable = {r.address: r.write_fc for r in REGISTERS.select(transport=MODBUS) if r.writable}
    assert writable == A33_WRITES


@pytest.mark.parametrize("key", [k for k, s in SETTINGS.items() if s.register_key])
def test_every_setting_register_exists_and_is_writable(key: str) -> None:
    item = SETTINGS[key]
    assert item.register_key in REGISTERS.by_key
    reg = item.register
    assert reg is REGISTERS[item.register_key]
    assert reg.writable
    if reg.address in A33_WRITES:
        assert reg.write_fc == A33_WRITES[reg.address]
    else:  # only the vendor's BLE map is allowed beyond A3.3
        assert reg.address in VENDOR_BLE_ONLY
        assert MODBUS not in reg.transports
    if reg.write_fc == 6:
        assert reg.count == 1


@pytest.mark.parametrize("name", sorted(ACTIONS))
def test_every_action_register_is_writable_with_the_a33_fc(name: str) -> None:
    reg = ACTIONS[name].register
    assert reg.write_fc == A33_WRITES[reg.address]


# --- models and transports ------------------------------------------------------------------


def test_ct_registers_exist_only_on_the_2pu_ct() -> None:
    ct_ratio = REGISTERS["ct.ratio"]
    assert ct_ratio.models == frozenset({Model.PUCT2})
    assert SETTINGS["ct.ratio"].models == frozenset({Model.PUCT2})
    for model in (Model.PU4, Model.PS4):
        keys = {r.key for r in REGISTERS.select(model=model)}
        assert "ct.ratio" not in keys
        assert not any(k.startswith("ct.history") for k in keys)
    assert "ct.ratio" in {r.key for r in REGISTERS.select(model=Model.PUCT2)}


def test_only_ct_registers_are_model_specific() -> None:
    for reg in REGISTERS:
        if reg.key == "ct.ratio" or reg.group == "ct_history":
            assert reg.models == CT_ONLY
        else:
            assert reg.models == ALL_MODELS, reg.key


def test_vendor_ble_registers_are_not_reachable_over_modbus() -> None:
    modbus = {r.address for r in REGISTERS.select(transport=MODBUS)}
    ble = {r.address for r in REGISTERS.select(transport=BLE)}
    assert VENDOR_BLE_ONLY.isdisjoint(modbus)
    assert VENDOR_BLE_ONLY.issubset(ble)
    for address in VENDOR_BLE_ONLY:
        reg = at(address)
        assert reg.transports == frozenset({BLE})
        assert "vendor" in reg.provenance


def test_everything_else_is_reachable_over_modbus_and_ble() -> None:
    for reg in REGISTERS:
        if reg.address not in VENDOR_BLE_ONLY:
            assert reg.transports == frozenset({MODBUS, BLE}), reg.key


def test_select_filters_by_group_model_and_transport() -> None:
    measurement = REGISTERS.select(groups=["measurement"])
    assert {r.group for r in measurement} == {"measurement"}
    assert len(measurement) == len(MEASUREMENT_FLOATS)
    assert REGISTERS.select() == list(REGISTERS.registers)
    assert REGISTERS.select(groups=[]) == []
    for model in Model:
        for reg in REGISTERS.select(model=model, transport=MODBUS):
            assert model in reg.models and MODBUS in reg.transports


# --- the table rejects malformed entries --------------------------------------------------


def _reg(key: str, address: int, dtype: DataType = INT16, **extra: object) -> Register:
    return Register(key, address, dtype, key, "status", **extra)  # type: ignore[arg-type]


def test_table_rejects_overlapping_registers() -> None:
    with pytest.raises(ValueError, match="overlap"):
        RegisterTable((_reg("a", 0x100, FLOAT32), _reg("b", 0x101)))


def test_table_rejects_duplicate_keys() -> None:
    with pytest.raises(ValueError, match="twice"):
        RegisterTable((_reg("a", 0x100), _reg("a", 0x200)))


def test_table_accepts_adjacent_registers() -> None:
    table = RegisterTable((_reg("a", 0x100, FLOAT32), _reg("b", 0x102)))
    assert table.covering(0x101).key == "a"


@pytest.mark.parametrize(
    "bad",
    [
        dataclasses.replace(_reg("g", 0x100), group="nonsense"),
        _reg("addr", 0x10000),
        _reg("end", 0xFFFF, FLOAT32),
        _reg("fc", 0x100, write_fc=5),
        _reg("fc6", 0x100, FLOAT32, write_fc=6),
        _reg("nomodel", 0x100, models=frozenset()),
        _reg("notransport", 0x100, transports=frozenset()),
    ],
    ids=lambda r: r.key,
)
def test_validate_register_rejects_malformed_entries(bad: Register) -> None:
    with pytest.raises(ValueError):
        validate_register(bad)
    with pytest.raises(ValueError):
        RegisterTable((bad,))
