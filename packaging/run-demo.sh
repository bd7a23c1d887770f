#!/usr/bin/env bash
# Installs the dependencies, builds ModelDesk and opens the console on a demo workspace.
# Idempotent; run from a fresh clone on Debian 12 as root or with sudo.
#   MODELDESK_DEMO_WORKSPACE  where the demo lives (default: ~/.local/share/ModelDesk/demo of the user)
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
bash packaging/build.sh dev --target modeldesk modeldesk-cli

cli="$PWD/build/dev/app/modeldesk-cli/modeldesk-cli"
gui="$PWD/build/dev/app/modeldesk/modeldesk"

# Run the demo as the user who called sudo, so the workspace and the window belong to them.
as_user=()
user_home="$HOME"
if [ "$(id -u)" -eq 0 ] && [ -n "${SUDO_USER:-}" ] && [ "$SUDO_USER" != root ]; then
  as_user=(sudo -u "$SUDO_USER" --preserve-env=DISPLAY,WAYLAND_DISPLAY,XAUTHORITY,XDG_RUNTIME_DIR,DBUS_SESSION_BUS_ADDRESS)
  user_home="$(getent passwd "$SUDO_USER" | cut -d: -f6)"
fi
ws="${MODELDESK_DEMO_WORKSPACE:-$user_home/.local/share/ModelDesk/demo}"
"${as_user[@]}" mkdir -p "$ws"

bash packaging/demo-setup.sh "$cli" "$ws" "${as_user[@]}"

echo "Opening the ModelDesk console on $ws"
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "No display found: starting the console under Xvfb (virtual screen); a screenshot is saved to $ws/console.png"
  "${as_user[@]}" xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    "$1" --workspace "$2" & pid=$!
    sleep 8; import -window root "$2/console.png" 2>/dev/null || true
    echo "Console running under Xvfb (pid $pid); press Ctrl+C to stop."
    wait $pid' bash "$gui" "$ws"
else
  exec "${as_user[@]}" "$gui" --workspace "$ws"
fi
