#include "kmc/model/CreepSpectrumFit.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <numeric>
#include <sstream>

// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics when Eigen's QR is
// inlined (GCC bug 105593, as in ModelFit.cpp); this file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <Eigen/Dense>
#include <unsupported/Eigen/LevenbergMarquardt>

#include "kmc/model/FitTargets.hpp"
#include "kmc/model/ModelFit.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
// Line numbers of the data rows of a CSV text (as read_csv_columns skips them), for errors.
std::vector<long> data_lines(const std::string& text) {
  std::stringstream stream(text);
  std::string line;
  std::vector<long> lines;
  bool header = false;
  for (long number = 1; std::getline(stream, line); ++number) {
    if (!line.empty() && line[0] == '#') continue;
    if (!header) header = true;
    else if (!line.empty()) lines.push_back(number);
  }
  return lines;
}

// A trial spectrum outside these bounds is a rejected step (residuals kInvalid): B beyond
// them is numerically a single time (large) or wider than 40 decades per unit of z (small).
constexpr double kShapeLow = 0.02, kShapeHigh = 50.0, kInvalid = 1e6;

// Least-squares problem in u = (J0, {ln dJ, ln tau0, ln B} per family).
struct CreepProblem : Eigen::DenseFunctor<double> {
  CreepProblem(const CreepCurve& c, int families, const std::vector<double>& weights)
      : DenseFunctor<double>(1 + 3 * families, static_cast<int>(c.time_s.size())), curve(c), n(families), weight(weights) {}

  static GumbelCreepSpectrum spectrum(const InputType& u) {
    GumbelCreepSpectrum s;
    s.instant_per_GPa = u[0];
    for (Eigen::Index i = 1; i + 2 < u.size(); i += 3) s.families.push_back({std::exp(u[i]), std::exp(u[i + 1]), std::exp(u[i + 2])});
    return s;
  }
  bool valid(const InputType& u) const {
    for (int i = 0; i < n; ++i) {
      const double b = std::exp(u[3 * i + 3]);
      if (!(b >= kShapeLow && b <= kShapeHigh) || !std::isfinite(u[3 * i + 1]) || !std::isfinite(u[3 * i + 2])) return false;
    }
    return std::isfinite(u[0]);
  }
  int operator()(const InputType& u, ValueType& r) {
    ++evaluations;
    if (!valid(u)) {
      r.setConstant(kInvalid);
      return 0;
    }
    const auto s = spectrum(u);
    for (Eigen::Index k = 0; k < r.size(); ++k) {
      const auto t = static_cast<std::size_t>(k);
      r[k] = weight[t] * (s.compliance_per_GPa(curve.time_s[t]) - curve.compliance_per_GPa[t]);
    }
    return 0;
  }
  int df(const InputType& u, JacobianType& jacobian) {
    const auto s = spectrum(u);
    for (Eigen::Index k = 0; k < jacobian.rows(); ++k) {
      const double w = weight[static_cast<std::size_t>(k)];
      jacobian(k, 0) = w;
      for (int i = 0; i < n; ++i) {
        const auto& f = s.families[static_cast<std::size_t>(i)];
        const auto g = gumbel_retardation(curve.time_s[static_cast<std::size_t>(k)], f.tau0_s, f.shape);
        jacobian(k, 3 * i + 1) = w * f.compliance_per_GPa * g.fraction;
        jacobian(k, 3 * i + 2) = w * f.compliance_per_GPa * g.d_ln_tau0;
        jacobian(k, 3 * i + 3) = w * f.compliance_per_GPa * g.d_ln_shape;
      }
    }
    return 0;
  }

  const CreepCurve& curve;
  int n;
  const std::vector<double>& weight;  // 1 / sigma of each point
  int evaluations = 0;
};

// Full Levenberg-Marquardt from u; returns chi^2 at the end (u updated).
double minimise(CreepProblem& problem, Eigen::VectorXd& u, int max_evaluations, std::string* status) {
  Eigen::LevenbergMarquardt<CreepProblem> lm(problem);
  lm.setMaxfev(std::max(1, max_evaluations));
  lm.setXtol(1e-12);
  lm.setFtol(1e-15);
  const auto stop = lm.minimize(u);
  if (status != nullptr) *status = lm_status_text(static_cast<int>(stop));
  Eigen::VectorXd r(problem.values());
  problem(u, r);
  return r.squaredNorm();
}

