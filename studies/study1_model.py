"""Study 1 beyond MD rates with the landscape model (`--beyond-md-method model`): where on-the-fly
kMC cannot reach (Cu-Zr EAM: one rung at the MD rate did not finish in 9 CPU min), each history
below T_h is continued by `glassland landscape-model` calibrated on the MD glass of that history.

Per history and seed (the MD part, T_h and the MD branch are those of study1_beyond_md.py):
  1. a small catalog is harvested from the MD-branch glass at 0.6 Tg (`glassland harvest`: Langevin
     MD, quench, NEB per inherent-structure change): the beta spectra (barrier mean and width,
     asymmetry mean and width) of the model are this catalog's own energies, converted to kJ/mol
     by the potential's energy unit (`[catalog] energy_unit_kJ_per_mol`: 96.485 per eV), not the
     26 R Tg rule (which would put the mean barrier at ~2 eV for Tg = 924 K and freeze it);
  2. the alpha sector from the same MD: Tg = the study's V-T kink (K), Delta c_p = the jump of
     dE/dT per atom at Tg in the cooling curve of the seed's first continued history (the slowest
     one-step quench; liquid fit over 1.1-1.5 Tg, glass fit over T_h-0.85 Tg), and a VFT law tau = tau0 exp(B/(T - T0)) with tau0 = the attempt
     time of the kMC route (0.1 ps for metal, 1 tau for LJ) through two glass transitions: the
     MD one (Tg at the MD cooling rate) and a second anchor (metal: the laboratory Tg of
     Cu50Zr50, an input; LJ: T0 = 0.6 Tg, an input). Each transition is the Frenkel-Kobeko
     criterion q tau(Tg) |d ln tau/dT|(Tg) = 1;
  3. the model runs the same history: in equilibrium at the MD start temperature, the MD rates
     down to T_h (two_step_ramp with the switch at T* for II-A / II-B), then rate_below / factor
     down to T_end. Rates are converted to K/min by code (metal: K/ps * 6e13; LJ: argon units).
What is compared: the model has no atoms and no absolute energy zero, so it gives the
configurational enthalpy change below T_h, Delta H = H(T_end) - H(T_h) (kJ/mol of atoms ->
eV/atom, or eps/atom with the argon mapping), against the MD branch's Delta E_IS = E_IS(glass) -
E_IS(T_h configuration) of the same seed (the overlap at factor 1 is a genuine comparison, not
forced). The model points plotted as energies are E_IS(T_h configuration) + Delta H. No I-SRO.
"""
import json
import math
import os

import numpy as np

from glassland_study import read_columns

KJ_PER_MOL_PER_EV = 96.48533212  # kmc/LabUnits.hpp kEvToKJPerMol
GAS_CONSTANT_KJ = 8.314462618e-3  # kJ/(mol K)
# LJ -> laboratory units: argon (eps/k_B = 119.8 K, sigma = 3.405 A, m = 39.948 amu), the usual
# mapping; only the CI test uses it (Wahnstrom in the model route).
ARGON = {"eps_K": 119.8, "sigma_m": 3.405e-10, "mass_kg": 39.948 * 1.66053906660e-27}
BOLTZMANN_J = 1.380649e-23
ATTEMPT_TIME_S = {"metal": 1e-13}  # 1 / (10 per ps), the kMC route's prefactor; LJ: 1 tau
LAB_TG_CUZR_K, LAB_RATE_K_PER_MIN = 680.0, 20.0  # Cu50Zr50 ribbons, DSC: literature ~670-700 K (input)
LJ_T0_OVER_TG = 0.6  # LJ second anchor (input; the LJ route is a test of the machinery)
# Harvest temperature: at T_h = 0.45 Tg a 200-atom glass makes ~no transition in a short MD run
# (Wahnstrom: 0 or 1 saddle in 1000 steps); at 0.6 Tg ~1 per tau (docs/md-dynamics.md), so a
# few thousand steps give a spectrum. The catalog is the glass's landscape near T_h, sampled warmer.
HARVEST_T_OVER_TG = 0.6
HARVEST_EXTENSIONS = 2  # a harvest without a saddle is extended to 2x, then 4x its MD steps
LIQUID_FIT, GLASS_FIT_TOP = (1.1, 1.5), 0.85  # Delta c_p fit windows in units of Tg


