#!/usr/bin/python3
"""Force calls and wall time of one converged CI-NEB: glassland vs ASE (python3-ase).

Same model (12-6 LJ, eps = sigma = 1, cutoff 2.5, energy shifted at the cutoff: glassland TOML
style "lj" with shift = true == ASE LennardJones(smooth=False)), same system (vacancy hop in an
fcc LJ crystal, 4x4x4 cells, a = 1.55, 255 atoms), same images, spring and force tolerance.
The reference barrier comes from a tight glassland run (fmax 1e-5).

Usage: /usr/bin/python3 benchmarks/compare_ase_neb.py --glassland build/bridge/glassland
           [--images 5] [--fmax 1e-3] [--ase-optimizer fire|bfgs|mdmin]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ASE_NEB = os.path.join(HERE, "..", "tests", "landscape", "ase_neb.py")
TOML = 'style = "lj"\nshift = true\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n'


def write_data(path, positions, length):
    with open(path, "w") as f:
        f.write("fcc vacancy hop\n\n%d atoms\n1 atom types\n\n" % len(positions))
        for axis in "xyz":
            f.write("0 %.17g %slo %shi\n" % (length, axis, axis))
        f.write("\nMasses\n\n1 1.0\n\nAtoms # atomic\n\n")
        for i, r in enumerate(positions):
            f.write("%d 1 %.17g %.17g %.17g\n" % (i + 1, r[0], r[1], r[2]))


def vacancy_hop(directory, cells=4, a=1.55):
    basis = np.array([[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]])
    sites = np.array([(np.array([i, j, k]) + b) * a for i in range(cells) for j in range(cells)
                      for k in range(cells) for b in basis])
    initial = sites[1:].copy()          # vacancy at site 0
    final = initial.copy()
    final[0] = sites[0]                 # its nearest neighbour hops into it
    write_data(os.path.join(directory, "A.data"), initial, cells * a)
    write_data(os.path.join(directory, "B.data"), final, cells * a)
    with open(os.path.join(directory, "lj.toml"), "w") as f:
        f.write(TOML)


def run(cmd):
    start = time.perf_counter()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.stderr.write(p.stderr)
    out = json.loads(p.stdout)
    out.setdefault("wall_time", wall)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--glassland", required=True)
    ap.add_argument("--images", type=int, default=5)
    ap.add_argument("--fmax", type=float, default=1e-3)
    ap.add_argument("--spring", type=float, default=5.0)
    ap.add_argument("--ase-optimizer", default="fire")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        vacancy_hop(d)
        common = ["--initial", f"{d}/A.data", "--final", f"{d}/B.data", "--images", str(a.images)]
        gl = lambda fmax: [a.glassland, "neb", *common, "--potential", f"{d}/lj.toml", "--climb",
                           "--fmax", str(fmax), "--spring", str(a.spring), "--json"]
        reference = run(gl(1e-5))
        g = run(gl(a.fmax))
        s = run(["/usr/bin/python3", ASE_NEB, *common, "--fmax", str(a.fmax), "--spring", str(a.spring),
                 "--optimizer", a.ase_optimizer])
    ref = reference["barrier_forward"]
    print(f"vacancy hop, 255 LJ atoms, {a.images} images, fmax {a.fmax}, reference barrier {ref:.6f}")
    print(f"{'code':<22}{'force calls':>12}{'wall s':>10}{'barrier':>12}{'|error|':>10}{'converged':>11}")
    for name, r in (("glassland (lbfgs)", g), (f"ASE ({a.ase_optimizer})", s)):
        print(f"{name:<22}{r['force_calls']:>12}{r['wall_time']:>10.2f}{r['barrier_forward']:>12.6f}"
              f"{abs(r['barrier_forward'] - ref):>10.2e}{str(r['converged']):>11}")
    print(f"force-call ratio glassland/ASE = {g['force_calls'] / s['force_calls']:.3f}")


if __name__ == "__main__":
    main()
