#include "bridge/RunInputs.hpp"

#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "bridge/SharedFiles.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"

namespace glassland::bridge {

md::System read_system_for(const std::string& data_path, const md::PotentialSpec& spec) {
  md::System system = md::read_lammps_data(data_path, spec.units);
  if (system.ntypes() > spec.pair.ntypes())
    throw InputError(data_path + ": atom types",
                     fmt::format("the data file has {} atom types but potential '{}' defines pairs only for types 1..{}",
                                 system.ntypes(), spec.name, spec.pair.ntypes()));
  if (!spec.type_mass.empty()) {
    md::apply_default_masses(system, spec.type_mass);
  } else {
    for (int t = 1; t <= system.ntypes(); ++t)
      if (!(system.type_mass[static_cast<std::size_t>(t)] > 0.0))
        throw InputError(data_path + ": Masses", fmt::format("no mass for atom type {} (the potential gives none)", t));
  }
  return system;
}

double default_skin(md::UnitSystem units, double requested) {
  if (requested > 0.0) return requested;
  return units == md::UnitSystem::metal ? 1.0 : 0.3;
}

std::string smooth_variant(const std::string& potential) {
  for (const auto& name : md::potential_preset_names())
    if (name == potential + "-sf") return name;
  return potential;
}

namespace {
std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += (c == '\'') ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}
}  // namespace

bool run_plot_script(const std::string& script, const std::vector<std::string>& args) {
  std::string path;
  try {
    path = shared_file(script);
  } catch (const InputError& e) {
    std::cerr << "glassland: warning: no plot: " << e.what() << "; data files were written" << std::endl;
    return false;
  }
  std::string command = "/usr/bin/python3 " + shell_quote(path);
  for (const auto& a : args) command += " " + shell_quote(a);
  const int status = std::system(command.c_str());
  if (status != 0) {
    std::cerr << "glassland: warning: plot script " << script << " failed (exit " << status
              << "); data files were written" << std::endl;
    return false;
  }
  return true;
}

}  // namespace glassland::bridge
