// `glassland catalog export CATALOG --reference FILE --out-dir DIR [--minima ID,...] [--saddles]`:
// the harvested minima as LAMMPS data files (OVITO opens them) plus one multi-frame LAMMPS dump
// whose frames are the minima in order, with each atom's displacement from the first frame,
// so a local excitation shows as a few bright atoms. With --saddles, every saddle that stores its
// configuration (schema 2, e.g. written by `glassland akmc`) is written as saddle_<index>.data
// too. The catalog stores coordinates only; the reference configuration (e.g. the glass the
// harvest started from) supplies box, atom ids, types and masses.
#include <algorithm>
#include <filesystem>
#include <sstream>

#include <fmt/format.h>

#include "bridge/cli/CatalogCommands.hpp"
#include "bridge/cli/CommandSupport.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/AtomicFile.hpp"
#include "md/AtomicFolder.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"

namespace glassland::bridge {

namespace {

struct ExportOptions {
  std::string catalog, reference, out_dir;
  std::vector<long> minima;
  bool saddles = false;
};

md::UnitSystem catalog_units(const landscape::Catalog& catalog, const std::string& path) {
  const std::string& units = catalog.provenance().units;
  if (units == "lj") return md::UnitSystem::lj;
  if (units == "metal") return md::UnitSystem::metal;
  throw InputError(path, fmt::format("catalog in '{}' units has no atomic coordinates to export", units));
}

/// The reference configuration with `positions` (wrapped into its box); `what` names them.
md::System configured_system(const std::vector<md::Vec3>& positions, const std::string& what, const md::System& reference,
                             const std::string& reference_path) {
  if (positions.size() != reference.size())
    throw InputError(reference_path, fmt::format("has {} atoms, {} has {}", reference.size(), what, positions.size()));
  md::System s = reference;
  for (std::size_t i = 0; i < s.size(); ++i) {
    s.image[i] = {0, 0, 0};
    s.position[i] = s.box.wrap(positions[i], s.image[i]);
    s.image[i] = {0, 0, 0};
  }
  std::fill(s.velocity.begin(), s.velocity.end(), md::Vec3::Zero());
  return s;
}

/// One dump frame: id type x y z and the displacement from `first` (minimum image, without the
/// rigid drift of the whole glass, as minima are compared in landscape/; length).
std::string displacement_frame(const md::System& s, const md::System& first, long timestep) {
  md::Vec3 drift = md::Vec3::Zero();
  for (std::size_t i = 0; i < s.size(); ++i) drift += s.box.minimum_image(s.position[i] - first.position[i]);
  drift /= static_cast<double>(std::max<std::size_t>(1, s.size()));
  std::ostringstream out;
  out << "ITEM: TIMESTEP\n" << timestep << "\nITEM: NUMBER OF ATOMS\n" << s.size() << "\nITEM: BOX BOUNDS pp pp pp\n";
  for (int c = 0; c < 3; ++c) out << fmt::format("{} {}\n", s.box.lo()[c], s.box.hi()[c]);
  out << "ITEM: ATOMS id type x y z dx dy dz displacement\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const md::Vec3 d = s.box.minimum_image(s.position[i] - first.position[i]) - drift;
    out << fmt::format("{} {} {} {} {} {} {} {} {}\n", s.id[i], s.type[i], s.position[i].x(), s.position[i].y(),
                       s.position[i].z(), d.x(), d.y(), d.z(), d.norm());
  }
  return out.str();
}

void run_export(const ExportOptions& o) {
  const landscape::Catalog catalog = landscape::load_catalog(o.catalog);
  const md::System reference = md::read_lammps_data(o.reference, catalog_units(catalog, o.catalog));
  if (reference.box.is_triclinic()) throw InputError(o.reference, "triclinic boxes are not supported by export");
  std::vector<landscape::MinimumId> ids;
  for (long id : o.minima) {
    if (id < 0 || !catalog.has_minimum(static_cast<landscape::MinimumId>(id)))
      throw InputError("--minima", fmt::format("unknown minimum {}", id));
    ids.push_back(static_cast<landscape::MinimumId>(id));
  }
  if (ids.empty())
    for (std::size_t k = 0; k < catalog.minimum_count(); ++k) ids.push_back(catalog.minimum_at(k).id);
  // Build everything before writing anything: bad input leaves no partial export.
  std::vector<md::System> systems;
  for (auto id : ids)
    systems.push_back(configured_system(catalog.positions(id), fmt::format("minimum {}", id), reference, o.reference));
  std::vector<std::size_t> saddles;
  std::vector<md::System> saddle_systems;
  if (o.saddles) {
    for (std::size_t k = 0; k < catalog.saddle_count(); ++k) {
      if (catalog.saddle(k).coordinates.empty()) continue;
      saddles.push_back(k);
      saddle_systems.push_back(
          configured_system(catalog.saddle_positions(k), fmt::format("saddle {}", k), reference, o.reference));
    }
    if (saddles.empty())
      throw InputError("--saddles", "no saddle of " + o.catalog + " stores its configuration (schema 1 or a harvest)");
  }
  AtomicFolder out(o.out_dir, "--out-dir");  // a kill leaves all old or all new files, never a mix
  nlohmann::json index = nlohmann::json::array();
  std::string dump;
  for (std::size_t k = 0; k < ids.size(); ++k) {
    const std::string file = fmt::format("minimum_{}.data", ids[k]);
    md::write_lammps_data(out.path(file), systems[k]);
    dump += displacement_frame(systems[k], systems.front(), static_cast<long>(ids[k]));
    index.push_back({{"id", ids[k]}, {"energy", catalog.minimum(ids[k]).energy}, {"file", file}});
  }
  write_file_atomically(out.path("minima.dump"), [&](std::ostream& os) { os << dump; });
  nlohmann::json saddle_index = nlohmann::json::array();
  for (std::size_t k = 0; k < saddles.size(); ++k) {
    const landscape::Saddle& s = catalog.saddle(saddles[k]);
    const std::string file = fmt::format("saddle_{}.data", saddles[k]);
    md::write_lammps_data(out.path(file), saddle_systems[k]);
    saddle_index.push_back({{"index", saddles[k]}, {"from", s.from}, {"to", s.to}, {"energy", s.energy}, {"file", file}});
  }
  out.commit();
  nlohmann::json result{{"exported", index}, {"dump", o.out_dir + "/minima.dump"}};
  if (o.saddles) result["saddles"] = saddle_index;
  print_json(result);
}

}  // namespace

void register_catalog_export(CLI::App* catalog) {
  auto o = std::make_shared<ExportOptions>();
  CLI::App* cmd = catalog->add_subcommand(
      "export", "Write minima as LAMMPS data files and one dump with displacements (for OVITO)");
  cmd->add_option("catalog", o->catalog, "catalog file")->required();
  cmd->add_option("--reference", o->reference, "LAMMPS data file giving box, ids, types and masses")->required();
  cmd->add_option("--out-dir", o->out_dir, "directory for minimum_<id>.data and minima.dump")->required();
  cmd->add_option("--minima", o->minima, "minimum ids (default: all, in catalog order)")->delimiter(',');
  cmd->add_flag("--saddles", o->saddles, "also write each stored saddle configuration as saddle_<index>.data");
  cmd->callback([o] { run_export(*o); });
}

}  // namespace glassland::bridge