// Families are added one at a time: J0 + 1 family, then the best k-family spectrum plus one
// new family (a tenth of the rise of J, B = 0.5) tried at each of 10 positions spread evenly in
// ln t from a decade before the first time to two decades after the last (a slow family may
// still be rising at the end), every trial minimised in all parameters; the best is kept. A
// new family placed where the k-family fit leaves structure drops into it, which a single
// start from evenly spread families does not do when the families overlap.
Eigen::VectorXd greedy_fit(const CreepCurve& c, int n, const std::vector<double>& weights, int max_evaluations, int& evaluations, int& starts,
                           std::string& status) {
  constexpr int kPositions = 10;
  const double decade = std::log(10.0);
  const double a = std::log(c.time_s.front()) - decade, b = std::log(c.time_s.back()) + 2.0 * decade;
  const double rise = std::max(c.compliance_per_GPa.back() - c.compliance_per_GPa.front(),
                               1e-3 * std::abs(c.compliance_per_GPa.back()) + 1e-12);
  const int budget = std::max(1, max_evaluations / (kPositions * n));
  Eigen::VectorXd best(1);
  best[0] = c.compliance_per_GPa.front();
  for (int k = 1; k <= n; ++k) {
    CreepProblem problem(c, k, weights);
    Eigen::VectorXd chosen;
    double chosen_chi2 = INFINITY;
    for (int j = 0; j < kPositions; ++j) {
      Eigen::VectorXd u(1 + 3 * k);
      u.head(best.size()) = best;
      u[3 * k - 2] = std::log(k == 1 ? rise : 0.1 * rise);
      u[3 * k - 1] = a + (b - a) * j / (kPositions - 1);
      u[3 * k] = std::log(0.5);
      std::string stop;
      const double chi2 = minimise(problem, u, budget, &stop);
      ++starts;
      if (chi2 < chosen_chi2) {
        chosen_chi2 = chi2;
        chosen = u;
        status = stop;
      }
    }
    evaluations += problem.evaluations;
    best = chosen;
  }
  return best;
}

// d ln Gamma(1 + 1/B) / d ln B = -psi(1 + 1/B) / B (psi by a central difference of lgamma).
double d_ln_mean_d_ln_shape(double shape) {
  const double x = 1.0 + 1.0 / shape, h = 1e-5 * x;
  return -(std::lgamma(x + h) - std::lgamma(x - h)) / (2.0 * h) / shape;
}
}  // namespace

void check_creep_curve(const CreepCurve& curve, int families, const std::string& where) {
  if (families < 1 || families > 4) throw InputError("families", "must be 1 to 4 (got " + std::to_string(families) + ")");
  if (curve.time_s.empty()) throw InputError(where, "has no data rows (empty curve)");
  if (curve.time_s.size() != curve.compliance_per_GPa.size()) throw InputError(where, "time and compliance differ in length");
  const std::size_t need = static_cast<std::size_t>(3 * families + 2);
  if (curve.time_s.size() < need)
    throw InputError(where, "has " + std::to_string(curve.time_s.size()) + " points; " + std::to_string(families) +
                                " families need at least " + std::to_string(need));
  for (std::size_t k = 0; k < curve.time_s.size(); ++k) {
    const std::string row = where + " (row " + std::to_string(k + 1) + ")";
    if (!std::isfinite(curve.time_s[k]) || !std::isfinite(curve.compliance_per_GPa[k])) throw InputError(row, "is not a finite number");
    if (!(curve.time_s[k] > 0.0)) throw InputError(row, "time must be > 0 (the spectrum lives in ln t)");
    if (k > 0 && !(curve.time_s[k] > curve.time_s[k - 1])) throw InputError(row, "time must increase strictly");
  }
}

CreepCurve read_creep_curve(const std::string& path, const std::string& time_column, const std::string& compliance_column) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open the creep curve");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto columns = read_csv_columns(buffer.str(), path);
  for (const auto& column : {time_column, compliance_column})
    if (!columns.count(column)) throw InputError(path, "has no column '" + column + "'");
  CreepCurve curve{columns.at(time_column), columns.at(compliance_column)};
  const auto lines = data_lines(buffer.str());
  for (std::size_t k = 1; k < curve.time_s.size(); ++k)  // name the line of a time out of order
    if (!(curve.time_s[k] > curve.time_s[k - 1]))
      throw InputError(file_line(path, lines[k]), "'" + time_column + "' must increase strictly (" +
                                                      std::to_string(curve.time_s[k]) + " after " + std::to_string(curve.time_s[k - 1]) + ")");
  if (!curve.time_s.empty() && !(curve.time_s[0] > 0.0))
    throw InputError(file_line(path, lines[0]), "'" + time_column + "' must be > 0 (the spectrum lives in ln t)");
  return curve;
}

