#include "bridge/HarvestCheckpoint.hpp"

#include "kmc/JsonMessage.hpp"

#include <filesystem>
#include <fstream>
#include <vector>

#include <fmt/format.h>

#include "landscape/CatalogFile.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"

namespace glassland::bridge {

HarvestCheckpoint::HarvestCheckpoint(std::string catalog_path, nlohmann::json signature)
    : catalog_path_(std::move(catalog_path)), signature_(std::move(signature)) {}

namespace {

/// Files named by an existing index (empty if there is none or it is unreadable).
std::vector<std::filesystem::path> indexed_files(const std::string& index_path) {
  std::ifstream in(index_path);
  if (!in) return {};
  try {
    const nlohmann::json index = nlohmann::json::parse(in);
    const std::filesystem::path directory = std::filesystem::path(index_path).parent_path();
    return {directory / index.at("data").get<std::string>(), directory / index.at("catalog").get<std::string>()};
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

}  // namespace

void HarvestCheckpoint::save(long step, const md::System& md_state, const landscape::Catalog& catalog) {
  const std::vector<std::filesystem::path> previous = indexed_files(index_path());
  const std::string stem = fmt::format("{}.checkpoint-{}", catalog_path_, step);
  const std::string data = stem + ".data", saved_catalog = stem + ".glcat";
  md::write_lammps_data(data, md_state);
  landscape::save_catalog(saved_catalog, catalog);
  const nlohmann::json index{{"format", "glassland-harvest-checkpoint 1"},
                             {"step", step},
                             {"data", std::filesystem::path(data).filename().string()},
                             {"catalog", std::filesystem::path(saved_catalog).filename().string()},
                             {"signature", signature_}};
  write_file_atomically(index_path(), [&](std::ostream& out) { out << index.dump(2) << "\n"; });
  std::error_code ignored;
  for (const auto& old : previous)
    if (!std::filesystem::equivalent(old, data, ignored) && !std::filesystem::equivalent(old, saved_catalog, ignored))
      std::filesystem::remove(old, ignored);
}

HarvestCheckpoint::Resumed HarvestCheckpoint::load(md::UnitSystem units) const {
  std::ifstream in(index_path());
  if (!in) throw InputError("resume", "no checkpoint " + index_path());
  nlohmann::json index;
  try {
    index = nlohmann::json::parse(in);
    if (index.at("format") != "glassland-harvest-checkpoint 1") throw InputError(index_path(), "unknown format");
  } catch (const nlohmann::json::exception& e) {
    throw InputError(index_path(), "corrupt checkpoint: " + kmc::json_error_text(e));
  }
  for (const auto& [key, value] : signature_.items())
    if (!index["signature"].contains(key) || index["signature"][key] != value)
      throw InputError("resume", fmt::format("the checkpoint was made with {} = {}, this run has {}", key,
                                               index["signature"].value(key, nlohmann::json()).dump(), value.dump()));
  const std::filesystem::path directory = std::filesystem::path(index_path()).parent_path();
  Resumed r;
  try {
    const nlohmann::json& step = index.at("step");
    if (!step.is_number_integer() || step.get<long>() < 0)
      throw InputError(index_path(), "step: " + step.dump() + " is not a step number >= 0");
    r.step = step.get<long>();
    r.system = md::read_lammps_data((directory / index.at("data").get<std::string>()).string(), units);
    r.catalog = landscape::load_catalog((directory / index.at("catalog").get<std::string>()).string());
  } catch (const nlohmann::json::exception& e) {
    throw InputError(index_path(), "corrupt checkpoint: " + kmc::json_error_text(e));
  }
  return r;
}

}  // namespace glassland::bridge
