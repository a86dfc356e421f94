#!/usr/bin/env bash
# Build the one-folder app with PyInstaller and smoke-test the binary it produced:
#   --version, --self-test (window on a demo meter, offscreen without a display), --demo info.
# Not part of the default test run (a build takes about a minute). From the repository root:
#   packaging/smoke_test.sh            # uses .venv/bin/pyinstaller (pip install pyinstaller)
# Exits non-zero, loudly, on the first failure.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYINSTALLER="${PYINSTALLER:-$ROOT/.venv/bin/pyinstaller}"
DIST="$ROOT/build/dist"
BIN="$DIST/configurator/configurator"

fail() { echo "SMOKE TEST FAILED: $*" >&2; exit 1; }

[ -x "$PYINSTALLER" ] || fail "pyinstaller not found at $PYINSTALLER (pip install pyinstaller)"

echo "== building with $("$PYINSTALLER" --version) =="
"$PYINSTALLER" --noconfirm --log-level WARN --distpath "$DIST" --workpath "$ROOT/build/work" \
    packaging/configurator.spec || fail "the PyInstaller build failed"
[ -x "$BIN" ] || fail "no binary at $BIN"

for file in resources/backup.schema.json resources/i18n/configurator_de.qm; do
    [ -f "$DIST/configurator/_internal/$file" ] || fail "$file is not bundled"
done

run() {  # run the binary with a time limit, show its output, fail on a non-zero exit
    echo "== configurator $* =="
    local out rc=0
    out="$(timeout 120 "$BIN" "$@" 2>&1)" || rc=$?
    printf '%s\n' "$out" | grep -v "does not support propagateSizeHints" || true
    [ "$rc" -eq 0 ] || fail "'configurator $*' exited with $rc"
    LAST_OUTPUT="$out"
}

run --version
[[ "$LAST_OUTPUT" == configurator\ * ]] || fail "--version printed no version"

if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
fi
run --self-test
[[ "$LAST_OUTPUT" == *"self-test passed"* ]] || fail "--self-test did not report success"
CONFIGURATOR_LANGUAGE=de run --self-test  # the German catalogue is bundled and loads

run --demo info
[[ "$LAST_OUTPUT" == *"23000001"* ]] || fail "--demo info did not show the demo meter's serial"

echo "SMOKE TEST PASSED: $BIN"