CreepSpectrumFit fit_creep_spectrum(const CreepCurve& curve, const CreepFitOptions& options, const std::string& where) {
  check_creep_curve(curve, options.families, where);
  if (!(options.sigma_per_GPa >= 0.0) || !std::isfinite(options.sigma_per_GPa)) throw InputError("sigma", "must be >= 0");
  const int n = options.families;
  const double sigma = options.sigma_per_GPa > 0.0 ? options.sigma_per_GPa : 1.0;
  std::vector<double> weights;
  for (double j : curve.compliance_per_GPa) {
    if (options.relative && !(std::abs(j) > 0.0)) throw InputError("relative", "needs J != 0 at every point (the weights are 1 / |J|)");
    weights.push_back(1.0 / (options.relative ? sigma * std::abs(j) : sigma));
  }
  CreepSpectrumFit result;
  Eigen::VectorXd best = greedy_fit(curve, n, weights, options.max_evaluations, result.evaluations, result.starts, result.status);
  CreepProblem problem(curve, n, weights);
  Eigen::VectorXd residual(problem.values());
  problem(best, residual);
  const double best_chi2 = residual.squaredNorm();
  result.chi_squared = best_chi2;
  const Eigen::Index m = problem.values(), p = problem.inputs();
  result.variance_factor = best_chi2 / static_cast<double>(m - p);
  Eigen::MatrixXd jacobian(m, p);
  problem.df(best, jacobian);
  const Eigen::MatrixXd cov = result.variance_factor * (jacobian.transpose() * jacobian).completeOrthogonalDecomposition().pseudoInverse();

  const auto spectrum = CreepProblem::spectrum(best);
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return best[3 * a + 2] < best[3 * b + 2]; });
  result.spectrum.instant_per_GPa = spectrum.instant_per_GPa;
  result.instant_uncertainty_per_GPa = std::sqrt(std::max(0.0, cov(0, 0)));
  for (int i : order) {
    const auto& f = spectrum.families[static_cast<std::size_t>(i)];
    const Eigen::Index j = 3 * i + 1;
    const double slope = d_ln_mean_d_ln_shape(f.shape);  // ln mean = ln tau0 + ln Gamma(1 + 1/B)
    const double var_mean = cov(j + 1, j + 1) + 2.0 * slope * cov(j + 1, j + 2) + slope * slope * cov(j + 2, j + 2);
    result.spectrum.families.push_back(f);
    result.uncertainty.push_back({f.compliance_per_GPa * std::sqrt(std::max(0.0, cov(j, j))), std::sqrt(std::max(0.0, cov(j + 1, j + 1))),
                                  std::sqrt(std::max(0.0, var_mean)), f.shape * std::sqrt(std::max(0.0, cov(j + 2, j + 2)))});
  }
  double sum = 0.0;
  for (std::size_t k = 0; k < curve.time_s.size(); ++k) {
    result.fitted_per_GPa.push_back(result.spectrum.compliance_per_GPa(curve.time_s[k]));
    sum += std::pow(result.fitted_per_GPa.back() - curve.compliance_per_GPa[k], 2);
  }
  result.rms_residual_per_GPa = std::sqrt(sum / static_cast<double>(m));
  return result;
}

nlohmann::json creep_spectrum_json(const CreepSpectrumFit& fit) {
  nlohmann::json out = {
      {"form", "J(t) = J0 + sum_i dJ_i <1 - exp(-t/tau)>_i with (tau/tau0_i)^B_i ~ Exp(1): ln tau Gumbel (min), scale 1/B_i"},
      {"instant_compliance_per_GPa", fit.spectrum.instant_per_GPa}, {"instant_uncertainty_per_GPa", fit.instant_uncertainty_per_GPa},
      {"chi_squared", fit.chi_squared}, {"variance_factor", fit.variance_factor}, {"rms_residual_per_GPa", fit.rms_residual_per_GPa},
      {"evaluations", fit.evaluations}, {"starts", fit.starts}, {"status", fit.status}, {"families", nlohmann::json::array()}};
  for (std::size_t i = 0; i < fit.spectrum.families.size(); ++i) {
    const auto& f = fit.spectrum.families[i];
    const auto& u = fit.uncertainty[i];
    out["families"].push_back({{"compliance_per_GPa", f.compliance_per_GPa}, {"compliance_uncertainty_per_GPa", u.compliance_per_GPa},
                               {"tau0_s", f.tau0_s}, {"mean_tau_s", f.mean_tau_s()}, {"log_mean_tau_s", f.log_mean_tau_s()},
                               {"ln_tau0_uncertainty", u.ln_tau0}, {"ln_mean_tau_uncertainty", u.ln_mean_tau},
                               {"shape_B", f.shape}, {"shape_uncertainty", u.shape}});
  }
  return out;
}

std::string creep_spectrum_csv(const CreepCurve& curve, const CreepSpectrumFit& fit) {
  std::ostringstream os;
  os << std::setprecision(10) << "time_s,J_per_GPa,J_fit_per_GPa";
  for (std::size_t i = 0; i < fit.spectrum.families.size(); ++i) os << ",J_family" << i + 1 << "_per_GPa";
  os << '\n';
  for (std::size_t k = 0; k < curve.time_s.size(); ++k) {
    os << curve.time_s[k] << ',' << curve.compliance_per_GPa[k] << ',' << fit.fitted_per_GPa[k];
    for (const auto& f : fit.spectrum.families)
      os << ',' << f.compliance_per_GPa * gumbel_retardation(curve.time_s[k], f.tau0_s, f.shape).fraction;
    os << '\n';
  }
  return os.str();
}

}  // namespace glassland::model
