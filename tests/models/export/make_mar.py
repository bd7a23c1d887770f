#!/usr/bin/python3
"""Writes a TorchServe model archive (.mar) the way torch-model-archiver does: a zip file with
MAR-INF/MANIFEST.json and the archived files at the root. Only the standard library is needed.

Usage: make_mar.py OUT.mar --serialized FILE [--name N] [--version V] [--handler H]
                   [--model-file FILE] [--entry-name NAME] [--manifest-serialized NAME]
                   [--extra NAME=TEXT ...] [--stored] [--stream] [--no-manifest]
  --entry-name           store the serialized file under this entry name (default: its base name)
  --manifest-serialized  the serializedFile value written in the manifest (default: the entry name)
  --stream               write to an unseekable stream: entries get data descriptors (flag bit 3)
"""

import argparse
import json
import os
import zipfile


class Unseekable:
    """A write-only file wrapper without seek/tell, so zipfile uses data descriptors."""

    def __init__(self, f):
        self._f = f

    def write(self, data):
        return self._f.write(data)

    def flush(self):
        self._f.flush()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("out")
    p.add_argument("--serialized", required=True)
    p.add_argument("--name", default="mnist")
    p.add_argument("--version", default="1.0")
    p.add_argument("--handler", default="image_classifier")
    p.add_argument("--model-file")
    p.add_argument("--entry-name")
    p.add_argument("--manifest-serialized")
    p.add_argument("--extra", action="append", default=[])
    p.add_argument("--stored", action="store_true")
    p.add_argument("--stream", action="store_true")
    p.add_argument("--no-manifest", action="store_true")
    a = p.parse_args()

    entry = a.entry_name or os.path.basename(a.serialized)
    model = {
        "modelName": a.name,
        "serializedFile": a.manifest_serialized or entry,
        "handler": a.handler,
        "modelVersion": a.version,
    }
    if a.model_file:
        model["modelFile"] = os.path.basename(a.model_file)
    manifest = {
        "createdOn": "28/11/2026 12:00:00",
        "runtime": "python",
        "model": model,
        "archiverVersion": "0.9.0",
    }
    method = zipfile.ZIP_STORED if a.stored else zipfile.ZIP_DEFLATED
    with open(a.out, "wb") as raw:
        target = Unseekable(raw) if a.stream else raw
        with zipfile.ZipFile(target, "w", method) as z:
            with open(a.serialized, "rb") as f:
                z.writestr(entry, f.read())
            if a.model_file:
                z.write(a.model_file, os.path.basename(a.model_file))
            for item in a.extra:
                name, _, text = item.partition("=")
                z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text)
            if not a.no_manifest:
                z.writestr("MAR-INF/MANIFEST.json", json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main()
