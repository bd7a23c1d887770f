#!/usr/bin/env bash
# Installs every Debian 12 package ModelDesk needs to build, test and run.
# Idempotent and unattended: safe to run again; needs root (or sudo).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # fuzzing (tests/fuzz): libFuzzer with ASan + UBSan
  clang-14 libclang-rt-14-dev
  # Qt 6.4 and what its CMake configs need
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite libqt6sql6-psql qt6-svg-dev qt6-translations-l10n
  libgl-dev libegl-dev libopengl-dev libvulkan-dev libxkbcommon-dev
  # core libraries
  qtkeychain-qt6-dev libtorch-dev libopenblas0-pthread libssl-dev libboost-dev libsimdjson-dev
  prometheus-cpp-dev zlib1g-dev libsqlite3-dev
  # tests and benchmarks
  libgtest-dev libbenchmark-dev python3-torch xvfb xauth dbus dbus-x11 gnome-keyring libsecret-1-0
  prometheus  # promtool: tests check the /metrics text with `promtool check metrics`
  fonts-dejavu-core fonts-wqy-microhei procps
  # HTTP benchmark (tests/bench/bench_http.sh): load generator and the FastAPI + uvicorn peer server
  wrk python3-fastapi uvicorn
  # real data for demos and tests
  dataset-fashion-mnist fortunes-min fortunes
  # packaging: .deb build and checks, export tests (protobuf text format, YAML), service unit check
  dpkg-dev fakeroot librsvg2-bin appstream desktop-file-utils lintian systemd
  libprotobuf-dev protobuf-compiler python3-yaml
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
$SUDO apt-get update -q
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
