"""The glassland runs of study 1 (studies/study1_two_step_quench.py): model profiles in their
units, one quench per (protocol, seed), and the measurements made on each glass (inherent
structure + icosahedral network, shear test, MD-DMA at several temperatures). Commands run and
CSV files are read through the shared study helpers (studies/glassland_study.py)."""
import os
import resource
import sys

from glassland_study import cli, cli_json, read_columns

# Each profile is the paper's protocol scaled to one machine, in the potential's units.
# Wakeda & Saida: Cu50Zr50, NPT at P = 0, 2000 K -> 0 K at 1e10-1e12 K/s, T* 700-1000 K (Tg ~ 860 K),
# shear at 10 K and 1e8/s, fD threshold 0.2 A, DMA gamma0 = 0.02, period 1000 ps, 10 cycles, 10-1500 K.
PROFILES = {
    # Wahnstrom LJ (reduced units). P = 5: an LJ liquid at P = 0 would boil at T = 2. The fD threshold
    # 0.2 A is scaled by the nearest-neighbour distance (2.7 A in Cu-Zr, ~1 sigma here): 0.075 sigma.
    "lj": dict(pressure=5.0, t_start=2.0, t_end=0.1, dt=0.005, volume_per_atom=0.767, equilibrate=20.0,
               rates=[2e-3, 6e-3, 2e-2], quick_rates=[2e-2, 5e-2, 1e-1], shear_rate=1e-3, quick_shear_rate=1e-2,
               nonaffine_threshold=0.075, dma_period=20.0, quick_dma_period=10.0,
               temperature_unit="eps/k_B", rate_unit="eps/k_B per tau", length_unit="sigma"),
    # Cu50Zr50 EAM (metal units: K, ps, A, bar). Rates in K/ps (1 K/ps = 1e12 K/s).
    "metal": dict(pressure=0.0, t_start=2000.0, t_end=50.0, dt=0.002, volume_per_atom=20.0, equilibrate=20.0,
                  rates=[10.0, 30.0, 100.0], quick_rates=[100.0, 300.0, 1000.0], shear_rate=1e-3,
                  quick_shear_rate=1e-2, nonaffine_threshold=0.2, dma_period=20.0, quick_dma_period=10.0,
                  temperature_unit="K", rate_unit="K/ps", length_unit="A"),
}
# Shear temperature as in the paper (10 K for Tg ~ 860 K), as a fraction of Tg.
SHEAR_T_OVER_TG = 10.0 / 860.0
DMA_AMPLITUDE = 0.02
PAPER_TG_K = 860.0


def potential_units(potential):
    """'lj' or 'metal' for a preset name or a TOML potential file."""
    if potential.endswith(".toml"):
        import tomllib
        with open(potential, "rb") as f:
            return tomllib.load(f).get("units", "lj")
    return "lj" if potential.split("-")[0] in ("wahnstrom", "kob") else "metal"


