"""Shared helpers of the landscape-model studies (2, 3, 4): run `glassland landscape-model`
on a protocol written from Python, read its CSV results, and compose protocol steps."""
import csv
import json
import os
import subprocess
import sys

import numpy as np


def run(opts, study, name, protocol_text):
    """Writes PROTOCOL `name`.toml into opts.out, runs the model on it, returns (dir, results)."""
    out = os.path.join(opts.out, name)
    os.makedirs(opts.out, exist_ok=True)
    protocol = os.path.join(opts.out, name + ".toml")
    with open(protocol, "w") as f:
        f.write(protocol_text)
    print(f"{study}: {name}", file=sys.stderr)
    subprocess.run([opts.glassland, "landscape-model", "--model", opts.model, "--protocol", protocol, "--out", out,
                    "--no-plots"], check=True, stderr=subprocess.DEVNULL if opts.quiet else None)
    with open(os.path.join(out, "results.json")) as f:
        return out, json.load(f)


def read_columns(path):
    """CSV file -> {column name: numpy array}."""
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}


def step(kind, **fields):
    """One [[step]] table of a protocol TOML."""
    text = f'[[step]]\nkind = "{kind}"\n'
    for k, v in fields.items():
        text += f"{k} = {v}\n"
    return text
