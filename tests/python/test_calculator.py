"""Energies, forces and stress through glassland.ase.GlasslandCalculator against the glassland
command line (`glassland eval`), LAMMPS (`lmp`) and finite differences of the energy."""
import numpy as np
import pytest

import glassland
from glassland.ase import GlasslandCalculator, atoms_from_system
from conftest import json_of, lammps_reference, lattice_liquid

TILTS = {"orthorhombic": (0.0, 0.0, 0.0), "triclinic": (0.6, -0.4, 0.5)}


def calculated(atoms, potential="wahnstrom"):
    atoms.calc = GlasslandCalculator(potential=potential)
    return atoms.get_potential_energy(), atoms.get_forces(), atoms.get_stress()


@pytest.mark.parametrize("shape", TILTS)
def test_calculator_equals_glassland_eval(tmp_path, cli, shape):
    system = lattice_liquid(7, 0.92, tilt=TILTS[shape], seed=3)
    data = tmp_path / "glass.data"
    system.write_lammps_data(str(data))
    out = json_of(cli("eval", "--data", data, "--potential", "wahnstrom", "--forces", tmp_path / "f.txt", "--json"))
    reference_forces = np.loadtxt(tmp_path / "f.txt")[:, 1:]  # sorted by id = System order
    energy, forces, stress = calculated(atoms_from_system(system))
    # Same pair terms, summed in another neighbour order (skin 0.3 here, 0 in the CLI): round-off
    # only, 1e-12 relative on ~1e3 terms; forces 1e-10 of the largest force.
    assert energy == pytest.approx(out["energy"], rel=1e-12)
    assert np.abs(forces - reference_forces).max() <= 1e-10 * np.abs(reference_forces).max()
    # ASE stress = -W/V, so minus its trace/3 is the configurational pressure (LJ units).
    assert -stress[:3].mean() == pytest.approx(out["pressure_virial"], rel=1e-11)


@pytest.mark.parametrize("shape", TILTS)
def test_calculator_equals_lammps(tmp_path, shape):
    system = lattice_liquid(7, 0.92, tilt=TILTS[shape], seed=5)
    energy_ref, pressure_ref, forces_ref = lammps_reference(tmp_path, "wahnstrom", system)
    energy, forces, stress = calculated(atoms_from_system(system))
    # Tolerances as tests/md_core/TestAgainstLammps.cpp: positions pass through 17 digits exactly,
    # the pair terms are summed in another order (1e-11 relative; forces 1e-10 of the largest).
    assert energy == pytest.approx(energy_ref, rel=1e-11)
    assert -stress[:3].mean() == pytest.approx(pressure_ref, rel=1e-11)
    assert np.abs(forces - forces_ref).max() <= 1e-10 * np.abs(forces_ref).max()


def random_rotation(seed):
    q, r = np.linalg.qr(np.random.default_rng(seed).normal(size=(3, 3)))
    q = q @ np.diag(np.sign(np.diag(r)))
    return q if np.linalg.det(q) > 0 else -q


def test_general_cell_orientation_rotates_forces_and_stress():
    atoms = atoms_from_system(lattice_liquid(7, 0.92, tilt=TILTS["triclinic"], seed=7))
    energy, forces, stress = calculated(atoms)
    rotation = random_rotation(11)
    turned = atoms.copy()
    turned.set_cell(atoms.cell.array @ rotation.T, scale_atoms=False)
    turned.set_positions(atoms.get_positions() @ rotation.T)
    energy_turned, forces_turned, stress_turned = calculated(turned)
    # A rigid rotation changes nothing physical; the calculator rotates back to LAMMPS' frame, so
    # positions differ by round-off (~1e-15 sigma), changing the energy by ~N |F| 1e-15 ~ 1e-11
    # (allow 1e-10) and forces by stiffness x 1e-15 (1e-10 of the largest force).
    assert energy_turned == pytest.approx(energy, abs=1e-10)
    assert np.abs(forces_turned - forces @ rotation.T).max() <= 1e-10 * np.abs(forces).max()
    full = lambda s: np.array([[s[0], s[5], s[4]], [s[5], s[1], s[3]], [s[4], s[3], s[2]]])
    assert np.abs(full(stress_turned) - rotation @ full(stress) @ rotation.T).max() <= 1e-10 * np.abs(stress).max()


