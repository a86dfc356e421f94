"""The read planner: fewest contiguous FC03 reads, never splitting a value or spanning a gap."""

from __future__ import annotations

import math
import struct
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from configurator.model.models import Model
from configurator.model.plan import MAX_REGISTERS_PER_READ, ReadBlock, plan_reads
from configurator.model.registers import MODBUS, REGISTERS, Register
from configurator.model.types import CodecError

FAST = settings(max_examples=300, deadline=None, database=None)
ALL = sorted(REGISTERS, key=lambda r: r.address)


def in_range(model: Model, low: int, high: int) -> list[Register]:
    return [r for r in REGISTERS.select(model=model, transport=MODBUS) if low <= r.address < high]


def check_blocks(blocks: Sequence[ReadBlock], chosen: Sequence[Register], max_count: int) -> None:
    """The structural promises of a plan."""
    chosen_set = set(chosen)
    planned = [reg for block in blocks for reg in block.registers]
    assert len(planned) == len(set(planned)), "a register is read twice"
    assert set(planned) == chosen_set
    wanted = {a for r in chosen_set for a in range(r.address, r.end)}
    covered: set[int] = set()
    for block in blocks:
        assert 1 <= block.count <= max_count
        span = set(range(block.address, block.address + block.count))
        assert covered.isdisjoint(span), "blocks overlap"
        covered |= span
        regs = block.registers
        assert list(regs) == sorted(regs, key=lambda r: r.address)
        assert regs[0].address == block.address, "block starts inside nothing"
        assert regs[-1].end == block.address + block.count, "value split at the block end"
        for before, after in zip(regs, regs[1:], strict=False):
            assert before.end == after.address, "block spans a gap"
        for reg in regs:
            assert block.address <= reg.address and reg.end <= block.address + block.count
    assert covered == wanted, "blocks read addresses nobody asked for (or miss some)"
    for address in covered:  # nothing outside declared registers
        assert REGISTERS.covering(address) is not None


def optimal_block_count(chosen: Sequence[Register], max_count: int) -> int:
    """Fewest blocks, by dynamic programming over the address-ordered registers."""
    regs = sorted(set(chosen), key=lambda r: r.address)
    n = len(regs)
    best = [0] + [math.inf] * n  # best[i]: fewest blocks for the first i registers
    for end in range(1, n + 1):
        for start in range(end - 1, -1, -1):
            if start < end - 1 and regs[start].end != regs[start + 1].address:
                break  # not contiguous any more
            if regs[end - 1].end - regs[start].address > max_count:
                break
            best[end] = min(best[end], best[start] + 1)
    return int(best[n])


# --- the manual's blocks, for every model -----------------------------------------------------


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
def test_measurements_are_one_read(model: Model) -> None:
    chosen = in_range(model, 0x5000, 0x5038)
    blocks = plan_reads(chosen)
    assert [(b.address, b.count) for b in blocks] == [(0x5000, 0x38)]
    check_blocks(blocks, chosen, MAX_REGISTERS_PER_READ)


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
def test_energies_are_two_reads(model: Model) -> None:
    chosen = in_range(model, 0x6000, 0x6091)
    blocks = plan_reads(chosen)
    assert len(blocks) == 2
    assert blocks[0].address == 0x6000
    assert blocks[-1].address + blocks[-1].count == 0x6091
    assert sum(b.count for b in blocks) == 0x91
    check_blocks(blocks, chosen, MAX_REGISTERS_PER_READ)


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
def test_energy_group_alone_is_two_reads_around_the_tariff(model: Model) -> None:
    chosen = REGISTERS.select(groups=["energy"], model=model, transport=MODBUS)
    blocks = plan_reads(chosen)
    assert [(b.address, b.count) for b in blocks] == [(0x6000, 0x48), (0x6049, 0x48)]
    check_blocks(blocks, chosen, MAX_REGISTERS_PER_READ)


@pytest.mark.parametrize("model", list(Model), ids=lambda m: m.info.code)
def test_whole_modbus_table_plan_is_valid_and_optimal(model: Model) -> None:
    chosen = REGISTERS.select(model=model, transport=MODBUS)
    blocks = plan_reads(chosen)
    check_blocks(blocks, chosen, MAX_REGISTERS_PER_READ)
    assert len(blocks) == optimal_block_count(chosen, MAX_REGISTERS_PER_READ)


def test_gap_at_0x4015_splits_the_settings_block() -> None:
    chosen = [REGISTERS["direction.l3"], REGISTERS["power_down_counter"]]  # 0x4014, 0x4016
    blocks = plan_reads(chosen)
    assert [(b.address, b.count) for b in blocks] == [(0x4014, 1), (0x4016, 1)]


def test_plan_is_empty_for_no_registers() -> None:
    assert plan_reads([]) == []


def test_duplicates_and_order_do_not_matter() -> None:
    chosen = in_range(Model.PU4, 0x5000, 0x5038)
    assert plan_reads(list(reversed(chosen)) + chosen) == plan_reads(chosen)


