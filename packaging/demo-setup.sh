#!/usr/bin/env bash
# Prepares a demo workspace for the console's first-run demo and says which data it will use.
# The console itself trains, registers, deploys and loads the demo model (MODELDESK_DEMO_AUTOSTART=1);
# nothing is trained here. Idempotent.
# Usage: demo-setup.sh WORKSPACE [command prefix to run as another user...]
set -euo pipefail
ws="$1"; shift
run=("$@")
"${run[@]}" mkdir -p "$ws"
data=/usr/share/datasets/fashion-mnist
if [ -e "$data/train-images-idx3-ubyte.gz" ] || [ -e "$data/train-images-idx3-ubyte" ]; then
  echo "demo: data: Fashion-MNIST from $data (60 000 training images)"
else
  echo "demo: Fashion-MNIST is not installed: the demo uses the sample built into ModelDesk (800 images)."
  echo "      For the full demo: sudo apt install dataset-fashion-mnist"
fi
