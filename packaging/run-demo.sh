#!/usr/bin/env bash
# Installs the dependencies, builds ModelDesk and opens the console on a demo workspace, where the
# console runs its first-run demo by itself: it trains a small model on Fashion-MNIST (or on the
# sample built into ModelDesk when dataset-fashion-mnist is not installed), registers it, deploys it,
# sends it light traffic so the Monitoring charts move and shows a "try it" sample. Offline.
# Idempotent (a workspace that has the demo deploys it again without training); run from a fresh
# clone on Debian 12 as root or with sudo.
#   MODELDESK_DEMO_WORKSPACE  where the demo lives (default: ~/.local/share/ModelDesk/demo of the user)
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
bash packaging/build.sh dev --target modeldesk modeldesk-cli

gui="$PWD/build/dev/app/modeldesk/modeldesk"

# Run the demo as the user who called sudo, so the workspace and the window belong to them.
as_user=()
user_home="$HOME"
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  as_user=(sudo -u "$SUDO_USER" --preserve-env=DISPLAY,WAYLAND_DISPLAY,XAUTHORITY,XDG_RUNTIME_DIR,DBUS_SESSION_BUS_ADDRESS)
  user_home="$(getent passwd "$SUDO_USER" | cut -d: -f6)"
fi
ws="${MODELDESK_DEMO_WORKSPACE:-$user_home/.local/share/ModelDesk/demo}"

bash packaging/demo-setup.sh "$ws" "${as_user[@]}"

echo "Opening the ModelDesk console on $ws; the demo starts by itself (Dashboard)."
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  shots="$ws/screenshots"
  echo "No display found: starting the console under Xvfb (virtual screen); once the demo is live, a"
  echo "screenshot of every page is saved to $shots and the console keeps serving."
  "${as_user[@]}" rm -f "$shots/demo.png"
  "${as_user[@]}" env MODELDESK_DEMO_AUTOSTART=1 MODELDESK_SCREENSHOT_DIR="$shots" MODELDESK_SCREENSHOT_KEEP_RUNNING=1 \
    xvfb-run -a -s "-screen 0 1400x900x24" "$gui" --workspace "$ws" &
  pid=$!
  started=$(date +%s)
  # The screenshots are taken ~12 s after the demo answers its first request.
  for _ in $(seq 1 300); do
    [ -e "$shots/demo.png" ] && break
    kill -0 "$pid" 2>/dev/null || { echo "The console exited early; see its output above." >&2; exit 1; }
    sleep 1
  done
  if [ -e "$shots/demo.png" ]; then
    echo "Demo live; screenshots saved $(( $(date +%s) - started )) s after the console started: $shots"
  else
    echo "The demo did not finish within 5 minutes; see the console output above." >&2
  fi
  echo "Console running under Xvfb (pid $pid); press Ctrl+C to stop."
  wait "$pid"
else
  exec "${as_user[@]}" env MODELDESK_DEMO_AUTOSTART=1 "$gui" --workspace "$ws"
fi
