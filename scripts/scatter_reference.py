"""Kymatio's scattering of images, the oracle for crates/dpxla-train/tests/scatter_kymatio.rs.

Reads JSON {"J": int, "L": int, "images": [[[...H...]...W...]]} on stdin and
writes JSON {"shape": [...], "values": [...]}: Kymatio 0.3's numpy
`Scattering2D(J, (H, W), L)` applied to the images, shape [N, K, H/2^J, W/2^J].
"""

import json
import sys

import numpy as np
# kymatio.numpy also imports the 3-D transform, which needs a scipy.special
# function newer scipy releases removed; the 2-D frontend alone does not.
from kymatio.scattering2d.frontend.numpy_frontend import ScatteringNumPy2D as Scattering2D


def main():
    req = json.load(sys.stdin)
    images = np.asarray(req["images"], dtype=np.float64)
    n, h, w = images.shape
    scattering = Scattering2D(J=req["J"], shape=(h, w), L=req["L"])
    out = scattering(images)
    json.dump({"shape": list(out.shape), "values": out.ravel().tolist()}, sys.stdout)


if __name__ == "__main__":
    main()
