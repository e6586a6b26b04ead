#!/usr/bin/python3
"""Independent CI-NEB with ASE (Debian python3-ase) and ASE's LennardJones calculator.

Used by the landscape tests (vacancy hop barrier) and by benchmarks/compare_ase_neb.py.
Model: single-type 12-6 LJ, epsilon = sigma = 1, cutoff rc, energy shifted to zero at rc
(ASE's smooth=False), i.e. glassland's TOML style "lj" with shift = true.
Ends are relaxed first (same as `glassland neb`), then a climbing-image NEB with the improved
tangent is run until the max per-atom NEB force is below --fmax. Prints one JSON object.
"""
import argparse
import json
import sys
import time

import numpy as np
from ase.calculators.lj import LennardJones
from ase.io import read
from ase.neb import NEB
from ase.optimize import BFGS, FIRE, MDMin


class CountingLJ(LennardJones):
    calls = 0

    def calculate(self, *args, **kwargs):
        CountingLJ.calls += 1
        super().calculate(*args, **kwargs)


def calculator(rc):
    return CountingLJ(epsilon=1.0, sigma=1.0, rc=rc, smooth=False)


def load(path, rc):
    atoms = read(path, format="lammps-data", style="atomic", sort_by_id=True, units="metal")
    atoms.calc = calculator(rc)
    return atoms


OPTIMIZERS = {"fire": FIRE, "bfgs": BFGS, "mdmin": MDMin}


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--initial", required=True)
    p.add_argument("--final", required=True)
    p.add_argument("--rc", type=float, default=2.5)
    p.add_argument("--images", type=int, default=5, help="interior images")
    p.add_argument("--fmax", type=float, default=1e-3)
    p.add_argument("--quench-fmax", type=float, default=1e-5)
    p.add_argument("--spring", type=float, default=5.0)
    p.add_argument("--optimizer", choices=sorted(OPTIMIZERS), default="fire")
    p.add_argument("--steps", type=int, default=5000)
    a = p.parse_args()

    start = time.perf_counter()
    ends = [load(a.initial, a.rc), load(a.final, a.rc)]
    for end in ends:
        FIRE(end, logfile=None).run(fmax=a.quench_fmax, steps=20000)
    end_calls = CountingLJ.calls
    images = [ends[0]]
    for _ in range(a.images):
        image = ends[0].copy()
        image.calc = calculator(a.rc)
        images.append(image)
    images.append(ends[1])
    neb = NEB(images, k=a.spring, climb=True, method="improvedtangent")
    neb.interpolate(mic=True)
    opt = OPTIMIZERS[a.optimizer](neb, logfile=None)
    converged = bool(opt.run(fmax=a.fmax, steps=a.steps))
    energies = [image.get_potential_energy() for image in images]
    e_saddle = max(energies[1:-1])
    print(json.dumps({
        "energy_initial": energies[0], "energy_final": energies[-1], "energy_saddle": e_saddle,
        "barrier_forward": e_saddle - energies[0], "barrier_reverse": e_saddle - energies[-1],
        "force_calls": CountingLJ.calls - end_calls, "end_relaxation_force_calls": end_calls,
        "converged": converged, "iterations": opt.nsteps, "wall_time": time.perf_counter() - start,
        "optimizer": a.optimizer,
    }))
    return 0 if converged else 1


if __name__ == "__main__":
    sys.exit(main())
