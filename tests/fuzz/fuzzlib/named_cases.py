"""The failures named in issue 16, one case each (they must stay fixed)."""
from __future__ import annotations

from fuzzlib.harness import Case

MD = ["md", "--data", "{in}/glass.data", "--potential", "wahnstrom", "--dt", "0.002", "--steps", "2"]
KMC = ["kmc", "--catalog", "{in}/net.glcat", "--start", "0", "--times", "1,10", "--runs", "4", "--seed", "3", "--quiet",
       "--csv", "{out}/k.csv"]
MODEL = ["landscape-model", "--model", "{in}/model.toml", "--protocol", "{in}/protocol.toml", "--out", "{out}/run",
         "--no-plots"]


def _atom_x(text: str, value: str) -> str:
    lines = text.split("\n")
    i = lines.index("Atoms # atomic") + 2
    fields = lines[i].split()
    fields[2] = value
    lines[i] = " ".join(fields)
    return "\n".join(lines)


def named_cases(seeds: dict) -> list[Case]:
    glass = {"glass.data": seeds["glass.data"]}
    net = {"net.glcat": seeds["net.glcat"]}
    model = {"model.toml": seeds["model.toml"], "protocol.toml": seeds["protocol.toml"]}
    text = seeds["glass.data"].decode()
    protocol = seeds["protocol.toml"].decode()
    model_text = seeds["model.toml"].decode()
    c = []

    def add(name, args, files, outputs, culprits, **kw):
        c.append(Case("issue: " + name, "named", args, files, outputs, culprits, **kw))

    add("md --steps overflow", MD[:-1] + ["99999999999999999999"], glass, [], ["--steps"])
    add("kmc --times 1e300 --no-superbasins", KMC[:6] + ["1e300"] + KMC[7:] + ["--temperature", "0.3", "--no-superbasins", "--max-events", "2000000"],
        net, ["k.csv"], ["--max-events"])
    add("kmc --runs 1e8", KMC[:8] + ["100000000000"] + KMC[9:] + ["--temperature", "0.3"], net, ["k.csv"], ["--runs"])
    add("kmc --ramp 2abc", KMC + ["--ramp", "2abc,0.1,1"], net, ["k.csv"], ["--ramp"])
    add("kmc --ramp whose sign contradicts its ends", KMC + ["--ramp", "0.1,0.3,-1"], net, ["k.csv"], ["--ramp"])
    add("kmc --checkpoint-seconds nan", KMC + ["--temperature", "0.3", "--checkpoint", "{out}/ck.json",
                                              "--checkpoint-seconds", "nan"], net, ["k.csv", "ck.json"], ["--checkpoint-seconds"])
    for key, value in (("max_step_K", "1e-300"), ("first_hold_step_s", "1e-300")):
        extra = "hold_growth = 1.000000001\n" if key == "first_hold_step_s" else ""
        files = dict(model, **{"protocol.toml": (f"{key} = {value}\n" + extra + protocol.replace("max_step_K = 0.25\n", "")).encode()})
        add(f"protocol {key} = {value}", MODEL, files, ["run/"], [key, "hold_growth"])
    add("model energy_bins = 4294967393", MODEL,
        dict(model, **{"model.toml": model_text.replace("energy_bins = 96", "energy_bins = 4294967393").encode()}),
        ["run/"], ["energy_bins"])
    add("quench --natoms 1e9", ["quench", "--out", "{out}/q", "--natoms", "1000000000", "--no-plot"], {}, ["q/"], ["--natoms"])
    add("md --temperature nan", MD + ["--ensemble", "nvt-langevin", "--temperature", "nan"], glass, [], ["--temperature"])
    add("md --tdamp -1", MD + ["--ensemble", "nvt-nh", "--temperature", "0.5", "--tdamp", "-1"], glass, [], ["--tdamp"])
    add("md --skin -0.3", MD + ["--skin", "-0.3"], glass, [], ["--skin"])
    add("akmc --checkpoint-seconds nan", ["akmc", "--data", "{in}/glass.data", "--potential", "wahnstrom-sf", "--temperature",
                                          "0.4", "--time-max", "1", "--seed", "1", "--out", "{out}/ak",
                                          "--checkpoint-seconds", "nan"], glass, ["ak/"], ["--checkpoint-seconds"])
    add("quench --ensemble nve", ["quench", "--out", "{out}/q", "--natoms", "32", "--ensemble", "nve", "--no-plot"], {},
        ["q/"], ["--ensemble"])
    for x in ("1e300", "1e12", "-1e300"):
        add(f"atom at x = {x}", ["eval", "--data", "{in}/glass.data", "--potential", "wahnstrom", "--forces", "{out}/f.txt"],
            {"glass.data": _atom_x(text, x).encode()}, ["f.txt"], ["glass.data"])
        add(f"md --write-data with an atom at x = {x}", MD + ["--write-data", "{out}/final.data"],
            {"glass.data": _atom_x(text, x).encode()}, ["final.data"], ["glass.data"])
    add("harvest --neb-fmax -1 named as such", ["harvest", "--data", "{in}/glass.data", "--potential", "wahnstrom",
                                                "--temperature", "0.45", "--steps", "10", "--seed", "1",
                                                "--out", "{out}/h.glcat", "--neb-fmax", "-1"], glass, ["h.glcat"], ["--neb-fmax"])
    add("network energy 1e400 (no nlohmann text)", ["catalog", "import", "--json", "{in}/net.json", "--out", "{out}/n.glcat"],
        {"net.json": b'{"minima":[{"id":0,"energy":1e400}],"saddles":[]}'}, ["n.glcat"], ["net.json"])
    add("a folder given as the data file", ["eval", "--data", "{in}/glass.data", "--potential", "wahnstrom"],
        {"glass.data": None}, [], ["directory", "folder"])
    add("md --thermo then --write-data into a missing folder",
        MD + ["--thermo", "{out}/thermo.csv", "--write-data", "{out}/missing/final.data"], glass, ["thermo.csv"], ["--write-data"])
    add("pipeline with invalid arguments leaves no stage folder", ["pipeline", "--out", "{out}/p", "--quick", "--kmc-runs", "0"],
        {}, ["p/"], ["--kmc-runs"])
    add("pipeline --natoms 0", ["pipeline", "--out", "{out}/p", "--quick", "--natoms", "0"], {}, ["p/"], ["--natoms"])
    add("stale temporary of a killed run is cleaned", KMC + ["--temperature", "0.3"], net, [], [],
        setup_outputs={"k.csv.tmp.999999": b"partial"}, expect_success=True, remove_after=["k.csv.tmp.999999"])
    add("data file with 1000000000 atom types", ["eval", "--data", "{in}/glass.data", "--potential", "wahnstrom"],
        {"glass.data": text.replace("2 atom types", "1000000000 atom types").encode()}, [], ["atom types"])
    add("neb --images 0", ["neb", "--initial", "{in}/glass.data", "--final", "{in}/glass.data", "--potential", "wahnstrom-sf",
                           "--images", "0", "--profile", "{out}/p.txt"], glass, ["p.txt"], ["--images"])
    return c
