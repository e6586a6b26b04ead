#include "landscape/MinModeSearch.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <memory>
#include <random>

#include "landscape/ExpPreconditioner.hpp"
#include "landscape/Hessian.hpp"
#include "md/Error.hpp"
#include "md/Minimizer.hpp"
#include "md/MinimizerRegistry.hpp"

namespace glassland::landscape {

void MinModeSearchOptions::validate() const {
  auto positive = [](double v, const char* name) {
    if (!(v > 0.0) || !std::isfinite(v)) throw InputError(name, "must be finite and > 0");
  };
  positive(displacement_radius, "displacement_radius");
  if (!(displacement_magnitude >= 0.0) || !std::isfinite(displacement_magnitude))
    throw InputError("displacement_magnitude", "must be finite and >= 0");
  positive(fmax, "fmax");
  if (max_iterations < 1) throw InputError("max_iterations", "must be >= 1");
  if (max_basin_iterations < 1) throw InputError("max_basin_iterations", "must be >= 1");
  positive(mode_keep_tolerance, "mode_keep_tolerance");
  if (check.lowest_iterations < 2 || check.second_iterations < 2)
    throw InputError("check", "lowest_iterations and second_iterations must be >= 2");
  positive(check.tolerance, "check.tolerance");
  positive(max_step, "max_step");
  positive(push, "push");
  if (lowest.count < 2) throw InputError("lowest.count", "must be >= 2 to decide whether a saddle is first order");
  if (climb_lanczos_iterations < 2) throw InputError("climb_lanczos_iterations", "must be >= 2");
  if (!(mode_fixed_step >= 0.0)) throw InputError("mode_fixed_step", "must be >= 0");
  if (initial_lanczos_iterations < 0) throw InputError("initial_lanczos_iterations", "must be >= 0");
  positive(climb_lanczos_tolerance, "climb_lanczos_tolerance");
  positive(basin_lanczos_tolerance, "basin_lanczos_tolerance");
  positive(basin_step, "basin_step");
  positive(basin_relax_force, "basin_relax_force");
  positive(inverse_curvature, "inverse_curvature");
  if (lbfgs_memory < 1) throw InputError("lbfgs_memory", "must be >= 1");
  if (!(negative_tolerance >= 0.0)) throw InputError("negative_tolerance", "must be >= 0");
  positive(max_energy, "max_energy");
  positive(moved_threshold, "moved_threshold");
}

std::string status_name(SearchStatus status) {
  switch (status) {
    case SearchStatus::success: return "success";
    case SearchStatus::not_converged: return "not_converged";
    case SearchStatus::not_first_order: return "not_first_order";
    case SearchStatus::not_connected: return "not_connected";
    case SearchStatus::degenerate: return "degenerate";
    case SearchStatus::failed_quench: return "failed_quench";
  }
  return "unknown";
}

namespace {

/// L-BFGS two-loop recursion without line search (the force relaxed is the part perpendicular
/// to a moving mode: no energy decreases along the steps). Pairs failing the curvature
/// condition, or a direction against the force, reset the memory. Initial inverse Hessian:
/// the preconditioner's P^-1, else the last s.y / y.y (first: `inverse_curvature`).
class PerpendicularLbfgs {
public:
  PerpendicularLbfgs(int memory, double inverse_curvature) : memory_(memory), inverse_curvature_(inverse_curvature) {}
  /// With a preconditioner P the initial inverse Hessian is P^-1 instead of scale * I.
  void precondition(std::unique_ptr<ExpPreconditioner> p) { preconditioner_ = std::move(p); }
  bool preconditioned() const { return preconditioner_ != nullptr; }
  void reset() {
    s_.clear();
    y_.clear();
    has_previous_ = false;
    scale_ = inverse_curvature_;
  }
  /// L-BFGS step for `force`; the part of the previous move along `exclude` (a unit vector
  /// the caller moves along by other rules) is left out of the curvature pair.
  Eigen::VectorXd step(const Eigen::VectorXd& x, const Eigen::VectorXd& force, const Eigen::VectorXd& exclude) {
    if (has_previous_) {
      Eigen::VectorXd s = x - x_previous_, y = force_previous_ - force;  // y: change of "gradient"
      s -= s.dot(exclude) * exclude;
      if (s.dot(y) > 1e-12 * s.norm() * y.norm()) {
        scale_ = s.dot(y) / y.squaredNorm();
        s_.push_back(std::move(s));
        y_.push_back(std::move(y));
        if (static_cast<int>(s_.size()) > memory_) {
          s_.pop_front();
          y_.pop_front();
        }
      } else {
        s_.clear();
        y_.clear();
      }
    }
    x_previous_ = x;
    force_previous_ = force;
    has_previous_ = true;
    Eigen::VectorXd d = direction(force);
    if (d.dot(force) <= 0.0) {
      s_.clear();
      y_.clear();
      d = initial(force);
    }
    return d;
  }

private:
  Eigen::VectorXd direction(const Eigen::VectorXd& force) const {
    const std::size_t m = s_.size();
    if (m == 0) return initial(force);
    std::vector<double> a(m), rho(m);
    Eigen::VectorXd q = force;
    for (std::size_t i = m; i-- > 0;) {
      rho[i] = 1.0 / y_[i].dot(s_[i]);
      a[i] = rho[i] * s_[i].dot(q);
      q -= a[i] * y_[i];
    }
    Eigen::VectorXd r = preconditioner_ ? preconditioner_->solve(q)
                                        : Eigen::VectorXd((s_.back().dot(y_.back()) / y_.back().squaredNorm()) * q);
    for (std::size_t i = 0; i < m; ++i) r += s_[i] * (a[i] - rho[i] * y_[i].dot(r));
    return r;
  }

