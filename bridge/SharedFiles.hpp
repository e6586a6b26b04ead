#pragma once
// Files the binary reads at run time besides the user's inputs: the plot scripts (tools/plots/,
// studies/plot_disconnectivity.py) and the example inputs of the default job (examples/model/).
// `cmake --install` copies them to <prefix>/share/glassland, so an installed binary works
// without the source tree. They are looked up, first hit wins, in
//   1. $GLASSLAND_DATA_DIR (a user's own copy);
//   2. <directory of the executable>/../share/glassland (an installed or relocated copy);
//   3. the source tree the binary was built from (a build-tree binary).
#include <string>
#include <vector>

namespace glassland::bridge {

/// The directories searched, in order (those that do not exist included).
std::vector<std::string> shared_file_directories();

/// The first directory of shared_file_directories() that holds `relative` (e.g.
/// "tools/plots/plot_quench.py") joined with it. InputError naming `relative` and the searched
/// directories if none does.
std::string shared_file(const std::string& relative);

/// The directory shared files are taken from: the first of shared_file_directories() that holds
/// the plot scripts ("" if none does).
std::string shared_data_directory();

}  // namespace glassland::bridge
