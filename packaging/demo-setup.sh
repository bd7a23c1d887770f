#!/usr/bin/env bash
# Prepares a demo workspace: a model trained from real data that Debian ships when the training
# commands are available, else the Python-made reference MLP. Skips what is already there.
# Usage: demo-setup.sh CLI WORKSPACE [command prefix to run as another user...]
set -euo pipefail
cli="$1"; ws="$2"; shift 2
run=("$@")
if "${run[@]}" "$cli" --workspace "$ws" models show fashion-mlp >/dev/null 2>&1; then
  echo "demo: model fashion-mlp already in $ws"
  exit 0
fi
if "${run[@]}" "$cli" train --help >/dev/null 2>&1 && [ -d /usr/share/datasets/fashion-mnist ]; then
  echo "demo: training an MLP on Fashion-MNIST (1 epoch)..."
  "${run[@]}" "$cli" --workspace "$ws" train --data /usr/share/datasets/fashion-mnist --arch mlp --epochs 1 \
      --register fashion-mlp
else
  tmp="$(mktemp -d)"
  chmod 755 "$tmp"
  /usr/bin/python3 "$(dirname "$0")/../tests/data/make_models.py" "$tmp" --only mlp.pt >/dev/null
  "${run[@]}" "$cli" --workspace "$ws" models import "$tmp/mlp.pt" --name fashion-mlp \
      --description "Reference MLP 784-128-10 made with PyTorch" --task classification
  rm -rf "$tmp"
fi
"${run[@]}" "$cli" --workspace "$ws" models alias fashion-mlp:1 production
