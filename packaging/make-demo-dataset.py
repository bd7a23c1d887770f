#!/usr/bin/env python3
"""Writes the console demo's fallback dataset (resources/demo/) from Debian's Fashion-MNIST.

A stratified, deterministic subset in the same IDX layout as the full set, so the demo trains and
serves the same 784-pixel model whichever data it finds: the first TRAIN_PER_CLASS training images
and the first TEST_PER_CLASS test images of each class, in file order, gzipped.
Plain python3 (no torch). Usage: make-demo-dataset.py [SOURCE_DIR] [OUT_DIR]
"""
import gzip
import os
import struct
import sys

TRAIN_PER_CLASS = 80
TEST_PER_CLASS = 20


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    magic, = struct.unpack(">I", data[:4])
    dims = data[3]
    shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
    return magic, shape, data[4 + 4 * dims:]


def pick(images_path, labels_path, per_class):
    _, ishape, pixels = read_idx(images_path)
    _, _, labels = read_idx(labels_path)
    rows, h, w = ishape
    size = h * w
    taken = {c: 0 for c in range(10)}
    out_pixels, out_labels = bytearray(), bytearray()
    for i in range(rows):
        c = labels[i]
        if taken[c] < per_class:
            taken[c] += 1
            out_pixels += pixels[i * size:(i + 1) * size]
            out_labels.append(c)
    return h, w, bytes(out_pixels), bytes(out_labels)


def write_idx(path, magic, shape, payload):
    header = struct.pack(">I", magic) + struct.pack(">" + "I" * len(shape), *shape)
    # mtime=0: the same input gives the same bytes (a stable dataset digest for lineage).
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as f:
        f.write(header + payload)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "resources", "demo")
    os.makedirs(out, exist_ok=True)
    for prefix, per_class in (("train", TRAIN_PER_CLASS), ("t10k", TEST_PER_CLASS)):
        h, w, pixels, labels = pick(os.path.join(src, prefix + "-images-idx3-ubyte.gz"),
                                    os.path.join(src, prefix + "-labels-idx1-ubyte.gz"), per_class)
        n = len(labels)
        write_idx(os.path.join(out, prefix + "-images-idx3-ubyte.gz"), 0x00000803, (n, h, w), pixels)
        write_idx(os.path.join(out, prefix + "-labels-idx1-ubyte.gz"), 0x00000801, (n,), labels)
        print(f"{prefix}: {n} images {h}x{w}")


if __name__ == "__main__":
    main()
