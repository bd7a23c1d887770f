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

# ---- AddressSanitizer + UBSan (the asan preset, docs/security.md "Sanitizers") -------------------------
# A documented subset of the unit and integration tests - every part that does not train or run the
# CLI (those would compile LibTorch-heavy translation units again, at -O0, for minutes) - built with
# the asan preset into build/asan (these targets only) and run before the main suite, in the same
# D-Bus session. MODELDESK_ASAN=0 skips.
asan_tests="tst_names tst_workspace tst_artifactstore tst_modelregistry tst_registryrecords
  tst_histogrampercentiles tst_metricsregistry tst_inferencemetricsobserver tst_resourcesampler tst_metricshistory
  tst_alertengine tst_tokenservice tst_artifactencryption tst_passphrasekey tst_secretstore tst_kservecodec
  tst_requestjournal tst_httpserver tst_kserveapi tst_managementapi tst_dynamicbatcher tst_deploymentspec
  tst_inferencesession tst_deploymentmanager tst_deploymentswap tst_monitoringservice tst_marimport tst_clusterexport"
export MODELDESK_ASAN_REGEX=""
if [ "${MODELDESK_ASAN:-1}" != 0 ]; then
  start=$(date +%s)
  if [ ! -f build/asan/build.ninja ]; then cmake --preset asan >/dev/null; fi
  # shellcheck disable=SC2086
  cmake --build build/asan -j "${MODELDESK_BUILD_JOBS:-2}" --target $asan_tests
  echo "asan build: $(( $(date +%s) - start )) s"
  MODELDESK_ASAN_REGEX="^($(echo $asan_tests | tr ' ' '|'))\$"
fi
# ---- end AddressSanitizer ----------------------------------------------------------------------------

export QT_QPA_PLATFORM=offscreen
export CTEST_OUTPUT_ON_FAILURE=1
# ctest runs inside a private session bus with its own unlocked keyring and a throw-away HOME, so
# tests never touch the user's real keychain or settings.
exec dbus-run-session -- bash -c '
  set -euo pipefail
  export HOME="$(mktemp -d /tmp/modeldesk-test-home.XXXXXX)"
  mkdir -p "$HOME/.local/share/keyrings"
  eval "$(printf modeldesk-test | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null | sed "s/^/export /")"
  asan=0
  if [ -n "$MODELDESK_ASAN_REGEX" ]; then
    echo "---- the ASan + UBSan subset (build/asan) ----"
    # Leak checking stays off here: Qt and QtKeychain keep process-lifetime allocations (the fuzzers
    # run with it on). Any ASan or UBSan report aborts its test.
    (cd build/asan && ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
       ctest --timeout 600 -j "${MODELDESK_TEST_JOBS:-2}" -R "$MODELDESK_ASAN_REGEX") || asan=$?
    if [ "$asan" != 0 ]; then echo "the ASan + UBSan subset FAILED (above); the run will fail" >&2; fi
    echo "---- the whole suite (build/dev) ----"
  fi
  cd build/dev
  status=0
  ctest --timeout 600 -j "${MODELDESK_TEST_JOBS:-2}" -LE bench "$@" || status=$?
  [ "$status" = 0 ] && [ "$asan" = 0 ]
' bash "$@"
