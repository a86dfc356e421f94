"""How often a master repeats a request: the defaults and limits, in one place.

No imports, so the command line can name them without loading a protocol stack. The
arithmetic behind DEFAULT_RETRIES is in protocol/modbus_master.py and docs/DECISIONS.md.
"""

DEFAULT_RETRIES = 5  # per read (Modbus FC03, M-Bus SND_NKE / REQ_UD2 / selection)
MAX_RETRIES = 10  # what --retries and the GUI accept
FIRST_CONTACT_RETRIES = 3  # retries on silence before a device has ever answered
