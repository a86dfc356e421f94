#!/usr/bin/env bash
# Regenerate the user guide's screenshots from the running app (demo meter, offscreen).
#   docs/make_screenshots.sh            # from the repository root, with .venv set up
# English pictures go to docs/images/en, German ones to docs/images/de.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
unset CONFIGURATOR_LANGUAGE

rm -f docs/images/en/*.png docs/images/de/*.png
"$PYTHON" -m configurator.ui.screenshots docs/images/en 2PUCT --language en \
    --pages connect,tariff,s0,modbus,ct,counters,live,energy,diagnostics,backup,wiring
"$PYTHON" -m configurator.ui.screenshots docs/images/de 2PUCT --language de \
    --pages connect,s0,live,backup
