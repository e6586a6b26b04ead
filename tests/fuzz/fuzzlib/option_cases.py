"""Bad option values for every numeric option of every command.

Each command has a cheap valid base command line (what runs if a bad value is wrongly accepted)
and its numeric options with their domain:
  int   any integer       count  integer >= 0     pos_int  integer >= 1     uint  unsigned
  real  any finite real   pos    real > 0          nonneg   real >= 0        frac  0 < x < 1    unit  0 <= x <= 1
  list  comma-separated reals (each > 0)             times  the same, each >= 0
Every numeric option gets the values no option accepts (nan, inf, junk suffixes, words,
overflow; fractions and exponents for integers), plus the values outside its domain.
"""
from __future__ import annotations

import random

GLASS = "{in}/glass.data"
MD_BASE = ["--data", GLASS, "--potential", "wahnstrom"]

# command (argv prefix) -> (base arguments, outputs, {option: domain})
COMMANDS: dict[str, tuple[list[str], list[str], dict[str, str]]] = {
    "eval": (MD_BASE + ["--forces", "{out}/forces.txt"], ["forces.txt"], {}),
    "md": (MD_BASE + ["--dt", "0.002", "--steps", "2", "--ensemble", "nvt-langevin", "--temperature", "0.5",
                      "--thermo", "{out}/thermo.csv", "--write-data", "{out}/final.data"], ["thermo.csv", "final.data"],
           {"--dt": "pos", "--steps": "count", "--dump-every": "count", "--temperature": "nonneg", "--tdamp": "pos",
            "--pdamp": "pos", "--init-temperature": "nonneg", "--seed": "uint", "--thermo-every": "count",
            "--fs-q": "pos", "--skin": "nonneg", "--threads": "count", "--pressure": "real"}),
    "quench": (["--out", "{out}/q", "--natoms", "200", "--rate", "0.5", "--equilibrate", "0.1", "--t-switch", "1.0",
                "--rate-below", "0.5", "--no-plot"], ["q/"],
               {"--natoms": "pos_int", "--rate": "pos", "--volume-per-atom": "pos", "--fraction": "unit",
                "--t-start": "pos", "--t-end": "nonneg", "--t-switch": "pos", "--rate-below": "pos",
                "--equilibrate": "nonneg", "--dt": "pos", "--tdamp": "pos", "--pdamp": "pos", "--fit-max": "pos",
                "--sample-every": "pos_int", "--skin": "nonneg", "--seed": "uint", "--threads": "count"}),
    "analyze": (MD_BASE + ["--rdf", "{out}/rdf.csv"], ["rdf.csv"],
                {"--rmax": "pos", "--bins": "pos_int", "--voronoi-face-threshold": "nonneg", "--threads": "count"}),
    "shear": (MD_BASE + ["--temperature", "0.1", "--rate", "0.5", "--max-strain", "0.02", "--fit-strain", "0.01",
                         "--sample-every", "1", "--equilibrate-steps", "2", "--out", "{out}/shear"], ["shear/"],
              {"--temperature": "pos", "--dt": "pos", "--tdamp": "pos", "--equilibrate-steps": "count",
               "--rate": "pos", "--max-strain": "pos", "--fit-strain": "pos", "--nonaffine-threshold": "pos",
               "--sample-every": "pos_int", "--seed": "uint", "--skin": "nonneg", "--threads": "count"}),
    "dma": (MD_BASE + ["--temperature", "0.1", "--period", "0.05", "--cycles", "2", "--equilibrate-steps", "2",
                       "--samples-per-cycle", "8", "--out", "{out}/dma"], ["dma/"],
            {"--temperature": "pos", "--dt": "pos", "--tdamp": "pos", "--equilibrate-steps": "count",
             "--amplitude": "pos", "--period": "pos", "--cycles": "pos_int", "--discard-cycles": "count",
             "--samples-per-cycle": "pos_int", "--bins": "pos_int", "--seed": "uint", "--skin": "nonneg"}),
    "neb": (["--initial", GLASS, "--final", "{in}/glass_b.data", "--potential", "wahnstrom-sf", "--images", "3", "--max-iterations", "5",
             "--profile", "{out}/profile.txt"], ["profile.txt"],
            {"--images": "pos_int", "--fmax": "pos", "--spring": "pos", "--spring-min": "pos", "--climb-start": "nonneg",
             "--max-iterations": "pos_int", "--max-step": "pos", "--timestep": "pos", "--quench-fmax": "pos",
             "--skin": "nonneg", "--check-saddle": "nonneg"}),
    "harvest": (MD_BASE + ["--temperature", "0.45", "--steps", "10", "--seed", "1", "--out", "{out}/h.glcat"], ["h.glcat"],
                {"--temperature": "pos", "--steps": "count", "--seed": "uint", "--dt": "pos", "--damping": "pos",
                 "--quench-every": "pos_int", "--snapshots": "pos_int", "--images": "pos_int",
                 "--neb-max-iterations": "pos_int", "--neb-fmax": "pos", "--quench-fmax": "pos", "--moved": "pos",
                 "--same-displacement": "pos", "--same-energy": "pos", "--hessian-radius": "pos",
                 "--fixed-prefactor": "nonneg", "--env-radius": "pos", "--env-bond": "pos", "--max-events": "pos_int",
                 "--skin": "nonneg", "--checkpoint-every": "count", "--trajectories": "pos_int",
                 "--threads": "count"}),
    "catalog spectra": (["{in}/net.glcat"], [], {"--bins": "pos_int", "--metabasin-threshold": "nonneg"}),
    "catalog disconnectivity": (["{in}/net.glcat", "--out", "{out}/tree.json"], ["tree.json"], {"--level-spacing": "nonneg"}),
    "catalog merge": (["{in}/net.glcat", "{in}/net.glcat", "--out", "{out}/m.glcat"], ["m.glcat"],
                      {"--energy-tolerance": "nonneg"}),
    "catalog export": (["{in}/h.glcat", "--reference", GLASS, "--out-dir", "{out}/export"], ["export/"], {"--minima": "count"}),
    "kmc": (["--catalog", "{in}/net.glcat", "--start", "0", "--temperature", "0.3", "--times", "1,10", "--runs", "4",
             "--seed", "3", "--quiet", "--csv", "{out}/k.csv"], ["k.csv"],
            {"--start": "count", "--temperature": "pos", "--times": "times", "--runs": "pos_int", "--seed": "uint",
             "--target": "count", "--checkpoint-seconds": "nonneg", "--threads": "count", "--max-events": "pos_int"}),
    "akmc": (["--data", GLASS, "--potential", "wahnstrom-sf", "--temperature", "0.4", "--time-max", "1", "--events-max", "1",
              "--fixed-searches", "1", "--seed", "1", "--quiet", "--out", "{out}/ak"], ["ak/"],
             {"--temperature": "pos", "--time-max": "pos", "--events-max": "pos_int", "--seed": "uint", "--threads": "count",
              "--batch": "pos_int", "--min-searches": "pos_int", "--max-searches": "pos_int", "--confidence": "frac",
              "--window": "nonneg", "--fixed-searches": "count", "--prefactor": "nonneg", "--hessian-radius": "pos",
              "--hessian-fraction": "unit", "--moved": "pos", "--recycle-radius": "nonneg", "--search-fmax": "pos", "--displacement-radius": "pos",
              "--displacement": "nonneg", "--search-iterations": "pos_int", "--checkpoint-events": "count",
              "--checkpoint-seconds": "nonneg", "--wall-max": "nonneg", "--skin": "nonneg", "--topology-radius": "pos",
              "--topology-bond": "pos", "--topology-rmsd": "nonneg", "--topology-max-guesses": "count"}),  # 0: no transplants
    "validate": (MD_BASE + ["--temperatures", "0.3", "--runs", "2", "--seed", "1", "--max-time", "1", "--equilibrate", "0.1",
                            "--catalog", "{in}/h.glcat", "--out", "{out}/v"], ["v/"],
                 {"--runs": "pos_int", "--temperatures": "list", "--seed": "uint", "--relaxation-time": "pos",
                  "--relaxation-temperature": "pos", "--dt": "pos", "--damping": "pos", "--quench-every": "pos_int",
                  "--snapshots": "pos_int", "--persist": "pos_int", "--equilibrate": "nonneg", "--max-time": "pos",
                  "--skin": "nonneg", "--quench-fmax": "pos", "--same-displacement": "pos", "--same-energy": "pos",
                  "--confidence": "frac", "--significance": "frac", "--rate-tolerance": "pos",
                  "--prefactor-scale": "pos", "--threads": "count"}),
    "landscape-model creep-fit": (["--curve", "{in}/creep.csv", "--out", "{out}/cf", "--families", "1"], ["cf/"],
                                  {"--families": "pos_int", "--sigma": "nonneg"}),
    "pipeline": (["--out", "{out}/p", "--quick", "--natoms", "200", "--harvest-steps", "10", "--kmc-runs", "2",
                  "--akmc-events", "1", "--akmc-wall", "1"], ["p/"],
                 {"--natoms": "pos_int", "--seed": "uint", "--harvest-temperature": "pos", "--harvest-steps": "pos_int",
                  "--harvest-max-events": "pos_int", "--kmc-runs": "pos_int", "--akmc-events": "pos_int",
                  "--akmc-wall": "pos"}),
}

