#!/usr/bin/python3
"""Cost of one energy + forces call on 32,000 LJ atoms from Python vs from C++.

Same system as benchmarks/BenchForce.cpp BM_ForceLJ32000: fcc, 20x20x20 cells, number density
0.8442, atoms in the same order, jittered by up to 0.05 lattice spacings (seeded; numpy's
generator, so the jitter differs from the C++ one, not its statistics), 12-6 LJ eps = sigma = 1, rc = 2.5, no shift,
skin 0.3. The Python call is glassland.Potential.compute(system): the forces land in the System
(system.forces is a numpy view, no copy) and energy/virial come back in a dict. The C++ figure is
Google Benchmark's real and CPU time per call of bench_md_force. Both run on one thread; the two
are alternated `--rounds` times and the fastest round of each is compared, in wall time and in
CPU time (on a loaded shared machine the CPU time is the steadier of the two).

Usage: OMP_NUM_THREADS=1 PYTHONPATH=build/python /usr/bin/python3 benchmarks/python_force_call.py \
           [--build build] [--calls 200] [--rounds 3]
"""
import argparse
import json
import os
import subprocess
import time

import numpy as np

import glassland

LJ = 'style = "lj"\nshift = false\n[[pair]]\ntypes = [1, 1]\nepsilon = 1.0\nsigma = 1.0\ncutoff = 2.5\n'


def fcc_system(cells=20, density=0.8442, jitter=0.05, seed=1):
    a = (4.0 / density) ** (1.0 / 3.0)
    basis = np.array([[0, 0, 0], [0.5, 0.5, 0], [0.5, 0, 0.5], [0, 0.5, 0.5]])
    # Atom order as in the C++ loop (z slowest, then y, x, then the basis): the order decides the
    # memory locality of the force loop (a z-fastest order cost ~5-10 % in both languages).
    zyx = np.stack(np.meshgrid(*[np.arange(cells)] * 3, indexing="ij"), axis=-1).reshape(-1, 3)
    grid = zyx[:, ::-1].reshape(-1, 1, 3)
    sites = (grid + basis).reshape(-1, 3)
    sites += np.random.default_rng(seed).uniform(-jitter, jitter, sites.shape)
    box = glassland.Box([0, 0, 0], [a * cells] * 3)
    return glassland.System(box, np.ones(len(sites), dtype=int), sites * a, masses=[1.0])


def python_ms_per_call(potential, system, calls):
    potential.compute(system)  # neighbour list built once, as in the C++ benchmark's set-up
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(calls):
        potential.compute(system)
    return 1e3 * (time.perf_counter() - start) / calls, 1e3 * (time.process_time() - cpu_start) / calls


def cpp_ms_per_call(build):
    out = subprocess.run([os.path.join(build, "benchmarks", "bench_md_force"), "--benchmark_filter=^BM_ForceLJ32000/",
                          "--benchmark_format=json"], check=True, capture_output=True, text=True).stdout
    run = json.loads(out)["benchmarks"][0]
    assert run["time_unit"] == "ms"
    return run["real_time"], run["cpu_time"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default="build")
    ap.add_argument("--calls", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    potential = glassland.Potential.from_toml(LJ, "lj.toml")
    system = fcc_system()
    python, cpp = [], []
    for _ in range(a.rounds):
        cpp.append(cpp_ms_per_call(a.build))
        python.append(python_ms_per_call(potential, system, a.calls))
    print(f"natoms {len(system)}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}, "
          f"load average {os.getloadavg()[0]:.2f}")
    for k, kind in enumerate(("wall", "CPU")):
        print(f"{kind:4} C++    ms/call per round: " + " ".join(f"{t[k]:.3f}" for t in cpp))
        print(f"{kind:4} Python ms/call per round: " + " ".join(f"{t[k]:.3f}" for t in python))
        best_cpp, best_python = min(t[k] for t in cpp), min(t[k] for t in python)
        print(f"{kind:4} best: C++ {best_cpp:.3f} ms, Python {best_python:.3f} ms, "
              f"Python/C++ = {best_python / best_cpp:.4f} (target <= 1.05)")


if __name__ == "__main__":
    main()
