// `glassland analyze --data FILE --potential P [--rdf OUT] [--inherent] [--voronoi]
// [--icosahedral-network] [--json]`: structure and energy of one configuration: total and
// partial g(r), thermodynamic observables, the inherent-structure energy (FIRE quench of a
// copy), Voronoi indices and the network of icosahedral centres (I-SRO / I-MRO) (of the
// inherent structure when --inherent is given, as is usual for glasses).
#include <iostream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "bridge/cli/MdCommandParts.hpp"
#include "md/NumberText.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/ForceCompute.hpp"
#include "md/IcosahedralNetwork.hpp"
#include "md/InherentStructure.hpp"
#include "md/PairDistribution.hpp"
#include "md/Thermo.hpp"
#include "md/VoronoiIndex.hpp"

namespace glassland::bridge {

namespace {

struct AnalyzeOptions {
  std::string data, potential, rdf, write_inherent, voronoi_out, voronoi_radii;
  bool voronoi = false, icosahedral_network = false;
  double voronoi_face_threshold = 0.0;
  double r_max = 0.0;
  int bins = 200;
  bool inherent = false, json = false;
  int threads = 0;
};

void write_rdf(const AnalyzeOptions& o, const md::System& system) {
  const double half_width = 0.5 * system.box.perpendicular_widths().minCoeff();
  const double r_max = o.r_max > 0.0 ? o.r_max : half_width;
  md::PairDistribution rdf(r_max, o.bins, system.ntypes());
  rdf.add_frame(system);
  std::string text = "r,g_total";
  for (int a = 1; a <= system.ntypes(); ++a)
    for (int b = a; b <= system.ntypes(); ++b) text += fmt::format(",g_{}{}", a, b);
  text += "\n";
  for (int k = 0; k < rdf.bins(); ++k) {
    text += fmt::format("{},{}", rdf.r(k), rdf.total(k));
    for (int a = 1; a <= system.ntypes(); ++a)
      for (int b = a; b <= system.ntypes(); ++b) text += fmt::format(",{}", rdf.partial(a, b, k));
    text += "\n";
  }
  write_file_atomically(o.rdf, [&](std::ostream& out) { out << text; });
}

/// "1:0.5,2:0.4167" -> radius per type (index 0 unused).
std::vector<double> parse_type_radii(const std::string& text, int ntypes) {
  if (text.empty()) return {};
  std::vector<double> radii(static_cast<std::size_t>(ntypes + 1), 0.0);
  std::stringstream items(text);
  std::string item;
  while (std::getline(items, item, ',')) {
    const auto colon = item.find(':');
    const std::string_view whole(item);
    const std::optional<long> type = colon == std::string::npos ? std::nullopt : parse_integer(whole.substr(0, colon));
    const std::optional<double> radius = type ? parse_finite(whole.substr(colon + 1)) : std::nullopt;
    if (!type || !radius || !(*radius > 0.0))
      throw InputError("--voronoi-radii", fmt::format("'{}' is not TYPE:RADIUS with a radius > 0", item));
    if (*type < 1 || *type > ntypes) throw InputError("--voronoi-radii", fmt::format("unknown atom type {}", *type));
    radii[static_cast<std::size_t>(*type)] = *radius;
  }
  return radii;
}

std::string index_text(const std::array<int, 4>& index) {
  return fmt::format("<{},{},{},{}>", index[0], index[1], index[2], index[3]);
}

md::VoronoiOptions voronoi_options(const AnalyzeOptions& o, const md::System& system) {
  md::VoronoiOptions options;
  options.face_area_fraction = o.voronoi_face_threshold;
  options.type_radius = parse_type_radii(o.voronoi_radii, system.ntypes());
  return options;
}

nlohmann::json analyze_voronoi(const AnalyzeOptions& o, const md::System& system,
                               const std::vector<md::VoronoiCell>& cells) {
  const md::VoronoiOptions options = voronoi_options(o, system);
  const md::VoronoiSummary summary = md::summarize_voronoi(system, cells);
  nlohmann::json by_type = nlohmann::json::object(), common = nlohmann::json::array();
  for (int t = 1; t <= system.ntypes(); ++t)
    by_type[std::to_string(t)] = summary.icosahedral_by_type[static_cast<std::size_t>(t)];
  for (const auto& [index, count] : summary.most_common) common.push_back({{"index", index_text(index)}, {"count", count}});
  if (!o.voronoi_out.empty()) {
    write_file_atomically(o.voronoi_out, [&](std::ostream& out) {
      out << "id,type,volume,n3,n4,n5,n6,faces\n";
      for (std::size_t i = 0; i < cells.size(); ++i)
        out << fmt::format("{},{},{},{},{},{},{},{}\n", system.id[i], system.type[i], cells[i].volume,
                           cells[i].index[0], cells[i].index[1], cells[i].index[2], cells[i].index[3], cells[i].faces);
    });
  }
  return {{"icosahedral_fraction", summary.icosahedral_fraction},
          {"icosahedral_fraction_by_type", by_type},
          {"most_common", common},
          {"total_volume", summary.total_volume},
          {"tessellation", options.type_radius.empty() ? "voronoi" : "radical"},
          {"face_area_threshold", options.face_area_fraction}};
}

nlohmann::json analyze_icosahedral_network(const std::vector<md::VoronoiCell>& cells) {
  const md::IcosahedralNetwork net = md::icosahedral_network(cells);
  return {{"isro_fraction", net.isro_fraction},
          {"centres", net.centres.size()},
          {"links", net.links},
          {"mean_links_per_centre", net.mean_degree},
          {"clustering_coefficient", net.mean_clustering},
          {"clustering_coefficient_defined", net.mean_clustering_defined},
          {"centres_with_two_links", net.centres_with_two_links},
          {"clusters", net.clusters},
          {"largest_cluster", net.largest_cluster},
          {"link", "voronoi_neighbours"}};
}

/// Voronoi indices and/or the icosahedral network of one configuration, from one tessellation.
void analyze_structure(const AnalyzeOptions& o, const md::System& system, const char* of, nlohmann::json& j) {
  if (!o.voronoi && !o.icosahedral_network) return;
  const std::vector<md::VoronoiCell> cells = md::voronoi_cells(system, voronoi_options(o, system));
  if (o.voronoi) {
    j["voronoi"] = analyze_voronoi(o, system, cells);
    j["voronoi"]["of"] = of;
  }
  if (o.icosahedral_network) {
    j["icosahedral_network"] = analyze_icosahedral_network(cells);
    j["icosahedral_network"]["of"] = of;
  }
}

void run_analyze(const AnalyzeOptions& o) {
  set_thread_count(o.threads);
  const md::PotentialSpec spec = md::load_potential(o.potential);
  md::System system = read_system_for(o.data, spec);
  if (o.bins < 1) throw InputError("--bins", "must be >= 1");
  md::ForceCompute forces(spec.pair, default_skin(spec.units, 0.0));
  const md::ForceTotals totals = forces.compute(system);
  const md::Thermo t = md::compute_thermo(system, totals.energy, totals.virial, md::momentum_conserving_dof(system));
  nlohmann::json j = {{"natoms", system.size()},
                      {"volume", t.volume},
                      {"energy_potential", t.potential_energy},
                      {"energy_kinetic", t.kinetic_energy},
                      {"temperature", t.temperature},
                      {"pressure", t.pressure}};
  if (!o.rdf.empty()) write_rdf(o, system);
  if (o.inherent) {
    const md::InherentStructureResult is = md::inherent_structure(system, spec.pair, default_skin(spec.units, 0.0));
    j["inherent_structure_energy"] = is.energy;
    j["inherent_structure_energy_per_atom"] = is.energy_per_atom;
    j["inherent_structure_converged"] = is.converged;
    j["inherent_structure_max_force"] = is.max_force;
    analyze_structure(o, is.minimum, "inherent_structure", j);
  } else {
    analyze_structure(o, system, "configuration", j);
  }
  if (o.json) {
    print_json(j);
  } else {
    for (const auto& [key, value] : j.items()) std::cout << key << " " << value.dump() << "\n";
  }
}

}  // namespace

void register_analyze_command(CLI::App& app) {
  auto o = std::make_shared<AnalyzeOptions>();
  CLI::App* cmd = app.add_subcommand("analyze", "g(r), energies, pressure, inherent-structure energy and Voronoi indices of a configuration");
  cmd->add_option("--data", o->data, "LAMMPS data file")->required();
  cmd->add_option("--potential", o->potential, "preset or TOML potential")->required();
  cmd->add_option("--rdf", o->rdf, "CSV r,g_total,g_11,g_12,... (minimum image, r in length units)");
  cmd->add_option("--rmax", o->r_max, "largest r of g(r) (length; default half the smallest box width)")
      ->check(positive());
  cmd->add_option("--bins", o->bins, "g(r) bins")->capture_default_str();
  cmd->add_flag("--inherent", o->inherent, "quench a copy with FIRE and report the inherent-structure energy");
  cmd->add_flag("--voronoi", o->voronoi,
                "Voronoi indices (voro++): icosahedral <0,0,12,0> fractions overall and per type, most common "
                "indices (of the inherent structure with --inherent)");
  cmd->add_flag("--icosahedral-network", o->icosahedral_network,
                "I-SRO fraction (<0,0,12,0> centres) and I-MRO: network of centres that are Voronoi neighbours, "
                "clustering coefficient 2L/(n(n-1)) averaged over centres, largest cluster (of the inherent "
                "structure with --inherent)");
  cmd->add_option("--voronoi-radii", o->voronoi_radii, "radical tessellation radii TYPE:R,... (length; default plain Voronoi)");
  cmd->add_option("--voronoi-face-threshold", o->voronoi_face_threshold,
                  "ignore faces smaller than this fraction of the cell's face area")
      ->capture_default_str()
      ->check(non_negative());
  cmd->add_option("--voronoi-out", o->voronoi_out, "per-atom CSV id,type,volume,n3,n4,n5,n6,faces");
  cmd->add_flag("--json", o->json, "print one JSON object");
  cmd->add_option("--threads", o->threads, "OpenMP threads (0: default)");
  cmd->callback([o] { run_analyze(*o); });
}

}  // namespace glassland::bridge
