"""Where the files under the repository's `resources/` folder are at run time.

From a checkout or an editable install they sit beside the package; a wheel installs them as
data files under `<prefix>/share/wago-meter-configurator/resources`; in a PyInstaller build
they are unpacked next to the executable's bundle (`sys._MEIPASS`).
"""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder holding icons, schemas and translations."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    beside = Path(__file__).resolve().parent.parent / "resources"
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "wago-meter-configurator" / "resources"


def resource_path(*parts: str) -> Path:
    """The path of one resource file, e.g. resource_path("icons", "wago-meter-configurator.svg")."""
    return resources_dir().joinpath(*parts)
