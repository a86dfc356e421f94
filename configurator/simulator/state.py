"""The simulator's state file: every simulated meter's state in one JSON file, keyed by serial.

Saving is atomic (a temporary file in the same folder, then os.replace), so a simulator
killed mid-save leaves the previous state intact. Meters in the file that the current run
does not simulate are kept as they were.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from ..errors import FileError
from .meter import VirtualMeter

STATE_FORMAT = "wago-879-30xx-simulator-state"
STATE_VERSION = 1


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
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            self._meters = {}
            return {}
        except OSError as exc:
            raise FileError(f"Cannot read the simulator state file {self.path}: "
                            f"{exc.strerror}.") from exc
        try:
            data = json.loads(text)
            if data.get("format") != STATE_FORMAT or not isinstance(data.get("meters"), dict):
                raise ValueError("not a simulator state file")
        except (ValueError, AttributeError) as exc:
            raise FileError(f"{self.path} is not a simulator state file ({exc}).") from exc
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
        folder = self.path.parent
        fd, temp = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=1, sort_keys=True)
                handle.write("\n")
            os.replace(temp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise

