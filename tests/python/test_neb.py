"""An ASE climbing-image NEB driven by GlasslandCalculator gives glassland's own NEB barrier.

System: vacancy hop in an fcc LJ crystal (4x4x4 cells, a = 1.55 sigma, 255 atoms), 12-6 LJ with
energy shifted at rc = 2.5 (as benchmarks/compare_ase_neb.py). Both ends are relaxed (ASE: FIRE
through the calculator; glassland: its own quench), then 5 interior images.
"""
import numpy as np
import pytest
from ase.neb import NEB
from ase.optimize import FIRE

import glassland
from glassland.ase import GlasslandCalculator, atoms_from_system

LJ = 'style = "lj"\nshift = true\nunits = "lj"\nmasses = [1.0]\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n'


def vacancy_hop(cells=4, a=1.55):
    basis = np.array([[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]])
    sites = np.array([(np.array([i, j, k]) + b) * a for i in range(cells) for j in range(cells)
                      for k in range(cells) for b in basis])
    initial = sites[1:].copy()
    final = initial.copy()
    final[0] = sites[0]  # a nearest neighbour hops into the vacancy
    box = glassland.Box([0, 0, 0], [cells * a] * 3)
    types = np.ones(len(initial), dtype=int)
    return (glassland.System(box, types, initial, masses=[1.0]), glassland.System(box, types, final, masses=[1.0]))


def test_ase_neb_with_the_calculator_matches_glassland_neb():
    potential = glassland.Potential.from_toml(LJ, "lj.toml")
    initial, final = vacancy_hop()
    reference = glassland.neb(initial, final, potential, images=5, climb=True, fmax=1e-5)
    assert reference["converged"]

    ends = [atoms_from_system(initial), atoms_from_system(final)]
    for end in ends:
        end.calc = GlasslandCalculator(potential=potential)
        assert FIRE(end, logfile=None).run(fmax=1e-6, steps=20000)
    images = [ends[0]] + [ends[0].copy() for _ in range(5)] + [ends[1]]
    for image in images[1:-1]:
        image.calc = GlasslandCalculator(potential=glassland.Potential.from_toml(LJ, "lj.toml"))
    band = NEB(images, k=5.0, climb=True, method="improvedtangent")
    band.interpolate(mic=True)
    assert FIRE(band, logfile=None).run(fmax=5e-4, steps=5000)
    energies = [image.get_potential_energy() for image in images]
    barrier = max(energies[1:-1]) - energies[0]
    # The climbing image's energy error is second order in its residual force (5e-4 here):
    # benchmarks/compare_ase_neb.py measured 2.6e-8 at fmax 1e-3. The issue asks for 1e-4.
    assert barrier == pytest.approx(reference["barrier_forward"], abs=1e-4)
    assert energies[0] == pytest.approx(reference["energies"][0], abs=1e-6)
