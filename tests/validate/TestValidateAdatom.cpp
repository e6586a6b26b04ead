// `glassland validate` end to end on a case where harmonic TST is accurate: an adatom hopping
// from its fcc hollow to one of the three neighbouring hcp hollows on the (111) surface of a
// small force-shifted Lennard-Jones slab (91 atoms), at kT ~ 0.2 of the barrier (0.26 epsilon),
// with the event table given as a catalog (test_validate_engine: the engine builds it).
// (A vacancy hop in bulk fcc LJ, the textbook case, has a 5.9 epsilon barrier on this model
// (measured with `glassland neb`, and it matches ASE in tests/landscape): at any temperature
// below melting (~0.7 epsilon) its escapes are out of reach of a test-sized MD.)
// The event table is built independently of the command (AdatomCase.hpp): CI-NEB of each of the three
// hops, saddle refined and checked first-order on the full Hessian, Vineyard prefactor; it is
// handed to the command as a catalog. Then:
//  - with the HTST rates, validate reports agreement at every temperature;
//  - with every kMC rate scaled x10 (--prefactor-scale 10), it reports disagreement;
//  - bad input (T <= 0, runs < 2, an unknown option) gives one line, a non-zero exit, no output.
// Statistical bounds: with E escapes the 95% interval of the MD rate spans about
// exp(+-1.96/sqrt(E)); E >= 20 per temperature keeps it within a factor 1.6 of the estimate,
// so a x10 error cannot hide, and an accurate HTST rate falls inside it 95% of the time per
// temperature (the seed is fixed, so the outcome is reproducible).
#include <algorithm>
#include <array>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "tests/support/RunCommand.hpp"
#include "tests/validate/AdatomCase.hpp"

using namespace glassland;
using test::AdatomCase;
using test::adatom_case;

namespace {

// Temperatures (epsilon/k_B): kT / E_b = 0.23 and 0.27 with mean escape times of 20-50 tau
// (a few thousand MD steps). Langevin friction 1/tau (--damping 1).
const char* kTemperatures = "0.06,0.07";

std::string validate_args(const AdatomCase& c, const std::string& out, int runs, const std::string& extra) {
  return "validate --data " + c.dir + "/adatom.data --potential " + c.dir + "/lj.toml --catalog " + c.dir +
         "/adatom.glcat --temperatures " + kTemperatures + " --runs " + std::to_string(runs) + " --seed 5 --out " +
         out + " --quench-every 200 --snapshots 20 --max-time 400 --damping 1 --equilibrate 5 --json " + extra;
}

}  // namespace

TEST_CASE("validate agrees with HTST on an adatom hop and disagrees when the prefactor is x10", "[validate][adatom]") {
  const AdatomCase& c = adatom_case();
  INFO("hop barrier " << c.hops[0].barrier << ", prefactor " << c.hops[0].prefactor);
  CHECK(c.hops[0].barrier > 0.2);

  SECTION("harmonic TST rates: agreement at every temperature") {
    // 32 runs: P(no escape by t_max = 400) = exp(-400 k) < 1e-3 for k > 0.02, so all escape and the
    // 95% interval spans a factor exp(+-1.96/sqrt(32)) = 1.41 around the MLE. Harmonic TST is
    // above this MD by 1.3-1.5 here (the Kramers factor of friction 1/tau is ~0.85 and the hop's
    // anharmonicity the rest; docs/validate.md), inside the factor-2 tolerance of `agreement`.
    const std::string out = c.dir + "/htst";
    const auto run = test::run_glassland(c.dir, validate_args(c, out, 32, ""));
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto report = nlohmann::json::parse(test::read_text(out + "/report.json"));
    CHECK(std::filesystem::file_size(out + "/validation.png") > 1000);
    REQUIRE(report["escape"].size() == 2);
    for (const auto& e : report["escape"]) {
      INFO(e.dump());
      for (const char* key : {"temperature", "rate_md", "rate_md_ci_low", "rate_md_ci_high", "rate_kmc", "rate_ratio",
                              "ks_pvalue", "branching_pvalue", "unmatched_fraction", "escapes_observed"})
        CHECK(e.contains(key));
      CHECK(e["escapes_observed"].get<long>() == 32);
      // Every MD destination is one of the three hops (the table is complete at this temperature).
      CHECK(e["unmatched_fraction"].get<double>() == 0.0);
      CHECK(e["agreement"].get<bool>());
      CHECK(e["rate_ratio"].get<double>() > 0.5);
      CHECK(e["rate_ratio"].get<double>() < 2.0 * 1.41);
      // Three equivalent hops: no branching rejection at the 1% level.
      CHECK(e["branching_pvalue"].get<double>() > 0.01);
    }
  }

  SECTION("kMC rates x10: disagreement at every temperature") {
    // 8 runs: the interval's upper end is ~2x the MLE, times the tolerance 2 = 4x: a x10 rate
    // (x13-15 with the HTST excess) is outside it.
    const std::string out = c.dir + "/scaled";
    const auto run = test::run_glassland(c.dir, validate_args(c, out, 8, "--prefactor-scale 10"));
    INFO(run.err);
    REQUIRE(run.status == 0);
    const auto report = nlohmann::json::parse(run.out);
    for (const auto& e : report["escape"]) {
      INFO(e.dump());
      CHECK_FALSE(e["agreement"].get<bool>());
      CHECK_FALSE(e["consistent"].get<bool>());
      CHECK(e["rate_ratio"].get<double>() > 4.0);
      CHECK(e["rate_kmc"].get<double>() > 2.0 * e["rate_md_ci_high"].get<double>());
    }
  }
}

