"""`configurator check`: each wiring fault injected into the simulator (its own process, a real
pty) is found by the real CLI (a subprocess), with the figures that show it. No timing."""

from __future__ import annotations

from typing import Any

import pytest

from configurator.errors import ExitCode
from tests.conftest import run_cli

WIRING = int(ExitCode.WIRING)


def findings(data: dict[str, Any]) -> dict[tuple[str, str | None], dict[str, Any]]:
    """(check, phase) -> finding."""
    return {(f["check"], f["phase"]): f for f in data["findings"]}


def check(sim: Any, *args: str) -> tuple[int, dict[str, Any]]:
    result = run_cli("check", "--port", sim.port, "--json", *args)
    assert result.code in (0, WIRING), result.err
    return result.code, result.json()


def figure(finding: dict[str, Any], key: str) -> Any:
    return finding["figures"][key]["value"]


def test_a_correct_installation_passes_every_check(simulator) -> None:
    sim = simulator("--model", "4PU")
    code, data = check(sim, "--samples", "3")
    assert code == 0 and data["verdict"] == "ok" and data["samples"] == 3
    found = findings(data)
    assert {f["verdict"] for f in found.values()} == {"ok"}
    for phase in ("l1", "l2", "l3"):
        current = found[("current", phase)]
        assert figure(current, "power.active") > 0 and figure(current, "direction") == "F"
        assert current["figures"]["angle"]["derived"] is True
        assert 207 <= figure(found[("voltage", phase)], "voltage") <= 253
    assert {t["key"] for t in found[("voltage", "l1")]["thresholds"]} >= {"voltage.nominal",
                                                                         "voltage.tolerance"}
    assert all(t["source"] for f in data["findings"] for t in f["thresholds"])
    assert [p["current_angle_derived"] for p in data["phasors"]] == [True, True, True]
    assert "derived" in " ".join(data["notes"])


def test_a_reversed_ct_is_found_and_named(simulator) -> None:
    sim = simulator("--model", "2PUCT", "--wiring", "reversed-l2")
    code, data = check(sim)
    assert code == WIRING and data["verdict"] == "fail"
    found = findings(data)
    l2 = found[("current", "l2")]
    assert (l2["verdict"], l2["diagnosis"]) == ("fail", "reversed")
    assert figure(l2, "power.active") < 0 and figure(l2, "direction") == "R"
    assert figure(l2, "quadrant") == 3  # inductive load seen backwards
    assert "CT" in l2["advice"]
    for phase in ("l1", "l3"):
        assert found[("current", phase)]["verdict"] == "ok"
    assert found[("wiring", None)]["diagnosis"] == "reversed"
    assert "L2" in data["explanation"]


def test_a_reversed_phase_that_is_a_real_export_passes_when_expected(simulator) -> None:
    sim = simulator("--model", "4PU", "--wiring", "reversed-l2")
    code, data = check(sim, "--expect", "import", "--expect", "l2=export")
    assert code == 0, [f["message"] for f in data["findings"] if f["verdict"] != "ok"]
    assert data["expected"] == {"l1": "import", "l2": "export", "l3": "import"}


def test_swapped_phases_on_a_ct_meter_are_told_from_a_reversal(simulator) -> None:
    sim = simulator("--model", "2PUCT", "--wiring", "swapped-l2-l3")
    code, data = check(sim, "--samples", "2")
    assert code == WIRING
    found = findings(data)
    for phase, other in (("l2", "L3"), ("l3", "L2")):
        current = found[("current", phase)]
        assert (current["verdict"], current["diagnosis"]) == ("fail", "wrong-phase")
        assert other in current["message"]
    assert found[("current", "l1")]["verdict"] == "ok"
    assert found[("wiring", None)]["diagnosis"] == "wrong-phase"
    assert "swapped" in data["explanation"]
    l2_angle = figure(found[("current", "l2")], "angle")
    l3_angle = figure(found[("current", "l3")], "angle")
    assert 90 < l2_angle < 180 and -150 < l3_angle < -60  # about +-120 degrees off
    assert found[("neutral", None)]["verdict"] == "ok"  # the voltages are fine


def test_a_missing_phase_fails_and_its_current_cannot_be_judged(simulator) -> None:
    sim = simulator("--model", "4PS", "--wiring", "missing-l3")
    code, data = check(sim)
    assert code == WIRING and data["verdict"] == "fail"
    found = findings(data)
    l3 = found[("voltage", "l3")]
    assert (l3["verdict"], l3["diagnosis"]) == ("fail", "missing")
    assert figure(l3, "voltage") < 50
    assert found[("current", "l3")]["diagnosis"] == "no-voltage"
    assert found[("current", "l3")]["verdict"] == "cannot-judge"
    assert found[("neutral", None)]["verdict"] == "ok"  # line voltages fit a missing phase
    assert found[("voltage", "l1")]["verdict"] == "ok"


