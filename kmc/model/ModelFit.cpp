#include "kmc/model/ModelFit.hpp"

#include <cmath>
#include <filesystem>
#include <sstream>

// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics (the
// _mm512_undefined_pd pattern, GCC bug 105593) when Eigen's QR is inlined here; this file only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <Eigen/Dense>
#include <unsupported/Eigen/LevenbergMarquardt>

#include "kmc/model/ModelConfig.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
// The model file with the parameters set to `values`, as TOML text.
std::string model_text(toml::table model, const FitTargets& targets, const std::vector<double>& values) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    const auto& p = targets.parameters[i];
    model[p.table].as_table()->insert_or_assign(p.key, values[i]);
  }
  std::ostringstream os;
  os << model << "\n";
  return os.str();
}

double result_number(const ProtocolResult& run, const std::string& pointer, const std::string& where) {
  try {
    const auto& node = run.summary.at(nlohmann::json::json_pointer(pointer));
    if (!node.is_number()) throw InputError(where, "'" + pointer + "' is not a number in the results");
    return node.get<double>();
  } catch (const nlohmann::json::exception&) {
    throw InputError(where, "'" + pointer + "' is not in the protocol's results (a JSON pointer such as /steps/1/delta_H_kJ_per_mol)");
  }
}

// Linear interpolation of (xs, ys) (xs increasing) at x, inside the range only.
double interpolate(const std::vector<double>& xs, const std::vector<double>& ys, double x, const std::string& where) {
  if (xs.size() < 2 || x < xs.front() || x > xs.back())
    throw InputError(where, "x = " + std::to_string(x) + " lies outside the model curve's range");
  const auto hi = static_cast<std::size_t>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin());
  const std::size_t j = std::min(hi, xs.size() - 1), i = j - 1;
  const double f = (x - xs[i]) / (xs[j] - xs[i]);
  return ys[i] + f * (ys[j] - ys[i]);
}

std::vector<FitResidual> curve_residuals(const CurveTarget& t, const ProtocolResult& run) {
  const std::string file = run.summary["steps"][static_cast<std::size_t>(t.step)].value("file", "");
  if (file.empty() || !run.files.count(file)) throw InputError(t.where + ".step", "that step writes no CSV curve");
  const auto columns = read_csv_columns(run.files.at(file), file);
  for (const auto& c : {t.x_column, t.y_column})
    if (!columns.count(c)) throw InputError(t.where, "the model's " + file + " has no column '" + c + "'");
  std::vector<FitResidual> out;
  for (std::size_t i = 0; i < t.x.size(); ++i)
    out.push_back({t.name, "curve", t.x[i], t.y[i], interpolate(columns.at(t.x_column), columns.at(t.y_column), t.x[i], t.where + ".data"), t.sigma});
  return out;
}

constexpr double kInvalidResidual = 1e6;

// Least-squares problem in fit coordinates u (ln value for positive parameters).
struct FitProblem : Eigen::DenseFunctor<double> {
  FitProblem(const toml::table& m, const std::string& path, const FitTargets& t, int residuals,
             const std::function<void(const std::string&)>& p)
      : DenseFunctor<double>(static_cast<int>(t.parameters.size()), residuals), model(m), model_path(path), targets(t), progress(p) {}

  std::vector<double> parameter_values(const InputType& u) const {
    std::vector<double> v(static_cast<std::size_t>(u.size()));
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = targets.parameters[i].logarithmic ? std::exp(u[static_cast<Eigen::Index>(i)]) : u[static_cast<Eigen::Index>(i)];
    return v;
  }
  int operator()(const InputType& u, ValueType& r) {
    ++evaluations;
    try {
      const auto residuals = fit_residuals(model, model_path, targets, parameter_values(u));
      for (std::size_t i = 0; i < residuals.size(); ++i) r[static_cast<Eigen::Index>(i)] = residuals[i].weighted();
    } catch (const InputError& e) {
      // A trial step outside the valid model (e.g. lambda > 1) is a very bad step: the
      // minimiser rejects it and shrinks its trust region. The start itself was valid.
      r.setConstant(kInvalidResidual);
      if (progress) progress("fit: evaluation " + std::to_string(evaluations) + " left the valid model (" + e.what() + ")");
      return 0;
    }
    if (progress) progress("fit: evaluation " + std::to_string(evaluations) + ", chi^2 = " + std::to_string(r.squaredNorm()));
    return 0;
  }
  int df(const InputType& u, JacobianType& jacobian) {
    ValueType r0(values()), r1(values());
    (*this)(u, r0);
    for (Eigen::Index j = 0; j < u.size(); ++j) {
      InputType shifted = u;
      const double h = targets.parameters[static_cast<std::size_t>(j)].logarithmic ? targets.relative_step
                                                                                  : targets.relative_step * std::max(1.0, std::abs(u[j]));
      shifted[j] += h;
      (*this)(shifted, r1);
      jacobian.col(j) = (r1 - r0) / h;
    }
    return 0;
  }

  const toml::table& model;
  const std::string& model_path;
  const FitTargets& targets;
  const std::function<void(const std::string&)>& progress;
  int evaluations = 0;
};

}  // namespace

