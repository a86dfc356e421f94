"""Texts built by the services, model and protocol layers, shown in the UI language and in the
window's own words.

Those layers stay free of Qt: they build their sentences from templates marked with
`QT_TRANSLATE_NOOP(context, "... {name} ...").format(name=...)`, which gives a `Message` equal to
the English text (what the CLI prints). The GUI passes every such text through `translated()`
before showing it; plain strings pass unchanged.

The CLI's sentences speak the CLI's language: setting keys (`s0.width_ms`) and flags
(`--address 7 --baud 9600`, `'configurator scan'`). The window speaks in labels and pages, so
`translated()` also
- shows a setting's translated label wherever a Message names a setting by its key
  (a parameter whose value is a key of SETTINGS: "Invalid value 200 for S0 pulse width");
- drops a parenthesised list of CLI flags from a sentence (the link descriptions' "(--address
  7 --baud 9600 --parity even)"), in English and in the translation alike;
- says sentences that tell the user to type a command in the window's words instead
  (GUI_TEMPLATES: the same parameters, a sentence that points at a page or menu).
Templates only the command line ever raises are listed in CLI_ONLY (a test checks that every
template with a flag or command is handled one of these ways).
"""

from __future__ import annotations

import re
from typing import Any

from ..i18n import QT_TRANSLATE_NOOP, Message, Template, message_of, translate
from ..model.settings import SETTINGS, TRANSPORT_NAMES
from ..services.outcomes import LinkOutcome, LinkWhere

__all__ = ["CLI_ONLY", "GUI_TEMPLATES", "Message", "Template", "error_message", "gui_text",
           "has_cli_words", "link_outcome_text", "translated"]

# A parenthesised run of CLI flags, e.g. " (--protocol mbus --address 0 --baud 2400)".
CLI_FLAGS = re.compile(r"\s*\((?=[^()]*--[a-z])[^()]*\)")
# What the window must never show: a --flag, or a command to type.
CLI_WORDS = re.compile(r"(?<![\w-])--[a-z][a-z-]*|'configurator\b")

# (context, the service's template) -> the window's sentence (same placeholders).
GUI_TEMPLATES: dict[tuple[str, str], Template] = {
    ("Errors", "No serial port given: use --port (ports present: {ports}), or --demo for a "
               "simulated meter."):
        QT_TRANSLATE_NOOP("GuiMessages", "No serial port given: choose one on the Connect "
                                         "page (ports present: {ports})."),
    ("Errors", "No Bluetooth LE meter given: use --device ADDRESS or --device IM-<serial> "
               "('configurator ble-scan' lists the meters in range), or --demo for a simulated "
               "meter."):
        QT_TRANSLATE_NOOP("GuiMessages", "No Bluetooth LE meter given: pick one on the Connect "
                                         "page ('Search' lists the meters in range)."),
    ("Errors", "No Bluetooth LE meter {wanted} found within {seconds:g} s: check that it is in "
               "range with Bluetooth on, and not connected to another phone or computer "
               "('configurator ble-scan' lists the meters in range)."):
        QT_TRANSLATE_NOOP("GuiMessages", "No Bluetooth LE meter {wanted} found within "
                                         "{seconds:g} s: check that it is in range with "
                                         "Bluetooth on, and not connected to another phone or "
                                         "computer ('Search' on the Connect page lists the "
                                         "meters in range)."),
    ("Errors", "Finding every meter on a bus works over Modbus RTU or M-Bus; Bluetooth LE "
               "meters are listed by 'configurator ble-scan'."):
        QT_TRANSLATE_NOOP("GuiMessages", "Finding every meter on a bus works over Modbus RTU "
                                         "or M-Bus; Bluetooth LE meters are listed by 'Search' "
                                         "on the Connect page."),
    ("Services", "M-Bus does not carry the software version and checksum (manual 4.3): check "
                 "them over Modbus RTU ('configurator info')."):
        QT_TRANSLATE_NOOP("GuiMessages", "M-Bus does not carry the software version and "
                                         "checksum (manual 4.3): check them over Modbus RTU."),
    ("Services", "ble {device} address {address}"):
        QT_TRANSLATE_NOOP("GuiMessages", "Bluetooth LE {device} address {address}"),
    ("Errors", "--device {text!r}: over M-Bus give the meter's 8-digit secondary address (e.g. "
               "--device 23000001)."):
        QT_TRANSLATE_NOOP("GuiMessages", "Secondary address {text!r}: give the meter's 8-digit "
                                         "secondary address (e.g. 23000001)."),
    ("Errors", "No M-Bus meter answers at {where} on {link}: check wiring (terminals 8, 9), "
               "baud rate (factory 2400) and address, or run 'configurator --protocol mbus scan "
               "--secondary'. ({problem})"):
        QT_TRANSLATE_NOOP("GuiMessages", "No M-Bus meter answers at {where} on {link}: check "
                                         "wiring (terminals 8, 9), baud rate (factory 2400) and "
                                         "address, or use 'Search bus' on the Connect page. "
                                         "({problem})"),
    ("Errors", "{problem} Several meters may share primary address {address} (every meter ships "
               "with 0): find them with 'configurator --protocol mbus scan --secondary' and "
               "address one with --device <secondary address>."):
        QT_TRANSLATE_NOOP("GuiMessages", "{problem} Several meters may share primary address "
                                         "{address} (every meter ships with 0): find them with "
                                         "'Search bus' on the Connect page and connect one by "
                                         "its secondary address."),
    ("Errors", "{path} is a backup of meter {serial}, not a template: make one with "
               "'configurator template new', or restore the backup."):
        QT_TRANSLATE_NOOP("GuiMessages", "{path} is a backup of meter {serial}, not a "
                                         "template: press New on the Template page, or restore "
                                         "the backup on the Backup page."),
}

