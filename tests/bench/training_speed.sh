#!/bin/bash
# Training speed benchmark (run by hand; not part of ctest's default run):
#   modeldesk-cli train  vs  the same training in Debian's Python PyTorch (train_mlp_pytorch.py),
# whole process each, measured by hyperfine on the same machine in the same session.
#
# Both: Fashion-MNIST from /usr/share/datasets/fashion-mnist (gzipped IDX), MLP 784 -> 128 (ReLU) -> 10,
# Adam lr 1e-3, batch 64, 3 epochs, 1 thread (ATen and OpenBLAS), 10% validation split, test accuracy
# at the end. ModelDesk also registers the dataset, checkpoints every epoch, exports and verifies
# TorchScript and registers a version: the whole product path.
#
# Usage: tests/bench/training_speed.sh [BUILD_DIR] [RUNS]      (defaults: ./build, 5)
# Needs: hyperfine, /usr/bin/python3 with torch (python3-torch), dataset-fashion-mnist.
# Prints both means, the ratio and samples/s; exits 1 when ModelDesk is not >= 1.2x faster.
set -euo pipefail

BUILD_DIR=${1:-build}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
CLI=$(realpath "$BUILD_DIR/app/modeldesk-cli/modeldesk-cli")
DATA=/usr/share/datasets/fashion-mnist
PY=/usr/bin/python3

for tool in hyperfine "$PY" "$CLI"; do
    command -v "$tool" >/dev/null || { echo "training_speed: missing $tool" >&2; exit 2; }
done
[ -f "$DATA/train-images-idx3-ubyte.gz" ] || { echo "training_speed: install dataset-fashion-mnist" >&2; exit 2; }
"$PY" -c "import torch" 2>/dev/null || { echo "training_speed: $PY has no torch (install python3-torch)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# One thread everywhere, for both sides (OpenBLAS would otherwise start its own pool).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1

MODELDESK="$CLI --workspace $WORK/ws train --data $DATA --arch mlp --hidden 128 --optimizer adam --lr 0.001 \
--batch-size 64 --epochs 3 --threads 1 --seed 42 --register fmnist-bench --json > $WORK/modeldesk.json"
PYTORCH="$PY $HERE/train_mlp_pytorch.py $DATA 3 1 > $WORK/pytorch.json 2>/dev/null"

hyperfine --warmup 1 --runs "$RUNS" --export-json "$WORK/hyperfine.json" \
    -n modeldesk-cli "$MODELDESK" -n python-pytorch "$PYTORCH"

"$PY" - "$WORK" <<'EOF'
import json, sys
work = sys.argv[1]
h = {r["command"]: r for r in json.load(open(f"{work}/hyperfine.json"))["results"]}
md, py = h["modeldesk-cli"], h["python-pytorch"]
mdj = json.load(open(f"{work}/modeldesk.json"))
pyj = json.load(open(f"{work}/pytorch.json"))
samples = 54000 * 3  # training rows x epochs
ratio = py["mean"] / md["mean"]
print()
print(f"modeldesk-cli : {md['mean']:.2f} s +- {md['stddev']:.2f} (user {md['user']:.2f} s), "
      f"{samples / md['mean']:.0f} samples/s whole process, {mdj['metrics']['train_samples_per_second']:.0f} samples/s "
      f"in the training loop, test accuracy {mdj['metrics']['test_accuracy']:.4f}")
print(f"python-pytorch: {py['mean']:.2f} s +- {py['stddev']:.2f} (user {py['user']:.2f} s), "
      f"{samples / py['mean']:.0f} samples/s whole process, {pyj['samples_per_second']:.0f} samples/s "
      f"in the training loop, test accuracy {pyj['test_accuracy']:.4f}")
print(f"ModelDesk is {ratio:.2f}x faster (target >= 1.2x)")
sys.exit(0 if ratio >= 1.2 else 1)
EOF
