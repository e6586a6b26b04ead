// `glassland validate` without --catalog: the kMC side comes from the on-the-fly kMC engine
// (bridge/akmc). On the adatom case (tests/validate/AdatomCase.hpp, built independently by
// CI-NEB + full-Hessian Vineyard):
//  - the engine's table of the start minimum is the independent one: its lowest barrier and
//    its total HTST rate at two temperatures (which fixes barrier and prefactor) match, every
//    MD escape goes to one of its destinations, and it agrees with MD;
//  - E_IS(t) from MD and from aKMC trajectories are compared (--relaxation-time);
//  - the report is identical for 1 and 2 MPI ranks and for 1 and 2 threads (same seed);
//  - the table options are checked with their flag names.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/RunCommand.hpp"
#include "tests/validate/AdatomCase.hpp"

using namespace glassland;
using test::AdatomCase;
using test::adatom_case;

namespace {

std::string engine_args(const AdatomCase& c, const std::string& out, const std::string& temperatures, int runs,
                        const std::string& extra) {
  return "validate --data " + c.dir + "/adatom.data --potential " + c.dir + "/lj.toml --temperatures " + temperatures +
         " --runs " + std::to_string(runs) + " --seed 5 --out " + out +
         " --quench-every 200 --snapshots 20 --max-time 400 --damping 1 --equilibrate 5 --json " + extra;
}

/// Sum of the independent hops' HTST rates at kT (1/tau).
double independent_rate(const AdatomCase& c, double kT) {
  double rate = 0.0;
  for (const test::AdatomHop& h : c.hops) rate += h.prefactor * std::exp(-h.barrier / kT);
  return rate;
}

}  // namespace

TEST_CASE("validate builds the aKMC engine's table of the start minimum and agrees with MD", "[validate][engine]") {
  const AdatomCase& c = adatom_case();
  const std::string out = c.dir + "/engine";
  // 16 runs per temperature: all escape before 400 tau (P(no escape) = exp(-400 k) < 1e-3 for
  // k > 0.02/tau), the 95% interval spans exp(+-1.96/4) = x1.6 around the MLE, inside the
  // factor-2 tolerance of `agreement` for HTST's 1.3-1.5 excess on this hop (docs/validate.md).
  const test::CommandResult run = test::run_glassland(c.dir, engine_args(c, out, "0.06,0.07", 16, "--relaxation-time 60"));
  INFO(run.err);
  REQUIRE(run.status == 0);
  const auto report = nlohmann::json::parse(run.out);
  CHECK(report == nlohmann::json::parse(test::read_text(out + "/report.json")));

  const auto& table = report["event_table"];
  INFO(table.dump());
  CHECK(table["source"] == "akmc");
  CHECK(table["prefactor"] == "vineyard");
  CHECK(table["kT"].get<double>() == 0.07);  // the highest temperature: the widest window
  CHECK(table["window_kT"].get<double>() == 20.0);
  CHECK(table["confidence_reached"].get<double>() >= table["confidence_target"].get<double>());
  CHECK(table["searches"].get<long>() >= 16);
  // The three hops and nothing else within 20 kT = 1.4 epsilon of them (the slab's own
  // events cost several epsilon). Barrier: saddles converge to fmax 1e-3 epsilon/sigma, so the
  // energy error is ~fmax^2 / curvature, far below 1e-3.
  CHECK(table["events"].get<long>() == 3);
  CHECK(table["lowest_barrier"].get<double>() == Approx(c.hops[0].barrier).margin(1e-3));

  for (const auto& e : report["escape"]) {
    INFO(e.dump());
    const double kT = e["kT"].get<double>();
    // Vineyard on a local Hessian (atoms within 2.5 sigma of the hop) against the full one:
    // the far atoms' frequencies are nearly equal at minimum and saddle and cancel in the
    // ratio; 3% covers what they leave (the exponent is the same barrier to 1e-3/kT < 2%).
    CHECK(e["rate_kmc"].get<double>() == Approx(independent_rate(c, kT)).epsilon(0.03));
    CHECK(e["escapes_observed"].get<long>() == 16);
    CHECK(e["unmatched_fraction"].get<double>() == 0.0);
    CHECK(e["agreement"].get<bool>());
  }

  const auto& relaxation = report["relaxation"];
  INFO(relaxation.dump());
  CHECK(relaxation["kmc"].get<std::string>().find("aKMC") != std::string::npos);
  const auto kmc = relaxation["eis_kmc_mean"].get<std::vector<double>>();
  const auto md = relaxation["eis_md_mean"].get<std::vector<double>>();
  REQUIRE(kmc.size() == relaxation["time"].size());
  CHECK(kmc.front() == Approx(report["start_energy"].get<double>()).margin(1e-9));
  // Both sides only visit fcc and hcp hollows: energies within 0.01 epsilon of the start
  // (hcp is 0.0012 above fcc), and both move away from the start minimum within 60 tau.
  for (double e : kmc) CHECK(std::abs(e - kmc.front()) < 0.01);
  CHECK(std::abs(kmc.back() - kmc.front()) + std::abs(md.back() - md.front()) > 0.0);
  // Largest |z| over 61 grid points of 16-run means: a z of 5 has probability < 1e-4 per
  // point for the t-like statistic (30 dof), so the bound fails only on a real difference.
  CHECK(relaxation["max_abs_z"].get<double>() < 5.0);
}

