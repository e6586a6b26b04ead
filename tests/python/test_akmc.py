"""glassland.Akmc / glassland.akmc (on-the-fly kMC) against the `glassland akmc` command line.

The run is small: the 256-atom Wahnstrom glass, 4 searches per state, constant prefactor 1 (no
Hessians), 1 thread; a few seconds per run. The command line and the binding run the same engine
code on the same numbers in the same order, so the comparisons are exact (a tolerance would hide
a changed default or a changed order of operations)."""
import _thread
import csv
import os
import threading
import time

import numpy as np
import pytest

import glassland
from conftest import SOURCE_DIR

GLASS = os.path.join(SOURCE_DIR, "tests", "data", "wahnstrom_256_glass.data")
KT = 0.45
SEED = 3
SMALL = {"fixed_searches": 4, "batch": 4, "prefactor": 1.0, "threads": 1}
FLAGS = ["--fixed-searches", 4, "--batch", 4, "--prefactor", 1, "--threads", 1]


def cli_trajectory(cli, tmp_path, events):
    out = tmp_path / f"cli_{events}"
    cli("akmc", "--data", GLASS, "--potential", "wahnstrom-sf", "--temperature", KT, "--time-max", 1e30,
        "--events-max", events, "--seed", SEED, "--quiet", "--out", out, *FLAGS)
    with open(out / "trajectory.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    return {key: np.array([float(r[key]) for r in rows]) for key in rows[0]}


def new_run(**changes):
    glass = glassland.read_system(GLASS, units="lj")
    return glassland.Akmc(glass, glassland.Potential("wahnstrom-sf"), KT, SEED,
                          glassland.AkmcOptions(**{**SMALL, **changes}))


def require_same_trajectory(ours, theirs):
    assert set(ours) == set(theirs)
    for key in theirs:
        np.testing.assert_array_equal(np.asarray(ours[key], dtype=float), theirs[key], err_msg=key)


def test_same_seed_gives_the_command_lines_trajectory(cli, tmp_path):
    result = glassland.akmc(glassland.read_system(GLASS, units="lj"), glassland.Potential("wahnstrom-sf"), KT,
                            1e30, SEED, events_max=3, **SMALL)
    require_same_trajectory(result["trajectory"], cli_trajectory(cli, tmp_path, 3))
    summary = result["summary"]
    assert summary["events"] == 3
    assert summary["distinct_minima"] == result["catalog"].n_minima
    # Every state entered is a catalog minimum with the trajectory's energy.
    minima = result["catalog"].minima()
    energy_of = dict(zip(minima["id"], minima["energy"]))
    for state, energy in zip(result["trajectory"]["state"], result["trajectory"]["energy"]):
        assert energy_of[state] == energy
    assert len(result["final"]) == 256


def test_two_threads_give_the_one_thread_trajectory_of_the_command_line(cli, tmp_path):
    # Search k of state s is seeded from (seed, s, k) and batches have a fixed size, so the
    # thread count must not change a single bit (docs/akmc.md).
    run = new_run(threads=2)
    run.run(1e30, events_max=3)
    assert run.summary()["threads"] == 2
    require_same_trajectory(run.trajectory(), cli_trajectory(cli, tmp_path, 3))


def test_event_table_then_running_on_is_the_same_trajectory(cli, tmp_path):
    run = new_run()
    run.run(1e30, events_max=2)
    assert run.events == 2
    # The run stopped on entering this state: its table is built now, as the next step would.
    table = run.event_table()
    assert table["state"] == run.state
    assert table["searches"] >= SMALL["fixed_searches"]
    assert len(table["barrier"]) > 0
    run.run(1e30, events_max=3)
    require_same_trajectory(run.trajectory(), cli_trajectory(cli, tmp_path, 3))
    # The same table as the one a run builds for itself when it goes on (recycled guesses from
    # the previous state included: the search count counts them).
    straight = new_run()
    straight.run(1e30, events_max=3)
    built_by_run = straight.event_table(table["state"])
    assert built_by_run["searches"] == table["searches"]
    for key in ("barrier", "saddle_energy", "product", "hits", "origin"):
        np.testing.assert_array_equal(built_by_run[key], table[key], err_msg=key)


def test_event_table_rates_and_the_first_escape_rate():
    run = new_run()
    start_table = run.event_table()  # before any event: the start's table
    assert start_table["state"] == run.start
    # barrier = saddle - minimum energy; rate = nu exp(-barrier/kT) (1e-12: rounding of the sums).
    np.testing.assert_allclose(start_table["barrier"], start_table["saddle_energy"] - start_table["energy"],
                               rtol=0, atol=1e-9)
    np.testing.assert_allclose(start_table["rate"], start_table["prefactor_forward"] *
                               np.exp(-start_table["barrier"] / KT), rtol=1e-12)
    run.run(1e30, events_max=1)
    trajectory = run.trajectory()
    # The first hop leaves the start, whose escape rate is the sum over its table (the kinetics
    # build it from the catalog: an independent path to the same number; 1e-12 relative).
    assert trajectory["rate_total"][0] == pytest.approx(start_table["rate"].sum(), rel=1e-12)
    assert trajectory["barrier"][0] in set(start_table["barrier"])
    assert trajectory["state"][0] in set(start_table["product"])
    # The System at the new minimum has the run's energy (1e-9 relative: force-loop summation order).
    potential = glassland.Potential("wahnstrom-sf")
    assert potential.compute(run.system())["energy"] == pytest.approx(trajectory["energy"][0], rel=1e-9)
    assert run.positions().shape == (256, 3)


def test_progress_is_called_and_its_exception_propagates():
    calls = []
    run = new_run()
    run.run(1e30, events_max=2, progress=lambda *args: calls.append(args))
    assert [c[0] for c in calls] == [1, 2]
    assert calls[-1][1] == run.time

    def stop(*args):
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        run.run(1e30, events_max=4, progress=stop)
    assert run.events == 3  # the event before the callback was kept; the run can go on
    run.run(1e30, events_max=4)
    assert run.events == 4


def test_ctrl_c_stops_after_an_event_and_the_run_goes_on():
    run = new_run()
    # SIGINT as the terminal would send it, while the searches of the first states run.
    timer = threading.Timer(0.2, _thread.interrupt_main)
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        run.run(1e30, events_max=50)  # unchecked, it would stop only after all 50 (~30 s)
    timer.join()
    stopped_at = run.events
    assert stopped_at < 50  # one event, or none if the signal beat the call under heavy load
    run.run(1e30, events_max=stopped_at + 1)
    assert run.events == stopped_at + 1


def test_the_gil_is_released_while_it_runs():
    run = new_run()
    ticks = []
    done = threading.Event()

    def tick():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.001)

    thread = threading.Thread(target=tick)
    thread.start()
    time.sleep(0.05)
    before = len(ticks)
    run.run(1e30, events_max=2)  # > 0.5 s of searches
    during = len(ticks) - before
    done.set()
    thread.join()
    # Held GIL: the ticker could run only at the call's edges (a switch interval, ~5 ms, each).
    assert during > 20


@pytest.mark.parametrize("option, value", [
    ("batch", 0), ("confidence", 1.5), ("max_searches", 3), ("topology_rmsd", -1.0), ("search_iterations", 0),
    ("prefactor", -1.0),
])
def test_bad_options_give_the_command_lines_message(cli, tmp_path, option, value):
    # The same message; the CLI names its flag, Python the attribute (the library's field).
    flag = "--" + option.replace("_", "-")
    p = cli("akmc", "--data", GLASS, "--potential", "wahnstrom-sf", "--temperature", KT, "--time-max", 1,
            "--seed", 1, "--out", tmp_path / "bad", flag, value, check=False)
    assert p.returncode == 1
    message = p.stderr.strip().removeprefix("glassland: ")
    assert message.startswith(flag + ":")
    with pytest.raises(ValueError) as error:
        new_run(**{option: value})
    assert str(error.value) == option + message[len(flag):]
    assert not (tmp_path / "bad").exists()


def test_bad_arguments_are_one_line_value_errors():
    glass = glassland.read_system(GLASS, units="lj")
    smooth = glassland.Potential("wahnstrom-sf")
    cases = [
        (lambda: glassland.AkmcOptions(fixed_searchs=4), "fixed_searchs: not an aKMC option"),
        (lambda: glassland.Akmc(glass, glassland.Potential("wahnstrom"), KT, 1), "use 'wahnstrom-sf'"),
        (lambda: glassland.Akmc(glass, smooth, -1.0, 1), "temperature: kT must be finite and > 0"),
        (lambda: glassland.Akmc(glass, smooth, 300.0, 1, temperature_unit="K"), "K needs metal units"),
        (lambda: new_run().run(0.0), "time_max: must be a finite time > 0"),
        (lambda: new_run().run(1.0, events_max=0), "events_max: must be >= 1"),
        (lambda: new_run().event_table(5), "state: minimum 5 has not been explored"),
        (lambda: new_run().positions(99), "state: no minimum 99"),
    ]
    for call, expected in cases:
        with pytest.raises(ValueError) as error:
            call()
        assert expected in str(error.value)
        assert "\n" not in str(error.value)


def test_a_schedule_sets_kt_of_every_event():
    # kT(t) rising linearly from 0.40 at t = 0 at 0.01 per time unit (trajectory column kT).
    schedule = glassland.Schedule([(0.0, 0.40), (1000.0, 10.40)])
    run = glassland.Akmc(glassland.read_system(GLASS, units="lj"), glassland.Potential("wahnstrom-sf"), schedule,
                         SEED, glassland.AkmcOptions(**SMALL))
    run.run(1e3, events_max=2)
    trajectory = run.trajectory()
    np.testing.assert_allclose(trajectory["kT"], 0.40 + 0.01 * trajectory["time"], rtol=1e-12)
