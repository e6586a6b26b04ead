// Accuracy and cost of local-Hessian Vineyard prefactors against the full Hessian, on the
// saddles of an aKMC catalog (plain program; docs/akmc.md "Prefactor cost").
//   bench_prefactor_accuracy GLASS.data CATALOG.glcat POTENTIAL MAX_SADDLES RADIUS...
// For each of the first MAX_SADDLES saddles (from -> to as stored, mode guess = saddle - from),
// the prefactors with the full Hessian (reference) and with each --hessian-radius RADIUS as the
// engine computes them (refine_event_saddle, then both minima over the same atoms); prints per
// saddle the Hessian atoms, force calls and ln(nu / nu_full) forward and backward.
#include <cmath>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "bridge/akmc/Prefactors.hpp"
#include "landscape/CatalogFile.hpp"
#include "landscape/Hessian.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"

using namespace glassland;

namespace {

Eigen::VectorXd flat(const std::vector<md::Vec3>& r) {
  Eigen::VectorXd x(3 * static_cast<Eigen::Index>(r.size()));
  for (std::size_t a = 0; a < r.size(); ++a) x.segment<3>(3 * static_cast<Eigen::Index>(a)) = r[a];
  return x;
}

struct Variant {
  bridge::PrefactorResult result;
  std::size_t atoms = 0;
};

Variant prefactors(const bridge::Surface& surface, const Eigen::VectorXd& from, const Eigen::VectorXd& saddle,
                   double energy, const Eigen::VectorXd& to, double radius) {
  bridge::PrefactorOptions o;
  o.refinement.local_radius = radius;  // 0: full Hessian
  o.refinement.newton_steps = 3;
  const Eigen::VectorXd mode = surface.space.difference(saddle, from).normalized();
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  const bridge::SaddleHessian h = bridge::refine_event_saddle(*objective, surface, saddle, energy, mode, o);
  Eigen::MatrixXd h_from, h_to;
  if (h.first_order) {
    h_from = landscape::finite_difference_hessian(*objective, from, h.atoms, o.refinement.hessian_step);
    h_to = landscape::finite_difference_hessian(*objective, to, h.atoms, o.refinement.hessian_step);
  }
  Variant v;
  v.result = bridge::vineyard_pair(surface, h, h_from, h_to, o);
  v.result.force_calls = objective->evaluations();
  v.atoms = h.atoms.empty() ? static_cast<std::size_t>(surface.atoms()) : h.atoms.size();
  return v;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: bench_prefactor_accuracy GLASS.data CATALOG.glcat POTENTIAL MAX_SADDLES RADIUS...\n";
    return 2;
  }
  const md::PotentialSpec spec = md::load_potential(argv[3]);
  md::System system = md::read_lammps_data(argv[1], spec.units);
  md::apply_default_masses(system, spec.type_mass);
  const bridge::Surface surface = bridge::atomic_surface(system, spec.pair, 0.3);
  const landscape::Catalog catalog = landscape::load_catalog(argv[2]);
  const std::size_t count = std::min<std::size_t>(std::strtoul(argv[4], nullptr, 10), catalog.saddle_count());
  std::vector<double> radii;
  for (int k = 5; k < argc; ++k) radii.push_back(std::atof(argv[k]));
  std::cout << "saddle,barrier,radius,atoms,force_calls,forward,backward,ln_forward_ratio,ln_backward_ratio\n";
  for (std::size_t s = 0; s < count; ++s) {
    const landscape::Saddle& saddle = catalog.saddle(s);
    const Eigen::VectorXd from = flat(catalog.positions(saddle.from)), to = flat(catalog.positions(saddle.to));
    const Eigen::VectorXd x = flat(catalog.saddle_positions(s));
    const double barrier = saddle.energy - catalog.minimum(saddle.from).energy;
    const Variant full = prefactors(surface, from, x, saddle.energy, to, 0.0);
    const auto row = [&](double radius, const Variant& v) {
      const bridge::PrefactorResult& p = v.result;
      std::cout << fmt::format("{},{:.6f},{},{},{},{:.6g},{:.6g},{:.4f},{:.4f}\n", s, barrier, radius, v.atoms,
                               p.force_calls, p.forward, p.backward,
                               p.valid && full.result.valid ? std::log(p.forward / full.result.forward) : NAN,
                               p.valid && full.result.valid ? std::log(p.backward / full.result.backward) : NAN);
    };
    row(0.0, full);
    for (double r : radii) row(r, prefactors(surface, from, x, saddle.energy, to, r));
    std::cout.flush();
  }
  return 0;
}
