#!/usr/bin/env bash
# Regenerate the user guide's screenshots from the running app (demo meter, offscreen).
#   docs/make_screenshots.sh            # from the repository root, with .venv set up
# The guide's pictures are taken at 1366x768 (a common laptop): English in docs/images/en,
# German in docs/images/de. The small field laptop (1024x600) and a full-HD desk (1920x1080)
# go to <language>/<size>/, and the M-Bus views to en/mbus/. German pictures include the
# translations still waiting in resources/i18n/pending/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
unset CONFIGURATOR_LANGUAGE
shot() { "$PYTHON" -m configurator.ui.screenshots "$@" >/dev/null; }

rm -rf docs/images/en docs/images/de
shot docs/images/en 2PUCT --language en --size 1366x768 \
    --pages connect,tariff,s0,modbus,ct,counters,live,energy,diagnostics,backup,wiring,template,commission,bus
shot docs/images/de 2PUCT --language de --size 1366x768 --pages connect,s0,live,backup,template,commission,bus
SMALL=connect,s0,ct,live,energy,diagnostics,backup,template,commission,bus
shot docs/images/en/1024x600 2PUCT --language en --size 1024x600 --pages "$SMALL"
shot docs/images/de/1024x600 2PUCT --language de --size 1024x600 --pages "$SMALL"
shot docs/images/en/1920x1080 2PUCT --language en --size 1920x1080 --pages connect,live
shot docs/images/en/mbus 4PU --language en --size 1366x768 --protocol mbus \
    --pages live,energy,diagnostics
ls docs/images/*/*.png docs/images/*/*/*.png | wc -l
