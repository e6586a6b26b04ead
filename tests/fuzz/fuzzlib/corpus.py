"""The corpus: every input kind, mutated, plus the cases named in issue 16.

build_corpus(seeds, rng, ...) returns Case objects; `seeds` holds the valid inputs (bytes) made
by make_seeds: the repository's glass and examples, and files glassland itself writes (a catalog
import, a kMC checkpoint, a short harvest with its checkpoint).
"""
from __future__ import annotations

import math
import random
import subprocess
from pathlib import Path

from fuzzlib import catalog_wire, json_mutations, option_cases, text_mutations
from fuzzlib.harness import Case

POTENTIAL_TOML = """# Wahnstrom binary LJ written out (reduced units)
style = "lj"
shift = true
[[pair]]
types = [1, 1]
epsilon = 1.0
sigma = 1.0
cutoff = 2.5
[[pair]]
types = [1, 2]
epsilon = 1.0
sigma = 0.9166666666666666
cutoff = 2.2916666666666665
[[pair]]
types = [2, 2]
epsilon = 1.0
sigma = 0.8333333333333334
cutoff = 2.0833333333333335
"""
MODEL_INTEGER_KEYS = {"units", "seed", "atoms_per_unit", "energy_bins"}


def make_seeds(binary: str, source: Path, work: Path) -> dict[str, bytes]:
    """Valid inputs, written by the repository or by glassland from them (~5 s of CPU)."""
    work.mkdir(parents=True, exist_ok=True)
    glass = source / "tests/data/wahnstrom_256_glass.data"
    net = source / "examples/kmc/five_state.json"

    def run(*args):
        subprocess.run([binary, *map(str, args)], cwd=work, check=True, capture_output=True,
                       env={"OMP_NUM_THREADS": "1", "PATH": "/usr/bin:/bin"})

    run("catalog", "import", "--json", net, "--out", "net.glcat")
    run("kmc", "--catalog", "net.glcat", "--start", 0, "--temperature", 0.3, "--times", "1,10", "--runs", 4, "--seed", 3,
        "--quiet", "--checkpoint", "ck.json")
    run("harvest", "--data", glass, "--potential", "wahnstrom", "--temperature", 0.45, "--steps", 400,
        "--quench-every", 100, "--checkpoint-every", 400, "--seed", 1, "--out", "h.glcat")
    lines = glass.read_text().split("\n")
    first_atom = lines.index("Atoms # atomic") + 2
    fields = lines[first_atom].split()
    fields[2] = repr(float(fields[2]) + 0.05)  # a second configuration for neb
    lines[first_atom] = " ".join(fields)
    seeds = {"glass.data": glass.read_bytes(), "glass_b.data": "\n".join(lines).encode(), "net.json": net.read_bytes(), "pot.toml": POTENTIAL_TOML.encode(),
             "model.toml": (source / "examples/model/la_glass.toml").read_bytes(),
             "protocol.toml": (source / "examples/model/dsc_cool_reheat.toml").read_bytes(),
             "creep.csv": creep_curve_csv().encode()}
    for name in ("net.glcat", "ck.json", "h.glcat", "h.glcat.checkpoint.json", "h.glcat.checkpoint-400.data",
                 "h.glcat.checkpoint-400.glcat"):
        seeds[name] = (work / name).read_bytes()
    return seeds


def _eval_on(files, name, label, culprits, must_refuse=True):
    return Case(f"data: {label}", "data", ["eval", "--data", "{in}/glass.data", "--potential", "wahnstrom",
                                           "--forces", "{out}/forces.txt"], files, ["forces.txt"], culprits, must_refuse)


def data_cases(seeds, rng, flips):
    text = seeds["glass.data"].decode()
    cases = [_eval_on({"glass.data": t.encode()}, "glass.data", label, ["glass.data"])
             for label, t in text_mutations.data_file_mutations(text, rng)]
    cases += [_eval_on({"glass.data": b}, "glass.data", label, ["glass.data"], must_refuse=False)
              for label, b in text_mutations.random_byte_flips(seeds["glass.data"], rng, flips)]
    return cases


def potential_cases(seeds, rng):
    base = ["eval", "--data", "{in}/glass.data", "--potential", "{in}/pot.toml", "--forces", "{out}/forces.txt"]
    text = seeds["pot.toml"].decode()
    muts = text_mutations.toml_value_mutations(text, rng) + text_mutations.toml_structure_mutations(text, rng)
    muts += [("pair (2,2) missing", text.split("[[pair]]\ntypes = [2, 2]")[0], "pair"),
             ("cutoff negative", text.replace("cutoff = 2.5", "cutoff = -2.5"), "cutoff"),
             ("sigma zero", text.replace("sigma = 1.0", "sigma = 0.0"), "sigma"),
             ("types [1, 3]", text.replace("types = [1, 1]", "types = [1, 3]"), "types")]
    return [Case(f"potential: {label}", "potential", base, {"glass.data": seeds["glass.data"], "pot.toml": t.encode()},
                 ["forces.txt"], ["pot.toml"]) for label, t, _ in muts]


def model_cases(seeds, rng, per_file):
    base = ["landscape-model", "--model", "{in}/model.toml", "--protocol", "{in}/protocol.toml", "--out", "{out}/run",
            "--no-plots"]
    cases = []
    for name, integer_keys in (("model.toml", MODEL_INTEGER_KEYS), ("protocol.toml", set())):
        text = seeds[name].decode()
        values = [m for m in text_mutations.toml_value_mutations(text, rng, integer_keys=integer_keys)
                  if " name = " not in m[0] and not m[0].endswith("seed = 4294967393")]  # any name and 64-bit seed are valid
        muts = rng.sample(values, min(per_file, len(values))) + text_mutations.toml_structure_mutations(text, rng)
        for label, t, key in muts:
            files = dict(seeds_subset(seeds, "model.toml", "protocol.toml"), **{name: t.encode()})
            cases.append(Case(f"{name}: {label}", name.split(".")[0], base, files, ["run/"], [name]))
    return cases


