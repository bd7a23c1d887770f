#!/usr/bin/python3
"""Writes the TorchScript (and deliberately broken) model files the ModelDesk tests load.

Usage: /usr/bin/python3 make_models.py OUTDIR

Run with Debian's interpreter (/usr/bin/python3, package python3-torch): the `python3` on PATH may
have no torch. Seeds are fixed, so weights and the *_expected.json reference outputs are the same on
every run; the TorchScript writer stamps no time into its zip entries.
"""

import io
import json
import os
import random
import sys
import zipfile
from typing import Dict, Tuple

import torch
from torch import nn


class MLP(nn.Module):
    """784 -> 128 -> 10, the shape of a Fashion-MNIST classifier (100480 parameters)."""

    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        return self.fc2(torch.relu(self.fc1(x)))


class Linear(nn.Module):
    def __init__(self, inputs: int, outputs: int):
        super().__init__()
        self.fc = nn.Linear(inputs, outputs)

    def forward(self, x):
        return self.fc(x)


class TupleOut(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x) -> Tuple[torch.Tensor, torch.Tensor]:
        logits = self.fc(x)
        return logits, torch.softmax(logits, dim=1)


class TwoInputs(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)

    def forward(self, x, y):
        return self.fc(x + y)


class NotTensor(nn.Module):
    def forward(self, s: str) -> str:
        return s + "!"


class DictOut(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x) -> Dict[str, torch.Tensor]:
        return {"logits": self.fc(x)}


def save_scripted(module: nn.Module, path: str):
    module.eval()
    torch.jit.script(module).save(path)


def write_expected(model_path: str, inputs: int, json_path: str, seed: int):
    """Reference input and output of a saved model, computed by Python's LibTorch."""
    generator = torch.Generator().manual_seed(seed)
    x = torch.rand(1, inputs, generator=generator, dtype=torch.float32)
    model = torch.jit.load(model_path)
    with torch.no_grad():
        y = model(x)
    with open(json_path, "w", encoding="utf-8") as f:
        json.dump({"input": x.tolist(), "output": y.tolist()}, f)
        f.write("\n")


def write_zip_slip(model_path: str, path: str):
    """A real model plus an entry whose name climbs out of the extraction folder."""
    with zipfile.ZipFile(model_path) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr(zipfile.ZipInfo("../evil.txt", date_time=(1980, 1, 1, 0, 0, 0)), b"escaped\n")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_models.py OUTDIR")
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    p = lambda name: os.path.join(out, name)  # noqa: E731

    torch.manual_seed(20240501)
    save_scripted(MLP(), p("mlp.pt"))
    torch.manual_seed(20240502)
    save_scripted(MLP(), p("mlp_v2.pt"))
    torch.manual_seed(20240503)
    save_scripted(Linear(4, 3), p("linear.pt"))
    torch.manual_seed(20240504)
    save_scripted(TupleOut(), p("tuple_out.pt"))
    torch.manual_seed(20240505)
    save_scripted(TwoInputs(), p("two_inputs.pt"))
    save_scripted(NotTensor(), p("not_tensor.pt"))
    torch.manual_seed(20240506)
    save_scripted(DictOut(), p("dict_out.pt"))
    torch.manual_seed(20240507)
    save_scripted(nn.Linear(4096, 4096), p("large.pt"))  # 16.8 M float parameters, ~64 MiB

    # What users mistake for TorchScript: torch.save of an eager module (legacy pickle format; a
    # Sequential of built-in layers pickles without this script being importable) and of a
    # state dict (the default zip format, with data.pkl but no code/).
    torch.manual_seed(20240508)
    eager = nn.Sequential(nn.Linear(4, 3), nn.ReLU())
    torch.save(eager, p("eager_pickle.pt"), _use_new_zipfile_serialization=False)
    torch.save(eager.state_dict(), p("state_dict.pt"))

    write_zip_slip(p("mlp.pt"), p("zip_slip.pt"))
    with open(p("mlp.pt"), "rb") as f:
        whole = f.read()
    with open(p("truncated.pt"), "wb") as f:
        f.write(whole[: len(whole) // 2])
    open(p("empty.pt"), "wb").close()
    rng = random.Random(20240509)
    noise = bytes(rng.getrandbits(8) for _ in range(4096))
    assert not noise.startswith(b"PK") and noise[0] != 0x80
    with open(p("random.bin"), "wb") as f:
        f.write(noise)

    write_expected(p("mlp.pt"), 784, p("mlp_expected.json"), seed=7)
    write_expected(p("linear.pt"), 4, p("linear_expected.json"), seed=8)


if __name__ == "__main__":
    main()
