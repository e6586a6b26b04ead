"""Study 1, beyond MD rates (item 6 of issue 12): the one-step and two-step histories continued to
cooling rates 1e3-1e6x slower than MD with the on-the-fly kMC engine (`glassland akmc`), or with
the landscape model calibrated on a catalog harvested from each history's MD glass
(`--beyond-md-method model`, the default for metal potentials, where aKMC cannot reach:
studies/study1_model.py says how).

Every history branches at a handover temperature T_h = 0.45 Tg, below which kMC can follow it
(above, in the supercooled liquid, every atom hops every few vibrations: kMC would need ~N events
per time unit):
  1. MD quench (NPT) with the protocol's history from the melt down to T_h;
  2. MD branch: the same NPT quench continued from that configuration to T_end at the protocol's
     rate below T_h (the MD glass);
  3. kMC branches: from the same T_h configuration, rescaled affinely to the MD glass's final box
     (kMC runs at constant volume; this puts both branches at the same volume), cooled at the
     rate below T_h divided by each factor (1 = the MD rate itself: the overlap where both
     methods run the same history). `glassland akmc` has `--ramp`, but superbasins (the flicker
     acceleration that makes slow rates reachable) work only at constant temperature, so the
     ramp is a piecewise-constant ladder: rungs of width 0.1 Tg from T_h down to 0.25 Tg, each
     run at its midpoint temperature for (width / rate), each rung starting from the previous
     rung's final minimum. Below 0.25 Tg the glass is taken as frozen (the last rung's event
     count is reported so this can be judged).
Every glass (MD or kMC) is measured the same way: `analyze --inherent --icosahedral-network`
with the study's potential (E_IS, I-SRO). kMC needs a smooth potential: Wahnstrom LJ runs kMC on
`wahnstrom-sf` (force-shifted) and is measured with `wahnstrom` like the MD glasses; metal
potentials (EAM) are smooth and used as they are. Prefactor: constant (no Vineyard Hessians,
which cost ~70 % of a run): 1 per tau (LJ), 10 per ps = 1e13 /s (metal). Searches: the engine's
completeness rule capped at 64 searches per state, so a table is not always proven complete;
every rung explores its start state afresh (new search seeds).
A kMC run that hits its event cap before its rung's time ends is marked `completed: false`.
"""
import hashlib
import json
import math
import os
import shutil
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import study1_lammps_files as lammps  # noqa: E402
import study1_model  # noqa: E402
from glassland_study import mean_stderr  # noqa: E402

HANDOVER_T_OVER_TG = 0.45
RUNG_WIDTH_T_OVER_TG = 0.1
FROZEN_T_OVER_TG = 0.25
KMC_PREFACTOR = {"lj": 1.0, "metal": 10.0}  # attempt frequency: 1/tau, 1/ps
BOLTZMANN = {"lj": 1.0, "metal": 8.617333262e-5}  # energy per temperature unit: eps/(eps/k_B), eV/K
KMC_POTENTIAL = {"wahnstrom": "wahnstrom-sf"}  # truncated LJ -> its force-shifted form
# Searches per state: eOn's completeness rule (95 % confidence that no event within 20 kT of the
# lowest barrier is missing, after >= 16 searches), capped at 64 searches for cost (--kmc-max-searches).
MAX_SEARCHES = 64
MIN_SEARCHES = 16  # akmc's default; lowered to --kmc-max-searches when that is smaller (a cheaper, less complete table)
# One energy per atom agreement between akmc's final minimum and the data file written from its
# dump: the dump holds 17 significant digits, so only rounding differences remain.
ENERGY_ROUNDTRIP_TOLERANCE = 1e-8


METHODS = ("akmc", "model")
METHOD_LABEL = {"md": "MD", "akmc": "on-the-fly kMC", "model": "landscape model (Delta H below T_h)"}