def test_a_value_larger_than_one_read_is_refused() -> None:
    with pytest.raises(ValueError, match="larger than one read"):
        plan_reads([REGISTERS["voltage"]], max_count=1)


# --- property: random subsets of the register table ------------------------------------------


@FAST
@given(
    chosen=st.lists(st.sampled_from(ALL), max_size=80),
    max_count=st.one_of(st.just(MAX_REGISTERS_PER_READ), st.integers(2, MAX_REGISTERS_PER_READ)),
)
def test_plan_covers_exactly_the_chosen_registers_with_fewest_blocks(
    chosen: list[Register], max_count: int
) -> None:
    blocks = plan_reads(chosen, max_count)
    check_blocks(blocks, chosen, max_count)
    assert len(blocks) == optimal_block_count(chosen, max_count)


@FAST
@given(
    start=st.integers(0, len(ALL) - 1),
    length=st.integers(1, 150),
    max_count=st.integers(2, MAX_REGISTERS_PER_READ),
)
def test_plan_of_contiguous_runs_is_optimal(start: int, length: int, max_count: int) -> None:
    chosen = ALL[start : start + length]  # long contiguous stretches stress the size limit
    blocks = plan_reads(chosen, max_count)
    check_blocks(blocks, chosen, max_count)
    assert len(blocks) == optimal_block_count(chosen, max_count)


# --- decoding a block ------------------------------------------------------------------------


def _float_words(value: float) -> list[int]:
    high, low = struct.unpack(">HH", struct.pack(">f", value))
    return [high, low]


def test_block_decode_splits_words_per_register() -> None:
    chosen = [REGISTERS["direction.l1"], REGISTERS["direction.l2"], REGISTERS["direction.l3"]]
    (block,) = plan_reads(chosen)
    values = block.decode([ord("F") << 8, ord("R") << 8, ord("F") << 8])
    assert values == {"direction.l1": "F", "direction.l2": "R", "direction.l3": "F"}


def test_block_decode_of_the_measurement_read() -> None:
    (block,) = plan_reads(in_range(Model.PU4, 0x5000, 0x5038))
    floats = [float(i) + 0.5 for i in range(len(block.registers))]
    words = [w for f in floats for w in _float_words(f)]
    values = block.decode(words)
    assert [values[r.key] for r in block.registers] == floats
    assert values["voltage"] == 0.5 and values["frequency"] == 4.5


def test_block_decode_keeps_a_bad_value_as_codec_error_without_hiding_others() -> None:
    (block,) = plan_reads([REGISTERS["modbus.baudrate"], REGISTERS["protocol_version"],
                           REGISTERS["software_version"], REGISTERS["hardware_version"],
                           REGISTERS["meter_amps"], REGISTERS["ct_primary"]])
    words = [6, *_float_words(1.0), *_float_words(1.34), *_float_words(2.0), 65, 0x00FA]
    values = block.decode(words)
    assert values["modbus.baudrate"] == 6
    assert values["meter_amps"] == 65
    assert isinstance(values["ct_primary"], CodecError)  # 0x00FA is not BCD


@pytest.mark.parametrize("delta", [-1, 1])
def test_block_decode_rejects_the_wrong_word_count(delta: int) -> None:
    (block,) = plan_reads(in_range(Model.PU4, 0x5000, 0x5038))
    with pytest.raises(CodecError):
        block.decode([0] * (block.count + delta))


# --- bridging gaps with registers the meter has ------------------------------------------


@FAST
@given(st.sampled_from(list(Model)), st.data())
def test_bridged_plans_are_sound_and_never_longer(model: Model, data: st.DataObject) -> None:
    available = REGISTERS.select(model=model, transport=MODBUS)
    chosen = data.draw(st.lists(st.sampled_from(available), min_size=1, max_size=40,
                                unique=True))
    bridged = plan_reads(chosen, available=available)
    assert len(bridged) <= len(plan_reads(chosen))
    planned = [reg for block in bridged for reg in block.registers]
    assert set(chosen) <= set(planned) <= set(available)
    for block in bridged:
        assert 1 <= block.count <= MAX_REGISTERS_PER_READ
        regs = block.registers
        assert regs[0].address == block.address and regs[-1].end == block.address + block.count
        for before, after in zip(regs, regs[1:], strict=False):
            assert before.end == after.address, "a bridged block spans an undeclared address"


def test_identity_of_a_ct_meter_is_two_reads_when_bridged() -> None:
    model = Model.PUCT2
    wanted = REGISTERS.select(groups=["identity", "status", "counter"], model=model,
                              transport=MODBUS) + [REGISTERS["ct.ratio"]]
    blocks = plan_reads(wanted, available=REGISTERS.select(model=model, transport=MODBUS))
    assert [(b.address, b.count) for b in blocks] == [(0x4000, 21), (0x4016, 15)]