TEST_CASE("validate with the engine's table: same report for 1 and 2 MPI ranks and threads", "[validate][engine][mpi]") {
  // Runs are spread by index over ranks and threads (run r on rank r % size), seeds derive
  // from (seed, temperature index, run), and the engine's searches are distributed the same
  // way: escape times, destinations, rates and the table must be equal, not just close.
  const AdatomCase& c = adatom_case();
  const std::string mpirun = "OMP_NUM_THREADS=1 mpirun --allow-run-as-root --oversubscribe -np ";
  struct Launch {
    std::string name, prefix, extra;
  };
  const std::vector<Launch> launches{{"np1", mpirun + "1", "--threads 1"},
                                     {"np2", mpirun + "2", "--threads 1"},
                                     {"threads2", "OMP_NUM_THREADS=1", "--threads 2"}};
  std::vector<nlohmann::json> reports;
  for (const Launch& l : launches) {
    INFO(l.name);
    const test::CommandResult run = test::run_glassland(c.dir, engine_args(c, c.dir + "/" + l.name, "0.07", 6, l.extra), l.prefix);
    INFO(run.err);
    REQUIRE(run.status == 0);
    reports.push_back(nlohmann::json::parse(run.out));
  }
  CHECK(reports[0]["mpi_ranks"] == 1);
  CHECK(reports[1]["mpi_ranks"] == 2);
  CHECK(reports[2]["threads"] == 2);
  for (std::size_t k = 1; k < reports.size(); ++k) {
    INFO(launches[k].name);
    CHECK(reports[k]["event_table"] == reports[0]["event_table"]);
    CHECK(reports[k]["start_energy"] == reports[0]["start_energy"]);
    const auto& a = reports[0]["escape"][0];
    const auto& b = reports[k]["escape"][0];
    for (const char* key : {"escape_times", "destinations", "rate_md", "rate_kmc", "md_steps", "quenches", "flickers"})
      CHECK(a[key] == b[key]);
  }
}

TEST_CASE("validate refuses bad engine-table options with their flag names", "[validate][engine][input]") {
  const AdatomCase& c = adatom_case();
  const std::string out = c.dir + "/bad_engine";
  for (const std::string& bad : {std::string("--table-window -1"), std::string("--table-confidence 1"),
                                 std::string("--max-searches 4 --min-searches 8"), std::string("--hessian-radius -1"),
                                 std::string("--search-fmax 0")}) {
    INFO(bad);
    const test::CommandResult run = test::run_glassland(c.dir, engine_args(c, out, "0.07", 4, bad));
    const std::string flag = bad.substr(0, bad.find(' '));
    CHECK(run.status != 0);
    CHECK(run.err.rfind("glassland: " + flag, 0) == 0);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    CHECK(run.out.empty());
    CHECK_FALSE(std::filesystem::exists(out));
  }
}
