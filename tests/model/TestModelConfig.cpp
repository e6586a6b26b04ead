// Strict model and protocol files: every bad input names its key; bottom-up mapping rule.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <string>

#include "kmc/LabUnits.hpp"
#include "kmc/model/CatalogSpectra.hpp"
#include "kmc/model/ModelConfig.hpp"
#include "kmc/model/Protocol.hpp"
#include "landscape/CatalogFile.hpp"
#include "tests/support/Tolerance.hpp"
#include "md/Error.hpp"

using namespace glassland::model;

namespace {
const std::string kModel = R"(
[model]
name = "test"
[lab]
Tg_K = 440.0
[alpha]
vft_B_K = 5907.0
vft_T0_K = 278.0
)";

// Message of the InputError thrown by f (empty if none).
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const glassland::InputError& e) {
    return e.what();
  }
  return "";
}

std::string model_error(const std::string& text) { return error_of([&] { parse_model_config(text, "m.toml"); }); }
std::string protocol_error(const std::string& text) { return error_of([&] { parse_protocol(text, "p.toml"); }); }
}  // namespace

TEST_CASE("a minimal model file parses and derives the VFT prefactor", "[model][config]") {
  const auto c = parse_model_config(kModel, "m.toml");
  CHECK(c.solver == "master_equation");
  CHECK(c.landscape.alpha.tau0_s == Approx(100.0 * std::exp(-5907.0 / 162.0)).epsilon(1e-12));
}

TEST_CASE("fragility m gives a VFT law with tau(Tg) = 100 s and the same m", "[model][config]") {
  const auto c = parse_model_config("[lab]\nTg_K = 401.0\n[alpha]\nfragility_m = 50.0\n", "m.toml");
  CHECK(c.derived["fragility_m"].get<double>() == Approx(50.0).epsilon(1e-12));
  const auto& a = c.landscape.alpha;
  CHECK(a.tau0_s * std::exp(a.vft_B_K / (401.0 - a.vft_T0_K)) == Approx(100.0).epsilon(1e-9));
}

TEST_CASE("bad model files name the key", "[model][config]") {
  CHECK_THAT(model_error(kModel + "bogus = 1\n"), Catch::Contains("alpha.bogus"));
  CHECK_THAT(model_error(kModel + "[beta]\nE_beta_eV = -0.9\n"), Catch::Contains("beta.E_beta_eV"));
  CHECK_THAT(model_error(kModel + "[beta]\nE_beta_eV = nan\n"), Catch::Contains("beta.E_beta_eV"));
  CHECK_THAT(model_error(kModel + "[extra]\n"), Catch::Contains("extra"));
  CHECK_THAT(model_error(kModel + "[mechanics]\nbarrier_law = \"cubic\"\n"), Catch::Contains("mechanics.barrier_law"));
  CHECK_THAT(model_error(kModel + "[mechanics]\nstress_lowers = \"alpha\"\n"), Catch::Contains("mechanics.stress_lowers"));
  CHECK(parse_model_config(kModel + "[mechanics]\nbarrier_law = \"linear\"\nstress_lowers = \"beta\"\n", "m.toml").landscape.mechanics.barrier_law == glassland::kmc::BiasLaw::linear);
  std::string hot_t0 = kModel;
  hot_t0.replace(hot_t0.find("278.0"), 5, "450.0");
  CHECK_THAT(model_error(hot_t0), Catch::Contains("alpha.vft_T0_K"));
  std::string nan_tg = kModel;
  nan_tg.replace(nan_tg.find("440.0"), 5, "nan");
  CHECK_THAT(model_error(nan_tg), Catch::Contains("lab.Tg_K"));
  CHECK_THAT(model_error(kModel + "[model]\n"), Catch::Contains("m.toml"));  // TOML syntax: redefined table
  CHECK_THAT(model_error("[lab]\nTg_K = 440.0\n[alpha]\nvft_B_K = 5907.0\nfragility_m = 40.0\n"), Catch::Contains("alpha.fragility_m"));
}

TEST_CASE("bad protocol files name the key", "[model][config]") {
  const std::string head = "start_K = 520.0\n[[step]]\n";
  CHECK(protocol_error(head + "kind = \"ramp\"\nto_K = 300.0\nrate_K_per_min = 20.0\n").empty());
  CHECK_THAT(protocol_error(head + "kind = \"ramp\"\nto_K = 300.0\nrate_K_per_min = -20.0\n"), Catch::Contains("step[0].rate_K_per_min"));
  CHECK_THAT(protocol_error(head + "kind = \"ramp\"\nto_K = nan\nrate_K_per_min = 20.0\n"), Catch::Contains("step[0].to_K"));
  CHECK_THAT(protocol_error(head + "kind = \"ramp\"\nto_K = 300.0\nrate_K_per_min = 20.0\ncolour = 1\n"), Catch::Contains("step[0].colour"));
  CHECK_THAT(protocol_error(head + "kind = \"schedule\"\ntimes_s = [0.0, 10.0, 5.0]\ntemperatures_K = [500.0, 450.0, 400.0]\n"),
             Catch::Contains("step[0].times_s"));
  CHECK_THAT(protocol_error(head + "kind = \"schedule\"\ntimes_s = []\ntemperatures_K = []\n"), Catch::Contains("step[0].times_s"));
  CHECK_THAT(protocol_error(head + "kind = \"anneal\"\n"), Catch::Contains("step[0].kind"));
  CHECK_THAT(protocol_error("start_K = 520.0\n"), Catch::Contains("step"));
  CHECK_THAT(protocol_error("start_K = -1.0\n" + std::string("[[step]]\nkind = \"hold\"\nduration_s = 1.0\n")), Catch::Contains("start_K"));
  CHECK_THAT(protocol_error(head + "kind = \"hold\"\nduration_s = 0.0\n"), Catch::Contains("step[0].duration_s"));
  CHECK_THAT(protocol_error(head + "kind = \"dsc\"\nto_K = 500.0\nrange_K = [480.0, 420.0]\n"), Catch::Contains("step[0].range_K"));
}

