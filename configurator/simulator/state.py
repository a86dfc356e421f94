"""The simulator's state file: every simulated meter's state in one JSON file, keyed by serial.

Saving is atomic (a temporary file in the same folder, then os.replace), so a simulator
killed mid-save leaves the previous state intact. Meters in the file that the current run
does not simulate are kept as they were. Reading and writing go through services/files.py:
only a regular file is read or replaced (never a FIFO, device or symlink).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import FileError
from ..services.files import check_writable_target, read_json_file, write_file_atomic
from .meter import VirtualMeter

STATE_FORMAT = "wago-879-30xx-simulator-state"
STATE_VERSION = 1
MAX_STATE_BYTES = 8 * 1024 * 1024  # some 3 KB per meter: room for every address many times


class StateFile:
    """Load and save the states of simulated meters."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Use the file at `path` (it need not exist yet)."""
        self.path = Path(path)
        self._meters: dict[str, dict[str, Any]] = {}

    def load(self) -> dict[str, dict[str, Any]]:
        """The saved meter states keyed by serial (8 digits); empty if there is no file.

        Raises FileError for a file that cannot be read or is not a simulator state file.
        """
        if not os.path.lexists(self.path):
            self._meters = {}
            return {}
        check_writable_target(self.path, overwrite=True)  # saved later: refuse a FIFO now
        data = read_json_file(self.path, what="Simulator state file", max_bytes=MAX_STATE_BYTES,
                              expected="a simulator state file")
        if not isinstance(data, dict) or data.get("format") != STATE_FORMAT \
                or not isinstance(data.get("meters"), dict):
            raise FileError(f"{self.path} is not a simulator state file.")
        self._meters = dict(data["meters"])
        return dict(self._meters)

    def restore(
        self,
        model_code: str,
        serial: int,
        build: Callable[[dict[str, Any]], VirtualMeter],
    ) -> VirtualMeter | None:
        """Rebuild the meter with this serial from the loaded states (a power cycle), or None.

        `build` turns a saved state into a meter (usually VirtualMeter.from_state with the
        run's seed and clock). Raises FileError if the saved meter is another model or its
        state is malformed.
        """
        state = self._meters.get(f"{serial:08d}")
        if state is None:
            return None
        if str(state.get("model")) != model_code:
            raise FileError(f"{self.path} holds meter {serial:08d} as a {state.get('model')}, "
                            f"not a {model_code}; use another --serial or state file.")
        try:
            return build(state)
        except (ValueError, TypeError) as exc:
            raise FileError(f"The state of meter {serial:08d} in {self.path} is unusable: "
                            f"{exc}") from exc

    def save(self, meters: Iterable[VirtualMeter]) -> None:
        """Write the meters' states (keeping other meters already in the file), atomically."""
        for meter in meters:
            self._meters[f"{meter.serial:08d}"] = meter.to_state()
        data = {"format": STATE_FORMAT, "version": STATE_VERSION, "meters": self._meters}
        text = json.dumps(data, indent=1, sort_keys=True) + "\n"
        try:
            write_file_atomic(self.path, text, overwrite=True)
        except FileError as exc:  # the bus logs an OSError and keeps serving
            raise OSError(str(exc)) from None

