// Placeholder until the md commands land; replaced by their owner.
#include "bridge/Commands.hpp"

namespace glassland::bridge {

void register_md_commands(CLI::App& /*app*/) {}

}  // namespace glassland::bridge
