"""Independent reference implementations for tests: written from the standards, never from
the code under test."""

from __future__ import annotations


def reference_crc(data: bytes) -> bytes:
    """CRC-16/MODBUS, bit by bit, as the two bytes that follow the frame (low byte first)."""
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return bytes([crc & 0xFF, crc >> 8])


def ref_frame(body: bytes) -> bytes:
    """A Modbus RTU frame: body plus its reference CRC."""
    return body + reference_crc(body)


def u16(value: int) -> bytes:
    """A big-endian 16-bit field."""
    return value.to_bytes(2, "big")