def settings(opts):
    """Method, rate factors, protocols continued, seeds, N and limits of the beyond-MD part."""
    quick = opts.quick
    method = getattr(opts, "beyond_md_method", None) or ("akmc" if opts.units == "lj" else "model")
    return {"method": method,
            "harvest_steps": getattr(opts, "model_harvest_steps", None) or (2000 if quick else 10000),
            "harvest_max_events": getattr(opts, "model_harvest_max_events", None) or (20 if quick else 100),
            "factors": opts.kmc_factors or ([1.0, 1e2] if quick else [1.0, 1e3, 1e4, 1e5, 1e6]),
            "protocols": opts.kmc_protocols or (["one-step"] if quick else ["one-step", "II-A", "II-B"]),
            "seeds": opts.kmc_seeds or (2 if quick else 3),
            "natoms": opts.kmc_natoms or (200 if opts.units == "lj" else 250),
            "events_max": opts.kmc_events_max or (2000 if quick else 20000),
            "max_searches": opts.kmc_max_searches or MAX_SEARCHES}


def ladder(tg, t_end):
    """[(rung temperature, rung width)] from T_h = 0.45 Tg down to max(0.25 Tg, T_end)."""
    top, width = HANDOVER_T_OVER_TG * tg, RUNG_WIDTH_T_OVER_TG * tg
    floor = max(FROZEN_T_OVER_TG * tg, t_end)
    rungs, upper = [], top
    while upper - floor > 1e-9 * tg:
        w = min(width, upper - floor)
        rungs.append((upper - w / 2, w))
        upper -= w
    return top, rungs


def histories(protocols, names):
    """The histories to continue ({label, kind, rate_above, t_star, rate_below}; rate_below is the
    rate continued below T_h): 'one-step' = the first (slowest) one-step protocol, 'II-A', 'II-B'."""
    out = []
    for prot in protocols:
        if prot["kind"] == "one-step" and "one-step" in names:
            out.append({"label": "one-step", "kind": "one-step", "rate_above": prot["rate_above"], "t_star": None,
                        "rate_below": prot["rate_below"]})
            names = [n for n in names if n != "one-step"]
        elif prot["kind"] in names:
            out.append({"label": prot["protocol"], "kind": prot["kind"], "rate_above": prot["rate_above"],
                        "t_star": prot["t_star"], "rate_below": prot["rate_below"]})
    return out