class Runner:
    """Runs glassland for one study configuration and keeps every run's folder under opts.out."""

    def __init__(self, opts, profile):
        self.opts, self.p = opts, profile

    def glassland(self, *args):
        """`glassland ARGS...` (stdout)."""
        return cli(self.opts.glassland, *args, quiet=self.opts.quiet)

    def glassland_json(self, *args):
        """`glassland ARGS... --json`, parsed."""
        return cli_json(self.opts.glassland, *args, quiet=self.opts.quiet)

    def sample_every(self, rate):
        """Steps per quench.csv row: ~150 rows over the ramp (enough for the Tg fit), at most 200."""
        steps = (self.p["t_start"] - self.p["t_end"]) / rate / self.p["dt"]
        return int(max(10, min(200, steps // 150)))

    def quench(self, name, seed, rate, t_switch=None, rate_below=None, t_end=None):
        """One NPT quench from a random liquid; returns (summary, quench.csv columns of the cooling
        phase, folder)."""
        out = os.path.join(self.opts.out, name)
        p = self.p
        args = ["quench", "--out", out, "--potential", self.opts.potential, "--natoms", self.opts.natoms,
                "--volume-per-atom", p["volume_per_atom"], "--ensemble", "npt", "--pressure", p["pressure"],
                "--t-start", p["t_start"], "--t-end", t_end if t_end is not None else p["t_end"], "--rate", rate,
                "--dt", p["dt"], "--equilibrate", p["equilibrate"], "--seed", seed, "--threads", self.opts.threads,
                "--sample-every", self.sample_every(rate), "--no-plot"]
        if t_switch is not None:
            args += ["--t-switch", t_switch, "--rate-below", rate_below]
        print(f"study1: quench {name}", file=sys.stderr)
        summary = self.glassland_json(*args)
        table = read_columns(os.path.join(out, "quench.csv"))
        cooling = table["phase"] == "cool"
        return summary, {k: v[cooling] for k, v in table.items()}, out

    def structure(self, data):
        """Inherent-structure energy and the icosahedral network of its inherent structure."""
        j = self.glassland_json("analyze", "--data", data, "--potential", self.opts.potential, "--inherent",
                                "--icosahedral-network", "--threads", self.opts.threads)
        net = j["icosahedral_network"]
        return {"inherent_energy": j["inherent_structure_energy_per_atom"], "isro": net["isro_fraction"],
                "imro": net["clustering_coefficient_defined"], "imro_all_centres": net["clustering_coefficient"],
                "largest_cluster": net["largest_cluster"]}

    def shear(self, data, out, temperature, seed):
        rate = self.p["quick_shear_rate" if self.opts.quick else "shear_rate"]
        j = self.glassland_json("shear", "--data", data, "--potential", self.opts.potential, "--temperature",
                                temperature, "--rate", rate, "--max-strain", 0.05, "--fit-strain", 0.01,
                                "--nonaffine-threshold", self.p["nonaffine_threshold"], "--dt", self.p["dt"],
                                "--equilibrate-steps", 1000, "--seed", seed, "--threads", self.opts.threads, "--out", out)
        return {"shear_modulus": j["shear_modulus"], "shear_modulus_GPa": j["shear_modulus_GPa"], "fD": j["fD"]}

    def dma(self, data, out, temperature, seed):
        period = self.p["quick_dma_period" if self.opts.quick else "dma_period"]
        cycles = 2 if self.opts.quick else 4
        j = self.glassland_json("dma", "--data", data, "--potential", self.opts.potential, "--temperature",
                                temperature, "--amplitude", DMA_AMPLITUDE, "--period", period, "--cycles", cycles,
                                "--discard-cycles", 1, "--dt", self.p["dt"], "--equilibrate-steps", 500,
                                "--seed", seed, "--threads", self.opts.threads, "--out", out)
        hist = read_columns(os.path.join(out, "displacement_histogram.csv"))
        return {"temperature": temperature, "mean_displacement": j["mean_displacement"],
                "storage_modulus": j["storage_modulus"], "tan_delta": j["tan_delta"],
                "histogram": {"displacement": hist["displacement"], "p": hist["p_pooled"]}}

    def speed(self):
        """Measured CPU seconds per atom-step of this potential: a 300-step NVT run of a 1000-atom
        liquid (the cost per atom-step does not depend on N at fixed density)."""
        out = os.path.join(self.opts.out, "speed")
        p, natoms = self.p, 1000
        self.glassland_json("quench", "--out", out, "--potential", self.opts.potential, "--natoms", natoms,
                            "--volume-per-atom", p["volume_per_atom"], "--t-start", p["t_start"], "--t-end",
                            p["t_start"] * 0.999, "--rate", 1e9, "--dt", p["dt"], "--equilibrate", 0, "--no-plot",
                            "--threads", 1)
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        self.glassland_json("md", "--data", os.path.join(out, "glass.data"), "--potential", self.opts.potential,
                            "--ensemble", "nvt", "--temperature", p["t_start"], "--dt", p["dt"], "--steps", 300,
                            "--threads", 1)
        return (resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - before) / (300.0 * natoms)
