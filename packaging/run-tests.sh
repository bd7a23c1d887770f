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

# ---- PostgreSQL for the registry tests (tst_registrypostgres, tst_*_pg) -----------------------------
# A throw-away server on 127.0.0.1 and a free port (initdb ~2 s). The exec below replaces this shell,
# so an EXIT trap would never run: a watcher stops the server and removes its folder when this process
# (ctest's session after the exec) ends. MODELDESK_TEST_PG=0 skips it; an already exported
# MODELDESK_TEST_PG_URL is used as it is.
if [[ "${MODELDESK_TEST_PG:-1}" != 0 && -z "${MODELDESK_TEST_PG_URL:-}" ]]; then
  eval "$(bash packaging/test-postgres.sh start)"
  echo "PostgreSQL for the registry tests: $MODELDESK_TEST_PG_URL"
  nohup bash packaging/test-postgres.sh stop-after $$ "$MODELDESK_TEST_PG_DIR" >/dev/null 2>&1 &
fi
# ---- end of PostgreSQL ------------------------------------------------------------------------------

# ---- fuzzing (tests/fuzz, docs/security.md) --------------------------------------------------------
# Every libFuzzer target (clang + ASan + UBSan) on its seed corpus for a bounded time; a crash, leak
# or sanitizer report fails the run here, before ctest. MODELDESK_FUZZ_SECONDS per target (default 10;
# 0 skips). Needs clang-14 and libclang-rt-14-dev.
if [ "${MODELDESK_FUZZ_SECONDS:-10}" != 0 ]; then
  MODELDESK_FUZZ_SEED="${MODELDESK_FUZZ_SEED:-1}" MODELDESK_FUZZ_BUILD="$PWD/build/fuzz" bash tests/fuzz/run-fuzzers.sh "${MODELDESK_FUZZ_SECONDS:-10}"
fi
# ---- end fuzzing -----------------------------------------------------------------------------------

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
