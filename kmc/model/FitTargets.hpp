#pragma once
// What `glassland landscape-model fit` fits (TARGETS.toml, schema in docs/landscape-model.md):
// the model keys to vary, the protocols to run, and the measured numbers and curves the runs
// must reproduce. Everything is validated when the file is read; a result a target names that
// a protocol does not produce is reported at the first evaluation, naming the target's key.
#include <map>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "kmc/model/Protocol.hpp"

namespace glassland::model {

/// One measured number: result (a JSON pointer into a protocol's results.json, e.g.
/// "/steps/1/delta_H_kJ_per_mol"), optionally minus another result (pairs and shifts).
struct ScalarTarget {
  std::string name, protocol, result;
  std::string minus_protocol, minus_result;  ///< empty: nothing subtracted
  double value = 0.0;                        ///< measured value (unit of the result)
  double sigma = 1.0;                        ///< its uncertainty: residual = (model - value) / sigma
  bool logarithmic = false;                  ///< compare ln(model) with ln(value) (times over decades); sigma in ln units
  std::string where;                         ///< "file: scalar[i]" for messages
};

/// One measured curve y(x) compared with columns of a step's CSV, linearly interpolated to the
/// measured x (which must lie inside the model's x range).
struct CurveTarget {
  std::string name, protocol, x_column, y_column;
  int step = 0;
  std::vector<double> x, y;  ///< measured points
  double sigma = 1.0;        ///< uncertainty of every point (unit of y)
  std::string where;
};

/// A model key varied by the fit, e.g. "beta.E_beta_eV", started from its value in the model.
struct FitParameter {
  std::string table, key;
  double start = 0.0;
  bool logarithmic = false;  ///< fitted as ln(value) (positive start): stays positive
  std::string name() const { return table + "." + key; }
};

struct FitTargets {
  std::vector<FitParameter> parameters;
  std::map<std::string, Protocol> protocols;  ///< by name ([protocols] table)
  std::vector<ScalarTarget> scalars;
  std::vector<CurveTarget> curves;
  int max_evaluations = 400;
  double relative_step = 1e-3;  ///< finite-difference step of the Jacobian (in ln(value) or value)
  std::string file;
};

/// Reads TARGETS.toml; parameters must name numbers present in `model` (the parsed model
/// file). InputError names "file: key" (or "file:line" in a curve's CSV).
FitTargets load_fit_targets(const std::string& path, const toml::table& model);

/// Columns of a CSV text with a header line ('#' comment lines allowed before it and between
/// rows); every cell must be a finite number (else
/// InputError naming `name`:line). Used for measured curves and the model's own CSV files.
std::map<std::string, std::vector<double>> read_csv_columns(const std::string& text, const std::string& name);

}  // namespace glassland::model