def lj_time_s():
    """The LJ time unit tau = sigma sqrt(m / eps) in seconds (argon: 2.16 ps)."""
    return ARGON["sigma_m"] * math.sqrt(ARGON["mass_kg"] / (ARGON["eps_K"] * BOLTZMANN_J))


class LabUnits:
    """Conversions from the potential's units to the model's laboratory units."""

    def __init__(self, units):
        self.units = units
        if units == "metal":
            self.kelvin, self.second = 1.0, 1e-12  # K, ps
            self.kj_per_mol = KJ_PER_MOL_PER_EV  # per eV (per atom)
            self.energy_name = "eV/atom"
        else:
            self.kelvin, self.second = ARGON["eps_K"], lj_time_s()
            self.kj_per_mol = GAS_CONSTANT_KJ * ARGON["eps_K"]  # per eps
            self.energy_name = "eps/atom (argon mapping)"
        self.attempt_time_s = ATTEMPT_TIME_S.get(units, self.second)

    def temperature_K(self, t):
        return t * self.kelvin

    def rate_K_per_min(self, rate):
        """A cooling rate in temperature units per time unit -> K/min."""
        return rate * self.kelvin / self.second * 60.0

    def energy_from_kj_per_mol(self, h):
        return h / self.kj_per_mol

    def heat_capacity_J_per_mol_K(self, slope):
        """dE/dT per atom (energy unit per temperature unit) -> J/(mol K)."""
        return slope * self.kj_per_mol / self.kelvin * 1e3


def frenkel_kobeko_residual(b, t0, tau0, tg, q_per_s):
    """ln(q tau(Tg) |d ln tau/dT|) for VFT (B, T0, tau0); 0 at the glass transition of rate q."""
    x = b / (tg - t0)
    return math.log(q_per_s * tau0 * x / (tg - t0)) + x


def vft_for_tg(t0, tau0, tg, q_per_s):
    """B such that the VFT law (B, T0, tau0) falls out of equilibrium at Tg at rate q (bisection:
    the residual grows with B)."""
    lo, hi = 1e-9 * tg, 1e4 * tg
    if frenkel_kobeko_residual(lo, t0, tau0, tg, q_per_s) > 0:
        raise ValueError(f"no VFT law falls out at Tg = {tg:g} K at {q_per_s:g} K/s with tau0 = {tau0:g} s")
    for _ in range(200):
        mid = math.sqrt(lo * hi)
        if frenkel_kobeko_residual(mid, t0, tau0, tg, q_per_s) > 0:
            hi = mid
        else:
            lo = mid
    return math.sqrt(lo * hi)


def calibrate_vft(tau0, tg_md, q_md, tg_lab=None, q_lab=None, t0_over_tg=None):
    """(B, T0) in K: through the MD glass transition (Tg_md at q_md, K and K/s) and either a second
    one (tg_lab at q_lab) or a given T0 = t0_over_tg * Tg_md."""
    if t0_over_tg is not None:
        t0 = t0_over_tg * tg_md
        return vft_for_tg(t0, tau0, tg_md, q_md), t0
    lo, hi = 0.0, min(tg_md, tg_lab) * (1 - 1e-9)

    def mismatch(t0):  # B from the MD anchor, residual at the second one
        return frenkel_kobeko_residual(vft_for_tg(t0, tau0, tg_md, q_md), t0, tau0, tg_lab, q_lab)
    if mismatch(lo) * mismatch(hi) > 0:
        raise ValueError("the two glass transitions cannot be joined by one VFT law with this tau0")
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        if mismatch(lo) * mismatch(mid) <= 0:
            hi = mid
        else:
            lo = mid
    t0 = 0.5 * (lo + hi)
    return vft_for_tg(t0, tau0, tg_md, q_md), t0


def delta_cp_slope(quench_csv, tg, t_low):
    """Jump of dE/dT per atom at Tg in an MD cooling curve (energy unit per temperature unit):
    liquid slope over LIQUID_FIT Tg minus glass slope over [t_low, GLASS_FIT_TOP Tg]."""
    c = read_columns(quench_csv)
    cool = c["phase"] == "cool"
    t, e = c["temperature"][cool], c["potential_energy_per_atom"][cool]

    def slope(lo, hi):
        m = (t >= lo) & (t <= hi)
        if m.sum() < 5:
            raise ValueError(f"{quench_csv}: fewer than 5 samples between {lo:g} and {hi:g}")
        return float(np.polyfit(t[m], e[m], 1)[0])
    return slope(LIQUID_FIT[0] * tg, LIQUID_FIT[1] * tg) - slope(t_low, GLASS_FIT_TOP * tg)


