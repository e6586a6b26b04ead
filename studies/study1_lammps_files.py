"""LAMMPS data and dump files as study 1's beyond-MD runs need them (studies/study1_beyond_md.py):
read a glassland data file (orthorhombic box, `Atoms # atomic`), rescale it affinely to another
box, take the last frame of an akmc `minima.dump`, and write the result as a data file that
`glassland akmc` / `glassland analyze` read. Positions only: velocities are not needed by
saddle searches or inherent-structure analysis."""
import os


class Configuration:
    """Orthorhombic periodic configuration: box lows/highs, masses by type, atoms (id, type, x, y, z)."""

    def __init__(self, units, lo, hi, masses, atoms):
        self.units, self.lo, self.hi, self.masses, self.atoms = units, lo, hi, masses, atoms

    def volume(self):
        return (self.hi[0] - self.lo[0]) * (self.hi[1] - self.lo[1]) * (self.hi[2] - self.lo[2])


def _section(lines, name):
    """The non-empty lines of section `name` (up to the next blank line after its first entry)."""
    start = next(i for i, line in enumerate(lines) if line.split("#")[0].strip() == name)
    rows = []
    for line in lines[start + 1:]:
        if not line.strip():
            if rows:
                break
            continue
        rows.append(line.split())
    return rows


def read_data(path):
    with open(path) as f:
        lines = f.read().splitlines()
    units = "metal" if "units metal" in lines[0] else "lj"
    lo, hi = [0.0] * 3, [0.0] * 3
    for line in lines:
        parts = line.split()
        for k, axis in enumerate("xyz"):
            if len(parts) >= 4 and parts[2:4] == [f"{axis}lo", f"{axis}hi"]:
                lo[k], hi[k] = float(parts[0]), float(parts[1])
        if len(parts) >= 6 and parts[3:6] == ["xy", "xz", "yz"] and any(float(v) != 0.0 for v in parts[:3]):
            raise ValueError(f"{path}: triclinic box (tilt {parts[:3]}): study 1 beyond-MD needs an orthorhombic one")
    masses = {int(r[0]): float(r[1]) for r in _section(lines, "Masses")}
    atoms = [(int(r[0]), int(r[1]), float(r[2]), float(r[3]), float(r[4])) for r in _section(lines, "Atoms")]
    return Configuration(units, lo, hi, masses, sorted(atoms))


def last_dump_frame(path, like):
    """The last frame of a LAMMPS text dump (`id type x y z`) as a Configuration with the
    units and masses of `like`."""
    with open(path) as f:
        lines = f.read().splitlines()
    start = max(i for i, line in enumerate(lines) if line.startswith("ITEM: TIMESTEP"))
    natoms = int(lines[start + 3])
    bounds = [tuple(map(float, lines[start + 5 + k].split()[:2])) for k in range(3)]
    rows = [line.split() for line in lines[start + 9:start + 9 + natoms]]
    atoms = sorted((int(r[0]), int(r[1]), float(r[2]), float(r[3]), float(r[4])) for r in rows)
    return Configuration(like.units, [b[0] for b in bounds], [b[1] for b in bounds], like.masses, atoms)


def rescaled(conf, box):
    """`conf` mapped affinely into the orthorhombic box `box` (a Configuration): same fractional
    coordinates, the box's lows and highs."""
    atoms = []
    for i, t, *x in conf.atoms:
        s = [(x[k] - conf.lo[k]) / (conf.hi[k] - conf.lo[k]) for k in range(3)]
        atoms.append((i, t, *[box.lo[k] + s[k] * (box.hi[k] - box.lo[k]) for k in range(3)]))
    return Configuration(conf.units, list(box.lo), list(box.hi), conf.masses, atoms)


def write_data(path, conf):
    """Writes `conf` as a LAMMPS data file (atomic style) via a temporary file and a rename."""
    lines = [f"LAMMPS data file written by study1_lammps_files.py (units {conf.units})", "",
             f"{len(conf.atoms)} atoms", f"{len(conf.masses)} atom types", ""]
    lines += [f"{conf.lo[k]!r} {conf.hi[k]!r} {a}lo {a}hi" for k, a in enumerate("xyz")]
    lines += ["", "Masses", ""] + [f"{t} {m!r}" for t, m in sorted(conf.masses.items())]
    lines += ["", "Atoms # atomic", ""] + [f"{i} {t} {x!r} {y!r} {z!r}" for i, t, x, y, z in conf.atoms]
    tmp = f"{path}.tmp.{os.getpid()}"
    with open(tmp, "w") as f:
        f.write("\n".join(lines) + "\n")
    os.replace(tmp, path)
