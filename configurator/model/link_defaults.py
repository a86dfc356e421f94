"""Where a meter answers as it leaves the factory: the factory values of the link settings.

The settings table (model/settings.py) takes its `factory_default` for these settings from here,
so each value is still written once. They live in a module without imports so that opening a
connection (`configurator --port P read`, which resolves the default address, speed and
parity) does not load the settings table (tests/cli/test_cli_imports.py).
"""

MODBUS_ADDRESS = 1  # 6.7.6
MODBUS_BAUDRATE = 9600  # 6.7.7
MODBUS_PARITY = "even"  # A3.1, 6.7.8 (FACTS.md: the "none (standard)" in 4.6 is the odd one out)
MBUS_ADDRESS = 0  # 6.7.9 (every meter ships with primary address 0, FACTS.md)
MBUS_BAUDRATE = 2400  # 6.7.10
MBUS_PARITY = "even"  # M-Bus is always 8E1 (EN 13757-2): no setting carries it