std::string lm_status_text(int status) {
  using namespace Eigen::LevenbergMarquardtSpace;
  switch (static_cast<Status>(status)) {
    case RelativeReductionTooSmall: return "converged: relative reduction of chi^2 below ftol";
    case RelativeErrorTooSmall: return "converged: relative parameter change below xtol";
    case RelativeErrorAndReductionTooSmall: return "converged: chi^2 and parameters stationary";
    case CosinusTooSmall: return "converged: residuals orthogonal to the Jacobian (gtol)";
    case TooManyFunctionEvaluation: return "stopped: max_evaluations reached";
    case FtolTooSmall: case XtolTooSmall: case GtolTooSmall: return "stopped: tolerance too small for machine precision";
    default: return "stopped: improper input";
  }
}

std::vector<FitResidual> fit_residuals(const toml::table& model, const std::string& model_path, const FitTargets& targets,
                                       const std::vector<double>& values) {
  const std::string base_dir = std::filesystem::path(model_path).parent_path().string();
  const ModelConfig config = parse_model_config(model_text(model, targets, values), model_path, base_dir);
  std::map<std::string, ProtocolResult> runs;
  auto run = [&](const std::string& name) -> const ProtocolResult& {
    if (!runs.count(name)) runs.emplace(name, run_protocol(targets.protocols.at(name), config, nullptr));
    return runs.at(name);
  };
  std::vector<FitResidual> out;
  for (const auto& t : targets.scalars) {
    double model_value = result_number(run(t.protocol), t.result, t.where + ".result");
    if (!t.minus_protocol.empty()) model_value -= result_number(run(t.minus_protocol), t.minus_result, t.where + ".minus_result");
    if (t.logarithmic && !(model_value > 0.0))
      throw InputError(t.where + ".scale", "the model gives " + std::to_string(model_value) + ", not > 0, for a log-scale target");
    out.push_back({t.name, "scalar", NAN, t.value, model_value, t.sigma, t.logarithmic});
  }
  for (const auto& t : targets.curves)
    for (auto& r : curve_residuals(t, run(t.protocol))) out.push_back(r);
  return out;
}

FitResult fit_model(const toml::table& model, const std::string& model_path, const FitTargets& targets,
                    const std::function<void(const std::string&)>& progress) {
  FitResult result;
  for (const auto& p : targets.parameters) {
    result.names.push_back(p.name());
    result.start.push_back(p.start);
  }
  result.start_residuals = fit_residuals(model, model_path, targets, result.start);
  const auto m = static_cast<int>(result.start_residuals.size());
  const auto n = static_cast<int>(targets.parameters.size());
  if (m < n) throw InputError(targets.file, "has " + std::to_string(m) + " target values for " + std::to_string(n) + " parameters");

  FitProblem problem(model, model_path, targets, m, progress);
  Eigen::VectorXd u(n);
  for (int i = 0; i < n; ++i) u[i] = targets.parameters[static_cast<std::size_t>(i)].logarithmic ? std::log(result.start[static_cast<std::size_t>(i)]) : result.start[static_cast<std::size_t>(i)];
  Eigen::LevenbergMarquardt<FitProblem> lm(problem);
  lm.setMaxfev(std::max(1, targets.max_evaluations / (n + 2)));  // each Jacobian costs n + 1 evaluations
  lm.setXtol(1e-7);
  lm.setFtol(1e-10);
  const auto status = lm.minimize(u);
  result.status = lm_status_text(static_cast<int>(status));
  result.iterations = static_cast<int>(lm.iterations());

  result.fitted = problem.parameter_values(u);
  result.residuals = fit_residuals(model, model_path, targets, result.fitted);
  for (const auto& r : result.residuals) result.chi_squared += r.weighted() * r.weighted();
  Eigen::MatrixXd jacobian(m, n);
  problem.df(u, jacobian);
  result.evaluations = problem.evaluations + 2;
  result.variance_factor = m > n ? result.chi_squared / (m - n) : 1.0;
  const Eigen::MatrixXd cov_u = result.variance_factor * (jacobian.transpose() * jacobian).completeOrthogonalDecomposition().pseudoInverse();
  // Delta method: d value = value d ln(value) for logarithmic parameters.
  std::vector<double> scale(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) scale[static_cast<std::size_t>(i)] = targets.parameters[static_cast<std::size_t>(i)].logarithmic ? result.fitted[static_cast<std::size_t>(i)] : 1.0;
  result.covariance.assign(static_cast<std::size_t>(n), std::vector<double>(static_cast<std::size_t>(n)));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) result.covariance[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = scale[static_cast<std::size_t>(i)] * scale[static_cast<std::size_t>(j)] * cov_u(i, j);
  for (int i = 0; i < n; ++i) result.uncertainty.push_back(std::sqrt(std::max(0.0, result.covariance[static_cast<std::size_t>(i)][static_cast<std::size_t>(i)])));
  result.fitted_model_toml = model_text(model, targets, result.fitted);
  return result;
}

}  // namespace glassland::model
