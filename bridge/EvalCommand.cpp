// Placeholder until `glassland eval` lands; replaced by its owner.
#include "bridge/Commands.hpp"

namespace glassland::bridge {

void register_eval_command(CLI::App& /*app*/) {}

}  // namespace glassland::bridge
