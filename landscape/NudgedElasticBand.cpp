#include "landscape/NudgedElasticBand.hpp"

#include <algorithm>
#include <cmath>

#include "md/Error.hpp"
#include "md/MinimizerRegistry.hpp"

namespace glassland::landscape {

void NebOptions::validate() const {
  if (images < 1) throw InputError("images", "needs at least 1 interior image");
  if (!(spring > 0.0) || !std::isfinite(spring)) throw InputError("spring", "must be finite and > 0");
  if (energy_weighted && !(spring_min > 0.0 && spring_min <= spring))
    throw InputError("spring_min", "must be > 0 and <= spring");
  if (!(climb_start_fmax >= 0.0)) throw InputError("climb_start_fmax", "must be >= 0");
  if (!(fmax > 0.0) || !std::isfinite(fmax)) throw InputError("fmax", "must be finite and > 0");
  if (max_iterations < 1) throw InputError("max_iterations", "must be >= 1");
}

std::vector<Eigen::VectorXd> interpolate_path(const ConfigurationSpace& space, const Eigen::VectorXd& initial,
                                         const Eigen::VectorXd& final, int images) {
  if (initial.size() != final.size())
    throw InputError("final", "end configurations differ in size");
  // The final end is stored as initial + (minimum-image difference): the whole band is then
  // continuous and later differences are plain subtractions.
  const Eigen::VectorXd span = space.difference(final, initial);
  std::vector<Eigen::VectorXd> path;
  for (int i = 0; i <= images + 1; ++i) path.push_back(initial + (double(i) / (images + 1)) * span);
  return path;
}

NudgedElasticBand::NudgedElasticBand(md::Objective& image_objective, ConfigurationSpace space,
                                     const Eigen::VectorXd& initial, const Eigen::VectorXd& final,
                                     NebOptions options)
    : NudgedElasticBand(image_objective, space, interpolate_path(space, initial, final, options.images),
                        options) {}

NudgedElasticBand::NudgedElasticBand(md::Objective& image_objective, ConfigurationSpace space,
                                     std::vector<Eigen::VectorXd> path, NebOptions options)
    : NudgedElasticBand(std::vector<md::Objective*>{&image_objective}, std::move(space), std::move(path),
                        options) {}

NudgedElasticBand::NudgedElasticBand(std::vector<md::Objective*> image_objectives, ConfigurationSpace space,
                                     std::vector<Eigen::VectorXd> path, NebOptions options)
    : objectives_(std::move(image_objectives)), space_(std::move(space)), options_(options), path_(std::move(path)) {
  options_.validate();
  if (objectives_.empty()) throw InputError("neb", "no image objective");
  if (static_cast<int>(path_.size()) != options_.images + 2)
    throw InputError("images", "path has " + std::to_string(path_.size()) + " images, expected " +
                                     std::to_string(options_.images + 2));
  d_ = path_.front().size();
  if (d_ != objectives_.front()->dimension()) throw InputError("initial", "configuration size does not match the model");
  forces_.assign(path_.size(), Eigen::VectorXd::Zero(d_));
  energies_.assign(path_.size(), 0.0);
  Eigen::VectorXd gradient(d_);
  const long before = total_image_calls();
  for (std::size_t end : {std::size_t{0}, path_.size() - 1}) {
    energies_[end] = objectives_.front()->value_and_gradient(path_[end], gradient);
    forces_[end] = -gradient;
  }
  endpoint_calls_ = total_image_calls() - before;
  climbing_on_ = options_.climb && options_.climb_start_fmax <= 0.0;
}

Eigen::VectorXd NudgedElasticBand::band() const {
  Eigen::VectorXd x(interior_dimension());
  for (int i = 1; i <= options_.images; ++i) x.segment((i - 1) * d_, d_) = path_[i];
  return x;
}

long NudgedElasticBand::total_image_calls() const {
  long calls = 0;
  for (std::size_t k = 0; k < objectives_.size(); ++k) {
    bool seen = false;  // the same objective may be listed for several images
    for (std::size_t j = 0; j < k; ++j) seen = seen || objectives_[j] == objectives_[k];
    if (!seen) calls += objectives_[k]->evaluations();
  }
  return calls;
}

void NudgedElasticBand::evaluate_images(const Eigen::VectorXd& x) {
  Eigen::VectorXd gradient(d_);
  for (int i = 1; i <= options_.images; ++i) {
    path_[i] = x.segment((i - 1) * d_, d_);
    md::Objective& objective = *objectives_[static_cast<std::size_t>(i - 1) % objectives_.size()];
    energies_[i] = objective.value_and_gradient(path_[i], gradient);
    forces_[i] = -gradient;
  }
}

Eigen::VectorXd NudgedElasticBand::tangent(int i) const {
  // Improved tangent: follow the uphill neighbour; at extrema blend both sides weighted by
  // the energy differences so the tangent turns smoothly (no kinks in the band).
  const Eigen::VectorXd plus = path_[i + 1] - path_[i], minus = path_[i] - path_[i - 1];
  const double e_next = energies_[i + 1], e = energies_[i], e_prev = energies_[i - 1];
  Eigen::VectorXd t;
  if (e_next > e && e > e_prev) {
    t = plus;
  } else if (e_next < e && e < e_prev) {
    t = minus;
  } else {
    const double d_max = std::max(std::abs(e_next - e), std::abs(e_prev - e));
    const double d_min = std::min(std::abs(e_next - e), std::abs(e_prev - e));
    t = e_next > e_prev ? Eigen::VectorXd(plus * d_max + minus * d_min)
                        : Eigen::VectorXd(plus * d_min + minus * d_max);
  }
  const double norm = t.norm();
  return norm > 0.0 ? Eigen::VectorXd(t / norm) : t;
}

std::vector<double> NudgedElasticBand::spring_constants() const {
  // k[i] belongs to the spring between images i-1 and i (i = 1..M+1).
  std::vector<double> k(path_.size(), options_.spring);
  if (!options_.energy_weighted) return k;
  const double e_ref = std::max(energies_.front(), energies_.back());
  const double e_max = *std::max_element(energies_.begin(), energies_.end());
  for (std::size_t i = 1; i < path_.size(); ++i) {
    const double e = std::max(energies_[i], energies_[i - 1]);
    k[i] = (e > e_ref && e_max > e_ref)
               ? options_.spring - (options_.spring - options_.spring_min) * (e_max - e) / (e_max - e_ref)
               : options_.spring_min;
  }
  return k;
}

double NudgedElasticBand::value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) {
  ++evaluations_;
  evaluate_images(x);
  const int m = options_.images;
  climbing_ = static_cast<int>(std::max_element(energies_.begin() + 1, energies_.begin() + 1 + m) -
                               energies_.begin());
  const std::vector<double> k = spring_constants();
  gradient.resize(interior_dimension());
  double perpendicular = 0.0, climbing_force = 0.0, total = 0.0;
  for (int i = 1; i <= m; ++i) {
    total += energies_[i];
    const Eigen::VectorXd tau = tangent(i);
    const double parallel = forces_[i].dot(tau);
    const Eigen::VectorXd f_perp = forces_[i] - parallel * tau;
    Eigen::VectorXd f_neb;
    if (climbing_on_ && i == climbing_) {
      f_neb = forces_[i] - 2.0 * parallel * tau;  // climb up along the tangent, no springs
      climbing_force = md::max_block_norm(f_neb, space_.block_size());
    } else {
      const double stretch = k[i + 1] * (path_[i + 1] - path_[i]).norm() - k[i] * (path_[i] - path_[i - 1]).norm();
      f_neb = f_perp + stretch * tau;
      perpendicular = std::max(perpendicular, md::max_block_norm(f_perp, space_.block_size()));
    }
    gradient.segment((i - 1) * d_, d_) = -f_neb;
  }
  measure_ = std::max(perpendicular, climbing_force);
  if (options_.climb && !climbing_on_ && measure_ < options_.climb_start_fmax) {
    climbing_on_ = true;
    measure_ = std::max(measure_, options_.fmax * 1.0001);  // never stop before climbing
  }
  return total;
}

