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


def fit(opts, study, name, model, targets_text, protocols):
    """Runs `glassland landscape-model fit` on `model` with TARGETS text and protocol texts
    {name: toml text} written into opts.out/name; returns (fitted model path, fit.json)."""
    folder = os.path.join(opts.out, name)
    os.makedirs(folder, exist_ok=True)
    for key, text in protocols.items():
        with open(os.path.join(folder, key + ".toml"), "w") as f:
            f.write(text)
    with open(os.path.join(folder, "targets.toml"), "w") as f:
        f.write(targets_text)
    print(f"{study}: fitting ({name})", file=sys.stderr)
    out = os.path.join(folder, "fit")
    subprocess.run([opts.glassland, "landscape-model", "fit", "--model", model, "--targets", os.path.join(folder, "targets.toml"),
                    "--out", out], check=True, stderr=subprocess.DEVNULL if opts.quiet else None)
    with open(os.path.join(out, "fit.json")) as f:
        return os.path.join(out, "fitted_model.toml"), json.load(f)


def targets_toml(parameters, protocols, scalars, max_evaluations):
    """TARGETS.toml text: parameters (model keys), protocols {name: file}, scalars (dicts)."""
    text = f"parameters = {json.dumps(parameters)}\nmax_evaluations = {max_evaluations}\n[protocols]\n"
    text += "".join(f'{k} = "{v}"\n' for k, v in protocols.items())
    for s in scalars:
        text += "[[scalar]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in s.items())
    return text


def prediction(name, paper, ours, fitted):
    """One row of summary.json's `predictions` (relative_error = (ours - paper) / |paper|)."""
    ours = float(ours)
    error = (ours - paper) / abs(paper) if paper != 0 and np.isfinite(ours) else float("nan")
    return {"name": name, "paper": paper, "ours": ours, "relative_error": error, "fitted": fitted}


def report(opts, study, predictions, extra=None):
    """Prints paper | ours | relative error for every entry and writes opts.out/summary.json."""
    print(f"\n{study}: fitted (F) and held-out (P) numbers")
    print(f"{'':2} {'quantity':58} {'paper':>10} {'ours':>10} {'rel. err':>9}")
    for p in predictions:
        print(f"{'F' if p['fitted'] else 'P':2} {p['name']:58} {p['paper']:>10.4g} {p['ours']:>10.4g} {100 * p['relative_error']:>8.1f}%")
    summary = {"study": study, "predictions": predictions}
    summary.update(extra or {})
    with open(os.path.join(opts.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2, allow_nan=True)


def with_overrides(model_path, overrides, out_path):
    """Copies MODEL.toml to out_path with "table.key=value" overrides (value as TOML text),
    replacing the key in its [table] or adding it there. Returns out_path."""
    with open(model_path) as f:
        lines = f.read().split("\n")
    for item in overrides:
        name, value = item.split("=", 1)
        table, key = name.strip().split(".", 1)
        start = lines.index(f"[{table}]") if f"[{table}]" in lines else None
        if start is None:
            lines += ["", f"[{table}]", f"{key} = {value.strip()}"]
            continue
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
        hit = next((i for i in range(start + 1, end) if lines[i].split("=")[0].strip() == key), None)
        if hit is None:
            lines.insert(start + 1, f"{key} = {value.strip()}")
        else:
            lines[hit] = f"{key} = {value.strip()}"
    with open(out_path, "w") as f:
        f.write("\n".join(lines))
    return out_path
