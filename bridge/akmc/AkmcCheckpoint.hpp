#pragma once
// The file that lets `glassland akmc --resume` continue a run after kill -9: one atomic file
// (written to a temporary and renamed, md/AtomicFile.hpp) holding the run state as JSON (options
// signature, trajectory so far, random-number state, event tables, kinetics) followed by the
// catalog bytes. A kill loses at most the events since the last checkpoint.
//   bytes 0-7  "GLAKMC1\n"   bytes 8-15 JSON length (uint64 LE)   then JSON, then the catalog
#include <string>

#include <nlohmann/json.hpp>

#include "landscape/Catalog.hpp"

namespace glassland::bridge {

struct AkmcCheckpoint {
  nlohmann::json state;
  landscape::Catalog catalog;
};

void save_akmc_checkpoint(const std::string& path, const nlohmann::json& state, const landscape::Catalog& catalog);
/// Throws InputError(path, ...) for a missing, truncated or foreign file.
AkmcCheckpoint load_akmc_checkpoint(const std::string& path);

}  // namespace glassland::bridge