md::MinimizerResult NudgedElasticBand::relax(const std::string& minimizer_name, Eigen::VectorXd& x) {
  md::MinimizerOptions minimizer_options;
  minimizer_options.fmax = options_.fmax;
  minimizer_options.max_iterations = options_.max_iterations;
  minimizer_options.max_step = options_.max_step;
  minimizer_options.timestep = options_.timestep;
  minimizer_options.block_size = space_.block_size();
  minimizer_options.force_measure = [this](const Eigen::VectorXd&, const Eigen::VectorXd&) { return measure_; };
  return md::make_minimizer(minimizer_name, minimizer_options)->minimize(*this, x);
}

NebResult NudgedElasticBand::run() {
  Eigen::VectorXd x = band();
  const long before = total_image_calls();
  md::MinimizerResult minimized = relax(options_.minimizer, x);
  if (!(minimized.converged && (!options_.climb || climbing_on_)) && !options_.fallback_minimizer.empty()) {
    const long first_iterations = minimized.iterations;
    minimized = relax(options_.fallback_minimizer, x);
    minimized.iterations += first_iterations;
  }
  NebResult result = make_result(minimized);
  result.force_calls = endpoint_calls_ + (total_image_calls() - before);
  return result;
}

NebResult NudgedElasticBand::make_result(const md::MinimizerResult& minimized) const {
  NebResult r;
  r.converged = minimized.converged && (!options_.climb || climbing_on_);
  r.iterations = minimized.iterations;
  r.path = path_;
  r.energies = energies_;
  r.arc_length.assign(path_.size(), 0.0);
  for (std::size_t i = 1; i < path_.size(); ++i)
    r.arc_length[i] = r.arc_length[i - 1] + (path_[i] - path_[i - 1]).norm();
  r.saddle_image = climbing_;
  r.saddle_energy = energies_[static_cast<std::size_t>(climbing_)];
  r.barrier_forward = r.saddle_energy - energies_.front();
  r.barrier_reverse = r.saddle_energy - energies_.back();
  r.max_perpendicular_force = measure_;
  return r;
}

std::vector<int> profile_local_minima(const std::vector<double>& energies, double depth) {
  std::vector<int> minima;
  for (std::size_t i = 1; i + 1 < energies.size(); ++i) {
    // Deepest point of a dip: compare with the highest energy on each side.
    const double left = *std::max_element(energies.begin(), energies.begin() + static_cast<long>(i));
    const double right = *std::max_element(energies.begin() + static_cast<long>(i) + 1, energies.end());
    if (energies[i] < energies[i - 1] && energies[i] <= energies[i + 1] && left - energies[i] > depth &&
        right - energies[i] > depth)
      minima.push_back(static_cast<int>(i));
  }
  return minima;
}

}  // namespace glassland::landscape
