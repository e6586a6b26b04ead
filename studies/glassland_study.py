"""Shared helpers for study scripts: one place for the wrappers every study needs.

- `import_glassland(binary)`: the Python package built next to a `glassland` executable
  (build/bridge/glassland -> build/python), imported with Debian's interpreter's numpy.
- `cli(binary, *args)` / `cli_json(binary, *args)`: run a `glassland` subcommand (what is simplest
  on the command line stays there: quench with its files, analyze, pipeline).
- `run_model(opts, study, name, protocol_text)`: a landscape-model protocol through the Python
  API (no subprocess, no CSV parsing); writes the same files `glassland landscape-model` writes
  into opts.out/name and returns (directory, summary) like model_runner.run, plus `.tables`.
- `step(kind, **fields)`, `read_columns(path)`: protocol composition and CSV reading.

Study scripts import it with `from glassland_study import ...` (they run from studies/).
"""
import csv
import json
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


def cli(binary, *args):
    """Runs `glassland ARGS...` and returns its stdout (raises CalledProcessError on failure)."""
    return subprocess.run([binary, *map(str, args)], check=True, stdout=subprocess.PIPE, text=True).stdout


def cli_json(binary, *args):
    """Runs a subcommand with --json and returns the parsed object."""
    return json.loads(cli(binary, *args, "--json"))


def step(kind, **fields):
    """One [[step]] table of a protocol TOML."""
    text = f'[[step]]\nkind = "{kind}"\n'
    for key, value in fields.items():
        text += f"{key} = {value}\n"
    return text


def read_columns(path):
    """CSV file -> {column name: numpy array}."""
    with open(path) as f:
        rows = list(csv.DictReader(f))
    return {k: np.array([float(r[k]) for r in rows]) for k in rows[0]}


def run_model(opts, study, name, protocol_text):
    """Runs `protocol_text` on opts.model with the Python API. Writes PROTOCOL name.toml and the
    result files into opts.out (as `glassland landscape-model --no-plots` would); returns
    (directory, summary) like model_runner.run; run_model_result() also gives numpy tables."""
    directory, result = run_model_result(opts, study, name, protocol_text)
    return directory, result.summary


def run_model_result(opts, study, name, protocol_text):
    """Like run_model, but returns (directory, glassland.ProtocolResult) with numpy tables."""
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