def model_toml(path, name, lab, tg, tau_at_tg, delta_cp, b, t0, catalog, tau0_beta):
    """The model file (docs/landscape-model.md), every number in laboratory units."""
    text = (f'[model]\nname = "{name}"\nsolver = "master_equation"\n\n'
            f"[lab]\nTg_K = {tg:.10g}\ntau_at_Tg_s = {tau_at_tg:.10g}\ndelta_cp_J_per_mol_K = {delta_cp:.10g}\n\n"
            f"[alpha]\nvft_B_K = {b:.10g}\nvft_T0_K = {t0:.10g}\n\n"
            f"[beta]\ntau0_s = {tau0_beta:.10g}\n\n"
            f'[catalog]\nfile = "{os.path.abspath(catalog)}"\nenergy_unit_kJ_per_mol = {lab.kj_per_mol:.10g}\n')
    with open(path, "w") as f:
        f.write(text)


def protocol_toml(path, lab, t_start, t_h, t_end, rate_above, rate_below, factor, t_star=None):
    """The history in K and K/min: MD rates down to T_h, then rate_below / factor to T_end."""
    k, r = lab.temperature_K, lab.rate_K_per_min
    text = f"start_K = {k(t_start):.10g}\n\n[[step]]\n"
    if t_star is not None and t_star > t_h:
        text += (f'kind = "two_step_ramp"\nswitch_K = {k(t_star):.10g}\nto_K = {k(t_h):.10g}\n'
                 f"rate_above_K_per_min = {r(rate_above):.10g}\nrate_below_K_per_min = {r(rate_below):.10g}\n")
    else:
        text += f'kind = "ramp"\nto_K = {k(t_h):.10g}\nrate_K_per_min = {r(rate_above):.10g}\n'
    text += f'\n[[step]]\nkind = "ramp"\nto_K = {k(t_end):.10g}\nrate_K_per_min = {r(rate_below / factor):.10g}\n'
    with open(path, "w") as f:
        f.write(text)


class NoSaddleFound(RuntimeError):
    """A glass whose harvest met no saddle: the model has no catalog for it (study1_beyond_md skips
    that seed and names it in the summary)."""


