#pragma once
// Least-squares fit of landscape-model parameters to measured numbers and curves
// (`glassland landscape-model fit`; schema in docs/landscape-model.md). Residuals are
// (model - measured) / sigma over every scalar target and every point of every curve target;
// Eigen's Levenberg-Marquardt (unsupported/Eigen/LevenbergMarquardt, a MINPACK port) minimises
// their sum of squares over the parameters (positive ones in ln(value), so they stay positive),
// with a forward-difference Jacobian. Uncertainties: covariance = s^2 (J^T J)^-1 at the optimum,
// s^2 = chi^2 / (m - p) when there are more residuals m than parameters p, else 1 (then the
// uncertainties follow from the targets' sigmas alone).
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "kmc/model/FitTargets.hpp"

namespace glassland::model {

/// One residual: a scalar target (x = NaN) or one point of a curve target.
struct FitResidual {
  std::string target, kind;  ///< kind: "scalar" or "curve"
  double x = 0.0, measured = 0.0, model = 0.0, sigma = 1.0;
  bool logarithmic = false;  ///< residual in ln units (scale = "log")
  double weighted() const { return (logarithmic ? std::log(model / measured) : model - measured) / sigma; }
};

struct FitResult {
  std::vector<std::string> names;               ///< "table.key"
  std::vector<double> start, fitted, uncertainty;  ///< parameter values in their model units
  std::vector<std::vector<double>> covariance;  ///< of the parameter values
  std::vector<FitResidual> start_residuals, residuals;  ///< before and after the fit
  double chi_squared = 0.0;                     ///< sum of weighted residuals squared
  double variance_factor = 1.0;                 ///< s^2 used in the covariance
  int evaluations = 0, iterations = 0;          ///< model evaluations (all protocols), LM iterations
  std::string status;                           ///< why the minimiser stopped
  std::string fitted_model_toml;                ///< the model file with the fitted values
};

/// Fits `targets.parameters` of `model` (the parsed model file `model_path`; relative paths in
/// it resolve from its folder). `progress` receives one line per model evaluation.
FitResult fit_model(const toml::table& model, const std::string& model_path, const FitTargets& targets,
                    const std::function<void(const std::string&)>& progress);

/// The model residuals at `values` (one per parameter) without fitting (tests, plots).
std::vector<FitResidual> fit_residuals(const toml::table& model, const std::string& model_path, const FitTargets& targets,
                                       const std::vector<double>& values);

/// Why Eigen's Levenberg-Marquardt stopped (its LevenbergMarquardtSpace::Status as int), in words.
std::string lm_status_text(int status);

}  // namespace glassland::model
