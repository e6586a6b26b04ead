// Bad input: negative, non-numeric or inconsistent barriers, unknown or unreachable states,
// corrupt JSON -> InputError naming the field.
#include <catch2/catch.hpp>

#include "kmc/Ensemble.hpp"
#include "md/Error.hpp"
#include "tests/kmc/KmcTestSupport.hpp"

using namespace glassland;

namespace {

std::string two_state(const std::string& saddle_energy, const std::string& nu = "1.0") {
  return R"({"minima": [{"id": 0, "energy": 0.0}, {"id": 1, "energy": 0.5}],
    "saddles": [{"from": 0, "to": 1, "energy": )" + saddle_energy + R"(, "prefactor_forward": )" + nu +
         R"(, "prefactor_backward": 1.0}]})";
}

}  // namespace

TEST_CASE("network import validates every field", "[kmc][input]") {
  using kmc::catalog_from_network_json;
  CHECK_NOTHROW(catalog_from_network_json(two_state("1.0"), "n.json"));
  CHECK_THROWS_WITH(catalog_from_network_json(two_state("0.2"), "n.json"),
                    Catch::Contains("n.json: saddles[0]") && Catch::Contains("below an endpoint"));
  CHECK_THROWS_WITH(catalog_from_network_json(two_state("\"nan\""), "n.json"), Catch::Contains("saddles[0].energy"));
  CHECK_THROWS_WITH(catalog_from_network_json(two_state("NaN"), "n.json"), Catch::Contains("corrupt JSON"));
  CHECK_THROWS_WITH(catalog_from_network_json(two_state("1.0", "-2"), "n.json"), Catch::Contains("prefactors"));
  CHECK_THROWS_WITH(catalog_from_network_json("{\"minima\": [", "n.json"), Catch::Contains("n.json: corrupt JSON"));
  CHECK_THROWS_WITH(catalog_from_network_json(R"({"minima": [{"id": 0, "energy": 0}], "saddles": [
      {"from": 0, "to": 7, "energy": 1, "prefactor_forward": 1, "prefactor_backward": 1}]})", "n.json"),
                    Catch::Contains("saddles[0].to: unknown minimum 7"));
  CHECK_THROWS_WITH(catalog_from_network_json(R"({"minima": [{"id": 0, "energy": 0}, {"id": 0, "energy": 1}],
      "saddles": []})", "n.json"), Catch::Contains("minima[1].id: duplicate"));
  CHECK_THROWS_WITH(catalog_from_network_json(R"({"minima": [{"id": 0}], "saddles": []})", "n.json"),
                    Catch::Contains("minima[0].energy: missing"));
}

TEST_CASE("unknown start or target and unreachable targets are refused", "[kmc][input]") {
  // Two disconnected pairs: {0,1} and {2,3}.
  const auto catalog = kmc::catalog_from_network_json(R"({
    "minima": [{"id": 0, "energy": 0}, {"id": 1, "energy": 0}, {"id": 2, "energy": 0}, {"id": 3, "energy": 0}],
    "saddles": [{"from": 0, "to": 1, "energy": 1, "prefactor_forward": 1, "prefactor_backward": 1},
                {"from": 2, "to": 3, "energy": 1, "prefactor_forward": 1, "prefactor_backward": 1}]})", "n.json");
  const auto network = kmc::RateNetwork::from_catalog(catalog);
  CHECK_THROWS_WITH(network.require_state(9, "--start"), Catch::Contains("--start: unknown state 9"));
  const kmc::RateModel model(network, md::TemperatureSchedule({{0.0, 0.5}}));
  const kmc::ConstantRates rates(model);
  kmc::EnsembleSpec spec;
  spec.start = 0;
  spec.target = 2;
  spec.times = {1.0};
  spec.progress = false;
  CHECK_THROWS_WITH(kmc::run_ensemble(model, &rates, spec), Catch::Contains("target: ") && Catch::Contains("cannot be reached"));
  spec.target.reset();
  spec.times = {-1.0};
  CHECK_THROWS_AS(kmc::run_ensemble(model, &rates, spec), InputError);
  CHECK_THROWS_AS(kmc::RateModel(network, md::TemperatureSchedule({{0.0, 0.0}})), InputError);
}
