#!/usr/bin/env bash
# Installs the dependencies, builds everything and runs the whole test suite, on a fresh Debian 12
# machine or an existing checkout (idempotent). Starts what the tests need itself: an offscreen Qt
# platform, a private D-Bus session with an unlocked gnome-keyring (Secret Service for QtKeychain).
# The output ends with ctest's summary; the exit code is ctest's.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
start=$(date +%s)
bash packaging/build.sh dev
echo "build: $(( $(date +%s) - start )) s"

export QT_QPA_PLATFORM=offscreen
export CTEST_OUTPUT_ON_FAILURE=1
# ctest runs inside a private session bus with its own unlocked keyring and a throw-away HOME, so
# tests never touch the user's real keychain or settings.
exec dbus-run-session -- bash -c '
  set -euo pipefail
  export HOME="$(mktemp -d /tmp/modeldesk-test-home.XXXXXX)"
  mkdir -p "$HOME/.local/share/keyrings"
  eval "$(printf modeldesk-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null | sed "s/^/export /")"
  cd build/dev
  ctest --timeout 600 -j "${MODELDESK_TEST_JOBS:-2}" -LE bench "$@"
' bash "$@"
