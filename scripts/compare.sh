#!/usr/bin/env bash
# Side-by-side DP-SGD step times of dpxla, JAX and Opacus (and the non-private
# step of each) on the same models, shapes, batch, σ and C.
#
#   bash scripts/compare.sh [options] [MODEL[:BATCH[:LOGICAL]] ...]
#
# MODEL is one of mlp, cnn_tanh_cifar, cifar_cnn, wrn16_4, resnet18_gn;
# BATCH (the physical batch: examples per gradient call) defaults to 256 (64
# for wrn16_4, 32 for resnet18_gn); LOGICAL (examples per step, accumulated
# over ceil(LOGICAL/BATCH) calls, then one update) defaults to BATCH. Without
# models: each of mlp:256, cnn_tanh_cifar:256 and wrn16_4:64 at one
# microbatch per step and at a logical batch of 4 microbatches (as DP
# training at scale runs). Options:
#   --platform cpu|cuda   where every framework runs (default cpu; with cuda,
#                         dpxla uses the CUDA PJRT plugin that jax[cuda13]
#                         installs into .venv-bench unless DPXLA_PLUGIN is set)
#   --repeats R           rounds over all runs (default 2); the table reports
#                         the median over rounds of each run's median step
#   --steps N, --warmup W timed and untimed steps per run (default 3, 1)
#   --out DIR             results folder (default runs/compare-DATE)
#   --sigma S, --clip C   noise multiplier and clipping norm (default 1, 1)
#
# Each run is its own process (so peak host memory is per run). Within a
# round, all runs of one configuration follow each other, and the order of
# the frameworks rotates from round to round, so that drift of a shared
# machine hits every framework alike. Writes DIR/results.jsonl (one record per
# run, fields as `dpxla bench --json`), DIR/table.md and DIR/chart.png.
#
# Python packages come from the registry with pip into .venv-bench/
# (git-ignored): jax[cpu] (or jax[cuda13] with --platform cuda), torch,
# opacus and matplotlib. The registry's Linux x86_64 torch wheel depends on
# the CUDA libraries (nvidia-* and triton packages) even for CPU use; the
# registry serves no CPU-only torch build for this platform, and torch does
# not import without those libraries. Measured download: about 3.2 GB
# (torch 539 MB, triton 286 MB, nvidia-* and cuda-* 2.2 GB, jax, jaxlib, opacus,
# matplotlib and the rest ~180 MB); 6.0 GB on disk.
set -euo pipefail
cd "$(dirname "$0")/.."

# PyTorch's OpenMP threads spin while they wait for each other; on a shared,
# oversubscribed machine (another process holding a core) that made its CPU
# steps up to ~100x slower here (mlp, batch 32: 170 ms instead of 2 ms).
# Passive waiting removes the artefact and costs nothing measurable on a quiet
# machine. XLA (dpxla, JAX) uses its own thread pool and ignores it.
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-PASSIVE}

orig_args="$*"
platform=cpu
repeats=2
steps=3
warmup=1
sigma=1.0
clip=1.0
out=""
configs=()
while [ $# -gt 0 ]; do
    case "$1" in
        --platform) platform=$2; shift 2 ;;
        --repeats) repeats=$2; shift 2 ;;
        --steps) steps=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --sigma) sigma=$2; shift 2 ;;
        --clip) clip=$2; shift 2 ;;
        --out) out=$2; shift 2 ;;
        -h|--help) sed -n '2,/^set -e/p' "$0" | sed 's/^# \{0,1\}//; /^set -e/d'; exit 0 ;;
        -*) echo "unknown option $1" >&2; exit 2 ;;
        *) configs+=("$1"); shift ;;
    esac
