#include "bridge/cli/OptionNames.hpp"

namespace glassland::bridge {

namespace {

// Library field -> the flag every command that has one spells it with.
const std::map<std::string, std::string>& standard_spelling() {
  static const std::map<std::string, std::string> table{
      {"timestep", "--dt"},
      {"temperature", "--temperature"},
      {"temperature_damping", "--tdamp"},
      {"pressure", "--pressure"},
      {"pressure_damping", "--pdamp"},
      {"start_temperature", "--t-start"},
      {"end_temperature", "--t-end"},
      {"rate", "--rate"},
      {"equilibration_time", "--equilibrate"},
      {"sample_every", "--sample-every"},
      {"face_area_fraction", "--voronoi-face-threshold"},
      {"type_radius", "--voronoi-radii"},
      {"potential", "--potential"},
      {"ensemble", "--ensemble"},
      {"level_spacing", "--level-spacing"},
      {"bins", "--bins"},
      {"steps", "--steps"},
      {"quench_every", "--quench-every"},
      {"snapshots_per_interval", "--snapshots"},
      {"checkpoint_every", "--checkpoint-every"},
      {"images", "--images"},
      {"fmax", "--fmax"},
      {"max_iterations", "--max-iterations"},
      {"initial", "--initial"},
      {"final", "--final"},
      {"times", "--times"},
      {"runs", "--runs"},
      {"target", "--target"},
      {"max_events_per_run", "--max-events"},
      {"trajectories", "--trajectories"},
      {"resume", "--resume"},
      {"landscape_potential", "--landscape-potential"},
      {"relaxation_temperature", "--relaxation-temperature"},
      {"topology_radius", "--topology-radius"},
      {"topology_bond", "--topology-bond"},
      {"topology_rmsd", "--topology-rmsd"},
      {"topology_max_guesses", "--topology-max-guesses"},
      {"batch_size", "--batch"},
      {"min_searches", "--min-searches"},
      {"max_searches", "--max-searches"},
      {"moved_threshold", "--moved"},
      {"recycle_radius", "--recycle-radius"},
      {"prefactor", "--prefactor"},
  };
  return table;
}

std::map<std::string, std::map<std::string, std::string>>& overrides() {
  static std::map<std::string, std::map<std::string, std::string>> table;
  return table;
}

// The innermost subcommand that was parsed ("info" of `catalog info`).
const CLI::App* leaf_command(const CLI::App& app) {
  const CLI::App* leaf = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const CLI::App* sub : leaf->get_subcommands()) {
      leaf = sub;
      deeper = true;
      break;
    }
  }
  return leaf;
}

}  // namespace

void register_option_names(const std::string& command, std::map<std::string, std::string> field_to_flag) {
  overrides()[command] = std::move(field_to_flag);
}

InputError in_command_terms(const CLI::App& app, const InputError& error) {
  const CLI::App* command = leaf_command(app);
  if (command == &app) return error;
  if (const auto own = overrides().find(command->get_name()); own != overrides().end())
    if (const auto it = own->second.find(error.where()); it != own->second.end()) return {it->second, error.message()};
  if (const auto it = standard_spelling().find(error.where());
      it != standard_spelling().end() && command->get_option_no_throw(it->second) != nullptr)
    return {it->second, error.message()};
  return error;
}

}  // namespace glassland::bridge