class BeyondMd:
    """Runs the branches of every continued history and collects one record per glass."""

    def __init__(self, opts, runner, p, tg, t_star):
        self.opts, self.runner, self.p, self.tg, self.t_star = opts, runner, p, tg, t_star
        self.cfg = settings(opts)
        self.t_h, self.rungs = ladder(tg, p["t_end"])
        self.kmc_potential = KMC_POTENTIAL.get(opts.potential, opts.potential)
        self.root = os.path.join(opts.out, "beyond_md")
        self.records = []
        self.md_rate = min(p["rates"])  # the rate of the quench whose V-T kink gave Tg
        self.model = study1_model.ModelRoute(self) if self.cfg["method"] == "model" else None
        self.model_skipped = []  # histories whose glass gave the model no catalog (model_branches)

    def quench(self, out, seed, rate, t_start, t_end, data=None, t_switch=None, rate_below=None):
        p = self.p
        args = ["quench", "--out", out, "--potential", self.opts.potential, "--ensemble", "npt", "--pressure",
                p["pressure"], "--t-start", t_start, "--t-end", t_end, "--rate", rate, "--dt", p["dt"],
                "--seed", seed, "--threads", self.opts.threads,
                # sampled for the faster of the two rates: the model route fits the cooling curve below T*
                "--sample-every", self.runner.sample_every(max(rate, rate_below or rate)),
                "--no-plot"]
        if data is None:
            args += ["--natoms", self.cfg["natoms"], "--volume-per-atom", p["volume_per_atom"], "--equilibrate",
                     p["equilibrate"]]
        else:
            args += ["--data", data, "--equilibrate", 0]
        if t_switch is not None:
            args += ["--t-switch", t_switch, "--rate-below", rate_below]
        return self.runner.glassland_json(*args)

    def record(self, label, kind, method, rate, factor, seed, data, extra=None):
        s = self.runner.structure(data)
        rec = {"protocol": label, "kind": kind, "method": method, "rate": rate, "rate_factor": factor, "seed": seed,
               "energy": s["inherent_energy"], "isro": s["isro"], "data": data}
        rec.update(extra or {})
        self.records.append(rec)
        return rec

    def history(self, h, seed):
        """MD to T_h, then the MD branch and the kMC ladders of one history (histories()) and seed."""
        label, kind, rate_below = h["label"], h["kind"], h["rate_below"]
        folder = os.path.join(self.root, f"{label.replace(' ', '_')}_s{seed}")
        print(f"study1 beyond-MD: {label} seed {seed}", file=sys.stderr)
        self.quench(os.path.join(folder, "md_to_handover"), seed, h["rate_above"], self.p["t_start"], self.t_h,
                    t_switch=h["t_star"], rate_below=rate_below)
        handover = os.path.join(folder, "md_to_handover", "glass.data")
        out = os.path.join(folder, "md_branch")
        self.quench(out, seed, rate_below, self.t_h, self.p["t_end"], data=handover)
        glass = self.record(label, kind, "md", rate_below, 1.0, seed, os.path.join(out, "glass.data"))["data"]
        start = os.path.join(folder, "kmc_start.data")
        lammps.write_data(start, lammps.rescaled(lammps.read_data(handover), lammps.read_data(glass)))
        if self.model is not None:
            self.model_branches(h, seed, folder, start, handover, glass)
            return
        self.record(label, kind, "handover", None, None, seed, start)
        for fi, factor in enumerate(self.cfg["factors"]):
            rate = rate_below / factor
            final, info = self.kmc_ladder(os.path.join(folder, f"kmc_x{factor:g}"), start, rate, seed * 100 + fi * 10)
            self.record(label, kind, "akmc", rate, factor, seed, final, info)

    def model_branches(self, h, seed, folder, start_data, handover, glass):
        """The landscape-model continuation: E = E_IS(T_h configuration at the MD glass's volume,
        as the kMC start) + the model's Delta H (enthalpy at P: the volume change is not the model's)."""
        label, kind = h["label"], h["kind"]
        start = self.record(label, kind, "handover", None, None, seed, start_data)
        try:
            runs = self.model.continue_history(h, seed, folder, os.path.dirname(handover), glass)
        except study1_model.NoSaddleFound as e:
            # One glass without a catalog (e.g. a 200-atom Wahnstrom glass that crystallised: clang's
            # seed 2 reached E_IS -6.805 and met no saddle in 8000 steps at 0.6 Tg) must not cost the
            # other seeds; the summary names it, and a study where no seed has one fails.
            print(f"study1 beyond-MD: {label} seed {seed}: skipped: {e}", file=sys.stderr)
            self.model_skipped.append({"protocol": label, "seed": seed, "glass": glass, "reason": str(e)})
            return
        for factor, rate, delta, info in runs:
            self.records.append({"protocol": label, "kind": kind, "method": "model", "rate": rate,
                                 "rate_factor": factor, "seed": seed, "energy": start["energy"] + delta,
                                 "isro": None, "data": None, **info})

    def one_step_md(self, label, rate, seed):
        """A plain one-step MD glass at another MD rate (the MD trend of the plot)."""
        out = os.path.join(self.root, f"{label}_{rate:g}_s{seed}")
        self.quench(out, seed, rate, self.p["t_start"], self.p["t_end"])
        self.record(label, "one-step", "md", rate, 1.0, seed, os.path.join(out, "glass.data"))

    def kmc_ladder(self, folder, start, rate, seed):
        """The rungs of the ladder at `rate`; returns (final minimum data file, run info)."""
        like = lammps.read_data(start)
        data, events, cpu, completed, rung_events, worst = start, 0, 0.0, True, [], 0.0
        units = ["--temperature-unit", "K"] if self.opts.units == "metal" else []
        for k, (temperature, width) in enumerate(self.rungs):
            out = os.path.join(folder, f"rung{k}_T{temperature:.4g}")
            time_max = width / rate
            args = ["akmc", "--data", data, "--potential", self.kmc_potential, "--temperature", temperature, *units,
                    "--time-max", time_max, "--events-max", self.cfg["events_max"], "--seed", seed + k, "--prefactor",
                    KMC_PREFACTOR[self.opts.units], "--max-searches", self.cfg["max_searches"],
                    "--min-searches", min(MIN_SEARCHES, self.cfg["max_searches"]), "--threads",
                    self.opts.threads, "--checkpoint-seconds", 0, "--quiet", "--out", out, "--json"]
            j = self.akmc_once(out, args, data)
            events += j["events"]
            rung_events.append(j["events"])
            cpu += j["cpu_seconds"]
            completed = completed and j["simulated_time"] >= time_max * (1 - 1e-9)
            data = os.path.join(out, "final_minimum.data")
            lammps.write_data(data, lammps.last_dump_frame(os.path.join(out, "minima.dump"), like))
            worst = max(worst, self.roundtrip_error(data, j["energy_final"], len(like.atoms)))
        return data, {"events": events, "rung_events": rung_events, "cpu_seconds": cpu, "completed": completed,
                      "roundtrip_energy_error": worst}

    def akmc_once(self, out, args, data):
        """Runs one rung, or reuses its summary when `out` holds a finished run of exactly these
        arguments on a start file of the same content (so an interrupted study resumes)."""
        key = {"args": [str(a) for a in args], "start_sha256": file_sha256(data)}
        done = os.path.join(out, "study1_rung.json")
        if os.path.exists(done) and os.path.exists(os.path.join(out, "minima.dump")):
            with open(done) as f:
                saved = json.load(f)
            if saved["key"] == key:
                return saved["summary"]
        shutil.rmtree(out, ignore_errors=True)
        j = json.loads(self.runner.glassland(*args))
        tmp = f"{done}.tmp.{os.getpid()}"
        with open(tmp, "w") as f:
            json.dump({"key": key, "summary": j}, f)
        os.replace(tmp, done)
        return j

    def roundtrip_error(self, data, energy_final, natoms):
        """|E(data file) - E(akmc final minimum)| per atom: the dump -> data conversion is exact."""
        j = self.runner.glassland_json("eval", "--data", data, "--potential", self.kmc_potential)
        err = abs(j["energy"] - energy_final) / natoms
        if not err < ENERGY_ROUNDTRIP_TOLERANCE:
            raise RuntimeError(f"study1 beyond-MD: {data} has energy {j['energy']}, akmc said {energy_final}")
        return err

    def run(self, protocols):
        continued = histories(protocols, self.cfg["protocols"])
        for h in continued:
            for seed in range(1, self.cfg["seeds"] + 1):
                self.history(h, seed)
            skipped = [m["reason"] for m in self.model_skipped if m["protocol"] == h["label"]]
            if self.model is not None and len(skipped) == self.cfg["seeds"]:
                raise RuntimeError(f"study1 beyond-MD: {h['label']}: no seed's glass gave the model a catalog: "
                                   + "; ".join(skipped))
        if "one-step" in self.cfg["protocols"]:
            done = {h["rate_below"] for h in continued if h["kind"] == "one-step"}
            for prot in protocols:
                if prot["kind"] == "one-step" and prot["rate_above"] not in done:
                    for seed in range(1, self.cfg["seeds"] + 1):
                        self.one_step_md("one-step", prot["rate_above"], seed)
        return self.summary()

    def summary(self):
        entries = []
        keys = sorted({(r["protocol"], r["method"], r["rate"] if r["rate"] is not None else -1.0)
                       for r in self.records}, key=lambda k: (k[0], k[1], -k[2]))
        for label, method, rate in keys:
            group = [r for r in self.records if r["protocol"] == label and r["method"] == method and
                     (r["rate"] if r["rate"] is not None else -1.0) == rate]
            deltas = [self.delta_below_handover(g) for g in group]
            e = {"protocol": label, "method": method, "rate": None if rate < 0 else rate,
                 "rate_factor": group[0]["rate_factor"], "energy_per_atom": mean_stderr([g["energy"] for g in group]),
                 "delta_energy_below_handover": mean_stderr(deltas),
                 "isro_fraction": mean_stderr([g["isro"] for g in group]), "samples": len(group),
                 "glasses": [{"seed": g["seed"], "energy_per_atom": g["energy"], "isro_fraction": g["isro"],
                              "delta_energy_below_handover": d} for g, d in zip(group, deltas)]}
            if method == "model":
                e.update(delta_H_kJ_per_mol=mean_stderr([g["delta_H_kJ_per_mol"] for g in group]),
                         rate_K_per_min=group[0]["rate_K_per_min"],
                         fictive_end_K=mean_stderr([g["fictive_end_K"] for g in group]),
                         calibration=[g["calibration"] for g in group],
                         isro_note="none: the landscape model has no atoms")
            if method == "akmc":
                e.update(completed=all(g["completed"] for g in group), events=[g["events"] for g in group],
                         rung_events=[g["rung_events"] for g in group], cpu_seconds=sum(g["cpu_seconds"] for g in group),
                         roundtrip_energy_error=max(g["roundtrip_energy_error"] for g in group))
            entries.append(e)
        setup = {"method": self.cfg["method"], "natoms": self.cfg["natoms"], "seeds": self.cfg["seeds"], "handover_temperature": self.t_h,
                 "rungs": [{"temperature": t, "width": w} for t, w in self.rungs],
                 "last_rung_kT": BOLTZMANN[self.opts.units] * self.rungs[-1][0], "rate_factors": self.cfg["factors"],
                 "kmc_potential": self.kmc_potential, "prefactor": KMC_PREFACTOR[self.opts.units],
                 "max_searches_per_state": self.cfg["max_searches"], "events_max_per_rung": self.cfg["events_max"],
                 "energy": "inherent-structure energy per atom with the study's potential; for method model: "
                           "E_IS of the T_h configuration + the model's configurational enthalpy change below T_h "
                           f"(kJ/mol of atoms converted to {study1_model.LabUnits(self.opts.units).energy_name})",
                 "volume": "kMC at the MD branch's final volume (constant)"}
        if self.model is not None:
            setup.update(harvest_steps=self.cfg["harvest_steps"], harvest_max_events=self.cfg["harvest_max_events"],
                         harvest_temperature=self.model.harvest_t, md_rate_of_tg=self.md_rate,
                         model_skipped=self.model_skipped)
        return {"setup": setup, "entries": entries, "overlap": overlap(entries)}

    def delta_below_handover(self, rec):
        """E(rec) - E_IS(T_h configuration of the same history and seed), None without one."""
        start = next((r for r in self.records if r["protocol"] == rec["protocol"] and r["seed"] == rec["seed"]
                      and r["method"] == "handover"), None)
        if start is None or rec["method"] == "handover" or rec["rate"] is None:
            return None
        if rec["method"] == "md" and rec["rate"] != self.branch_rate(rec["protocol"]):
            return None  # a plain one-step MD glass at another rate: no T_h branch point
        return rec["energy"] - start["energy"]

    def branch_rate(self, label):
        return next((r["rate"] for r in self.records if r["protocol"] == label and r["method"] != "md"
                     and r["rate_factor"] == 1.0), None)


