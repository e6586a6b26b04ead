// The landscape command family: `glassland neb` (NebCommand.cpp) and `glassland harvest`
// (HarvestCommand.cpp).
#include "bridge/cli/Commands.hpp"

namespace glassland::bridge {

void register_neb_command(CLI::App& app);
void register_harvest_command(CLI::App& app);

void register_landscape_commands(CLI::App& app) {
  register_neb_command(app);
  register_harvest_command(app);
}

}  // namespace glassland::bridge
