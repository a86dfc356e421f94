"""One owner per bus: no UI module speaks a protocol, touches a transport or opens a port.

An AST walk over configurator/ui/ (no Qt needed): every import is resolved to its absolute
module, and every name imported or called is checked against the port openers of services/.
The connection manager (services/link.py) is the only way a window reaches a line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import configurator

UI = Path(configurator.__file__).parent / "ui"
FORBIDDEN_MODULES = ("configurator.protocol", "configurator.transport", "serial", "pymodbus",
                     "bleak", "configurator.services.mbus_session",
                     "configurator.services.ble_session")
# What opens a port or builds a master/session by itself, wherever it is imported from.
PORT_OPENERS = {"open_master", "open_mbus_master", "open_serial", "open_bus", "open_session",
                "open_meter", "open_mbus", "open_ble", "SerialTransport", "BleTransport",
                "ModbusMaster", "MbusMaster", "ModbusMeter", "MbusMeter", "scan",
                "scan_secondary", "scan_primary", "autodetect"}


def _absolute(path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    package = ["configurator", *path.relative_to(UI.parent).parent.parts]
    base = package[:len(package) - node.level + 1]
    return ".".join([*base, node.module] if node.module else base)


def _violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        modules: list[tuple[str, list[str]]] = []
        if isinstance(node, ast.Import):
            modules = [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            modules = [(_absolute(path, node), [alias.name for alias in node.names])]
        for module, names in modules:
            if any(module == bad or module.startswith(bad + ".") for bad in FORBIDDEN_MODULES):
                found.append(f"{path.name}:{node.lineno} imports {module}")
            for name in names:
                full = f"{module}.{name}"
                if any(full == bad or full.startswith(bad + ".") for bad in FORBIDDEN_MODULES):
                    found.append(f"{path.name}:{node.lineno} imports {full}")
                if name in PORT_OPENERS:
                    found.append(f"{path.name}:{node.lineno} imports {name} from {module}")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            owner = func.value if isinstance(func, ast.Attribute) else None
            owned = isinstance(owner, ast.Attribute) and owner.attr in ("controller", "manager")
            owned |= isinstance(owner, ast.Name) and owner.id in ("controller", "manager", "bus")
            if name in PORT_OPENERS and not owned:
                found.append(f"{path.name}:{node.lineno} calls {name}()")
    return found


def test_the_walk_sees_what_it_looks_for(tmp_path: Path) -> None:
    """The checker itself: a module that opens its own master is caught."""
    bad = UI / "pages" / "_probe_for_the_test.py"
    bad.write_text("from ...services.mbus_session import open_mbus_master\n"
                   "from ...protocol.modbus_master import ModbusMaster\n"
                   "async def f(o):\n    async with open_master(o) as m:\n        pass\n",
                   encoding="utf-8")
    try:
        found = _violations(bad)
    finally:
        bad.unlink()
    assert any("mbus_session" in v for v in found)
    assert any("configurator.protocol.modbus_master" in v for v in found)
    assert any("calls open_master()" in v for v in found)


def test_no_ui_module_speaks_a_protocol_or_opens_a_port() -> None:
    modules = sorted(UI.rglob("*.py"))
    assert len(modules) > 20  # the whole window, not an empty folder
    found = [v for path in modules for v in _violations(path)]
    assert found == []
