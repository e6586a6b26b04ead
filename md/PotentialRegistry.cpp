#include "md/PotentialRegistry.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "md/EamPotential.hpp"
#include "md/Error.hpp"
#include "md/PairStyleTable.hpp"

namespace glassland::md {

namespace {

// Binary 12-6 LJ with cutoff = factor * sigma_ab for every pair.
PairPotential binary_lj(PairStyle style, bool shift, const double eps[3], const double sigma[3], double factor) {
  PairPotential p(style, 2, shift);
  const int pairs[3][2] = {{1, 1}, {1, 2}, {2, 2}};
  for (int k = 0; k < 3; ++k)
    p.set_pair(pairs[k][0], pairs[k][1], PairCoefficients{eps[k], sigma[k], factor * sigma[k]});
  return p;
}

// Wahnström (Phys. Rev. A 44, 3752 (1991)) 50:50 binary LJ, reduced units: all epsilon equal,
// sigma11 = 1, sigma12 = 11/12, sigma22 = 5/6, m1 = 2, m2 = 1; cutoff 2.5 sigma_ab.
PotentialSpec wahnstrom(PairStyle style, const std::string& name) {
  const double eps[3] = {1.0, 1.0, 1.0};
  const double sigma[3] = {1.0, 11.0 / 12.0, 5.0 / 6.0};
  return {name, UnitSystem::lj, binary_lj(style, true, eps, sigma, 2.5), {0.0, 2.0, 1.0}};
}

// Kob–Andersen (Phys. Rev. E 51, 4626 (1995)) 80:20 binary LJ, reduced units:
// eps11 = 1, eps12 = 1.5, eps22 = 0.5; sigma11 = 1, sigma12 = 0.8, sigma22 = 0.88; equal
// masses; cutoff 2.5 sigma_ab.
PotentialSpec kob_andersen(PairStyle style, const std::string& name) {
  const double eps[3] = {1.0, 1.5, 0.5};
  const double sigma[3] = {1.0, 0.8, 0.88};
  return {name, UnitSystem::lj, binary_lj(style, true, eps, sigma, 2.5), {0.0, 1.0, 1.0}};
}

// Mendelev, Sordelet, Kramer, J. Appl. Phys. 102, 043501 (2007): Cu-Zr EAM/FS as shipped by
// Debian's lammps-data (CuZr_mm.eam.fs); type 1 = Cu, type 2 = Zr; masses from the file.
PotentialSpec cu_zr_mendelev2007() {
  return eam_potential_spec("cu-zr-mendelev2007", lammps_potential_file("CuZr_mm.eam.fs"), PairStyle::eam_fs,
                            {"Cu", "Zr"}, "cu-zr-mendelev2007");
}

}  // namespace

const Registry<PotentialPreset>& potential_presets() {
  static const Registry<PotentialPreset> registry = [] {
    Registry<PotentialPreset> r("potential preset", "potential");
    register_potential_presets(r);
    return r;
  }();
  return registry;
}

void register_pair_styles(PairStyleTable& table) {
  // One line per pair style; the evaluators live in PairEvaluators.hpp.
  add_pair_style<LjEvaluator>(table);
  add_pair_style<LjSmoothEvaluator>(table);
  add_pair_style<Lj84Evaluator>(table);
}

std::string lammps_potential_file(const std::string& name) {
  const char* dir = std::getenv("LAMMPS_POTENTIALS");
  return (dir && *dir ? std::string(dir) : std::string("/usr/share/lammps/potentials")) + "/" + name;
}

PotentialSpec eam_potential_spec(const std::string& name, const std::string& path, PairStyle style,
                                 std::vector<std::string> type_elements, const std::string& where) {
  EamSetfl file = read_eam_setfl(path, style == PairStyle::eam_fs);
  auto eam = std::make_shared<const EamPotential>(std::move(file), std::move(type_elements), where);
  PotentialSpec spec{name, UnitSystem::metal, PairPotential(eam), {0.0}};
  for (int t = 1; t <= eam->ntypes(); ++t) spec.type_mass.push_back(eam->type_mass(t));
  return spec;
}

void register_potential_presets(Registry<PotentialPreset>& registry) {
  // lj style with energy shift (energy continuous, force jumps at rc) as in the original papers'
  // MD; the "-sf" variants are force-shifted (C1) for minimisation and saddle searches.
  registry.add("wahnstrom", {[] { return wahnstrom(PairStyle::lj, "wahnstrom"); }, ""});
  registry.add("wahnstrom-sf", {[] { return wahnstrom(PairStyle::lj_sf, "wahnstrom-sf"); }, ""});
  registry.add("kob-andersen", {[] { return kob_andersen(PairStyle::lj, "kob-andersen"); }, ""});
  registry.add("kob-andersen-sf", {[] { return kob_andersen(PairStyle::lj_sf, "kob-andersen-sf"); }, ""});
  registry.add("cu-zr-mendelev2007", {[] { return cu_zr_mendelev2007(); }, ""});
  // No citable source of the numerical KMT parameters could be found (docs/md-core.md);
  // rather than inventing numbers, the preset asks for them explicitly.
  registry.add("cu-zr-kmt",
               {nullptr, "preset 'cu-zr-kmt' (Kobayashi, Maeda, Takeuchi, Acta Metall. 28 (1980) 1641) "
                         "is not available: its published parameters are not in this build; give them "
                         "in a TOML potential file with style = \"lj84\" (V = C2/r^8 - C1/r^4 + C3 r + C4, "
                         "[[pair]] keys c1, c2, c3, c4, cutoff; units = \"metal\"; see docs/md-core.md), "
                         "or use the EAM preset cu-zr-mendelev2007"});
}

std::vector<std::string> potential_preset_names() {
  std::vector<std::string> names;
  for (const std::string& name : potential_presets().names())
    if (potential_presets().at(name).unavailable.empty()) names.push_back(name);
  return names;
}

PotentialSpec load_potential(const std::string& preset_name_or_toml_path) {
  if (const PotentialPreset* preset = potential_presets().find(preset_name_or_toml_path)) {
    if (!preset->unavailable.empty()) throw InputError("potential", preset->unavailable);
    return preset->make();
  }
  const std::filesystem::path path(preset_name_or_toml_path);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    std::string known;
    for (const std::string& name : potential_preset_names()) known += (known.empty() ? "" : ", ") + name;
    throw InputError("potential", "'" + preset_name_or_toml_path +
                                        "' is neither a preset (" + known + ") nor a readable TOML file");
  }
  std::ifstream in(path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_potential_toml(buffer.str(), preset_name_or_toml_path);
}

}  // namespace glassland::md
