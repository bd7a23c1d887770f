#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz/CMakeLists.txt, clang + ASan + UBSan) and runs each for a
# bounded time on its seed corpus (tests/fuzz/corpus/<target>/, which also holds the regression
# inputs of every bug found so far). Fails on the first target that crashes, leaks, times out or
# trips a sanitizer, and leaves the input that did it in <build>/crashes/.
#
#   tests/fuzz/run-fuzzers.sh [seconds per target]        (default 12; $MODELDESK_FUZZ_SECONDS)
#   MODELDESK_FUZZ_BUILD=dir   build directory            (default build/fuzz)
#   MODELDESK_FUZZ_TARGETS="kserve_json csv"  a subset
#   MODELDESK_FUZZ_SEED=N      libFuzzer's -seed (default: random; the test command fixes it so a CI
#                              run is reproducible — long exploratory runs should leave it random)
# New inputs the fuzzer finds go to <build>/corpus/<target>/ (kept between runs), never to the seeds.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
seconds="${1:-${MODELDESK_FUZZ_SECONDS:-12}}"
build="${MODELDESK_FUZZ_BUILD:-$root/build/fuzz}"
targets="${MODELDESK_FUZZ_TARGETS:-kserve_json kserve_binary csv idx zip http_request management_json encrypted_artifact}"

cxx="$(command -v clang++-14 || command -v clang++ || true)"
cc="$(command -v clang-14 || command -v clang || true)"
if [ -z "$cxx" ]; then
  echo "run-fuzzers: clang is not installed (packages clang-14 libclang-rt-14-dev)" >&2
  exit 1
fi
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi

start=$(date +%s)
cmake -S "$root/tests/fuzz" -B "$build" -G Ninja \
  -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_C_COMPILER="$cc" "${launcher[@]}" >/dev/null
cmake --build "$build" -j "${MODELDESK_FUZZ_JOBS:-2}"
echo "fuzz build: $(( $(date +%s) - start )) s"

# Leaks count as failures; Qt's process-wide statics are not leaks of ours (freed at exit).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export QT_LOGGING_RULES="*.debug=false;*.info=false;*.warning=false"

mkdir -p "$build/crashes"
failed=()
summary=()
for t in $targets; do
  exe="$build/fuzz_$t"
  seeds="$root/tests/fuzz/corpus/$t"
  work="$build/corpus/$t"
  mkdir -p "$work"
  log="$build/fuzz_$t.log"
  # First directory: where new inputs go; the seeds are read only.
  seed=()
  if [ -n "${MODELDESK_FUZZ_SEED:-}" ]; then seed=(-seed="$MODELDESK_FUZZ_SEED"); fi
  if "$exe" "${seed[@]}" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
       -artifact_prefix="$build/crashes/$t-" "$work" "$seeds" >"$log" 2>&1; then
    status=ok
  else
    status=FAILED
    failed+=("$t")
  fi
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  corpus=$(find "$work" -type f | wc -l)
  summary+=("$(printf '%-20s %-7s %10s execs  cov %5s  corpus %5s' "$t" "$status" "${execs:-?}" "${cov:-?}" "$corpus")")
  if [ "$status" = FAILED ]; then
    echo "---- fuzz_$t failed; the end of its log ($log):" >&2
    tail -40 "$log" >&2
  fi
done

echo "fuzzing: ${seconds} s per target, total $(( $(date +%s) - start )) s"
printf '  %s\n' "${summary[@]}"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing FAILED: ${failed[*]} (inputs in $build/crashes/)" >&2
  exit 1
fi