  Eigen::VectorXd initial(const Eigen::VectorXd& force) const {
    return preconditioner_ ? preconditioner_->solve(force) : Eigen::VectorXd(scale_ * force);
  }

  int memory_;
  double inverse_curvature_;
  std::unique_ptr<ExpPreconditioner> preconditioner_;
  double scale_ = inverse_curvature_;  // last inverse curvature estimate s.y / y.y
  std::deque<Eigen::VectorXd> s_, y_;
  Eigen::VectorXd x_previous_, force_previous_;
  bool has_previous_ = false;
};

struct Climb {
  Eigen::VectorXd x, gradient, mode;
  double energy = 0.0;
  double curvature = 0.0;
  bool converged = false;
  long iterations = 0;
  long basin_iterations = 0;
  long mode_force_calls = 0;
  long basin_end = -1;  // objective evaluations when the climb first reached negative curvature
};

/// The lowest mode at x, updated in place from the previous one. In the concave region the
/// mode changes slowly: one forward difference along the old mode (1 force call) is enough
/// when its curvature moved by less than `mode_keep_tolerance`; otherwise a short Lanczos
/// started on the old mode that reuses that product (forward differences from c.gradient).
void track_mode(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& x, Climb& c,
                bool concave, LowestModeOptions& lanczos, Eigen::VectorXd& mode, const MinModeSearchOptions& o) {
  const long before = objective.evaluations();
  lanczos.first_product.resize(0);
  if (concave && mode.size() == x.size()) {
    Eigen::VectorXd shifted(x.size());
    objective.value_and_gradient(x + o.lowest.step * mode, shifted);
    lanczos.first_product = (shifted - c.gradient) / o.lowest.step;
    const double theta = mode.dot(lanczos.first_product);
    if (theta < 0.0 && std::abs(theta - c.curvature) <= o.mode_keep_tolerance * std::abs(c.curvature)) {
      c.curvature = theta;
      c.mode_force_calls += objective.evaluations() - before;
      return;
    }
  }
  lanczos.hint = mode;
  lanczos.gradient = c.gradient;
  lanczos.eigenvalue_change_tolerance = concave ? o.climb_lanczos_tolerance : o.basin_lanczos_tolerance;
  const LowestModes modes = lowest_modes(objective, space, x, lanczos);
  Eigen::VectorXd v = modes.lowest_mode;
  if (mode.size() == v.size() && v.dot(mode) < 0.0) v = -v;
  mode = std::move(v);
  c.curvature = modes.curvatures[0];
  c.mode_force_calls += objective.evaluations() - before;
}

/// Steps 2-4 of the header: leave the basin, then climb on the effective force to fmax.
/// `mode` starts the lowest-mode tracking.
Climb climb(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& minimum,
            double minimum_energy, Eigen::VectorXd x, Eigen::VectorXd mode, std::uint64_t seed,
            const MinModeSearchOptions& o) {
  const int b = space.block_size();
  PerpendicularLbfgs lbfgs(o.lbfgs_memory, o.inverse_curvature);
  LowestModeOptions lanczos = o.lowest;
  lanczos.count = 1;
  lanczos.max_iterations = o.climb_lanczos_iterations;
  lanczos.eigenvalue_change_tolerance = o.climb_lanczos_tolerance;
  lanczos.random_weight = 0.0;
  lanczos.seed = seed;
  Climb c;
  c.gradient.resize(x.size());
  bool concave = false;
  double last_step = std::numeric_limits<double>::infinity();  // largest atom move of the last step
  double ceiling = o.max_energy;
  for (long it = 0; it < o.max_iterations; ++it) {
    c.iterations = it + 1;
    c.energy = objective.value_and_gradient(x, c.gradient);
    // Give up above max_energy -- or above the random start itself, whose stiff overlaps can
    // cost more than any barrier before the first steps relax them.
    if (it == 0) ceiling = std::max(o.max_energy, c.energy - minimum_energy);
    if (!std::isfinite(c.energy) || c.energy - minimum_energy > ceiling) break;
    if (it == 0 && o.precondition && b == 3)
      lbfgs.precondition(std::make_unique<ExpPreconditioner>(objective, space, x, c.gradient));
    if (concave && md::max_block_norm(c.gradient, b) < o.fmax) {
      c.converged = true;
      break;
    }
    const bool was_concave = concave;
    // Concave region, after a step that moved no atom by more than mode_fixed_step: the mode
    // (checked at the previous point) cannot have turned noticeably; keep it and its curvature.
    // Convex region with skip_relaxing_lanczos: while the perpendicular force is above
    // basin_relax_force no push happens, so the old direction is kept without a Lanczos.
    const bool relaxing = o.skip_relaxing_lanczos && !concave && mode.size() == x.size() &&
                          md::max_block_norm(c.gradient - c.gradient.dot(mode) * mode, b) >= o.basin_relax_force;
    const bool keep = (concave && last_step < o.mode_fixed_step) || relaxing;
    if (!keep) track_mode(objective, space, x, c, concave, lanczos, mode, o);
    concave = c.curvature < -o.negative_tolerance;
    if (concave && c.basin_end < 0) c.basin_end = objective.evaluations();
    // Entering the concave region: continue away from the minimum along the new mode.
    if (concave && !was_concave && space.difference(x, minimum).dot(mode) < 0.0) mode = -mode;
    if (!concave && ++c.basin_iterations > o.max_basin_iterations) break;
    const Eigen::VectorXd& v = mode;
    const Eigen::VectorXd force = -c.gradient;
    // Perpendicular to the mode: relax (L-BFGS, memory kept through the whole climb). Along
    // the mode: in the concave region a Newton step to the ridge, t = (F.v) / c (uphill, as
    // c < 0); in the convex region a fixed push uphill, once the perpendicular force is small
    // (the random start's stiff overlaps relax first).
    const Eigen::VectorXd perpendicular = force - force.dot(v) * v;
    Eigen::VectorXd step = lbfgs.step(x, perpendicular, v);
    step -= step.dot(v) * v;
    const double reach = o.max_step / md::max_block_norm(v, b);  // |t| that moves an atom by max_step
    double t = 0.0;
    if (concave) {
      t = std::clamp(force.dot(v) / c.curvature, -reach, reach);
    } else {
      double along = -force.dot(v);
      if (std::abs(along) < 1e-12) along = space.difference(x, minimum).dot(v);
      if (md::max_block_norm(perpendicular, b) < o.basin_relax_force)
        t = std::min(o.basin_step / md::max_block_norm(v, b), reach) * (along >= 0.0 ? 1.0 : -1.0);
    }
    step += t * v;
    md::limit_step(step, o.max_step, b);
    last_step = md::max_block_norm(step, b);
    x += step;
  }
  if (c.basin_end < 0) c.basin_end = objective.evaluations();
  c.x = std::move(x);
  c.mode = std::move(mode);
  return c;
}

struct Side {
  QuenchResult quench;
  bool is_start = false;
};

/// Quenches one side of the saddle. With `may_be_start`, the quench stops as soon as every atom
/// is within a tenth of the same-minimum displacement tolerance of the start minimum and the
/// force is below 100 fmax of the quench: that descent can only end in the start minimum, and
/// the rest of it (~half the quench's force calls) would be wasted.
Side quench_side(md::Objective& objective, const ConfigurationSpace& space, const Eigen::VectorXd& start,
                 const Eigen::VectorXd& minimum, double minimum_energy, const MinModeSearchOptions& o,
                 bool may_be_start) {
  md::MinimizerOptions m;
  m.fmax = o.quench.fmax;
  m.max_iterations = o.quench.max_iterations;
  m.max_step = o.quench.max_step;
  m.timestep = o.quench.timestep;
  m.block_size = o.quench.block_size;
  bool reached_start = false;
  if (may_be_start)
    m.force_measure = [&](const Eigen::VectorXd& x, const Eigen::VectorXd& gradient) {
      const double force = md::max_block_norm(gradient, m.block_size);
      reached_start = force < 100.0 * o.quench.fmax && space.max_displacement(x, minimum) < 0.1 * o.same.displacement;
      return reached_start ? 0.0 : force;
    };
  Side side;
  side.quench.position = start;
  side.quench.minimizer = md::make_minimizer(o.quench.minimizer, m)->minimize(objective, side.quench.position);
  side.quench.energy = side.quench.minimizer.value;
  if (!side.quench.minimizer.converged)
    throw InputError("quench", "minimizer '" + o.quench.minimizer + "' did not converge from the saddle");
  side.is_start = reached_start || same_minimum(space, side.quench.position, side.quench.energy, minimum,
                                                minimum_energy, o.same);
  return side;
}

/// Steps 4-5: first-order check at the converged point, then quench both ways.
SaddleSearchResult check_and_connect(md::Objective& objective, const ConfigurationSpace& space,
                                     const Eigen::VectorXd& minimum, double minimum_energy, const Climb& c,
                                     long before, std::uint64_t seed, const MinModeSearchOptions& o) {
  SaddleSearchResult r;
  r.saddle = c.x;
  r.saddle_energy = c.energy;
  r.mode = c.mode;
  r.lowest_curvature = c.curvature;
  r.iterations = c.iterations;
  r.basin_iterations = c.basin_iterations;
  r.mode_force_calls = c.mode_force_calls;
  r.basin_force_calls = c.basin_end - before;
  auto finish = [&](SearchStatus status) {
    r.status = status;
    r.force_calls = objective.evaluations() - before;
    if (r.saddle_force_calls == 0) r.saddle_force_calls = r.force_calls;
    return r;
  };
  if (!c.converged) return finish(SearchStatus::not_converged);
  FirstOrderCheckOptions options = o.check;
  options.step = o.lowest.step;
  options.negative_tolerance = o.negative_tolerance;
  const FirstOrderCheck check =
      check_first_order(objective, space, c.x, c.gradient, c.mode, seed ^ 0x5DEECE66DULL, options);
  r.check_force_calls = check.force_calls;
  r.lowest_curvature = check.lowest_curvature;
  r.second_curvature = check.second_curvature;
  if (!check.first_order()) return finish(SearchStatus::not_first_order);
  r.mode = check.mode;
  r.saddle_force_calls = objective.evaluations() - before;

  const double scale = o.push / md::max_block_norm(r.mode, space.block_size());
  Side plus, minus;
  try {
    plus = quench_side(objective, space, c.x + scale * r.mode, minimum, minimum_energy, o, true);
    minus = quench_side(objective, space, c.x - scale * r.mode, minimum, minimum_energy, o, !plus.is_start);
  } catch (const InputError&) {
    return finish(SearchStatus::failed_quench);
  }
  const bool plus_is_start = plus.is_start, minus_is_start = minus.is_start;
  if (plus_is_start == minus_is_start) {
    if (plus_is_start) return finish(SearchStatus::degenerate);  // both sides drain to the start
    r.product = plus.quench.position;
    r.product_energy = plus.quench.energy;
    return finish(SearchStatus::not_connected);
  }
  if (plus_is_start) r.mode = -r.mode;  // the mode points from the start towards the product
  const QuenchResult& product = plus_is_start ? minus.quench : plus.quench;
  r.product = product.position;
  r.product_energy = product.energy;
  if (r.saddle_energy < std::max(minimum_energy, r.product_energy)) return finish(SearchStatus::degenerate);
  const Eigen::VectorXd moved = space.atom_displacements(r.product, minimum);
  for (Eigen::Index a = 0; a < moved.size(); ++a)
    if (moved[a] > o.moved_threshold) r.moved_atoms.push_back(static_cast<int>(a));
  return finish(SearchStatus::success);
}

}  // namespace

SaddleSearchResult min_mode_search(md::Objective& objective, const ConfigurationSpace& space,
                                   const Eigen::VectorXd& minimum, double minimum_energy, int centre_atom,
                                   std::uint64_t seed, const MinModeSearchOptions& options) {
  options.validate();
  const int b = space.block_size();
  if (centre_atom < 0 || centre_atom >= space.atoms(minimum.size()))
    throw InputError("centre_atom", "no atom " + std::to_string(centre_atom));
  const long before = objective.evaluations();
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal(0.0, options.displacement_magnitude);
  Eigen::VectorXd displacement = Eigen::VectorXd::Zero(minimum.size());
  const Eigen::VectorXd centre = minimum.segment(Eigen::Index{centre_atom} * b, b);
  for (int atom : atoms_within(space, minimum, centre, options.displacement_radius))
    for (int k = 0; k < b; ++k) displacement[Eigen::Index{atom} * b + k] = normal(rng);
  // The first Lanczos starts on the displacement: a local start keeps the short Krylov space
  // local too, instead of converging to a soft vibration of the whole glass.
  Eigen::VectorXd mode = displacement.norm() > 0.0 ? Eigen::VectorXd(displacement.normalized()) : Eigen::VectorXd();
  Eigen::VectorXd start = minimum + displacement;
  if (options.initial_lanczos_iterations > 0 && mode.size() == minimum.size()) {
    // A random displacement of a dense glass is stiff (start energies of ~5-10 epsilon that
    // the climb first relaxes, with a converged Lanczos every step). Instead: a short Lanczos
    // at the minimum started on it; its Ritz vector is a soft direction near the centre
    // atom, and the climb starts a basin_step along it (the displacement's side).
    LowestModeOptions soft = options.lowest;
    soft.count = 1;
    soft.max_iterations = options.initial_lanczos_iterations;
    soft.hint = mode;
    soft.random_weight = 0.0;
    soft.eigenvalue_change_tolerance = 0.0;
    soft.residual_tolerance = 0.0;
    soft.relative_tolerance = 0.0;
    // Forward differences from the gradient at the minimum: one call more, but one call per
    // product instead of two (16 + 1 calls instead of 32; an error O(step) is irrelevant for
    // a start direction).
    soft.gradient.resize(minimum.size());
    Eigen::VectorXd at_minimum = minimum;
    objective.value_and_gradient(at_minimum, soft.gradient);
    const LowestModes modes = lowest_modes(objective, space, minimum, soft);
    Eigen::VectorXd v = modes.lowest_mode;
    if (v.dot(mode) < 0.0) v = -v;
    mode = v;
    start = minimum + (options.basin_step / md::max_block_norm(v, b)) * v;
  }
  const Climb c = climb(objective, space, minimum, minimum_energy, start, mode, seed, options);
  return check_and_connect(objective, space, minimum, minimum_energy, c, before, seed, options);
}

SaddleSearchResult refine_saddle_guess(md::Objective& objective, const ConfigurationSpace& space,
                                       const Eigen::VectorXd& minimum, double minimum_energy,
                                       const Eigen::VectorXd& guess, const Eigen::VectorXd& mode_guess,
                                       std::uint64_t seed, const MinModeSearchOptions& options) {
  options.validate();
  if (guess.size() != minimum.size()) throw InputError("saddle guess", "has a different dimension than the minimum");
  const long before = objective.evaluations();
  Eigen::VectorXd hint = mode_guess.size() == guess.size() && mode_guess.norm() > 0.0
                             ? Eigen::VectorXd(mode_guess.normalized())
                             : Eigen::VectorXd(space.difference(guess, minimum));
  if (hint.norm() > 0.0) hint.normalize();
  const Climb c = climb(objective, space, minimum, minimum_energy, guess, hint, seed, options);
  return check_and_connect(objective, space, minimum, minimum_energy, c, before, seed, options);
}

}  // namespace glassland::landscape