def test_stress_is_the_strain_derivative_of_the_energy():
    atoms = atoms_from_system(lattice_liquid(7, 0.95, tilt=TILTS["triclinic"], seed=9))
    atoms.calc = GlasslandCalculator(potential="wahnstrom-sf")
    stress = atoms.get_stress()
    numerical = atoms.calc.calculate_numerical_stress(atoms, d=1e-6)
    # Central differences with strain step 1e-6 on a C1 (force-shifted) potential: truncation
    # ~1e-12 and round-off ~|E| 1e-16 / (1e-6 V) ~ 1e-9 of the stress scale; allow 1e-6.
    assert np.abs(stress - numerical).max() <= 1e-6 * np.abs(stress).max()


def test_per_atom_energies_sum_to_the_energy():
    atoms = atoms_from_system(lattice_liquid(7, 0.92, seed=13))
    atoms.calc = GlasslandCalculator(potential="wahnstrom")
    energies = atoms.get_potential_energies()
    stresses = atoms.get_stresses()
    # Pair energies split half to each atom: exact sums up to round-off over ~1e3 terms.
    assert energies.sum() == pytest.approx(atoms.get_potential_energy(), rel=1e-12)
    assert np.abs(stresses.sum(axis=0) - atoms.get_stress()).max() <= 1e-11 * np.abs(atoms.get_stress()).max()


def test_potential_compute_matches_the_calculator_and_species_map():
    system = lattice_liquid(7, 0.92, seed=17)
    result = glassland.Potential("wahnstrom").compute(system)
    atoms = atoms_from_system(system, species=["Cu", "Zr"])
    atoms.calc = GlasslandCalculator(potential="wahnstrom", species=["Cu", "Zr"])
    assert atoms.get_potential_energy() == pytest.approx(result["energy"], rel=1e-13)
    assert np.abs(atoms.get_forces() - system.forces).max() <= 1e-12 * np.abs(system.forces).max()


@pytest.mark.parametrize("shape", TILTS)
def test_eam_through_the_calculator_equals_lammps_and_glassland_eval(tmp_path, cli, shape):
    # Cu50Zr50, metal units (eV, Angstrom): a jittered lattice at 2.7 Angstrom spacing.
    tilt = tuple(2.0 * t for t in TILTS[shape])
    system = lattice_liquid(6, 2.7, tilt=tilt, seed=31, units="metal", masses=[63.546, 91.224])
    energy_ref, pressure_ref, forces_ref = lammps_reference(tmp_path, "cu-zr-mendelev2007", system)
    data = tmp_path / "cuzr.data"
    system.write_lammps_data(str(data))
    out = json_of(cli("eval", "--data", data, "--potential", "cu-zr-mendelev2007", "--json"))
    atoms = atoms_from_system(system, species=["Cu", "Zr"])
    atoms.calc = GlasslandCalculator(potential="cu-zr-mendelev2007", species=["Cu", "Zr"])
    energy, forces, stress = atoms.get_potential_energy(), atoms.get_forces(), atoms.get_stress()
    # Same spline tables as LAMMPS (tests/md_core EAM test): round-off of sums over ~1e4 terms,
    # 1e-10 relative; forces 1e-9 of the largest. ASE stress is eV/A^3; LAMMPS pressure is bar:
    # 1 eV/A^3 = 1.6021765e6 bar (md/Units.hpp, the LAMMPS constant).
    assert energy == pytest.approx(out["energy"], rel=1e-12)
    assert energy == pytest.approx(energy_ref, rel=1e-10)
    assert -stress[:3].mean() * 1.6021765e6 == pytest.approx(pressure_ref, rel=1e-9, abs=1e-6)
    assert np.abs(forces - forces_ref).max() <= 1e-9 * np.abs(forces_ref).max()
