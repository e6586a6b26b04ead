// libFuzzer entry point for one parser of user files, chosen at compile time by
// GLASSLAND_FUZZ_PARSER (tests/fuzz/targets/CMakeLists.txt builds one binary per parser).
// A parser may refuse its input only with glassland::InputError; any other exception, a crash
// or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "kmc/NetworkImport.hpp"
#include "kmc/model/ModelConfig.hpp"
#include "kmc/model/Protocol.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"

namespace {

void parse(const std::string& text) {
  using namespace glassland;
  const std::string parser = GLASSLAND_FUZZ_PARSER;
  if (parser == "data") {
    md::parse_lammps_data(text, "fuzz.data", md::UnitSystem::lj);
  } else if (parser == "potential") {
    md::parse_potential_toml(text, "fuzz.toml");
  } else if (parser == "model") {
    model::parse_model_config(text, "fuzz.toml", "/nonexistent");
  } else if (parser == "protocol") {
    model::parse_protocol(text, "fuzz.toml", "/nonexistent");
  } else if (parser == "network") {
    kmc::catalog_from_network_json(text, "fuzz.json");
  } else if (parser == "catalog") {
    landscape::catalog_from_bytes(text, "fuzz.glcat");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    parse(std::string(reinterpret_cast<const char*>(data), size));
  } catch (const glassland::InputError&) {
    // the expected refusal
  }
  return 0;
}