TEST_CASE("validate: the same seed gives the same report on 1 and 2 threads", "[validate][threads]") {
  // Each run draws its velocities and noise from (seed, temperature index, run): which thread
  // runs it must not matter. Escape times and destinations are compared exactly.
  const AdatomCase& c = adatom_case();
  std::vector<nlohmann::json> reports;
  for (const char* threads : {"1", "2"}) {
    const std::string out = c.dir + "/threads" + threads;
    const auto run = test::run_glassland(c.dir, validate_args(c, out, 4, std::string("--threads ") + threads));
    INFO(run.err);
    REQUIRE(run.status == 0);
    reports.push_back(nlohmann::json::parse(run.out));
  }
  REQUIRE(reports[0]["threads"] == 1);
  REQUIRE(reports[1]["threads"] == 2);
  for (std::size_t i = 0; i < reports[0]["escape"].size(); ++i) {
    const auto& a = reports[0]["escape"][i];
    const auto& b = reports[1]["escape"][i];
    CHECK(a["escape_times"] == b["escape_times"]);
    CHECK(a["destinations"] == b["destinations"]);
    CHECK(a["rate_md"] == b["rate_md"]);
    CHECK(a["md_steps"] == b["md_steps"]);
  }
}

TEST_CASE("validate: bad input gives one line and writes nothing", "[validate][input]") {
  const AdatomCase& c = adatom_case();
  const std::string out = c.dir + "/bad";
  struct Bad {
    std::string args, names;
    bool usage = false;  ///< rejected by the option parser (CLI11 prints its own usage hint)
  };
  const std::vector<Bad> cases{
      {"--temperatures 0.12,-0.1 --runs 4", "--temperatures"},
      {"--temperatures 0.12,0 --runs 4", "--temperatures"},
      {"--temperatures 0.12,abc --runs 4", "--temperatures"},
      {"--temperatures 0.12 --runs 1", "--runs"},
      {"--temperatures 0.12 --runs 4 --bogus-key 3", "bogus", true},
      {"--temperatures 0.12 --runs 4 --temperature-unit K", "--temperature-unit"},
  };
  for (const Bad& b : cases) {
    INFO(b.args);
    const auto run = test::run_glassland(
        c.dir, "validate --data " + c.dir + "/adatom.data --potential " + c.dir + "/lj.toml --catalog " + c.dir +
                   "/adatom.glcat --seed 1 --out " + out + " " + b.args);
    CHECK(run.status != 0);
    CHECK(run.err.find(b.names) != std::string::npos);
    if (!b.usage) {  // one line "glassland: <option>: <what>"
      CHECK(run.err.rfind("glassland: " + b.names, 0) == 0);
      CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
    }
    CHECK(run.out.empty());
    CHECK_FALSE(std::filesystem::exists(out));
  }
}
