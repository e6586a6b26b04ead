#pragma once
// The options of an on-the-fly kMC run from Python (`glassland.AkmcOptions`): the engine's
// option structs with the defaults of `glassland akmc`, one Python attribute per command-line
// option (attribute `min_searches` <-> `--min-searches`, `recycle` <-> `--no-recycle`). Errors
// name the attribute (the field), where the CLI names the flag; the message is the same.
#include <string>
#include <vector>

#include "bridge/akmc/Kinetics.hpp"
#include "bridge/akmc/StateExplorer.hpp"
#include "landscape/MinModeSearch.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

struct AkmcOptions {
  bridge::ExplorationOptions exploration;
  landscape::MinModeSearchOptions search;
  bridge::KineticsOptions kinetics;
  int threads = 0;  ///< OpenMP threads (0: all)

  /// The defaults of `glassland akmc` (bridge/akmc/AkmcDefaults.hpp).
  static AkmcOptions command_line_defaults();
  /// Checks every option (InputError naming the attribute) and returns the options
  /// the engine runs with (`--fixed-searches` caps `--min-searches`, as on the command line).
  AkmcOptions validated() const;
};

/// Registers glassland.AkmcOptions.
void bind_akmc_options(py::module_& m);

}  // namespace glassland::python
