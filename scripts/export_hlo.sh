#!/usr/bin/env bash
# Regenerates hlo/: for each standard model, the StableHLO of its compiled
# programs and XLA's HLO text before/after optimisation (dpxla export-hlo).
# tests/hlo_fresh.rs fails when the committed StableHLO is stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --bin dpxla
BATCH=8
for model in mlp cnn_tanh; do
  echo "== $model (batch $BATCH)"
  ./target/debug/dpxla export-hlo --model "$model" --batch "$BATCH" --out "hlo/$model" 2>/dev/null
done
