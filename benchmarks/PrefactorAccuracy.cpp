// Accuracy and cost of region-Hessian Vineyard prefactors against the full Hessian, on the
// saddles of an aKMC catalog (plain program; docs/akmc.md "Prefactor cost").
//   bench_prefactor_accuracy GLASS.data CATALOG.glcat POTENTIAL MAX_SADDLES FRACTION:RADIUS[:forward]...
// For each of the first MAX_SADDLES saddles (from -> to as stored), the prefactors with the full
// Hessian (reference) and with each region rule (--hessian-fraction FRACTION, --hessian-radius
// RADIUS; ":forward": forward-difference columns, step 1e-6; otherwise central, 1e-4; the
// reference is always central) as the engine computes them (bridge::event_saddle_hessian, then both minima's
// columns over the same atoms); prints per saddle and rule the region's atoms, the shells it grew
// by, the force calls of the saddle columns and of the event (saddle and product; the minimum's
// are computed once per state), and ln(nu / nu_full) both
// ways; on stderr the median and largest |log10(nu / nu_full)| and mean region size per rule.
// Since pair potentials have analytic Hessians (md::ForceCompute::hessian), the rules' columns
// are analytic for them (":forward" and the steps then apply only to EAM); the numbers in
// docs/akmc.md "Region rule against the full Hessian" were measured with finite differences.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <map>
#include <string>

#include <fmt/format.h>

#include "bridge/akmc/MinimumHessians.hpp"
#include "bridge/akmc/Prefactors.hpp"
#include "landscape/CatalogFile.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"

using namespace glassland;

namespace {

Eigen::VectorXd flat(const std::vector<md::Vec3>& r) {
  Eigen::VectorXd x(3 * static_cast<Eigen::Index>(r.size()));
  for (std::size_t a = 0; a < r.size(); ++a) x.segment<3>(3 * static_cast<Eigen::Index>(a)) = r[a];
  return x;
}

struct Rule {
  double fraction = 1.0, radius = 0.0;  // radius 0: full Hessian
  bool forward = false;                 // forward differences (step 1e-6) instead of central (1e-4)
  std::string name() const {
    return (radius > 0.0 ? fmt::format("{}:{}", fraction, radius) : "full") + (forward ? ":forward" : "");
  }
};

struct Totals {
  std::vector<double> errors;  // |log10 ratio|, both directions
  double atoms = 0.0, saddle_calls = 0.0, calls = 0.0;
  int events = 0, invalid = 0;
};

double median(std::vector<double> v) {
  if (v.empty()) return NAN;
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: bench_prefactor_accuracy GLASS.data CATALOG.glcat POTENTIAL MAX_SADDLES FRACTION:RADIUS[:forward]...\n";
    return 2;
  }
  const md::PotentialSpec spec = md::load_potential(argv[3]);
  md::System system = md::read_lammps_data(argv[1], spec.units);
  md::apply_default_masses(system, spec.type_mass);
  const bridge::Surface surface = bridge::atomic_surface(system, spec.pair, 0.3);
  const landscape::Catalog catalog = landscape::load_catalog(argv[2]);
  const std::size_t count = std::min<std::size_t>(std::strtoul(argv[4], nullptr, 10), catalog.saddle_count());
  std::vector<Rule> rules;
  for (int k = 5; k < argc; ++k) {
    const std::string s = argv[k];
    const auto colon = s.find(':');
    rules.push_back({std::atof(s.substr(0, colon).c_str()), std::atof(s.substr(colon + 1).c_str()),
                     s.find(":forward") != std::string::npos});
  }
  std::map<std::string, Totals> totals;
  std::cout << "saddle,barrier,rule,atoms,growths,saddle_force_calls,force_calls,forward,backward,"
               "ln_forward_ratio,ln_backward_ratio\n";
  for (std::size_t s = 0; s < count; ++s) {
    const landscape::Saddle& saddle = catalog.saddle(s);
    const Eigen::VectorXd from = flat(catalog.positions(saddle.from)), to = flat(catalog.positions(saddle.to));
    const Eigen::VectorXd x = flat(catalog.saddle_positions(s));
    const double barrier = saddle.energy - catalog.minimum(saddle.from).energy;
    const auto run = [&](const Rule& rule) {
      bridge::PrefactorOptions o;
      o.displacement_fraction = rule.fraction;
      o.refinement.local_radius = rule.radius;
      o.forward_differences = rule.forward;
      const bridge::SaddleHessian h = bridge::event_saddle_hessian(surface, from, x, saddle.energy, to, o);
      // The minimum's columns are computed once per state in the engine: not counted; an event
      // costs its saddle's and its product's columns.
      bridge::HessianColumns at_from(from, 3), at_to(to, 3);
      long product_calls = 0;
      if (h.first_order) {
        bridge::fill_columns(surface, {{&at_from, h.atoms}}, o.column_step(), 8, o.forward_differences);
        product_calls = bridge::fill_columns(surface, {{&at_to, h.atoms}}, o.column_step(), 8, o.forward_differences);
      }
      bridge::PrefactorResult p = h.first_order
                                      ? bridge::vineyard_pair(surface, h, at_from.block(h.atoms), at_to.block(h.atoms), o)
                                      : bridge::vineyard_pair(surface, h, {}, {}, o);
      p.force_calls = h.force_calls + product_calls;
      return std::make_pair(h, p);
    };
    const auto [full_h, full] = run(Rule{});
    const auto row = [&](const Rule& rule, const bridge::SaddleHessian& h, const bridge::PrefactorResult& p) {
      const bool both = p.valid && full.valid;
      const double lf = both ? std::log(p.forward / full.forward) : NAN;
      const double lb = both ? std::log(p.backward / full.backward) : NAN;
      const std::size_t atoms = h.atoms.empty() ? static_cast<std::size_t>(surface.atoms()) : h.atoms.size();
      std::cout << fmt::format("{},{:.6f},{},{},{},{},{},{:.6g},{:.6g},{:.4f},{:.4f}\n", s, barrier, rule.name(),
                               atoms, h.growths, h.force_calls, p.force_calls, p.forward, p.backward, lf, lb);
      Totals& t = totals[rule.name()];
      t.events += 1;
      t.atoms += static_cast<double>(atoms);
      t.saddle_calls += static_cast<double>(h.force_calls);
      t.calls += static_cast<double>(p.force_calls);
      if (!both) {
        t.invalid += 1;
        return;
      }
      t.errors.push_back(std::abs(lf) / std::log(10.0));
      t.errors.push_back(std::abs(lb) / std::log(10.0));
    };
    row(Rule{}, full_h, full);
    for (const Rule& r : rules) {
      const auto [h, p] = run(r);
      row(r, h, p);
    }
    std::cout.flush();
  }
  std::cerr << "rule,events,invalid,mean_atoms,mean_saddle_calls,mean_calls,median_abs_log10,max_abs_log10\n";
  for (const auto& [name, t] : totals)
    std::cerr << fmt::format("{},{},{},{:.1f},{:.0f},{:.0f},{:.4f},{:.4f}\n", name, t.events, t.invalid,
                             t.atoms / t.events, t.saddle_calls / t.events, t.calls / t.events, median(t.errors),
                             t.errors.empty() ? NAN : *std::max_element(t.errors.begin(), t.errors.end()));
  return 0;
}
