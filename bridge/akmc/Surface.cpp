#include "bridge/akmc/Surface.hpp"

#include "md/ForceCompute.hpp"
#include "md/SystemObjective.hpp"
#include "md/Units.hpp"

namespace glassland::bridge {

namespace {

/// A System with its own force computation, as one objective (SystemObjective holds references).
class OwnedSystemObjective : public md::Objective {
public:
  OwnedSystemObjective(const md::System& system, const md::PairPotential& pair, double skin)
      : system_(system), forces_(pair, skin), objective_(system_, forces_) {}
  Eigen::Index dimension() const override { return objective_.dimension(); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) override {
    ++evaluations_;
    return objective_.value_and_gradient(x, gradient);
  }
  bool has_hessian() const override { return objective_.has_hessian(); }
  md::BlockHessian hessian(const Eigen::VectorXd& x) override {
    md::BlockHessian h = objective_.hessian(x);
    ++hessian_evaluations_;
    return h;
  }

private:
  md::System system_;
  md::ForceCompute forces_;
  md::SystemObjective objective_;
};

/// Forwards energy and gradient only (no analytic Hessian).
class GradientOnly : public md::Objective {
public:
  explicit GradientOnly(std::unique_ptr<md::Objective> inner) : inner_(std::move(inner)) {}
  Eigen::Index dimension() const override { return inner_->dimension(); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) override {
    ++evaluations_;
    return inner_->value_and_gradient(x, gradient);
  }

private:
  std::unique_ptr<md::Objective> inner_;
};

}  // namespace

Surface finite_difference_surface(Surface surface) {
  surface.make_objective = [make = surface.make_objective]() -> std::unique_ptr<md::Objective> {
    return std::make_unique<GradientOnly>(make());
  };
  return surface;
}

Surface atomic_surface(const md::System& system, const md::PairPotential& pair, double skin) {
  Surface surface;
  surface.space = landscape::ConfigurationSpace::periodic(system.box);
  auto prototype = std::make_shared<const md::System>(system);
  surface.make_objective = [prototype, pair, skin]() -> std::unique_ptr<md::Objective> {
    return std::make_unique<OwnedSystemObjective>(*prototype, pair, skin);
  };
  for (std::size_t i = 0; i < system.size(); ++i) {
    surface.masses.push_back(system.mass(i));
    surface.types.push_back(system.type[i]);
  }
  surface.mvv_to_energy = md::unit_constants(system.units).mvv_to_energy;
  surface.units = md::unit_name(system.units);
  return surface;
}

bool force_jumps_at_cutoff(const md::PairPotential& pair) { return pair.style() == md::PairStyle::lj; }

}  // namespace glassland::bridge
