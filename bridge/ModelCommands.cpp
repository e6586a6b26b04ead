// Placeholder until the model commands land; replaced by their owner.
#include "bridge/Commands.hpp"

namespace glassland::bridge {

void register_model_commands(CLI::App& /*app*/) {}

}  // namespace glassland::bridge
