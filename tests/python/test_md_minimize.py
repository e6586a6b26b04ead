"""Minimizers and MD from Python: forces vanish at a minimum, NVE conserves energy, numpy views
share the System's memory, and a quench leaves a glass."""
import numpy as np
import pytest

import glassland
from conftest import lattice_liquid


def test_minimize_in_place_reaches_a_minimum():
    system = lattice_liquid(7, 0.92, seed=21)
    potential = glassland.Potential("wahnstrom-sf")
    before = potential.compute(system)["energy"]
    report = glassland.minimize(system, potential, minimizer="fire", fmax=1e-6, max_iterations=50000)
    assert report["converged"]
    after = potential.compute(system)
    # Independent check of the reported minimum: a fresh evaluation of the final positions.
    assert after["energy"] == pytest.approx(report["energy"], rel=1e-13)
    assert np.linalg.norm(system.forces, axis=1).max() <= 1e-6
    assert after["energy"] < before


def test_views_share_memory_and_progress_is_called():
    system = lattice_liquid(7, 0.92, seed=23)
    view = system.positions
    view[0] += 0.01
    np.testing.assert_array_equal(system.positions[0], view[0])
    potential = glassland.Potential("wahnstrom")
    calls = []
    glassland.minimize(system, potential, max_iterations=300, progress=lambda n, e: calls.append((n, e)),
                       progress_every=50)
    assert calls and all(n % 50 == 0 for n, _ in calls)


def test_nve_conserves_energy():
    system = lattice_liquid(7, 0.95, seed=25)
    system.masses = [2.0, 1.0]
    potential = glassland.Potential("wahnstrom-sf")
    glassland.minimize(system, potential, fmax=1e-3)
    glassland.assign_velocities(system, 0.3, seed=4)
    out = glassland.run_md(system, potential, steps=400, ensemble="nve", timestep=0.002, sample_every=20)
    total = out["total_energy_per_atom"]
    # Velocity Verlet at dt = 0.002 on a C1 potential: drift and fluctuations ~dt^2, far below 1e-4.
    assert np.abs(total - total[0]).max() < 1e-4
    assert len(total) == 20


def test_progress_exception_stops_a_run():
    system = lattice_liquid(7, 0.95, seed=27)
    system.masses = [2.0, 1.0]
    def stop(step, total):
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        glassland.run_md(system, glassland.Potential("wahnstrom"), steps=100, temperature=0.5, ensemble="nvt-nh",
                         sample_every=10, progress=stop)
