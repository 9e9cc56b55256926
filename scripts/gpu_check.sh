#!/usr/bin/env bash
# The one-shot GPU check (issue 23, item 7), prepared on a CPU machine and run
# in ONE call on a lent GPU machine.
#
#   bash scripts/gpu_check.sh prepare [DIR]        on CPU: binary, params, batches,
#        CPU gradient references, a synthetic dataset, a CPU reference checkpoint
#        of an 8-step seeded DP run, all into DIR (default gpu_check/, git-ignored)
#   bash scripts/gpu_check.sh run [--dry-run] [DIR]   on the GPU (or, with
#        --dry-run, on the CPU plugin with a short bench): plugin info; per-example
#        gradients of mlp and cnn_tanh against the CPU references, also with TF32
#        forced off (NVIDIA_TF32_OVERRIDE=0); the 8-step DP run against the CPU
#        checkpoint; `dpxla bench` DP and non-DP; scripts/bench_jax.py beside it
#        when JAX is installed. Results: $OUT (default DIR/out) gets summary.md and
#        results.jsonl (one JSON object per line).
#
# Not built yet (say so in the results): XLA's two-clients-in-one-process
# topology test (needs the distributed client, item 6). DPXLA_BIN overrides the
# binary (the dry-run test passes cargo's debug binary).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
cmd=${1:-}
shift || true
dry=0
if [ "${1:-}" = "--dry-run" ]; then
    dry=1
    shift
fi
DIR=${1:-gpu_check}
BIN=${DPXLA_BIN:-$DIR/dpxla}

prepare() {
    mkdir -p "$DIR"
    if [ -z "${DPXLA_BIN:-}" ]; then
        cargo build --quiet --release --bin dpxla
        cp target/release/dpxla "$DIR/dpxla"
    fi
    "$PY" scripts/gpu_check_data.py data "$DIR"
    for m in mlp cnn_tanh; do
        "$BIN" init --model "$m" --out "$DIR/$m.params.safetensors" >/dev/null
        "$BIN" grads --platform cpu --model "$m" --params "$DIR/$m.params.safetensors" \
            --batch "$DIR/batch_$m.safetensors" --out "$DIR/$m.grads_cpu.safetensors"
    done
    cat >"$DIR/dp8.toml" <<EOF
# 8 seeded DP-SGD steps on the synthetic dataset (scripts/gpu_check.sh)
[model]
name = "cnn_tanh"
[data]
train = "$DIR/synthetic"
[augment]
mean = [0.3]
std = [0.3]
[privacy]
clip_norm = 1.0
noise_multiplier = 1.0
delta = 1e-3
debug_seed = 23
[training]
batch_size = 64
steps = 8
physical_batch = 32
learning_rate = 0.5
optimizer = { name = "sgd", momentum = 0.9 }
eval_every = 8
checkpoint_every = 8
EOF
    dp8 cpu "$DIR/dp8_cpu"
    echo "prepared $DIR"
}

# An 8-step run on platform $1 into folder $2.
dp8() {
    rm -rf "$2"
    "$BIN" train --config "$DIR/dp8.toml" --no-progress --set "output.dir=$2" \
        --set "runtime.platform=$1" >/dev/null
}

run() {
    [ -f "$DIR/dp8.toml" ] || { echo "run 'bash scripts/gpu_check.sh prepare $DIR' first" >&2; exit 2; }
    local platform=cuda
    [ "$dry" = 1 ] && platform=cpu
    OUT=${OUT:-$DIR/out}
    mkdir -p "$OUT"
    local jsonl="$OUT/results.jsonl" summary="$OUT/summary.md"
    : >"$jsonl"
    {
        echo "# GPU check ($([ "$dry" = 1 ] && echo "dry run on the CPU plugin" || echo "$platform"))"
        echo
        echo '```'
        "$BIN" plugin info --platform "$platform" 2>&1 || true
        echo '```'
    } >"$summary"
    for tf32 in default off; do
        for m in mlp cnn_tanh; do
            local got="$OUT/$m.grads_$platform.$tf32.safetensors"
            if [ "$tf32" = off ]; then
                NVIDIA_TF32_OVERRIDE=0 "$BIN" grads --platform "$platform" --model "$m" \
                    --params "$DIR/$m.params.safetensors" --batch "$DIR/batch_$m.safetensors" --out "$got"
            else
                "$BIN" grads --platform "$platform" --model "$m" \
                    --params "$DIR/$m.params.safetensors" --batch "$DIR/batch_$m.safetensors" --out "$got"
            fi
            "$PY" scripts/gpu_check_data.py compare "grads $m tf32=$tf32" \
                "$DIR/$m.grads_cpu.safetensors" "$got" >>"$jsonl"
        done
    done
    dp8 "$platform" "$OUT/dp8_$platform"
    "$PY" scripts/gpu_check_data.py compare "dp8 checkpoint vs cpu" \
        "$DIR/dp8_cpu/checkpoint.safetensors" "$OUT/dp8_$platform/checkpoint.safetensors" >>"$jsonl"
    local models=(mlp cnn_tanh_cifar wrn16_4 resnet18_gn) batch=64 logical=512 steps=5
    if [ "$dry" = 1 ]; then
        models=(mlp) batch=8 logical=16 steps=1
    fi
    for m in "${models[@]}"; do
        for mode in dp non-private; do
            local flag=()
            [ "$mode" = non-private ] && flag=(--non-private)
            "$BIN" bench --platform "$platform" --model "$m" --batch "$batch" \
                --logical "$logical" --steps "$steps" --warmup 1 "${flag[@]}" --json >>"$jsonl"
        done
    done
    if "$PY" -c "import jax" 2>/dev/null; then
        for m in "${models[@]}"; do
            "$PY" scripts/bench_jax.py --platform "$platform" --model "$m" --batch "$batch" --logical "$logical" \
                --steps "$steps" --json >>"$jsonl" || echo '{"check": "bench_jax '"$m"'", "error": "failed"}' >>"$jsonl"
        done
    else
        echo '{"check": "bench_jax", "skipped": "jax is not installed in .venv"}' >>"$jsonl"
    fi
    echo '{"check": "two-client topology", "skipped": "not built (issue 23, item 6)"}' >>"$jsonl"
    {
        echo
        echo "## Results (results.jsonl)"
        echo
        echo '```'
        cat "$jsonl"
        echo '```'
    } >>"$summary"
    echo "wrote $summary and $jsonl"
}

case "$cmd" in
    prepare) prepare ;;
    run) run ;;
    *) echo "usage: $0 prepare [DIR] | run [--dry-run] [DIR]" >&2; exit 2 ;;
esac
