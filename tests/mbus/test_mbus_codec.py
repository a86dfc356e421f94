"""The M-Bus codec: the manual's A2.2 example decoded exactly, DIF/VIF details, BCD."""

from __future__ import annotations

import pytest

from configurator.model.models import Model
from configurator.model.registers import REGISTERS
from configurator.model.types import CtRatio
from configurator.protocol.mbus.frames import Frame, MbusFrameError, parse_frame
from configurator.protocol.mbus.meter_map import (
    RECORDS,
    encode_records,
    model_from,
    values_from,
)
from configurator.protocol.mbus.records import (
    bcd_decode,
    bcd_encode,
    manufacturer_decode,
    manufacturer_encode,
    parse_records,
    parse_rsp_ud,
    parse_vib,
)
from tests.mbus.example import DATA, ROWS, example_frame

EXPECTED = {
    **{f"energy.active.import.{s}": 123456.789 for s in ("total", "t1", "t2", "t3", "t4")},
    **{f"energy.active.export.{s}": 123456.789 for s in ("total", "t1", "t2", "t3", "t4")},
    "energy.day": 123456.789,
    "energy.reactive.import.total": 123456.789,
    "energy.reactive.export.total": 123456.789,
    "voltage.l1": 230.12, "voltage.l2": 230.12, "voltage.l3": 230.12,
    "current.l1": 100.123, "current.l2": 100.123, "current.l3": 100.123,
    "power.active": 1234.567, "power.active.l1": 1234.567, "power.active.l2": 1234.567,
    "power.active.l3": -1234.567,
    "power.reactive": 1234.567, "power.reactive.l1": 1234.567, "power.reactive.l2": 1234.567,
    "power.reactive.l3": 1234.567,
    "power.apparent": 1234.567,
    "power_factor": 1.0,
    "frequency": 50.999,
    "tariff": 1,
    "ct.ratio": CtRatio(9995, 5),
}


def test_the_manuals_example_decodes_exactly():
    telegram = parse_rsp_ud(parse_frame(example_frame(address=3)))
    header = telegram.header
    assert header is not None
    assert telegram.address == 3
    assert header.ident == 19020246 and header.secondary_address == "19020246"
    assert header.manufacturer == "INM"
    assert (header.version, header.medium, header.access, header.status, header.signature) == \
        (1, 2, 4, 0, 0)
    values, unknown = values_from(telegram)
    assert unknown == []
    assert values == EXPECTED  # exact: 123456789 Wh is 123456.789 kWh, not 123456.78900001


def test_values_carry_the_register_tables_keys_and_units():
    values, _ = values_from(parse_rsp_ud(parse_frame(example_frame())))
    units = {key: REGISTERS[key].unit for key in values}
    assert units["energy.active.import.total"] == "kWh"
    assert units["energy.reactive.import.total"] == "kvarh"
    assert units["voltage.l1"] == "V" and units["current.l1"] == "A"
    assert units["power.active.l3"] == "kW" and units["power.reactive"] == "kvar"
    assert units["power.apparent"] == "kVA" and units["frequency"] == "Hz"
    assert {spec.key for spec in RECORDS} == set(EXPECTED)


def test_raw_records_show_tariffs_phases_directions_and_scaling():
    records = parse_records(DATA[12:]).records
    assert len(records) == len(ROWS)
    by_row = dict(zip((row for row, _ in ROWS), records, strict=True))
    assert by_row["Active energy import T4"].info.tariff == 4  # 84 80 10: second DIFE
    assert by_row["Active energy import T3"].info.tariff == 3
    assert by_row["Total active energy export"].value_info.direction == "export"
    assert by_row["L3 active power"].raw == -1234567
    assert by_row["L2 voltage"].value_info.phase == "l2"
    reactive = by_row["Reactive energy export"].value_info
    assert (reactive.quantity, reactive.unit, reactive.exponent, reactive.direction) == \
        ("reactive energy", "kvarh", -3, "export")
    assert by_row["Reactive energy import"].value == 123456.789
    assert by_row["Total kWh (resettable)"].value_info.extra == ("fc:0x10",)
    assert by_row["Tariff"].value_info.text == "T"
    assert by_row["Frequency"].value == 50.999
    assert by_row["L1 current"].value == 100.123


@pytest.mark.parametrize(("vib", "quantity", "unit", "exponent", "phase"), [
    ("03", "energy", "Wh", 0, None),
    ("2B", "power", "W", 0, None),
    ("FD C7 FC 01", "voltage", "V", -2, "l1"),
    ("FD D9 FC 03", "current", "A", -3, "l3"),
    ("FB 94 FC 02", "reactive power", "kvar", -3, "l2"),
    ("FB 34", "apparent power", "kVA", -3, None),
    ("FB 2C", "frequency", "Hz", -3, None),
    ("FB 82 75", "reactive energy", "kvarh", -1, None),  # correction 10^(5-6)
    ("83 7D", "energy", "Wh", 3, None),  # VIFE 7D: x 10^3
    ("FD 3A", "dimensionless", "", 0, None),
    ("FD 60", "reset counter", "", 0, None),
    ("7A", "bus address", "", 0, None),
    ("79", "identification", "", 0, None),
])
def test_vif_tables(vib, quantity, unit, exponent, phase):
    info, end = parse_vib(bytes.fromhex(vib), 0)
    assert end == len(bytes.fromhex(vib))
    assert (info.quantity, info.unit, info.exponent, info.phase) == (quantity, unit, exponent,
                                                                     phase)