def file_sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def overlap(entries):
    """Per protocol, MD and the slower-rate method (kMC or model) at the same rate (factor 1):
    difference and verdict (`kmc_minus_md` names the difference for either method)."""
    out = []
    for md in (e for e in entries if e["method"] == "md"):
        kmc = next((e for e in entries if e["method"] in METHODS and e["protocol"] == md["protocol"]
                    and e["rate"] == md["rate"]), None)
        if kmc is None:
            continue
        row = {"protocol": md["protocol"], "rate": md["rate"], "method": kmc["method"]}
        for key in ("energy_per_atom", "isro_fraction"):
            a, b = kmc[key], md[key]
            if a["mean"] is None or b["mean"] is None:
                row[key] = {"kmc_minus_md": None, "stderr": None, "verdict": "not available (the model has no atoms)"}
                continue
            diff = a["mean"] - b["mean"]
            err = math.sqrt((a["stderr"] or 0.0) ** 2 + (b["stderr"] or 0.0) ** 2)
            if kmc["method"] == "model":  # same seeds, same T_h configuration: paired differences
                diff, err = paired_difference(kmc, md)
            verdict = ("agree (within 2 stderr)" if abs(diff) <= 2 * err else "differ (beyond 2 stderr)") if err > 0 \
                else ("equal" if diff == 0 else "no error bar (one history)")
            row[key] = {"kmc_minus_md": diff, "stderr": err, "verdict": verdict}
        out.append(row)
    return out


