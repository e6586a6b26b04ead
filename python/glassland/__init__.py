"""glassland: metallic-glass physics from MD to laboratory timescales (Python interface).

The compiled engine lives in glassland._glassland; this package re-exports it and adds a few
thin conveniences written in Python. Units are stated in every docstring:

- LJ potentials (wahnstrom, kob-andersen, LJ TOML files): reduced units (energy epsilon,
  length sigma, mass m, time tau, temperature epsilon/k_B, pressure epsilon/sigma^3).
- Metallic potentials: LAMMPS metal units (eV, Angstrom, amu, ps, K, bar).
- Catalogs and kMC: the catalog's units (Catalog.units); temperatures as thermal energies kT.
- Landscape model: laboratory units (K, s, K/min, kJ/mol, Hz, MPa, GPa).

Bad input raises ValueError with glassland's one-line message (file:line, TOML key or
argument name first). Long calls release the GIL.

Build and import (docs/python.md):
    cmake -S . -B build && cmake --build build --target glassland_python
    PYTHONPATH=build/python /usr/bin/python3 -c "import glassland"
"""
import csv as _csv
import io as _io

import numpy as _np

from ._glassland import (  # noqa: F401  (the public API)
    Akmc, AkmcOptions, Box, Catalog, InputError, ModelConfig, Potential, Protocol, Schedule, System, __version__,
    assign_velocities, harvest, integrator_names, kmc, kmc_trajectory, linear_quench, minimize,
    minimizer_names, neb, run_schedule,
)
from . import _glassland
from .graph import catalog_graph

Catalog.to_networkx = catalog_graph


def read_system(path, units="lj"):
    """Reads a LAMMPS data file (atom_style atomic) in units 'lj' or 'metal'."""
    return System.read_lammps_data(path, units)


def run_md(system, potential, steps, temperature=None, ensemble="nve", timestep=0.005, **options):
    """Runs `steps` MD steps IN PLACE at constant target `temperature` (temperature unit; ignored
    by nve) with `ensemble` (see integrator_names()). timestep in the time unit. Other keyword
    arguments as run_schedule (sample_every, temperature_damping, pressure, seed, progress).
    Returns run_schedule's block-average columns."""
    schedule = Schedule.hold(0.0 if temperature is None else temperature, steps * timestep)
    return run_schedule(system, potential, schedule, ensemble=ensemble, timestep=timestep, **options)


def inherent_structure(system, potential, **options):
    """A relaxed COPY of `system` (the local minimum it drains to) and the minimize() report.
    Keyword arguments as minimize() (minimizer, fmax in energy/length, ...)."""
    minimum = system.copy()
    report = minimize(minimum, potential, **options)
    return minimum, report


def akmc(system, potential, temperature, time_max, seed, events_max=None, options=None, progress=None,
         temperature_unit="kT", **option_values):
    """On-the-fly kMC from `system`, as `glassland akmc`, in one call: builds an Akmc (options: an
    AkmcOptions, or its attributes as keywords, e.g. fixed_searches=8), runs it to time_max (time
    unit) or events_max events, and returns a dict: trajectory (numpy columns of trajectory.csv),
    event_table (of the current state), catalog (Catalog), summary (as summary.json), final
    (System at the last minimum) and run (the Akmc, to run on or inspect other states)."""
    if options is None:
        options = AkmcOptions(**option_values)
    elif option_values:
        raise ValueError("give either options=AkmcOptions(...) or option keywords, not both")
    run = Akmc(system, potential, temperature, seed, options, temperature_unit)
    run.run(time_max, events_max, progress=progress)
    return {"trajectory": run.trajectory(), "event_table": run.event_table(), "catalog": run.catalog,
            "summary": run.summary(), "final": run.system(), "run": run}


def parse_csv(text):
    """CSV text with a header row -> dict of numpy float columns (glassland's result files)."""
    rows = list(_csv.reader(_io.StringIO(text)))
    if not rows:
        return {}
    header, body = rows[0], rows[1:]
    table = _np.array([[float(v) for v in row] for row in body if row], dtype=float).reshape(-1, len(header))
    return {name: table[:, k].copy() for k, name in enumerate(header)}


class ProtocolResult:
    """Result of run_protocol(): `summary` (dict, as results.json), `files` (name -> text, as
    written by `glassland landscape-model`) and `tables` (name -> dict of numpy columns for every
    CSV file, e.g. tables['step01_dsc.csv']['T_K']). Units are in the column names
    (T_K, cp_kJ_per_mol_K, heat_flow_W_per_g, ...)."""

    def __init__(self, files, summary):
        self.files = files
        self.summary = summary
        self.tables = {name: parse_csv(text) for name, text in files.items() if name.endswith(".csv")}

    def table(self, kind):
        """The first table whose name contains `kind` (e.g. 'dsc', 'dma', 'creep', 'trajectory')."""
        for name in sorted(self.tables):
            if kind in name:
                return self.tables[name]
        raise KeyError(f"no table containing '{kind}' (have: {', '.join(sorted(self.tables))})")

    def save(self, directory):
        """Writes every file and results.json into `directory` (created if needed)."""
        import json
        import os
        os.makedirs(directory, exist_ok=True)
        for name, text in self.files.items():
            with open(os.path.join(directory, name), "w") as f:
                f.write(text)
        with open(os.path.join(directory, "results.json"), "w") as f:
            json.dump(self.summary, f, indent=2)


def _as_model(model):
    if isinstance(model, ModelConfig):
        return model
    return ModelConfig.parse(model) if "\n" in model else ModelConfig.load(model)


def _as_protocol(protocol):
    if isinstance(protocol, Protocol):
        return protocol
    return Protocol.parse(protocol) if "\n" in protocol else Protocol.load(protocol)


def run_protocol(model, protocol, progress=None):
    """Runs a laboratory protocol on the landscape model, as `glassland landscape-model`.
    model: ModelConfig, a MODEL.toml path or TOML text; protocol: Protocol, a PROTOCOL.toml path
    or TOML text (text = contains a newline). progress(message) after each step. Returns a
    ProtocolResult with DSC / DMA / creep / trajectory tables as numpy columns (lab units)."""
    files, summary = _glassland._run_protocol(_as_model(model), _as_protocol(protocol), progress)
    return ProtocolResult(files, summary)