def test_plain_text_vif_is_sent_reversed_and_may_carry_vifes():
    info, end = parse_vib(bytes.fromhex("FC 03") + b"cba" + bytes.fromhex("3C"), 0)
    assert (info.text, info.direction, end) == ("abc", "export", 6)


def test_storage_and_subunit_from_dif_and_dife():
    record = parse_records(bytes.fromhex("C4 41 03 01 00 00 00")).records[0]
    assert (record.info.storage, record.info.subunit, record.info.tariff) == (3, 1, 0)


def test_bcd_lsb_first_and_negative():
    assert bcd_decode(bytes.fromhex("15 01 23 45")) == 45230115
    assert bcd_encode(45230115, 4) == bytes.fromhex("15 01 23 45")
    assert bcd_decode(bytes.fromhex("95 F0")) == -95
    assert bcd_encode(-95, 2) == bytes.fromhex("95 F0")
    with pytest.raises(MbusFrameError, match="BCD"):
        bcd_decode(bytes.fromhex("1A"))
    with pytest.raises(MbusFrameError):
        bcd_encode(100, 1)


def test_manufacturer_code():
    assert manufacturer_decode(bytes.fromhex("CD 25")) == "INM"
    assert manufacturer_encode("INM") == bytes.fromhex("CD 25")


def test_the_manuals_literal_ct_row_is_rejected_clearly():
    # A2.2 prints `0A FD 3A 05 95 99`: DIF 0A announces 2 bytes, so 99 is read as the next DIF
    # (an extension bit with no DIFE after it). The codec says so; it does not guess.
    with pytest.raises(MbusFrameError, match="DIFE"):
        parse_records(bytes.fromhex("0A FD 3A 05 95 99"))


def test_rsp_ud_needs_the_rsp_ud_control_field():
    with pytest.raises(MbusFrameError, match="RSP_UD"):
        parse_rsp_ud(Frame("long", 0x53, 1, 0x72, DATA))


def test_simulator_records_round_trip_through_the_decoder():
    values = dict(EXPECTED)
    for model in Model:
        encoded = encode_records(model, values.__getitem__)
        decoded = {}
        for record in parse_records(encoded).records:
            from configurator.protocol.mbus.meter_map import spec_for

            spec = spec_for(record)
            assert spec is not None
            decoded[spec.key] = spec.decode(record)
        wanted = {k: v for k, v in EXPECTED.items() if k != "ct.ratio" or model.info.has_ct}
        assert decoded == wanted
        assert model_from(decoded)[0] is (Model.PUCT2 if model.info.has_ct else Model.PU4)


def _literal_ct_telegram():
    """The A2.2 example with its CT rate row exactly as the manual prints it."""
    from configurator.protocol.mbus.frames import long_frame, parse_frame

    from .example import HEADER, ROWS

    rows = [data for _row, data in ROWS[:-1]] + ["0A FD 3A 05 95 99"]
    frame = long_frame(0x08, 0, 0x72, bytes.fromhex(HEADER + " " + " ".join(rows)))
    return frame, parse_rsp_ud(parse_frame(frame))


def test_the_manuals_literal_ct_row_loses_only_itself():
    from configurator.protocol.mbus.meter_map import decode
    from configurator.protocol.mbus.records import Problem

    frame, telegram = _literal_ct_telegram()
    decoded = decode(telegram)
    assert len(decoded.values) == 31 and "ct.ratio" not in decoded.values
    assert decoded.values["power_factor"] == 1.0  # the repeated FD 3A is not taken for it
    [problem] = decoded.undecodable
    assert problem.data == bytes.fromhex("0A FD 3A 05 95 99")
    assert problem.problem is Problem.OVERRUN
    assert frame[problem.offset:problem.offset + 6] == problem.data  # offset in the frame
    [note] = decoded.notes()
    assert "0A FD 3A 05 95 99" in note and f"byte {problem.offset}" in note
    assert model_from(decoded.values, decoded.ct_record_seen)[0] is Model.PUCT2


def test_a_record_with_bad_data_is_skipped_by_its_length():
    from configurator.protocol.mbus.records import Problem, decode_records

    # Frequency with a non-BCD power factor before it: the power factor alone is lost.
    records = decode_records(bytes.fromhex("0A FD 3A 0A 0B 03 FB 2C 37 C7 00"))
    assert [r.vib for r in records.records] == [bytes.fromhex("FB 2C")]
    [problem] = records.undecodable
    assert problem.problem is Problem.BAD_DATA and problem.offset == 0
    assert problem.data == bytes.fromhex("0A FD 3A 0A 0B")