done
[ ${#configs[@]} -gt 0 ] || configs=(mlp:256 mlp:256:1024 cnn_tanh_cifar:256
    cnn_tanh_cifar:256:1024 wrn16_4:64 wrn16_4:64:256)
out=${out:-runs/compare-$(date +%Y%m%d-%H%M%S)}
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"

echo "== Python environment (.venv-bench: jax, torch, opacus, matplotlib)"
venv=.venv-bench
jax_pkg='jax[cpu]==0.10.2'
[ "$platform" = cuda ] && jax_pkg='jax[cuda13]==0.10.2'  # torch 2.15's wheel is CUDA 13 too
if ! "$venv/bin/python" -c "import jax, torch, opacus, matplotlib" 2>/dev/null; then
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --progress-bar off --disable-pip-version-check \
        "$jax_pkg" 'torch==2.15.0' 'opacus==1.6.0' matplotlib
fi
py="$venv/bin/python"
"$py" -c "import jax, torch, opacus; print('jax', jax.__version__, '| torch', torch.__version__, '| opacus', opacus.__version__)"

if [ "$platform" = cuda ] && [ -z "${DPXLA_PLUGIN:-}" ]; then
    plugin=$(ls "$venv"/lib/python*/site-packages/jax_plugins/xla_cuda1*/xla_cuda_plugin.so 2>/dev/null | head -n 1 || true)
    [ -n "$plugin" ] && export DPXLA_PLUGIN="$PWD/$plugin"
fi

echo "== dpxla (release build)"
cargo build --release --quiet --bin dpxla
dpxla=target/release/dpxla

# One run: appends its JSON record (or an error record) to results.jsonl.
run() {
    local label=$1; shift
    local log="$out/last.log"
    echo "-- $label"
    if timeout 3600 "$@" --json > "$log.out" 2> "$log"; then
        tail -n 1 "$log.out" | tee -a "$results"
    else
        local rc=$?
        printf '{"error": "exit %s", "label": "%s", "stderr": %s}\n' "$rc" "$label" \
            "$("$py" -c 'import json,sys; print(json.dumps(sys.stdin.read()[-400:]))' < "$log")" \
            | tee -a "$results"
    fi
}

for ((r = 0; r < repeats; r++)); do
    for cfg in "${configs[@]}"; do
        IFS=: read -r model batch logical <<< "$cfg"
        if [ -z "$batch" ]; then
            case "$model" in wrn16_4) batch=64 ;; resnet18_gn) batch=32 ;; *) batch=256 ;; esac
        fi
        logical=${logical:-$batch}
        common=(--model "$model" --batch "$batch" --logical "$logical" --steps "$steps"
                --warmup "$warmup" --platform "$platform")
        dp=(--sigma "$sigma" --clip-norm "$clip")
        runners=(
            "dpxla DP|$dpxla bench ${common[*]} ${dp[*]}"
            "dpxla non-DP|$dpxla bench ${common[*]} --non-private"
            "JAX DP|$py scripts/bench_jax.py ${common[*]} ${dp[*]}"
            "JAX non-DP|$py scripts/bench_jax.py ${common[*]} --non-private"
            "torch non-DP|$py scripts/bench_opacus.py ${common[*]} --non-private"
            "Opacus hooks|$py scripts/bench_opacus.py ${common[*]} ${dp[*]} --mode hooks"
            "Opacus functorch|$py scripts/bench_opacus.py ${common[*]} ${dp[*]} --mode functorch"
            "Opacus ew|$py scripts/bench_opacus.py ${common[*]} ${dp[*]} --mode ew"
            "Opacus ghost|$py scripts/bench_opacus.py ${common[*]} ${dp[*]} --mode ghost"
        )
        n=${#runners[@]}
        echo "== round $((r + 1))/$repeats: $model, batch $batch, logical $logical"
        for ((i = 0; i < n; i++)); do
            entry=${runners[$(((i + r * 3) % n))]}
            # shellcheck disable=SC2086 # the command is split into words on purpose
            run "${entry%%|*} $model/$batch" ${entry#*|}
        done
    done
done

echo "== report"
"$py" scripts/compare_report.py "$results" --md "$out/table.md" --png "$out/chart.png" \
    --command "bash scripts/compare.sh${orig_args:+ $orig_args}"
cat "$out/table.md"
echo "results: $out (results.jsonl, table.md, chart.png)"
