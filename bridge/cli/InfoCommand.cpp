// `glassland info [--json]`: what this binary is and where it looks for things — version, the
// vector instruction set its kernels use on this CPU, OpenMP threads, MPI, potential presets and
// the directory of its plot scripts and example inputs (bridge/SharedFiles.hpp). The first thing
// to paste into a bug report, and how a user checks an installed copy.
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "bridge/SharedFiles.hpp"
#include "bridge/cli/Commands.hpp"
#include "glassland/Version.hpp"
#include "md/PotentialRegistry.hpp"
#include "md/SimdLevel.hpp"

namespace glassland::bridge {

namespace {

nlohmann::json binary_facts() {
  nlohmann::json facts;
  facts["version"] = kVersion;
  facts["cpu"] = md::cpu_model_name();
  facts["simd"] = md::simd_level_name(md::simd_level());
  facts["cpu_simd"] = md::simd_level_name(md::cpu_simd_level());
#ifdef _OPENMP
  facts["openmp_threads"] = omp_get_max_threads();
#else
  facts["openmp_threads"] = 1;
#endif
#ifdef GLASSLAND_WITH_MPI
  facts["mpi"] = true;
#else
  facts["mpi"] = false;
#endif
  facts["potential_presets"] = md::potential_preset_names();
  facts["data_directory"] = shared_data_directory();
  facts["data_search_path"] = shared_file_directories();
  return facts;
}

}  // namespace

void register_info_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("info", "Version, SIMD path, threads, MPI, presets and data directory of this binary");
  auto json = std::make_shared<bool>(false);
  cmd->add_flag("--json", *json, "Print one JSON object");
  cmd->callback([json] {
    const nlohmann::json facts = binary_facts();
    if (*json) {
      std::cout << facts.dump(2) << '\n';
      return;
    }
    std::cout << fmt::format("glassland {}\n", facts["version"].get<std::string>())
              << fmt::format("cpu             {}\n", facts["cpu"].get<std::string>())
              << fmt::format("simd            {} (cpu supports {}; GLASSLAND_SIMD caps it)\n",
                             facts["simd"].get<std::string>(), facts["cpu_simd"].get<std::string>())
              << fmt::format("openmp threads  {}\n", facts["openmp_threads"].get<int>())
              << fmt::format("mpi             {}\n", facts["mpi"].get<bool>() ? "yes" : "no")
              << fmt::format("data directory  {}\n", facts["data_directory"].get<std::string>().empty()
                                                         ? std::string("(none found: plots and the default job need it)")
                                                         : facts["data_directory"].get<std::string>());
    std::cout << "presets        ";
    for (const auto& name : facts["potential_presets"]) std::cout << ' ' << name.get<std::string>();
    std::cout << '\n';
  });
}

}  // namespace glassland::bridge
