"""kMC replay from Python against the exact two-state master equation, and the landscape model's
protocol results against the command line's files and their own integrals."""
import math
import os

import numpy as np
import pytest

import glassland
from conftest import SOURCE_DIR

# Two states: E0 = 0, E1 = 0.2, saddle 0.5, prefactors 1 (reduced units); kT = 0.25.
TWO_STATE = {"energy": [0.0, 0.2]}, {"from": [0], "to": [1], "energy": [0.5]}
KT = 0.25
K01, K10 = math.exp(-0.5 / KT), math.exp(-0.3 / KT)


def test_occupancy_follows_the_master_equation():
    catalog = glassland.Catalog.from_arrays(*TWO_STATE)
    times = [0.5, 2.0, 6.0, 30.0]
    runs = 4000
    out = glassland.kmc(catalog, start=0, times=times, runs=runs, seed=7, temperature=KT)
    column = list(out["state_ids"]).index(1)
    for k, t in enumerate(times):
        exact = K01 / (K01 + K10) * (1.0 - math.exp(-(K01 + K10) * t))
        # Binomial sampling error of a fraction over `runs` independent runs: 5 standard errors.
        bound = 5.0 * math.sqrt(exact * (1 - exact) / runs) + 1e-12
        assert abs(out["occupancy"][k, column] - exact) <= bound
        assert (out["states"][:, k] == 1).mean() == pytest.approx(out["occupancy"][k, column], rel=1e-12)
    assert out["energy_mean"][-1] == pytest.approx(0.2 * out["occupancy"][-1, column], rel=1e-12)


def test_same_seed_same_result_and_schedule_temperature():
    catalog = glassland.Catalog.from_arrays(*TWO_STATE)
    a = glassland.kmc(catalog, 0, [1.0, 5.0], 200, seed=3, temperature=KT)
    b = glassland.kmc(catalog, 0, [1.0, 5.0], 200, seed=3, temperature=glassland.Schedule.hold(KT, 10.0))
    np.testing.assert_array_equal(a["states"], b["states"])


def test_trajectory_residence_times_are_exponential():
    catalog = glassland.Catalog.from_arrays(*TWO_STATE)
    path = glassland.kmc_trajectory(catalog, start=0, duration=1e9, seed=5, temperature=KT, max_events=4000)
    assert path["state"][0] == 0 and path["time"][0] == 0.0
    assert np.all(np.diff(path["time"]) > 0)
    assert np.all(path["state"][1:] != path["state"][:-1])  # two states: every event switches
    residence = np.diff(path["time"])
    in_zero = residence[path["state"][:-1] == 0]
    # Mean of n exponential residences has standard error mean/sqrt(n): 5 standard errors.
    assert abs(in_zero.mean() - 1 / K01) <= 5 * (1 / K01) / math.sqrt(len(in_zero))


def test_protocol_tables_equal_the_command_line_and_integrate_to_delta_h(tmp_path, cli):
    model = os.path.join(SOURCE_DIR, "examples", "model", "la_glass.toml")
    protocol = os.path.join(SOURCE_DIR, "examples", "model", "dsc_cool_reheat.toml")
    messages = []
    result = glassland.run_protocol(model, protocol, progress=messages.append)
    assert len(messages) >= 2
    cli("landscape-model", "--model", model, "--protocol", protocol, "--out", tmp_path, "--no-plots")
    for name, text in result.files.items():  # deterministic master equation: identical files
        assert (tmp_path / name).read_text() == text
    dsc = result.table("dsc")
    step = next(s for s in result.summary["steps"] if s["kind"] == "dsc")
    window = (dsc["T_K"] >= 420.0) & (dsc["T_K"] <= 500.0)
    # Delta H = integral of the excess c_p over the window (kJ/mol); the table's grid is 0.25 K,
    # the window edges fall within half a step: allow 2 % of the peak-area scale.
    integral = np.trapz(dsc["excess_cp_kJ_per_mol_K"][window], dsc["T_K"][window])
    scale = np.trapz(np.abs(dsc["excess_cp_kJ_per_mol_K"][window]), dsc["T_K"][window])
    assert integral == pytest.approx(step["delta_H_kJ_per_mol"], abs=0.02 * scale)
