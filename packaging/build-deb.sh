#!/usr/bin/env bash
# Builds the Debian package modeldesk_<version>-1_<arch>.deb and checks it.
#   bash packaging/build-deb.sh [OUTDIR]        (default OUTDIR: build/deb/out)
# Configures a Release tree in build/deb (no tests, no benchmarks), builds the two programs and the
# packaging assets, runs CPack, then: dpkg-deb -I/-c, lintian (errors fail, when installed),
# appstreamcli validate and desktop-file-validate on the packaged files.
# Install the result on Debian 12 with:  sudo apt install ./modeldesk_<version>-1_amd64.deb
set -euo pipefail
cd "$(dirname "$0")/.."
src="$PWD"
out="${1:-$src/build/deb/out}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
build="${MODELDESK_DEB_BUILD_DIR:-$src/build/deb}"

cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
      -DMODELDESK_BUILD_TESTS=OFF -DMODELDESK_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j "${MODELDESK_BUILD_JOBS:-2}" \
      --target modeldesk modeldesk-cli modeldesk_icons modeldesk_man modeldesk_changelog
(cd "$build" && cpack -G DEB -B "$out" >/dev/null)
rm -rf "$out/_CPack_Packages"
deb="$(ls -t "$out"/modeldesk_*.deb | head -n1)"

echo "== $deb"
dpkg-deb -I "$deb"
dpkg-deb -c "$deb" | awk '{print $1, $6}'

check="$(mktemp -d)"
trap 'rm -rf "$check"' EXIT
dpkg-deb -x "$deb" "$check"
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$check"/usr/share/metainfo/*.metainfo.xml
fi
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$check"/usr/share/applications/*.desktop
fi
if command -v lintian >/dev/null; then
  # Warnings are shown; an error fails the build. (Root is fine here: lintian only reads the file.)
  status=0
  lintian --fail-on error --suppress-tags initial-upload-closes-no-bugs "$deb" >"$check/lintian.txt" 2>&1 || status=$?
  grep -v 'running with root privileges' "$check/lintian.txt" || true
  if [ "$status" -ne 0 ]; then
    echo "build-deb: lintian reports errors" >&2
    exit 1
  fi
fi
echo "package: $deb"
