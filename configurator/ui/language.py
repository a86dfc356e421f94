"""The UI language: chosen in View ▸ Language (kept in QSettings), else the system's.

The app's catalogue (resources/i18n/configurator_<lang>.qm) and Qt's own translations (qtbase:
standard buttons and dialogs) are installed on the application before any window is built.
The locale of the chosen language also becomes QLocale's default, so numbers in the GUI's
readouts and tables use its decimal separator. A change applies at the next start.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from ..i18n import CATALOGUE, LANGUAGES, i18n_dir

SETTINGS_KEY = "ui/language"  # "" or missing: follow the system
ENV_LANGUAGE = "CONFIGURATOR_LANGUAGE"  # overrides both (tests, screenshots, support)
_installed: list[QTranslator] = []


def app_settings() -> QSettings:
    """The user's settings of the desktop app."""
    return QSettings("wago-meter-configurator", "configurator")


def chosen_language(settings: QSettings | None = None) -> str:
    """The language picked in the menu, or "" to follow the system."""
    value = (settings or app_settings()).value(SETTINGS_KEY, "")
    return value if isinstance(value, str) and value in LANGUAGES else ""


def set_chosen_language(language: str, settings: QSettings | None = None) -> None:
    """Remember a language ("" follows the system) for the next start."""
    store = settings or app_settings()
    store.setValue(SETTINGS_KEY, language if language in LANGUAGES else "")
    store.sync()


def system_language() -> str:
    """The system locale's language if the app has it, else English."""
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else "en"


def effective_language(settings: QSettings | None = None) -> str:
    """The language the UI uses: $CONFIGURATOR_LANGUAGE (en, de) if set, else the one chosen
    in the menu, else the system's."""
    forced = os.environ.get(ENV_LANGUAGE, "")
    if forced in LANGUAGES:
        return forced
    return chosen_language(settings) or system_language()


def installed_catalogues() -> list[str]:
    """The files of the translators installed now (ours first, then Qt's)."""
    return [t.filePath() for t in _installed]


def install_translators(language: str) -> bool:
    """Install the app's and Qt's translations for `language` (removing earlier ones).

    English is the source language: nothing to load. Returns whether the app's catalogue
    loaded (False for English or a missing file).
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before installing translators")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language not in LANGUAGES or language == "en":
        QLocale.setDefault(QLocale("en"))
        return False
    locale = QLocale(language)
    QLocale.setDefault(locale)
    loaded = False
    ours = QTranslator(app)
    if ours.load(f"{CATALOGUE}_{language}", str(i18n_dir())):
        app.installTranslator(ours)
        _installed.append(ours)
        loaded = True
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", qt_path):
        app.installTranslator(qt)
        _installed.append(qt)
    return loaded
