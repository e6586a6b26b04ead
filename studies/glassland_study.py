"""Shared helpers of the study scripts: one place for the wrappers every study needs.

- `import_glassland(binary)`: the Python package built next to a `glassland` executable
  (build/bridge/glassland -> build/python), imported with Debian's interpreter's numpy.
- `cli(binary, *args)` / `cli_json(binary, *args)`: run a `glassland` subcommand (what is simplest
  on the command line stays there: quench with its files, md, analyze, landscape-model fit).
- `run_model(opts, study, name, protocol_text)`: a landscape-model protocol through the Python
  API (no subprocess, no CSV files read back): returns (directory, ProtocolResult) with the
  summary as `.summary` and every CSV as numpy columns in `.tables`; the files that
  `glassland landscape-model --no-plots` writes are saved into opts.out/name as well.
- `fit(...)`, `targets_toml(...)`: `glassland landscape-model fit` on protocols written from Python.
- `prediction(...)`, `report(...)`: the paper | ours | relative error table and summary.json.
- `step(kind, **fields)`, `with_overrides(...)`, `read_columns(path)`, `write_rows(path, rows)`.
- `step_result(result, kind, occurrence=-1)`: a protocol step's summary by its kind.
- `study_arguments(parser, study, quick_help)`: the options every study has (--glassland,
  --out out/<study>, --quick, --quiet); `mean_stderr(values)`: mean and standard error.

Study scripts import it with `from glassland_study import ...` (they run from studies/).
"""
import csv
import json
import math
import os
import subprocess
import sys

import numpy as np


def python_dir(binary):
    """build/python for a binary at build/bridge/glassland (or GLASSLAND_PYTHONPATH if set)."""
    if os.environ.get("GLASSLAND_PYTHONPATH"):
        return os.environ["GLASSLAND_PYTHONPATH"]
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(binary))), "python")


def import_glassland(binary="./build/bridge/glassland"):
    """Imports the glassland package built with `binary` (see docs/python.md)."""
    path = python_dir(binary)
    if path not in sys.path:
        sys.path.insert(0, path)
    import glassland
    return glassland


def cli(binary, *args, quiet=False):
    """Runs `glassland ARGS...` and returns its stdout (raises CalledProcessError on failure);
    quiet hides its progress lines on stderr."""
    return subprocess.run([binary, *map(str, args)], check=True, stdout=subprocess.PIPE, text=True,
                          stderr=subprocess.DEVNULL if quiet else None).stdout


def cli_json(binary, *args, quiet=False):
    """Runs a subcommand with --json and returns the parsed object."""
    return json.loads(cli(binary, *args, "--json", quiet=quiet))


def study_arguments(parser, study, quick_help):
    """Adds the options every study script has: --glassland BIN, --out DIR (default out/<study>),
    --quick, --quiet."""
    parser.add_argument("--glassland", default="./build/bridge/glassland", help="the glassland executable")
    parser.add_argument("--out", default=os.path.join("out", study), help=f"output folder (default out/{study})")
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument("--quiet", action="store_true", help="hide glassland's progress lines")
    return parser


def mean_stderr(values):
    """{"mean", "stderr"} of the values that are not None (standard error = sample standard
    deviation / sqrt(n); None for fewer than two values, both None for none)."""
    v = np.array([x for x in values if x is not None], dtype=float)
    if len(v) == 0:
        return {"mean": None, "stderr": None}
    return {"mean": float(v.mean()), "stderr": float(v.std(ddof=1) / math.sqrt(len(v))) if len(v) > 1 else None}


def step(kind, **fields):
    """One [[step]] table of a protocol TOML."""
    text = f'[[step]]\nkind = "{kind}"\n'
    for key, value in fields.items():
        text += f"{key} = {value}\n"
    return text


def read_columns(path):
    """CSV file -> {column name: numpy array} (floats; a column that is not numeric stays text)."""
    with open(path) as f:
        rows = list(csv.DictReader(f))

    def column(values):
        try:
            return np.array([float(v) for v in values])
        except ValueError:
            return np.array(values)

    return {k: column([r[k] for r in rows]) for k in rows[0]}


def write_rows(path, rows):
    """A list of dicts (same keys) -> CSV file with a header."""
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def run_model(opts, study, name, protocol_text):
    """Runs `protocol_text` on the model file opts.model with the Python API; writes the protocol
    as opts.out/name.toml and the result files into opts.out/name. Returns (directory,
    glassland.ProtocolResult): `.summary` is results.json, `.tables[file]` its CSVs as columns."""
    glassland = import_glassland(opts.glassland)
    os.makedirs(opts.out, exist_ok=True)
    with open(os.path.join(opts.out, name + ".toml"), "w") as f:
        f.write(protocol_text)
    print(f"{study}: {name}", file=sys.stderr)
    quiet = getattr(opts, "quiet", False)
    protocol = glassland.Protocol.parse(protocol_text, name + ".toml", opts.out)
    result = glassland.run_protocol(opts.model, protocol,
                                    progress=None if quiet else lambda m: print(f"  {m}", file=sys.stderr))
    result.summary["model_file"] = opts.model
    directory = os.path.join(opts.out, name)
    result.save(directory)
    return directory, result


def step_result(result, kind, occurrence=-1):
    """The summary (results.json `steps` entry) of the step of `kind` in a ProtocolResult: the
    last one of that kind, or the occurrence-th (0 = the first)."""
    return [s for s in result.summary["steps"] if s["kind"] == kind][occurrence]


def fit(opts, study, name, model, targets_text, protocols):
    """Runs `glassland landscape-model fit` on `model` with TARGETS text and protocol texts
    {name: toml text} written into opts.out/name; returns (fitted model path, fit.json)."""
    folder = os.path.join(opts.out, name)
    os.makedirs(folder, exist_ok=True)
    for key, text in protocols.items():
        with open(os.path.join(folder, key + ".toml"), "w") as f:
            f.write(text)
    targets = os.path.join(folder, "targets.toml")
    if targets_text is not None:
        with open(targets, "w") as f:
            f.write(targets_text)
    return fit_file(opts, study, folder, model, targets)


def fit_file(opts, study, folder, model, targets):
    """`glassland landscape-model fit` of `model` to the TARGETS file `targets` into folder/fit."""
    out = os.path.join(folder, "fit")
    print(f"{study}: glassland landscape-model fit -> {out}", file=sys.stderr)
    cli(opts.glassland, "landscape-model", "fit", "--model", model, "--targets", targets, "--out", out,
        quiet=getattr(opts, "quiet", False))
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
        print(f"{'F' if p['fitted'] else 'P':2} {p['name']:58} {p['paper']:>10.4g} {p['ours']:>10.4g} "
              f"{100 * p['relative_error']:>8.1f}%")
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
