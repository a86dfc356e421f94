"""Fleet backup over M-Bus: new meters all sit at primary address 0, so the bus is searched
by secondary address and each meter is backed up through its own secondary selection."""

from __future__ import annotations

from configurator.services.backup import load_backup
from tests.conftest import run_cli


def test_fleet_backup_over_mbus_finds_meters_sharing_address_0(simulator, tmp_path):
    sim = simulator("--protocol", "mbus", "--count", "3", "--serial", "41000001")
    folder = tmp_path / "fleet"
    folder.mkdir()
    # A pty answers at once: a short --timeout keeps the silent probes of the search cheap.
    result = run_cli("backup", "--all", "--protocol", "mbus", "-o", str(folder),
                     "--timeout", "0.1", "--port", sim.port, "--json")
    assert result.code == 0, result.err
    assert sorted(p.name for p in folder.iterdir()) == [
        "41000001.json", "41000002.json", "41000003.json"]
    for serial in (41000001, 41000002, 41000003):
        doc = load_backup(folder / f"{serial}.json")
        assert doc.settings["mbus.secondary_address"] == str(serial)
        assert doc.settings["mbus.address"] == 0
