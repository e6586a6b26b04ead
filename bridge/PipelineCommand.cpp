// Placeholder until the pipeline commands land; replaced by their owner.
#include "bridge/Commands.hpp"

namespace glassland::bridge {

void register_pipeline_command(CLI::App& /*app*/) {}

}  // namespace glassland::bridge
