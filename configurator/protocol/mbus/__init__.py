"""M-Bus (EN 13757-2 link layer, EN 13757-3 application layer) for the WAGO 879-30xx meters.

- `frames`: the link layer's byte frames (single character, short, long), checksum, framing;
- `records`: the application layer: RSP_UD fixed header and data records (DIF/DIFE, VIF/VIFE
  incl. the 0xFB/0xFD tables, the 0xFC phase extension, plain text, BCD and binary);
- `meter_map`: THE table binding the manual's records (A2.2) and write telegrams (A2.3) to the
  register table's keys and the settings;
- `master`: the async link-layer master (FCB, retries, timeouts scaled to baud, selection).

All byte functions are pure; only `master` does I/O. Every decoding failure is an
`MbusFrameError`, never another exception.
"""