# Templates only the command line raises (its own options); the window never shows them.
CLI_ONLY: frozenset[tuple[str, str]] = frozenset({
    ("Errors", "--addresses names no address (e.g. 1,2,5-7)."),
    # the wiring page chooses the expected flow from a list; only `check --expect` parses it
    ("Errors", "--expect {value!r}: say import, export or either, for all phases or as "
               "l1=..., l2=..., l3=..."),
    ("Errors", "--expect {value!r}: the phases are l1, l2 and l3."),
    ("Errors", "--addresses: {part!r} is outside {low}-{high} or reversed."),
    ("Errors", "--addresses: {part!r} is not an address or a range like 5-7."),
})


def has_cli_words(text: str) -> bool:
    """Whether a text shows a CLI flag or a command to type."""
    return CLI_WORDS.search(text) is not None


def _param(value: Any) -> Any:
    """A Message parameter as the window shows it: a setting key becomes its label, a
    transport's key its name."""
    if isinstance(value, (Message, Template)):
        return gui_text(value)
    if isinstance(value, str) and value in SETTINGS:
        return translate("Settings", SETTINGS[value].label)
    if isinstance(value, str) and value in TRANSPORT_NAMES:  # "modbus" -> "Modbus RTU"
        return TRANSPORT_NAMES[value]
    return value


def gui_text(text: Message | Template) -> str:
    """A service's Message or Template in the UI language and the window's words."""
    if isinstance(text, Template):
        return CLI_FLAGS.sub("", translate(text.context, str(text)))
    gui = GUI_TEMPLATES.get((text.context, text.template))
    context, template = (gui.context, str(gui)) if gui is not None else (text.context,
                                                                        text.template)
    params = {key: _param(value) for key, value in text.params.items()}
    for candidate in (translate(context, template), template):  # a translation may not fit
        try:
            return CLI_FLAGS.sub("", candidate).format(**params)
        except (KeyError, IndexError, ValueError):
            continue
    return CLI_FLAGS.sub("", str(text))


def translated(text: Any) -> str:
    """`text` in the UI language if it is a Message or Template, else unchanged (as str)."""
    if text is None:
        return ""
    if isinstance(text, (Message, Template)):
        return gui_text(text)
    return str(text)


def link_outcome_text(link: LinkOutcome | None, note: Any) -> str | None:
    """Where the meter answers after a write that moved its link (settings and restore alike):
    both candidates when it is not known (the app tries both), else the new point; None when
    no link moved."""
    if link is not None and link.where is LinkWhere.UNKNOWN:
        return translated(QT_TRANSLATE_NOOP(
            "LinkOutcome", "The meter may now answer at {new} or at {old}; the app looks for "
            "it at both.").format(new=link.new.describe(), old=link.old.describe()))
    if note:
        return translated(QT_TRANSLATE_NOOP(
            "LinkOutcome", "The meter now answers at {where}; the connection settings were "
            "updated.").format(where=note))
    return None


def error_message(exc: BaseException) -> str:
    """An exception's sentence in the UI language."""
    return translated(message_of(exc))
