#pragma once
// Checkpoints of `glassland harvest`: the MD state (LAMMPS data with velocities) and the
// catalog so far, written as OUT.checkpoint-<step>.data / .glcat, then committed by rewriting
// OUT.checkpoint.json (atomically, last) which names them; the previous pair is removed only
// after that. A run killed at any moment therefore leaves one consistent checkpoint, and
// `--resume` continues it — also after a completed run, to extend it with more steps.
#include <string>

#include <nlohmann/json.hpp>

#include "landscape/Catalog.hpp"
#include "md/System.hpp"

namespace glassland::bridge {

class HarvestCheckpoint {
public:
  /// `signature`: the options a resumed run must share (potential, temperature, seed, ...).
  HarvestCheckpoint(std::string catalog_path, nlohmann::json signature);

  std::string index_path() const { return catalog_path_ + ".checkpoint.json"; }
  /// Writes the MD state and the catalog at `step`, then the index.
  void save(long step, const md::System& md_state, const landscape::Catalog& catalog);

  struct Resumed {
    long step = 0;
    md::System system;
    landscape::Catalog catalog;
  };
  /// Reads the index and its files. InputError("resume", ...) if there is no checkpoint, it
  /// is corrupt, or it was made with other options (naming the first that differs).
  Resumed load(md::UnitSystem units) const;

private:
  std::string catalog_path_;
  nlohmann::json signature_;
};

}  // namespace glassland::bridge