def network_cases(seeds, rng):
    base = ["catalog", "import", "--json", "{in}/net.json", "--out", "{out}/net.glcat"]
    return [Case(f"network: {label}", "network", base, {"net.json": t.encode()}, ["net.glcat"], ["net.json"])
            for label, t, _ in json_mutations.network_mutations(seeds["net.json"].decode(), rng)]


def catalog_cases(seeds, rng, flips):
    kmc = ["kmc", "--catalog", "{in}/c.glcat", "--start", "0", "--temperature", "0.3", "--times", "1,10", "--runs", "2",
           "--seed", "1", "--quiet", "--csv", "{out}/k.csv"]
    export = ["catalog", "export", "{in}/c.glcat", "--reference", "{in}/glass.data", "--out-dir", "{out}/export"]
    cases = [Case(f"catalog (kmc): {label}", "catalog", kmc, {"c.glcat": b}, ["k.csv"], ["c.glcat"], refuse)
             for label, b, refuse in catalog_wire.damaged_copies(seeds["net.glcat"], rng, flips)]
    cases += [Case(f"catalog (kmc): crafted {label}", "catalog", kmc, {"c.glcat": b}, ["k.csv"], ["c.glcat"])
              for label, b in catalog_wire.crafted_catalogs()]
    cases += [Case(f"catalog (export): {label}", "catalog", export, {"c.glcat": b, "glass.data": seeds["glass.data"]},
                   ["export/"], ["c.glcat"], refuse)
              for label, b, refuse in catalog_wire.damaged_copies(seeds["h.glcat"], rng, max(1, flips // 2))]
    return cases


def checkpoint_cases(seeds, rng):
    kmc = ["kmc", "--catalog", "{in}/net.glcat", "--start", "0", "--temperature", "0.3", "--times", "1,10", "--runs", "4",
           "--seed", "3", "--quiet", "--checkpoint", "{in}/ck.json", "--csv", "{out}/k.csv"]
    cases = [Case(f"kmc checkpoint: {label}", "checkpoint", kmc, {"net.glcat": seeds["net.glcat"], "ck.json": t.encode()},
                  ["k.csv"], ["ck.json"])
             for label, t, _ in json_mutations.kmc_checkpoint_mutations(seeds["ck.json"].decode(), rng)]
    harvest = ["harvest", "--data", "{in}/glass.data", "--potential", "wahnstrom", "--temperature", "0.45", "--steps", "800",
               "--quench-every", "100", "--checkpoint-every", "400", "--seed", "1", "--out", "{in}/h.glcat", "--resume"]
    names = ["glass.data", "h.glcat", "h.glcat.checkpoint.json", "h.glcat.checkpoint-400.data", "h.glcat.checkpoint-400.glcat"]
    for label, t, culprit in json_mutations.harvest_checkpoint_mutations(seeds["h.glcat.checkpoint.json"].decode(), rng):
        files = dict(seeds_subset(seeds, *names), **{"h.glcat.checkpoint.json": t.encode()})
        cases.append(Case(f"harvest checkpoint: {label}", "checkpoint", harvest, files, [], ["checkpoint"] + [culprit] * bool(culprit)))
    data = seeds["h.glcat.checkpoint-400.data"].decode()
    for label, t in rng.sample(text_mutations.data_file_mutations(data, rng), 4):
        files = dict(seeds_subset(seeds, *names), **{"h.glcat.checkpoint-400.data": t.encode()})
        cases.append(Case(f"harvest checkpoint data: {label}", "checkpoint", harvest, files, [], ["checkpoint-400.data"]))
    for label, b, _ in catalog_wire.damaged_copies(seeds["h.glcat.checkpoint-400.glcat"], rng, 1)[:5]:
        files = dict(seeds_subset(seeds, *names), **{"h.glcat.checkpoint-400.glcat": b})
        cases.append(Case(f"harvest checkpoint catalog: {label}", "checkpoint", harvest, files, [], ["checkpoint-400.glcat"]))
    return cases


def creep_curve_csv():
    """A creep curve J(t) for `landscape-model creep-fit`: J0 = 0.03 plus one Debye step of
    0.01 1/GPa at 2 s, 31 points log-spaced over 1e-3 .. 1e3 s."""
    rows = ["time_s,J_per_GPa"]
    for k in range(31):
        t = 10.0 ** (-3.0 + 0.2 * k)
        rows.append(f"{t!r},{0.03 + 0.01 * (1.0 - math.exp(-t / 2.0))!r}")
    return "\n".join(rows) + "\n"


def seeds_subset(seeds, *names):
    return {n: seeds[n] for n in names}


def build_corpus(seeds: dict, rng: random.Random, universal_per_option: int, flips: int, model_values: int) -> list[Case]:
    from fuzzlib.named_cases import named_cases
    common = seeds_subset(seeds, "glass.data", "glass_b.data", "net.glcat", "h.glcat", "creep.csv")
    cases = named_cases(seeds)
    cases += option_cases.option_cases(rng, universal_per_option, common)
    cases += data_cases(seeds, rng, flips)
    cases += potential_cases(seeds, rng)
    cases += model_cases(seeds, rng, model_values)
    cases += network_cases(seeds, rng)
    cases += catalog_cases(seeds, rng, flips)
    cases += checkpoint_cases(seeds, rng)
    return cases
