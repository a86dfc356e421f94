"""The transport contract: a small async byte pipe (serial today, BLE later)."""

from __future__ import annotations

from typing import Protocol


class ByteTransport(Protocol):
    """An open link to a bus: send bytes, receive chunks, know when it is gone."""

    @property
    def description(self) -> str:
        """Where the link goes, for messages and logs."""

    async def open(self) -> None:
        """Open the link; raises PortError with a sentence for the user."""

    async def close(self) -> None:
        """Close the link; never raises."""

    async def send(self, data: bytes) -> None:
        """Write all of `data`; raises LinkLostError if the link is gone."""

    async def receive(self, timeout: float) -> bytes:
        """The next chunk of received bytes; raises TimeoutError if none within `timeout`."""

    def discard_input(self) -> None:
        """Drop bytes already received (stale answers, line noise)."""

    def char_time(self) -> float:
        """Seconds one character takes on the wire (0 where there is no wire timing)."""
