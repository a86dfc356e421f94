"""Why a serial port would not open, told in one sentence: real ptys, files and folders.

pyserial reports a port another program holds as "Could not exclusively lock port ...", with
errno EAGAIN: the sentence "in use by another program" must come from that, for real.
"""

from __future__ import annotations

import asyncio
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
import serial

from configurator.errors import ExitCode, PortError
from configurator.transport.serial_line import port_error as _port_error
from configurator.transport.serial_port import SerialSettings, SerialTransport
from tests.conftest import run_cli


def open_error(path: str) -> PortError:
    async def scenario() -> None:
        transport = SerialTransport(SerialSettings(path, 9600, "even"))
        await transport.open()
        await transport.close()

    with pytest.raises(PortError) as info:
        asyncio.run(scenario())
    return info.value


@pytest.fixture
def pty_path():
    master, slave = os.openpty()
    yield os.ttyname(slave)
    os.close(master)
    os.close(slave)


def test_a_pty_opened_twice_is_in_use_by_another_program(pty_path: str) -> None:
    holder = serial.Serial(pty_path, exclusive=True)  # the "other program"
    try:
        error = open_error(pty_path)
    finally:
        holder.close()
    assert str(error) == f"Serial port {pty_path} is in use by another program."
    assert error.exit_code == ExitCode.PORT


def test_the_cli_says_the_port_is_in_use_while_another_process_holds_it(pty_path: str) -> None:
    holder = subprocess.Popen(  # another process holds the port with an exclusive lock
        [sys.executable, "-c", "import serial, sys; s = serial.Serial(sys.argv[1], "
         "exclusive=True); print('held', flush=True); sys.stdin.read()", pty_path],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        result = run_cli("--port", pty_path, "info")
    finally:
        holder.communicate("", timeout=30)
    assert result.code == ExitCode.PORT, result.err
    assert result.err.strip() == f"error: Serial port {pty_path} is in use by another program."


def test_missing_folder_file_and_null_device(tmp_path: Path) -> None:
    missing = open_error(str(tmp_path / "ttyUSB9"))
    assert "does not exist" in str(missing)
    for path in (str(tmp_path), "/dev/null"):
        assert str(open_error(path)) == f"{path} is not a serial port."
    plain = tmp_path / "file"
    plain.write_text("")
    assert str(open_error(str(plain))) == f"{plain} is not a serial port."


def test_no_permission(tmp_path: Path) -> None:
    """A port this user may not open (as root: the check runs as user nobody)."""
    port = tmp_path / "ttyS9"
    port.write_text("")
    port.chmod(0)
    if os.geteuid() != 0:
        assert "No permission" in str(open_error(str(port)))
        return
    tmp_path.chmod(0o755)
    code = ("import asyncio, sys\n"
            "from configurator.transport.serial_port import SerialSettings, SerialTransport\n"
            "from configurator.errors import PortError\n"
            "try:\n"
            "    asyncio.run(SerialTransport(SerialSettings(sys.argv[1])).open())\n"
            "except PortError as exc:\n"
            "    print(exc)\n")
    try:
        done = subprocess.run([sys.executable, "-c", code, str(port)], user=65534,
                              capture_output=True, text=True, timeout=60,
                              cwd=Path(__file__).resolve().parents[2])
    except PermissionError:
        pytest.skip("user nobody cannot run this Python (errno case below covers EACCES)")
    if "No module named" in done.stderr or "Permission denied: '" in done.stderr:
        pytest.skip("user nobody cannot run this checkout's Python")
    assert done.stdout.startswith(f"No permission to open {port}"), done.stderr


@pytest.mark.parametrize(("number", "text", "expected"), [
    (errno.EBUSY, "Device or resource busy", "in use by another program"),
    (errno.EAGAIN, "Could not exclusively lock port x: [Errno 11] ...", "in use"),
    (None, "could not exclusively lock port x", "in use"),
    (errno.EACCES, "Permission denied", "No permission to open x: add your user to the "
                                         "'dialout' group"),
    (errno.ENOENT, "No such file or directory", "Serial port x does not exist"),
    (errno.ENXIO, "No such device or address", "is not there"),
    (errno.ENOTTY, "Inappropriate ioctl for device", "is not a serial port"),
    (errno.EIO, "Input/output error", "Cannot open serial port x: "),
])
def test_each_errno_has_its_sentence(number, text, expected) -> None:
    exc = serial.SerialException(number, text) if number is not None \
        else serial.SerialException(text)
    assert expected in str(_port_error(SerialSettings("x"), exc))
