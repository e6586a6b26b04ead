"""ASE calculator on glassland's potentials: GlasslandCalculator(potential=...).

Gives energy, free_energy, per-atom energies, forces, stress and per-atom stresses for periodic
ase.Atoms with any (also triclinic) right-handed cell, so ASE's optimizers, NEB and MD run on
glassland's force loop.

Units: ASE works in eV and Angstrom. For potentials in LAMMPS metal units (eV, Angstrom) the
numbers are ASE's directly. For LJ potentials in reduced units (epsilon, sigma) ASE's "eV" and
"Angstrom" simply mean epsilon and sigma: no conversion is made.

Stress follows ASE's convention: sigma = (1/V) dE/d(strain) = -W/V, where W is glassland's virial
(sum over pairs r_ij (x) f_ij); a compressed solid has negative stress. Voigt order xx, yy, zz,
yz, xz, xy; unit eV/Angstrom^3 (epsilon/sigma^3 for LJ). No kinetic part (ASE adds it itself).

Atom types: ASE atomic numbers map to glassland's 1-based types either through `species` (a list
of chemical symbols in type order, e.g. ["Cu", "Zr"] -> Cu = 1, Zr = 2) or, by default, the
atomic number is the type (H = 1, He = 2, ...), which is how ASE reads LAMMPS data files that
name no elements.
"""
import numpy as np
from ase.calculators.calculator import Calculator, all_changes
from ase.data import atomic_numbers

from ._glassland import Box, Potential, System


def lammps_rotation(cell):
    """Rotation R (rows x, y, z) taking a right-handed cell (rows a, b, c) to the LAMMPS orientation
    a' = (lx, 0, 0), b' = (xy, ly, 0), c' = (xz, yz, lz): a' = R a, i.e. rotated rows = cell @ R.T."""
    a, b = cell[0], cell[1]
    if np.linalg.det(cell) <= 0:
        raise ValueError("cell: must be right-handed with positive volume (det > 0)")
    x = a / np.linalg.norm(a)
    z = np.cross(a, b)
    z /= np.linalg.norm(z)
    return np.array([x, np.cross(z, x), z])


class GlasslandCalculator(Calculator):
    """ASE calculator. potential: a glassland.Potential, or a preset name / TOML path.
    species: chemical symbols in glassland type order (default: atomic number = type).
    skin: neighbour-list skin (Angstrom / sigma) when `potential` is a name."""

    implemented_properties = ["energy", "free_energy", "energies", "forces", "stress", "stresses"]

    def __init__(self, potential, species=None, skin=0.3, **kwargs):
        super().__init__(**kwargs)
        self.potential = potential if isinstance(potential, Potential) else Potential(potential, skin)
        self.type_of = None if species is None else {atomic_numbers[s]: t + 1 for t, s in enumerate(species)}
        self._system = None
        self._key = None

    def _types(self, atoms):
        numbers = atoms.get_atomic_numbers()
        if self.type_of is None:
            return numbers
        missing = sorted({int(z) for z in numbers} - set(self.type_of))
        if missing:
            raise ValueError(f"species: atomic numbers {missing} are not among the calculator's species")
        return np.array([self.type_of[int(z)] for z in numbers])

    def _update_system(self, atoms):
        if not atoms.pbc.all():
            raise ValueError("pbc: GlasslandCalculator needs periodic boundaries in x, y and z")
        cell = np.array(atoms.cell, dtype=float)
        rotation = lammps_rotation(cell)
        lammps_cell = cell @ rotation.T
        lammps_cell[0, 1:] = 0.0  # exact zeros where the rotation leaves round-off
        lammps_cell[1, 2] = 0.0
        positions = atoms.get_positions() @ rotation.T
        box = Box.from_cell(lammps_cell)
        key = (tuple(atoms.get_atomic_numbers()), lammps_cell.tobytes())
        if self._system is None or key != self._key:
            self._system = System(box, self._types(atoms), positions, units=self.potential.units)
            self._key = key
        else:
            self._system.positions = positions
        return rotation

    def calculate(self, atoms=None, properties=("energy",), system_changes=all_changes):
        super().calculate(atoms, properties, system_changes)
        rotation = self._update_system(self.atoms)
        per_atom = "energies" in properties or "stresses" in properties
        result = self.potential.compute(self._system, per_atom=per_atom)
        volume = self.atoms.get_volume()
        stress = -rotation.T @ result["virial"] @ rotation / volume
        self.results["energy"] = result["energy"]
        self.results["free_energy"] = result["energy"]
        self.results["forces"] = self._system.forces @ rotation
        self.results["stress"] = _voigt(stress)
        if per_atom:
            self.results["energies"] = result["energies"]
            stresses = -np.einsum("ji,njk,kl->nil", rotation, result["virials"], rotation) / volume
            self.results["stresses"] = np.array([_voigt(s) for s in stresses])


def _voigt(tensor):
    return np.array([tensor[0, 0], tensor[1, 1], tensor[2, 2], tensor[1, 2], tensor[0, 2], tensor[0, 1]])


def atoms_from_system(system, species=None):
    """An ase.Atoms copy of a glassland System: cell and positions (length), periodic, atomic
    numbers = types (or the symbols of `species` in type order), masses from the System when set."""
    from ase import Atoms

    types = system.types
    symbols = None if species is None else [species[t - 1] for t in types]
    atoms = Atoms(symbols=symbols, numbers=None if species else types, positions=system.positions.copy(),
                  cell=system.box.cell, pbc=True)
    atoms.translate(-system.box.lo)
    masses = system.masses
    if len(masses) and np.all(masses > 0):
        atoms.set_masses(masses[types - 1])
    return atoms
