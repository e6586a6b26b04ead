// The MD command family: `md` (integrate a data file), `quench` (make a glass
// by a linear quench and estimate Tg) and `analyze` (g(r), MSD, F_s of dumps).
#include <fmt/format.h>

#include "bridge/cli/Commands.hpp"
#include "bridge/cli/MdCommandParts.hpp"
#include "md/Error.hpp"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace glassland::bridge {

void register_md_commands(CLI::App& app) {
  register_md_run_command(app);
  register_quench_command(app);
  register_analyze_command(app);
}

void set_thread_count(int threads) {
  if (threads < 0) throw InputError("--threads", "must be >= 0");
#ifdef _OPENMP
  if (threads > 0) omp_set_num_threads(threads);
#endif
}

}  // namespace glassland::bridge
