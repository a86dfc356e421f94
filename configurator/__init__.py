"""Desktop and command-line configurator for WAGO 879-30xx MID energy meters."""

__version__ = "0.1.0"