def paired_difference(a, b):
    """Mean and standard error over seeds of a's minus b's energy change below T_h."""
    by_seed = {g["seed"]: g["delta_energy_below_handover"] for g in b["glasses"]}
    d = [g["delta_energy_below_handover"] - by_seed[g["seed"]] for g in a["glasses"]
         if g["seed"] in by_seed and by_seed[g["seed"]] is not None and g["delta_energy_below_handover"] is not None]
    m = mean_stderr(d)
    return m["mean"], m["stderr"] or 0.0


def plot(path, result, rate_unit, title):
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.6))
    protocols = sorted({e["protocol"] for e in result["entries"]})
    colors = dict(zip(protocols, plt.rcParams["axes.prop_cycle"].by_key()["color"]))
    for ax, key, name in ((axes[0], "energy_per_atom", "E_IS per atom"), (axes[1], "isro_fraction", "I-SRO fraction")):
        methods = sorted({e["method"] for e in result["entries"] if e["method"] in METHODS})
        slow = " and ".join("kMC" if m == "akmc" else "model" for m in methods) or "kMC"
        for prot in protocols:
            for method, marker, fill in (("md", "o", True), ("akmc", "s", False), ("model", "D", False)):
                pts = sorted((e for e in result["entries"] if e["protocol"] == prot and e["method"] == method
                              and e[key]["mean"] is not None), key=lambda e: e["rate"])
                if not pts:
                    continue
                ax.errorbar([math.log10(e["rate"]) for e in pts], [e[key]["mean"] for e in pts],
                            yerr=[e[key]["stderr"] or 0 for e in pts], marker=marker, ms=6, capsize=3,
                            color=colors[prot], mfc=colors[prot] if fill else "white",
                            ls="-" if method == "md" else "--", label=f"{prot}: {METHOD_LABEL[method]}")
                capped = [e for e in pts if not e.get("completed", True)]
                if capped:  # event cap hit: the ladder did not reach its end, the rate is not what it says
                    ax.plot([math.log10(e["rate"]) for e in capped], [e[key]["mean"] for e in capped], "x", ms=10,
                            color="k", label="kMC hit its event cap (incomplete)")
            hand = next((e for e in result["entries"] if e["protocol"] == prot and e["method"] == "handover"), None)
            if hand:
                ax.axhline(hand[key]["mean"], color=colors[prot], lw=0.7, ls=":")
        md_rates = [e["rate"] for e in result["entries"] if e["method"] == "md"]
        both = [o["rate"] for o in result["overlap"]]
        if both:
            ax.axvspan(math.log10(min(both)) - 0.1, math.log10(max(both)) + 0.1, color="grey", alpha=0.15,
                       label=f"overlap: MD and {slow} at the same rate")
        if md_rates:
            ax.axvline(math.log10(min(md_rates)) - 0.15, color="k", lw=0.6, ls="--",
                       label=f"slower than this: {slow} only")
        note = {"isro_fraction": "\nno landscape-model points: the model has no atoms, hence no I-SRO",
                "energy_per_atom": "\nmodel: E_IS(T_h configuration) + the model's configurational Delta H below T_h"}
        ax.set(xlabel=f"log10(cooling rate below T_h / ({rate_unit}))", ylabel=name)
        ax.set_title(f"{name}: MD (filled) and {slow} (open); dotted = at T_h" + (note[key] if "model" in methods
                                                                                     else ""), fontsize=9)
        handles, labels = ax.get_legend_handles_labels()
        unique = dict(zip(labels, handles))  # one entry per label (the event-cap cross repeats)
        ax.legend(unique.values(), unique.keys(), fontsize=6)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
