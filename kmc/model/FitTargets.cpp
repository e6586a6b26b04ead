#include "kmc/model/FitTargets.hpp"

#include <limits>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "kmc/model/TomlFields.hpp"
#include "md/NumberText.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
std::string read_text(const std::string& path, const std::string& where) {
  std::ifstream in(path);
  if (!in) throw InputError(where, "cannot open " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> cells;
  std::stringstream stream(line);
  std::string cell;
  while (std::getline(stream, cell, separator)) cells.push_back(cell);
  if (!line.empty() && line.back() == separator) cells.emplace_back();
  return cells;
}

double parse_cell(std::string cell, const std::string& where) {
  while (!cell.empty() && std::isspace(static_cast<unsigned char>(cell.back()))) cell.pop_back();
  std::size_t start = 0;
  while (start < cell.size() && std::isspace(static_cast<unsigned char>(cell[start]))) ++start;
  const std::optional<double> value = parse_finite(std::string_view(cell).substr(start));
  if (!value) throw InputError(where, "'" + cell + "' is not a finite number");
  return *value;
}

FitParameter read_parameter(const toml::node& node, const toml::table& model, const std::string& where) {
  const auto name = node.value_exact<std::string>();
  if (!name) throw InputError(where, "must be a string \"table.key\"");
  const auto dot = name->find('.');
  if (dot == std::string::npos) throw InputError(where, "'" + *name + "' is not of the form table.key");
  FitParameter p{name->substr(0, dot), name->substr(dot + 1)};
  const toml::node* value = model.at_path(*name).node();
  std::optional<double> start;
  if (value != nullptr) {
    if (auto d = value->value_exact<double>()) start = *d;
    else if (auto i = value->value_exact<std::int64_t>()) start = static_cast<double>(*i);
  }
  if (!start) throw InputError(where, "'" + *name + "' is not a number in the model file (set its start value there)");
  p.start = *start;
  p.logarithmic = p.start > 0.0;
  return p;
}

ScalarTarget read_scalar(TomlFields& f, const FitTargets& targets) {
  ScalarTarget t;
  t.where = f.where("");
  t.where.pop_back();  // "file: scalar[i]." -> "file: scalar[i]"
  t.name = f.required_text("name");
  t.protocol = f.required_text("protocol");
  if (!targets.protocols.count(t.protocol)) throw InputError(f.where("protocol"), "unknown protocol '" + t.protocol + "' (not in [protocols])");
  t.result = f.required_text("result");
  t.minus_protocol = f.text("minus_protocol", "");
  t.minus_result = f.text("minus_result", "");
  if (t.minus_protocol.empty() != t.minus_result.empty())
    throw InputError(f.where("minus_result"), "minus_protocol and minus_result go together");
  if (!t.minus_protocol.empty() && !targets.protocols.count(t.minus_protocol))
    throw InputError(f.where("minus_protocol"), "unknown protocol '" + t.minus_protocol + "' (not in [protocols])");
  t.value = f.required_number("value");
  t.sigma = f.required_positive("sigma");
  const std::string scale = f.text("scale", "linear");
  if (scale != "linear" && scale != "log") throw InputError(f.where("scale"), "must be \"linear\" or \"log\"");
  t.logarithmic = scale == "log";
  if (t.logarithmic && !(t.value > 0.0)) throw InputError(f.where("value"), "must be > 0 with scale = \"log\"");
  return t;
}

CurveTarget read_curve(TomlFields& f, const FitTargets& targets, const std::string& base_dir) {
  CurveTarget t;
  t.where = f.where("");
  t.where.pop_back();
  t.name = f.required_text("name");
  t.protocol = f.required_text("protocol");
  if (!targets.protocols.count(t.protocol)) throw InputError(f.where("protocol"), "unknown protocol '" + t.protocol + "' (not in [protocols])");
  t.step = static_cast<int>(f.integer("step", 0, 0, std::numeric_limits<int>::max()));
  if (t.step < 0 || t.step >= static_cast<int>(targets.protocols.at(t.protocol).steps.size()))
    throw InputError(f.where("step"), "is not a step of protocol '" + t.protocol + "'");
  t.x_column = f.required_text("x");
  t.y_column = f.required_text("y");
  t.sigma = f.required_positive("sigma");
  std::filesystem::path data = f.required_text("data");
  if (data.is_relative()) data = std::filesystem::path(base_dir) / data;
  const auto columns = read_csv_columns(read_text(data.string(), f.where("data")), data.string());
  for (const auto& column : {t.x_column, t.y_column})
    if (!columns.count(column)) throw InputError(f.where("data"), data.string() + " has no column '" + column + "'");
  t.x = columns.at(t.x_column);
  t.y = columns.at(t.y_column);
  if (t.x.empty()) throw InputError(f.where("data"), data.string() + " has no data rows (empty curve)");
  return t;
}
}  // namespace

