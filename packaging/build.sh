#!/usr/bin/env bash
# Configures and builds ModelDesk with the given preset (default: dev) into build/<preset>.
# Usage: packaging/build.sh [preset] [cmake --build args...]
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-dev}"; shift || true
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >/dev/null
fi
# Two parallel jobs fit 2-core / 4 GB machines; torch translation units need ~1.2 GB each.
cmake --build "build/$preset" -j "${MODELDESK_BUILD_JOBS:-2}" "$@"
