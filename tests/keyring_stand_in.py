"""A stand-in for the OS keyring (Secret Service, KWallet, macOS Keychain, Windows Credential
Locker): a boundary these tests cannot run here. It is a real `keyring` backend, set with
`keyring.set_keyring`, that keeps passwords in memory; the code under test talks to the
`keyring` package exactly as it would to the OS keyring."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring backend (the OS keyring's API, nothing stored on disk)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.store:
            raise PasswordDeleteError("not found")
        del self.store[(service, username)]


@contextlib.contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """The in-memory keyring in place of the OS keyring within the block."""
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@contextlib.contextmanager
def no_keyring() -> Iterator[None]:
    """A computer without a usable keyring (keyring's own 'fail' backend, as on a server)."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)
