"""Bad input becomes ValueError with glassland's one-line message; the interpreter survives."""
import math

import numpy as np
import pytest

import glassland
from glassland.ase import GlasslandCalculator
from conftest import lattice_liquid


def test_unknown_preset_gives_the_command_lines_message(cli):
    # The library names the field ("potential", the Python argument); the command line names
    # its flag ("--potential"); the rest of the line is the same.
    p = cli("eval", "--data", "missing.data", "--potential", "no-such-potential", check=False)
    assert p.returncode == 1
    message = p.stderr.strip().removeprefix("glassland: ")
    assert message.startswith("--potential: ")
    with pytest.raises(ValueError) as error:
        glassland.Potential("no-such-potential")
    assert str(error.value) == message.replace("--potential: ", "potential: ", 1)
    assert "\n" not in str(error.value)


def test_bad_data_file_names_file_and_line(tmp_path, cli):
    path = tmp_path / "bad.data"
    path.write_text("bad\n\n2 atoms\n1 atom types\n\n0 1 xlo xhi\n0 1 ylo yhi\n0 1 zlo zhi\n\n"
                    "Atoms # atomic\n\n1 1 0.1 0.1 0.1\n2 1 nan 0.5 0.5\n")
    p = cli("eval", "--data", path, "--potential", "wahnstrom", check=False)
    with pytest.raises(ValueError) as error:
        glassland.System.read_lammps_data(str(path), "lj")
    assert str(error.value) == p.stderr.strip().removeprefix("glassland: ")
    assert str(error.value).startswith(f"{path}:")


@pytest.mark.parametrize("positions, where", [
    (np.zeros((4, 2)), "positions: expected shape (n, 3), got (4, 2)"),
    (np.zeros(12), "positions: expected shape (n, 3), got (12,)"),
    ([[0, 0, 0], [math.nan, 1, 1]], "positions: entry 3 is not finite"),
    ("abc", "positions: expected an array of numbers"),
])
def test_wrong_arrays_are_value_errors(positions, where):
    box = glassland.Box([0, 0, 0], [6, 6, 6])
    with pytest.raises(ValueError, match=where.replace("(", r"\(").replace(")", r"\)")):
        glassland.System(box, [1] * len(np.atleast_2d(positions)), positions)


def test_nan_written_into_a_view_is_refused_before_the_force_loop():
    system = lattice_liquid(7, 0.92)
    system.positions[3, 1] = math.nan  # a view: this reaches the System
    with pytest.raises(ValueError, match="positions: contain NaN"):
        glassland.Potential("wahnstrom").compute(system)


def test_other_bad_inputs():
    with pytest.raises(ValueError, match="units"):
        glassland.System(glassland.Box([0, 0, 0], [6, 6, 6]), [1], [[1, 1, 1]], units="cgs")
    with pytest.raises(ValueError, match="overlap"):
        glassland.System(glassland.Box([0, 0, 0], [6, 6, 6]), [1, 1], [[1, 1, 1], [1, 1, 1]])
    with pytest.raises(ValueError, match="box"):
        glassland.Potential("wahnstrom").compute(glassland.System(glassland.Box([0, 0, 0], [3, 3, 3]), [1], [[1, 1, 1]]))
    with pytest.raises(ValueError, match="type"):
        glassland.Potential("wahnstrom").compute(lattice_liquid(7, 0.92, types=(1, 3)))
    with pytest.raises(ValueError, match="minimizer"):
        glassland.minimize(lattice_liquid(7, 0.92), glassland.Potential("wahnstrom"), minimizer="newton")
    with pytest.raises(ValueError, match="pbc"):
        atoms = glassland.ase.atoms_from_system(lattice_liquid(7, 0.92))
        atoms.pbc = [True, True, False]
        atoms.calc = GlasslandCalculator(potential="wahnstrom")
        atoms.get_potential_energy()
    with pytest.raises(ValueError, match=r"p.toml:4: pair\[1\].epsilon: must be a number"):
        glassland.Potential.from_toml('style = "lj"\n[[pair]]\ntypes = [1, 1]\nepsilon = "x"\n', "p.toml")