def test_an_open_neutral_shows_in_the_line_voltages(simulator) -> None:
    sim = simulator("--model", "4PU", "--wiring", "open-neutral")
    code, data = check(sim)
    assert code == WIRING
    neutral = findings(data)[("neutral", None)]
    assert (neutral["verdict"], neutral["diagnosis"]) == ("fail", "neutral-fault")
    assert figure(neutral, "deviation") > 5


def test_pv_export_fails_as_import_and_passes_as_export_or_either(simulator) -> None:
    sim = simulator("--model", "4PU", "--wiring", "pv-export")
    code, data = check(sim)
    assert code == WIRING
    found = findings(data)
    assert [found[("current", p)]["diagnosis"] for p in ("l1", "l2", "l3")] == ["reversed"] * 3
    assert "export" in found[("wiring", None)]["advice"]
    for expect in ("export", "either"):
        code, data = check(sim, "--expect", expect)
        assert code == 0 and data["verdict"] == "ok", expect


def test_no_load_is_never_a_pass(simulator) -> None:
    sim = simulator("--model", "2PUCT", "--wiring", "no-load")
    code, data = check(sim)
    assert code == WIRING and data["verdict"] == "cannot-judge"
    found = findings(data)
    for phase in ("l1", "l2", "l3"):
        current = found[("current", phase)]
        assert (current["verdict"], current["diagnosis"]) == ("cannot-judge", "no-load")
        assert figure(current, "current") < figure(current, "threshold")
    # 5 % of the 2PU CT's base current of 1 A, at the factory CT ratio 5/5
    assert data["judge_current_a"] == pytest.approx(0.05)
    assert found[("wiring", None)]["verdict"] == "cannot-judge"


def test_over_mbus_what_the_telegram_lacks_cannot_be_judged(simulator) -> None:
    sim = simulator("--protocol", "mbus", "--wiring", "reversed-l1")
    code, data = check(sim, "--protocol", "mbus")
    assert code == WIRING and data["transport"] == "mbus"
    found = findings(data)
    l1 = found[("current", "l1")]
    assert (l1["verdict"], l1["diagnosis"]) == ("fail", "reversed")
    assert l1["figures"]["power_factor"]["derived"] is True  # no PF per phase over M-Bus
    assert "direction" not in l1["figures"]  # no direction register either
    for key in ("neutral", "voltage-unbalance"):
        assert (found[(key, None)]["verdict"], found[(key, None)]["diagnosis"]) == (
            "cannot-judge", "not-carried")
    assert found[("voltage", "l2")]["verdict"] == "ok"


def test_a_single_phase_installation_judges_l1_only(simulator) -> None:
    sim = simulator("--model", "4PU")
    code, data = check(sim, "--network", "1p2w")
    assert code == 0
    assert {f["phase"] for f in data["findings"]} == {"l1", None}
    assert ("neutral", None) not in findings(data)


def test_the_text_output_names_the_fault_and_what_to_do(simulator) -> None:
    sim = simulator("--model", "2PUCT", "--wiring", "reversed-l3")
    result = run_cli("check", "--port", sim.port)
    assert result.code == WIRING, result.err
    assert "REVERSED: L3 exports" in result.out
    assert "What to do: Turn the CT on L3 round" in result.out
    assert "not measured" in result.out and result.out.rstrip().endswith("Verdict: FAIL")


@pytest.mark.parametrize("args", [["--expect", "sideways"], ["--expect", "l4=import"],
                                  ["--samples", "0"], ["--samples", "101"]])
def test_bad_options_are_usage_errors_before_any_read(args) -> None:
    result = run_cli("check", "--port", "/nonexistent/port", *args)
    assert result.code == ExitCode.USAGE, result.err
    assert result.err.startswith("error: --")


def test_the_simulator_refuses_a_swap_a_direct_meter_cannot_have() -> None:
    result = run_cli("simulate", "--model", "4PU", "--wiring", "swapped-l2-l3")
    assert result.code == ExitCode.USAGE and "2PUCT" in result.err
    result = run_cli("simulate", "--wiring", "upside-down")
    assert result.code == ExitCode.USAGE and "unknown wiring" in result.err