std::map<std::string, std::vector<double>> read_csv_columns(const std::string& text, const std::string& name) {
  std::stringstream stream(text);
  std::string line;
  long number = 0;
  do {  // '#' comment lines may precede the header
    if (!std::getline(stream, line)) throw InputError(name, "is empty (needs a header line)");
    ++number;
  } while (!line.empty() && line[0] == '#');
  const auto header = split(line, ',');
  std::map<std::string, std::vector<double>> columns;
  for (const auto& h : header) columns[h];
  while (std::getline(stream, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    const auto cells = split(line, ',');
    if (cells.size() != header.size()) throw InputError(file_line(name, number), "expected " + std::to_string(header.size()) + " columns");
    for (std::size_t i = 0; i < cells.size(); ++i) columns[header[i]].push_back(parse_cell(cells[i], file_line(name, number)));
  }
  return columns;
}

FitTargets load_fit_targets(const std::string& path, const toml::table& model) {
  toml::table root;
  try {
    root = toml::parse(read_text(path, path), path);
  } catch (const toml::parse_error& e) {
    throw InputError(file_line(path, static_cast<long>(e.source().begin.line)), std::string(e.description()));
  }
  const std::string base_dir = std::filesystem::path(path).parent_path().string();
  FitTargets targets;
  targets.file = path;
  TomlFields top(&root, path, "");
  const toml::array* parameters = root["parameters"].as_array();
  if (parameters == nullptr || parameters->empty()) throw InputError(top.where("parameters"), "needs a list of model keys to fit");
  for (std::size_t i = 0; i < parameters->size(); ++i)
    targets.parameters.push_back(read_parameter(*parameters->get(i), model, top.where("parameters[" + std::to_string(i) + "]")));
  targets.max_evaluations = static_cast<int>(top.integer("max_evaluations", targets.max_evaluations));
  if (targets.max_evaluations < 1) throw InputError(top.where("max_evaluations"), "must be >= 1");
  targets.relative_step = top.positive("relative_step", targets.relative_step);

  const toml::table* protocols = root["protocols"].as_table();
  if (protocols == nullptr || protocols->empty()) throw InputError(top.where("protocols"), "needs a table name = \"protocol.toml\"");
  for (const auto& [key, value] : *protocols) {
    const auto file = value.value_exact<std::string>();
    if (!file) throw InputError(top.where("protocols." + std::string(key.str())), "must be a protocol file name");
    std::filesystem::path p = *file;
    if (p.is_relative()) p = std::filesystem::path(base_dir) / p;
    targets.protocols.emplace(std::string(key.str()), load_protocol(p.string()));
  }
  for (const char* kind : {"scalar", "curve"}) {
    const toml::node* list = root.get(kind);
    if (list == nullptr) continue;
    if (!list->is_array_of_tables()) throw InputError(top.where(kind), "must be [[" + std::string(kind) + "]] tables");
    int index = 0;
    for (const auto& node : *list->as_array()) {
      TomlFields f(node.as_table(), path, std::string(kind) + "[" + std::to_string(index++) + "]");
      if (std::string(kind) == "scalar") targets.scalars.push_back(read_scalar(f, targets));
      else targets.curves.push_back(read_curve(f, targets, base_dir));
      f.finish();
    }
  }
  if (targets.scalars.empty() && targets.curves.empty()) throw InputError(path, "needs at least one [[scalar]] or [[curve]] target");
  for (const auto& [key, value] : root) {
    const std::string k(key.str());
    if (k != "parameters" && k != "max_evaluations" && k != "relative_step" && k != "protocols" && k != "scalar" && k != "curve")
      throw InputError(top.where(k), "unknown key");
  }
  return targets;
}

}  // namespace glassland::model
