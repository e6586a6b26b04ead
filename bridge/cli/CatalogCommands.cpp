// `glassland catalog ...`: import hand-made networks, merge catalogs, and inspect them.
#include "bridge/cli/CatalogCommands.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "glassland/Version.hpp"
#include "kmc/NetworkImport.hpp"
#include "landscape/CatalogFile.hpp"
#include "landscape/Disconnectivity.hpp"
#include "landscape/Metabasins.hpp"
#include "landscape/Spectra.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

nlohmann::json catalog_summary(const landscape::Catalog& catalog) {
  // Barriers of both directions of every saddle (a saddle is two transitions for kMC).
  std::vector<double> barriers;
  for (std::size_t k = 0; k < catalog.saddle_count(); ++k) {
    barriers.push_back(catalog.saddle(k).barrier_forward);
    barriers.push_back(catalog.saddle(k).barrier_backward);
  }
  std::sort(barriers.begin(), barriers.end());
  const auto stat = [&](double v) { return barriers.empty() ? nlohmann::json(nullptr) : nlohmann::json(v); };
  const std::size_t n = barriers.size();
  const double median = n == 0 ? 0.0 : (n % 2 ? barriers[n / 2] : 0.5 * (barriers[n / 2 - 1] + barriers[n / 2]));
  const auto& p = catalog.provenance();
  return {{"n_minima", catalog.minimum_count()},
          {"n_saddles", catalog.saddle_count()},
          {"barrier_min", stat(n ? barriers.front() : 0.0)},
          {"barrier_median", stat(median)},
          {"barrier_max", stat(n ? barriers.back() : 0.0)},
          {"schema_version", catalog.schema_version()},
          {"provenance",
           {{"potential", p.potential}, {"units", p.units}, {"temperature", p.temperature}, {"seed", p.seed},
            {"program_version", p.program_version}, {"created_by", p.created_by}}}};
}

void register_info(CLI::App* catalog) {
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = catalog->add_subcommand("info", "Counts, barrier statistics and provenance of a catalog");
  cmd->add_option("catalog", *path, "catalog file")->required();
  cmd->add_flag("--json", *json, "print one JSON object");
  cmd->callback([path, json] {
    const nlohmann::json s = catalog_summary(landscape::load_catalog(*path));
    if (*json) {
      print_json(s);
      return;
    }
    std::cout << *path << ": " << s["n_minima"] << " minima, " << s["n_saddles"] << " saddles, barriers "
              << s["barrier_min"] << " / " << s["barrier_median"] << " / " << s["barrier_max"]
              << " (min/median/max), schema " << s["schema_version"] << '\n';
  });
}

void register_import(CLI::App* catalog) {
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  CLI::App* cmd = catalog->add_subcommand("import", "Make a catalog from a hand-made network (JSON)");
  cmd->add_option("--json", *in, "network file {minima:[...], saddles:[...]}")->required();
  cmd->add_option("--out", *out, "catalog file to write")->required();
  cmd->callback([in, out] {
    const landscape::Catalog catalog = kmc::import_network_file(*in);
    landscape::save_catalog(*out, catalog);
    std::cerr << "catalog import: " << catalog.minimum_count() << " minima, " << catalog.saddle_count()
              << " saddles -> " << *out << std::endl;
  });
}

void register_merge(CLI::App* catalog) {
  auto inputs = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>();
  auto tolerance = std::make_shared<double>(1e-6);
  CLI::App* cmd = catalog->add_subcommand("merge", "Union of catalogs with deduplication of minima and saddles");
  cmd->add_option("catalogs", *inputs, "catalog files (two or more)")->required()->expected(2, -1);
  cmd->add_option("--out", *out, "merged catalog file")->required();
  cmd->add_option("--energy-tolerance", *tolerance, "energies equal within this (energy unit)")
      ->check(non_negative());
  cmd->callback([inputs, out, tolerance] {
    landscape::Catalog merged = landscape::load_catalog(inputs->front());
    for (std::size_t i = 1; i < inputs->size(); ++i) {
      const landscape::Catalog next = landscape::load_catalog((*inputs)[i]);
      if (next.provenance().units != merged.provenance().units)
        throw InputError((*inputs)[i], "units '" + next.provenance().units + "' differ from '" +
                                           merged.provenance().units + "'");
      const auto [minima, saddles] = landscape::merge_catalog(merged, next, {*tolerance});
      std::cerr << "catalog merge: " << (*inputs)[i] << ": +" << minima << " minima, +" << saddles << " saddles\n";
    }
    landscape::save_catalog(*out, merged);
  });
}

