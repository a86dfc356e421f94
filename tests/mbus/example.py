"""The manual's A2.2 example RSP_UD, row by row, as bytes (shared by the M-Bus tests)."""

from __future__ import annotations

from configurator.protocol.mbus.frames import long_frame

E = "15 CD 5B 07"  # 123456789
P = "87 D6 12"  # 1234567
# (row of A2.2, DIB + VIB + data). The CT row uses DIF 0B: A2.2 prints 0A with 3 data bytes.
ROWS = [
    ("Total active energy import", f"04 03 {E}"),
    ("Active energy import T1", f"84 10 03 {E}"),
    ("Active energy import T2", f"84 20 03 {E}"),
    ("Active energy import T3", f"84 30 03 {E}"),
    ("Active energy import T4", f"84 80 10 03 {E}"),
    ("Total active energy export", f"04 83 3C {E}"),
    ("Active energy export T1", f"84 10 83 3C {E}"),
    ("Active energy export T2", f"84 20 83 3C {E}"),
    ("Active energy export T3", f"84 30 83 3C {E}"),
    ("Active energy export T4", f"84 80 10 83 3C {E}"),
    ("Total kWh (resettable)", f"04 83 FC 10 {E}"),
    ("Reactive energy import", f"04 FB 82 73 {E}"),
    ("Reactive energy export", f"04 FB 82 F3 3C {E}"),
    ("L1 voltage", "02 FD C7 FC 01 E4 59"),
    ("L2 voltage", "02 FD C7 FC 02 E4 59"),
    ("L3 voltage", "02 FD C7 FC 03 E4 59"),
    ("L1 current", "03 FD D9 FC 01 1B 87 01"),
    ("L2 current", "03 FD D9 FC 02 1B 87 01"),
    ("L3 current", "03 FD D9 FC 03 1B 87 01"),
    ("Total active power", f"03 2B {P}"),
    ("L1 active power", f"03 AB FC 01 {P}"),
    ("L2 active power", f"03 AB FC 02 {P}"),
    ("L3 active power", "03 AB FC 03 79 29 ED"),
    ("Total reactive power", f"03 FB 14 {P}"),
    ("L1 reactive power", f"03 FB 94 FC 01 {P}"),
    ("L2 reactive power", f"03 FB 94 FC 02 {P}"),
    ("L3 reactive power", f"03 FB 94 FC 03 {P}"),
    ("Total apparent power", f"03 FB 34 {P}"),
    ("Total power factor", "0A FD 3A 00 01"),
    ("Frequency", "03 FB 2C 37 C7 00"),
    ("Tariff", "09 7C 01 54 01"),
    ("CT rate", "0B FD 3A 05 95 99"),
]
# 68 xx xx 68 08 xx 72 | 46 02 02 19 | CD 25 | 01 | 02 | 04 | 00 | 00 00
HEADER = "46 02 02 19 CD 25 01 02 04 00 00 00"
RECORDS = bytes.fromhex(" ".join(data for _row, data in ROWS))
DATA = bytes.fromhex(HEADER) + RECORDS


def example_frame(address: int = 0) -> bytes:
    """The whole RSP_UD long frame: 68 L L 68 08 A 72 header records CS 16."""
    return long_frame(0x08, address, 0x72, DATA)
