#include "bridge/cli/Commands.hpp"

#include "bridge/cli/StrictOptions.hpp"

namespace glassland::bridge {

void register_all_commands(CLI::App& app) {
  register_pipeline_command(app);
  register_eval_command(app);
  register_md_commands(app);
  register_shear_command(app);
  register_dma_command(app);
  register_landscape_commands(app);
  register_kmc_commands(app);
  register_akmc_command(app);
  register_model_commands(app);
  register_validate_command(app);
  register_info_command(app);
  require_strict_numbers(app);  // after every registration: covers all options
}

}  // namespace glassland::bridge
