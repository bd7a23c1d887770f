#!/usr/bin/env bash
# Regenerates the user guide's screenshots (docs/images/<page>.png, demo-offer.png, demo.png) from the real
# console: it runs under Xvfb on a throw-away demo workspace with a clean profile, in English, runs
# the first-run demo (so every page has a trained, deployed, busy model to show), waits ~12 s of
# traffic, then grabs each page from inside the process (QWidget::grab, screenshot mode:
# MODELDESK_SCREENSHOT_DIR) and exits. Offline; about half a minute.
# Usage: packaging/screenshots.sh [BUILD_DIR] [OUT_DIR]   (defaults: build/dev, docs/images)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/dev}"
out="${2:-docs/images}"
gui="$build/app/modeldesk/modeldesk"
if [ ! -x "$gui" ]; then
  echo "screenshots: $gui not found; build it first: packaging/build.sh dev --target modeldesk modeldesk-cli" >&2
  exit 1
fi
for tool in xvfb-run timeout; do
  command -v "$tool" >/dev/null || { echo "screenshots: $tool is missing (packaging/install-deps.sh installs it)" >&2; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home/.config/ModelDesk" "$tmp/shots" "$out"
# A clean profile (default window layout and settings); the HTTP server on 8080 when it is free, so
# the pages show the usual address, else on a free port.
port=8080
if command -v ss >/dev/null && ss -ltn | grep -q ':8080 '; then port=0; fi
printf '[server]\nport=%s\nautoStart=true\n' "$port" > "$tmp/home/.config/ModelDesk/ModelDesk.conf"

started=$(date +%s)
status=0
env -u LANGUAGE HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" XDG_DATA_HOME="$tmp/home/.local/share" \
    LANG=C.UTF-8 LC_ALL=C.UTF-8 MODELDESK_SCREENSHOT_DIR="$tmp/shots" \
    timeout 300 xvfb-run -a -s "-screen 0 1400x900x24" "$gui" --workspace "$tmp/workspace" \
    >"$tmp/console.log" 2>&1 || status=$?
if [ "$status" -ne 0 ] || [ -z "$(ls "$tmp/shots")" ]; then
  tail -n 30 "$tmp/console.log" >&2
  if ! grep -q '^screenshots:' "$tmp/console.log"; then
    echo "screenshots: this console has no screenshot mode (ScreenshotDriver is not wired into the application)" >&2
  fi
  echo "screenshots: failed (exit $status)" >&2
  exit 1
fi
grep -E '^screenshots:|modeldesk.demo' "$tmp/console.log" || true
cp "$tmp/shots"/*.png "$out"/
echo "screenshots: $(ls "$tmp/shots" | wc -l) images in $out after $(( $(date +%s) - started )) s:"
ls "$tmp/shots"