UNIVERSAL = ["nan", "inf", "-inf", "2abc", "abc", "", "1e999"]
INTEGER_ONLY = ["99999999999999999999", "1.5", "1e3", "0x10", "18446744073709551616"]
OUT_OF_DOMAIN = {
    "int": [], "real": [], "count": ["-1"], "uint": ["-1"], "pos_int": ["0", "-1"], "pos": ["0", "-1"],
    "nonneg": ["-1"], "unit": ["-0.5", "1.5"], "frac": ["0", "1", "-0.5", "1.5"], "list": ["0", "-1", "1,nan", "1,2abc", "1,,2", ",", "1e999"],
    "times": ["-1", "1,nan", "1,2abc", "1,,2", ",", "1e999"],
}


def bad_values(domain: str, rng: random.Random, universal_per_option: int) -> list[str]:
    values = list(OUT_OF_DOMAIN[domain])
    pool = UNIVERSAL + (INTEGER_ONLY if domain in ("int", "count", "uint", "pos_int") else [])
    if domain in ("list", "times"):
        pool = ["nan", "2abc", "abc", ""]
    values += rng.sample(pool, min(universal_per_option, len(pool)))
    return values


def option_cases(rng: random.Random, universal_per_option: int, files: dict) -> list:
    from fuzzlib.harness import Case
    cases = []
    for command, (base, outputs, options) in COMMANDS.items():
        for option, domain in options.items():
            for value in bad_values(domain, rng, universal_per_option):
                args = command.split() + _without(base, option) + [option, value]
                # The bad value must be the only value of the option, or the case would pass on
                # CLI11 refusing a repeated option instead of on glassland checking the value.
                if args.count(option) != 1 or any(a.startswith(option + "=") for a in args):
                    raise ValueError(f"corpus: {option} is given more than once in {args}")
                cases.append(Case(f"{command} {option} '{value}'", "option", args, files, outputs, [option]))
    return cases


def _without(base: list[str], option: str) -> list[str]:
    """The base command without `option` and its value (so the bad value is the only one)."""
    out, skip = [], False
    for a in base:
        if skip:
            skip = False
        elif a == option:
            skip = True
        else:
            out.append(a)
    return out
