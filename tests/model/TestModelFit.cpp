// `landscape-model fit` (kmc/model/ModelFit): recovers known parameters from synthetic targets
// made by the model itself (scalars and a curve), and reads bad target files as one error
// naming the file and key.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <sstream>

#include "kmc/model/ModelConfig.hpp"
#include "kmc/model/ModelFit.hpp"
#include "md/Error.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::model;

namespace {
const std::string kModel = std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/la_glass.toml";

// Cool at 20 K/min, DSC at 20 K/min against a 2 K/min reference (Delta H depends on Delta c_p).
const std::string kDsc = R"(start_K = 520.0
max_step_K = 0.5
[[step]]
kind = "ramp"
to_K = 380.0
rate_K_per_min = 20.0
[[step]]
kind = "dsc"
to_K = 520.0
rate_K_per_min = 20.0
reference_cooling_K_per_min = 2.0
range_K = [400.0, 500.0]
)";
// DMA at 1 Hz: the beta loss peak follows E_beta (the scan reaches the alpha peak, so both
// are classified).
const std::string kDma = R"(start_K = 520.0
max_step_K = 0.5
[[step]]
kind = "ramp"
to_K = 300.0
rate_K_per_min = 20.0
[[step]]
kind = "dma"
to_K = 520.0
rate_K_per_min = 2.0
frequencies_Hz = [1.0]
)";

void write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

toml::table model_table(const std::string& text) { return toml::parse(text, kModel); }

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Replaces `key = old` by `key = value` in the model text.
std::string with_value(std::string text, const std::string& key, const std::string& old, const std::string& value) {
  const std::string from = key + " = " + old;
  text.replace(text.find(from), from.size(), key + " = " + value);
  return text;
}
}  // namespace

TEST_CASE("fit recovers Delta c_p and E_beta from synthetic data made by the model", "[model][fit]") {
  const std::string dir = glassland::test::scratch_dir("model-fit-recover");
  write(dir + "/dsc.toml", kDsc);
  write(dir + "/dma.toml", kDma);
  const std::string truth_text = read(kModel);
  const auto truth = load_model_config(kModel);
  const auto dsc = run_protocol(parse_protocol(kDsc, "dsc"), truth, nullptr);
  const auto dma = run_protocol(parse_protocol(kDma, "dma"), truth, nullptr);
  const double delta_h = dsc.summary["steps"][1]["delta_H_kJ_per_mol"];
  const double beta_peak = dma.summary["steps"][1]["beta_peak_K"][0];
  REQUIRE(beta_peak > 300.0);
  // Every 8th point of the truth's heat-flow curve between 400 and 500 K as a measured curve.
  const auto columns = read_csv_columns(dsc.files.at(dsc.summary["steps"][1]["file"].get<std::string>()), "truth");
  std::string curve = "T_K,heat_flow_W_per_g\n";
  for (std::size_t i = 0; i < columns.at("T_K").size(); i += 8)
    if (columns.at("T_K")[i] > 400.0 && columns.at("T_K")[i] < 500.0) {
      char line[96];
      std::snprintf(line, sizeof line, "%.17g,%.17g\n", columns.at("T_K")[i], columns.at("heat_flow_W_per_g")[i]);
      curve += line;
    }
  write(dir + "/curve.csv", curve);
  std::ostringstream targets;
  targets.precision(17);
  targets << "parameters = [\"lab.delta_cp_J_per_mol_K\", \"beta.E_beta_eV\"]\n"
          << "[protocols]\ndsc = \"dsc.toml\"\ndma = \"dma.toml\"\n"
          << "[[scalar]]\nname = \"dH\"\nprotocol = \"dsc\"\nresult = \"/steps/1/delta_H_kJ_per_mol\"\nvalue = " << delta_h << "\nsigma = 0.01\n"
          << "[[scalar]]\nname = \"beta peak\"\nprotocol = \"dma\"\nresult = \"/steps/1/beta_peak_K/0\"\nvalue = " << beta_peak << "\nsigma = 1.0\n"
          << "[[curve]]\nname = \"heat flow\"\nprotocol = \"dsc\"\nstep = 1\nx = \"T_K\"\ny = \"heat_flow_W_per_g\"\ndata = \"curve.csv\"\nsigma = 0.001\n";
  write(dir + "/targets.toml", targets.str());

  // Start 25 % and 7 % away from the truth (12 J/(mol K), 0.95 eV).
  const std::string start_text = with_value(with_value(truth_text, "delta_cp_J_per_mol_K", "12.0", "9.0"), "E_beta_eV", "0.95", "0.88");
  const auto start = model_table(start_text);
  const auto fit_targets = load_fit_targets(dir + "/targets.toml", start);
  const auto fit = fit_model(start, kModel, fit_targets, nullptr);
  INFO(fit.status << ": delta_cp " << fit.fitted[0] << " +- " << fit.uncertainty[0] << ", E_beta " << fit.fitted[1] << " +- "
                  << fit.uncertainty[1] << ", chi^2 " << fit.chi_squared << ", evaluations " << fit.evaluations);
  // The synthetic data are exact model output, so the optimum is the truth; what is left is the
  // minimiser's stopping rule (xtol 1e-7 in ln value) and the finite-difference Jacobian: 1e-4.
  CHECK(glassland::test::close(fit.fitted[0], 12.0, 1e-4));
  CHECK(glassland::test::close(fit.fitted[1], 0.95, 1e-4));
  CHECK(fit.chi_squared < 1e-6);
  CHECK(fit.uncertainty[0] >= 0.0);
  // The fitted model file parses and holds the fitted values.
  const auto fitted = parse_model_config(fit.fitted_model_toml, "fitted");
  CHECK(glassland::test::close(fitted.landscape.beta.barrier_eV, fit.fitted[1], 1e-15));
}

