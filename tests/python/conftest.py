"""Shared fixtures of the Python package tests: the glassland CLI to compare with, small seeded
test systems, and LAMMPS (`lmp`) runs on the same data files."""
import json
import os
import re
import shutil
import subprocess

import numpy as np
import pytest

import glassland

SOURCE_DIR = os.environ.get("GLASSLAND_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))


@pytest.fixture(scope="session")
def cli():
    """Runs the `glassland` executable (GLASSLAND_BINARY) and returns the CompletedProcess."""
    binary = os.environ.get("GLASSLAND_BINARY")
    assert binary and os.access(binary, os.X_OK), "GLASSLAND_BINARY must name the glassland executable"

    def run(*args, check=True):
        p = subprocess.run([binary, *map(str, args)], capture_output=True, text=True)
        if check:
            assert p.returncode == 0, p.stderr
        return p

    return run


def lattice_liquid(cells, spacing, types=(1, 2), tilt=(0.0, 0.0, 0.0), jitter=0.08, seed=1, units="lj",
                   masses=None):
    """A simple-cubic lattice of cells^3 atoms at `spacing`, displaced by up to `jitter` (seeded),
    types alternating over `types`, in a box with the given tilt factors (xy, xz, yz)."""
    rng = np.random.default_rng(seed)
    n = cells ** 3
    grid = np.array([(i, j, k) for i in range(cells) for j in range(cells) for k in range(cells)], dtype=float)
    length = cells * spacing
    cell = np.array([[length, 0, 0], [tilt[0], length, 0], [tilt[1], tilt[2], length]])
    fractional = (grid + 0.5) / cells + rng.uniform(-jitter, jitter, size=(n, 3)) / cells
    positions = fractional @ cell
    type_list = np.array([types[i % len(types)] for i in range(n)])
    if masses is None:
        masses = [2.0, 1.0, 1.0][:max(types)]  # Wahnström: m1 = 2 m2
    return glassland.System(glassland.Box.from_cell(cell), type_list, positions, masses=masses, units=units)


def lammps_reference(tmp_path, potential_name, system):
    """Energy, virial pressure and forces (sorted by atom id) of `system` from Debian's LAMMPS,
    with the potential's pair coefficients written as LAMMPS commands (same recipe as
    tests/md_core/TestAgainstLammps.cpp). Fails when `lmp` is missing."""
    assert shutil.which("lmp"), "LAMMPS (lmp) is required for this test (tools/setup.sh installs Debian's lammps)"
    data = tmp_path / "in.data"
    system.write_lammps_data(str(data))
    lines = [f"units {system.units}", "atom_style atomic", f"read_data {data}"]
    if potential_name == "wahnstrom":
        pairs = [(1, 1, 1.0, 1.0), (1, 2, 1.0, 11 / 12), (2, 2, 1.0, 5 / 6)]
        lines.append("pair_style lj/cut 2.5")
        lines += [f"pair_coeff {a} {b} {e!r} {s!r} {2.5 * s!r}" for a, b, e, s in pairs]
        lines.append("pair_modify shift yes")
    elif potential_name == "cu-zr-mendelev2007":
        lines += ["pair_style eam/fs", "pair_coeff * * /usr/share/lammps/potentials/CuZr_mm.eam.fs Cu Zr"]
    else:
        raise ValueError(potential_name)
    lines += ["compute pv all pressure NULL virial", "thermo_style custom step pe c_pv", "thermo_modify norm no",
              f"dump f all custom 1 {tmp_path}/forces.dump id fx fy fz",
              "dump_modify f sort id format float %.17g", "run 0",
              'print "GLASSLAND_RESULT $(pe:%.17g) $(c_pv:%.17g)"']
    (tmp_path / "in.lmp").write_text("\n".join(lines) + "\n")
    p = subprocess.run(["lmp", "-in", "in.lmp", "-log", "none", "-echo", "none"], cwd=tmp_path,
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stdout[-2000:] + p.stderr[-2000:]
    energy, pressure = map(float, re.search(r"GLASSLAND_RESULT (\S+) (\S+)", p.stdout).groups())
    dump = (tmp_path / "forces.dump").read_text().split("ITEM: ATOMS id fx fy fz\n")[1]
    forces = np.loadtxt(dump.splitlines())[:, 1:]
    return energy, pressure, forces


def json_of(process):
    return json.loads(process.stdout)
