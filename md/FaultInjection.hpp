#pragma once
// Deterministic fault injection for the kill-and-resume tests. A SIGKILL sent from outside lands
// wherever the scheduler happens to be, so a test that races a running process against a file
// watcher is flaky on a loaded machine. Instead the environment variable
//   GLASSLAND_KILL_AT=<site>:<n>
// makes the process kill itself with SIGKILL the n-th time (1-based) it passes `site`. Sites:
//   commit     every atomically written output: the temporary is complete, not yet renamed
//   committed  the same, just after the rename
// Unset (the normal case) this costs one relaxed atomic load per output file.
#include <string_view>

namespace glassland {

/// Kills the process with SIGKILL if GLASSLAND_KILL_AT names `site` and this is its n-th pass.
void fault_point(std::string_view site);

}  // namespace glassland