TEST_CASE("bad fit targets give one error naming the file and key", "[model][fit]") {
  const std::string dir = glassland::test::scratch_dir("model-fit-bad");
  write(dir + "/dsc.toml", kDsc);
  write(dir + "/empty.csv", "T_K,heat_flow_W_per_g\n");
  write(dir + "/nan.csv", "T_K,heat_flow_W_per_g\n420.0,nan\n");
  const auto model = model_table(read(kModel));
  const std::string head = "parameters = [\"beta.E_beta_eV\"]\n[protocols]\ndsc = \"dsc.toml\"\n";
  const std::string scalar = "[[scalar]]\nname = \"dH\"\nprotocol = \"dsc\"\nresult = \"/steps/1/delta_H_kJ_per_mol\"\nsigma = 0.01\n";
  const std::string curve = "[[curve]]\nname = \"c\"\nprotocol = \"dsc\"\nstep = 1\nx = \"T_K\"\ny = \"heat_flow_W_per_g\"\nsigma = 0.01\n";
  struct Case { std::string name, text, key; };
  const std::vector<Case> cases = {
      {"unknown-parameter", "parameters = [\"beta.E_gamma_eV\"]\n[protocols]\ndsc = \"dsc.toml\"\n" + scalar + "value = 1.0\n", "parameters[0]"},
      {"nan-value", head + scalar + "value = nan\n", "scalar[0].value"},
      {"unknown-key", head + scalar + "value = 1.0\nweight = 2\n", "scalar[0].weight"},
      {"unknown-protocol", head + "[[scalar]]\nname = \"x\"\nprotocol = \"dma\"\nresult = \"/a\"\nvalue = 1.0\nsigma = 1.0\n", "scalar[0].protocol"},
      {"empty-curve", head + curve + "data = \"empty.csv\"\n", "curve[0].data"},
      {"nan-in-curve", head + curve + "data = \"nan.csv\"\n", "nan.csv:2"},
      {"no-targets", head, "[[scalar]]"},
      {"log-of-negative", head + scalar + "value = -1.0\nscale = \"log\"\n", "scalar[0].value"},
      {"bad-scale", head + scalar + "value = 1.0\nscale = \"cubic\"\n", "scalar[0].scale"},
  };
  for (const auto& c : cases) {
    const std::string path = dir + "/" + c.name + ".toml";
    write(path, c.text);
    INFO(c.name);
    try {
      load_fit_targets(path, model);
      FAIL("no error");
    } catch (const glassland::InputError& e) {
      const std::string message = e.what();
      INFO(message);
      CHECK(message.find(c.key) != std::string::npos);
      CHECK(message.find('\n') == std::string::npos);
    }
  }
  // A result the protocol does not produce is found at the first evaluation, naming the target.
  const std::string path = dir + "/missing-result.toml";
  write(path, head + "[[scalar]]\nname = \"x\"\nprotocol = \"dsc\"\nresult = \"/steps/1/no_such\"\nvalue = 1.0\nsigma = 1.0\n");
  const auto targets = load_fit_targets(path, model);
  CHECK_THROWS_WITH(fit_residuals(model, kModel, targets, {0.95}), Catch::Contains("scalar[0].result"));
}

TEST_CASE("the example target files parse against the example model", "[model][fit]") {
  const auto model = model_table(read(kModel));
  const std::string dir = std::string(GLASSLAND_SOURCE_DIR) + "/examples/model/fit/";
  const auto study2 = load_fit_targets(dir + "study2_targets.toml", model);
  CHECK(study2.parameters.size() == 3);
  CHECK(study2.scalars.size() == 3);
  const auto curve = load_fit_targets(dir + "curve_targets.toml", model);
  REQUIRE(curve.curves.size() == 1);
  CHECK(curve.curves[0].x.size() == 60);  // the comment lines before the header are skipped
}