nlohmann::json histogram_json(const landscape::Histogram& h) {
  nlohmann::json bins = nlohmann::json::array();
  for (std::size_t k = 0; k < h.counts.size(); ++k)
    bins.push_back({{"lower", h.lower + k * h.width}, {"upper", h.lower + (k + 1) * h.width},
                    {"count", h.counts[k]}, {"density", h.density(k)}});
  return bins;
}

void register_spectra(CLI::App* catalog) {
  auto path = std::make_shared<std::string>();
  auto bins = std::make_shared<std::size_t>(20);
  auto threshold = std::make_shared<double>(NAN);
  CLI::App* cmd = catalog->add_subcommand("spectra", "Barrier and asymmetry spectra (and metabasins) as JSON");
  cmd->add_option("catalog", *path, "catalog file")->required();
  cmd->add_option("--bins", *bins, "histogram bins");
  cmd->add_option("--metabasin-threshold", *threshold, "also group minima joined by barriers <= this (energy unit)")
      ->check(non_negative());
  cmd->callback([path, bins, threshold] {
    const landscape::Catalog c = landscape::load_catalog(*path);
    const landscape::Spectra s = landscape::compute_spectra(c, *bins);
    nlohmann::json out = {{"barriers", histogram_json(s.barrier_histogram)},
                          {"asymmetries", histogram_json(s.asymmetry_histogram)}};
    if (!std::isnan(*threshold)) {
      const auto p = landscape::find_metabasins(c, *threshold);
      nlohmann::json basins = nlohmann::json::array();
      for (const auto& b : p.basins)
        basins.push_back({{"members", b.members}, {"lowest", b.lowest}, {"lowest_energy", b.lowest_energy}});
      out["metabasins"] = {{"threshold", *threshold}, {"count", p.basins.size()}, {"basins", basins}};
    }
    print_json(out);
  });
}

void register_disconnectivity(CLI::App* catalog) {
  auto path = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto spacing = std::make_shared<double>(0.0);
  auto plot = std::make_shared<bool>(false);
  CLI::App* cmd = catalog->add_subcommand("disconnectivity", "Superbasin tree (disconnectivity-graph data) as JSON");
  cmd->add_option("catalog", *path, "catalog file")->required();
  cmd->add_option("--out", *out, "JSON file to write")->required();
  cmd->add_option("--level-spacing", *spacing, "merge on energy levels this far apart (0 = exact tree)");
  cmd->add_flag("--plot", *plot, "also draw OUT.png with studies/plot_disconnectivity.py");
  cmd->callback([path, out, spacing, plot] {
    const auto tree = landscape::disconnectivity_tree(landscape::load_catalog(*path), *spacing);
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& n : tree.nodes)
      nodes.push_back({{"energy", n.energy}, {"minimum", n.minimum}, {"children", n.children}, {"size", n.size},
                       {"lowest_energy", n.lowest_energy}});
    const nlohmann::json j = {{"level_spacing", *spacing}, {"roots", tree.roots}, {"nodes", nodes}};
    write_file_atomically(*out, [&](std::ostream& o) { o << j.dump(1) << '\n'; });
    if (*plot) run_plot_script("studies/plot_disconnectivity.py", {*out, *out + ".png"});
  });
}

}  // namespace

void register_catalog_commands(CLI::App& app) {
  CLI::App* catalog = app.add_subcommand("catalog", "Inspect, import and merge energy-landscape catalogs");
  catalog->require_subcommand(1);
  register_info(catalog);
  register_import(catalog);
  register_merge(catalog);
  register_spectra(catalog);
  register_disconnectivity(catalog);
  register_catalog_export(catalog);
}

}  // namespace glassland::bridge