class ModelRoute:
    """The landscape-model continuation of one history (called by study1_beyond_md.BeyondMd)."""

    def __init__(self, part):
        self.part, self.runner, self.opts, self.p = part, part.runner, part.opts, part.p
        self.lab = LabUnits(self.opts.units)
        self.harvest_t = round(HARVEST_T_OVER_TG * part.tg, 6)
        self.cooling_fits = {}  # seed -> (Delta c_p slope, its cooling curve), first history first

    def harvest(self, folder, glass, seed):
        """Harvests a catalog from MD on the glass; a run that meets no saddle is extended (--resume)
        to twice its MD steps, up to HARVEST_EXTENSIONS times: at 0.6 Tg whether a short run sees a
        transition is chance, and it differs between compilers' trajectories (a clang build's seed 2
        met none in 2000 steps)."""
        out = os.path.join(folder, "catalog.glcat")
        steps = int(self.part.cfg["harvest_steps"])
        args = ["harvest", "--data", glass, "--potential", self.opts.potential, "--temperature", self.harvest_t,
                "--seed", seed, "--dt", self.p["dt"], "--max-events", self.part.cfg["harvest_max_events"], "--out", out,
                # The model uses barriers and asymmetries only: skip Vineyard Hessians (most of a harvest's cost).
                "--fixed-prefactor", 1.0 / self.lab.attempt_time_s * self.lab.second]
        j = self.runner.glassland_json(*args, "--steps", steps)
        info = self.runner.glassland_json("catalog", "info", out)
        for _ in range(HARVEST_EXTENSIONS):
            if info["n_saddles"]:
                break
            steps *= 2
            j = self.runner.glassland_json(*args, "--steps", steps, "--resume")
            info = self.runner.glassland_json("catalog", "info", out)
        if not info["n_saddles"]:
            raise NoSaddleFound(f"study1 model: the harvest of {glass} at T = {self.harvest_t:g} found no saddle in "
                                f"{steps} steps (a crystallised or very stable glass?); raise --model-harvest-steps")
        return out, {"saddles": info["n_saddles"], "minima": info["n_minima"], "temperature": self.harvest_t,
                     "md_steps": steps, "barrier_median": info["barrier_median"], "harvest": j}

    def calibration(self, folder, handover_dir, catalog, seed):
        """Writes model.toml; returns the calibration numbers (laboratory units)."""
        lab, part = self.lab, self.part
        tg = lab.temperature_K(part.tg)
        q_md = lab.rate_K_per_min(part.md_rate) / 60.0  # K/s
        tau0 = lab.attempt_time_s
        if self.opts.units == "metal":
            b, t0 = calibrate_vft(tau0, tg, q_md, self.opts.model_lab_tg, self.opts.model_lab_rate / 60.0)
        else:
            b, t0 = calibrate_vft(tau0, tg, q_md, t0_over_tg=LJ_T0_OVER_TG)
        # Delta c_p is a property of the liquid at Tg: taken from the seed's first history (the slowest
        # one-step quench when it is continued: its liquid is equilibrated and its kink gave Tg). The
        # fast parts of II-A / II-B are not usable: at 1000 K/ps the thermostat lags ~400 K behind
        # the target, and one II-B curve gave 0.56 J/(mol K), too small for the model's spread.
        if seed not in self.cooling_fits:
            curve = os.path.join(handover_dir, "quench.csv")
            self.cooling_fits[seed] = (delta_cp_slope(curve, part.tg, part.t_h), curve)
        slope, source = self.cooling_fits[seed]
        delta_cp = lab.heat_capacity_J_per_mol_K(slope)
        if not delta_cp > 0:
            raise ValueError(f"study1 model: Delta c_p from {handover_dir}/quench.csv is {delta_cp:g} J/(mol K) <= 0")
        tau_at_tg = tau0 * math.exp(b / (tg - t0))
        path = os.path.join(folder, "model.toml")
        model_toml(path, f"{self.opts.potential} calibrated on {folder}", lab, tg, tau_at_tg, delta_cp, b, t0,
                   catalog, tau0)
        return {"model_file": path, "Tg_K": tg, "md_rate_K_per_s": q_md, "tau0_s": tau0, "vft_B_K": b,
                "vft_T0_K": t0, "tau_at_Tg_s": tau_at_tg, "delta_cp_J_per_mol_K": delta_cp, "delta_cp_from": source,
                "catalog_energy_unit_kJ_per_mol": lab.kj_per_mol}

    def continue_history(self, h, seed, folder, handover_dir, glass):
        """Harvest, calibrate and run every rate factor; returns [(factor, rate, delta_E, info)]."""
        folder = os.path.join(folder, "model")
        os.makedirs(folder, exist_ok=True)
        catalog, cat_info = self.harvest(folder, glass, seed)
        cal = self.calibration(folder, handover_dir, catalog, seed)
        cal.update(catalog=cat_info)
        out = []
        for factor in self.part.cfg["factors"]:
            run = os.path.join(folder, f"x{factor:g}")
            os.makedirs(run, exist_ok=True)
            protocol = os.path.join(run, "protocol.toml")
            protocol_toml(protocol, self.lab, self.p["t_start"], self.part.t_h, self.p["t_end"], h["rate_above"],
                          h["rate_below"], factor, h["t_star"])
            self.runner.glassland("landscape-model", "--model", cal["model_file"], "--protocol", protocol, "--out",
                                  os.path.join(run, "out"), "--no-plots")
            with open(os.path.join(run, "out", "results.json")) as f:
                steps = json.load(f)["steps"]
            h_th, h_end = steps[0]["end_enthalpy_kJ_per_mol"], steps[1]["end_enthalpy_kJ_per_mol"]
            out.append((factor, h["rate_below"] / factor, self.lab.energy_from_kj_per_mol(h_end - h_th),
                        {"delta_H_kJ_per_mol": h_end - h_th, "fictive_at_T_h_K": steps[0]["end_fictive_K"],
                         "fictive_end_K": steps[1]["end_fictive_K"], "rate_K_per_min": self.lab.rate_K_per_min(
                             h["rate_below"] / factor), "calibration": cal}))
        return out