TEST_CASE("catalog spectra map to the beta sector by E_beta = 26 R Tg", "[model][config]") {
  CatalogSpectra spectra;
  spectra.barriers = {0.4, 0.6};        // mean 0.5, sample std 0.1414 (any energy unit)
  spectra.asymmetries = {0.1, -0.1};    // |.| mean 0.1
  ModelParameters p;
  p.glass_transition_K = 440.0;
  const double scale = apply_catalog_spectra(spectra, p, "test");
  const double target = 26.0 * glassland::kmc::lab::kGasConstantKJPerMolK * 440.0;
  CHECK(scale == Approx(target / 0.5).epsilon(1e-12));
  CHECK(p.beta.barrier_eV == Approx(glassland::kmc::lab::kj_per_mol_to_ev(target)).epsilon(1e-12));
  CHECK(p.beta.barrier_width_eV == Approx(glassland::kmc::lab::kj_per_mol_to_ev(scale * std::sqrt(0.02))).epsilon(1e-9));
  CHECK(p.beta.asymmetry_kj_mol == Approx(scale * 0.1).epsilon(1e-12));
}

TEST_CASE("catalog spectra with a given energy unit are taken as they are", "[model][config]") {
  CatalogSpectra spectra;
  spectra.barriers = {0.4, 0.6};  // eV: mean 0.5, sample std sqrt(0.02)
  spectra.asymmetries = {0.1, -0.1};
  ModelParameters p;
  p.glass_transition_K = 924.0;  // no effect: no 26 R Tg rescaling
  CHECK(apply_catalog_spectra(spectra, 96.48533212, p) == 96.48533212);
  CHECK(p.beta.barrier_eV == Approx(0.5).epsilon(1e-12));
  CHECK(p.beta.barrier_width_eV == Approx(std::sqrt(0.02)).epsilon(1e-12));
  CHECK(p.beta.asymmetry_kj_mol == Approx(0.1 * 96.48533212).epsilon(1e-12));
}

TEST_CASE("catalog.energy_unit_kJ_per_mol in a model file: eV spectra kept, zero refused", "[model][config]") {
  const std::string dir = glassland::test::scratch_dir("model-catalog-unit");
  {
    std::ofstream json(dir + "/spectra.json");
    json << R"({"barriers": [0.3, 0.5], "asymmetries": [0.05]})";
  }
  auto model = [&](const std::string& unit_line) {
    std::ofstream toml(dir + "/m.toml");
    toml << "[lab]\nTg_K = 700.0\n[alpha]\nfragility_m = 50.0\n[catalog]\nfile = \"spectra.json\"\n" << unit_line;
    toml.close();
    return dir + "/m.toml";
  };
  const auto c = load_model_config(model("energy_unit_kJ_per_mol = 96.48533212\n"));
  CHECK(c.landscape.beta.barrier_eV == Approx(0.4).epsilon(1e-12));
  CHECK(c.landscape.beta.asymmetry_kj_mol == Approx(0.05 * 96.48533212).epsilon(1e-12));
  CHECK_THROWS_WITH(load_model_config(model("energy_unit_kJ_per_mol = 0.0\n")), Catch::Contains("catalog.energy_unit_kJ_per_mol"));
}

TEST_CASE("the example catalog model reads its hand-made spectra", "[model][config]") {
  const auto c = load_model_config(std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/la_glass_catalog.toml");
  CHECK(c.landscape.beta.barrier_eV == Approx(glassland::kmc::lab::kj_per_mol_to_ev(26.0 * glassland::kmc::lab::kGasConstantKJPerMolK * 440.0)));
}

TEST_CASE("bottom-up spectra are read from a catalog file through the catalog API", "[model][config]") {
  glassland::landscape::Catalog catalog;
  for (double energy : {0.0, 0.2, 0.5}) {
    glassland::landscape::Minimum m;
    m.energy = energy;
    catalog.add_minimum(m);
  }
  auto saddle = [&](glassland::landscape::MinimumId from, glassland::landscape::MinimumId to, double energy) {
    glassland::landscape::Saddle s;
    s.from = from;
    s.to = to;
    s.energy = energy;
    s.prefactor_forward = s.prefactor_backward = 1.0;
    catalog.add_saddle(s);
  };
  saddle(0, 1, 0.6);  // barriers 0.6 / 0.4, asymmetry 0.2
  saddle(1, 2, 0.9);  // barriers 0.7 / 0.4, asymmetry 0.3
  const std::string path = glassland::test::scratch_dir("model-catalog") + "/tiny.glcat";
  glassland::landscape::save_catalog(path, catalog);
  const auto spectra = load_catalog_spectra(path);
  REQUIRE(spectra.barriers.size() == 4);
  CHECK(spectra.barriers[0] == Approx(0.6));
  CHECK(spectra.barriers[1] == Approx(0.4));
  CHECK(spectra.asymmetries[1] == Approx(0.3));
  ModelParameters p;
  p.glass_transition_K = 400.0;
  // mean barrier (0.6 + 0.4 + 0.7 + 0.4) / 4 = 0.525 maps to 26 R Tg.
  CHECK(apply_catalog_spectra(spectra, p, "test") == Approx(26.0 * glassland::kmc::lab::kGasConstantKJPerMolK * 400.0 / 0.525));
}
