// Placeholder until the kmc commands land; replaced by their owner.
#include "bridge/Commands.hpp"

namespace glassland::bridge {

void register_kmc_commands(CLI::App& /*app*/) {}

}  // namespace glassland::bridge
