// Placeholder until the landscape commands land; replaced by their owner.
#include "bridge/Commands.hpp"

namespace glassland::bridge {

void register_landscape_commands(CLI::App& /*app*/) {}

}  // namespace glassland::bridge
