#include "bridge/cli/CommandSupport.hpp"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <fmt/format.h>

#include "md/Error.hpp"
#include "md/NumberText.hpp"
#include "md/PotentialRegistry.hpp"

namespace glassland::bridge {

void print_json(const nlohmann::json& object) { std::cout << object.dump(2) << std::endl; }

double require_positive(const std::string& option, double value) {
  if (!std::isfinite(value) || value <= 0.0) throw InputError(option, "must be a finite number > 0");
  return value;
}

void require_output_folder(const std::string& option, const std::string& path) {
  if (path.empty()) return;
  const std::filesystem::path folder = std::filesystem::path(path).parent_path();
  if (std::filesystem::is_directory(std::filesystem::path(path)))
    throw InputError(option, "'" + path + "' is a folder, expected a file name");
  if (!folder.empty() && !std::filesystem::is_directory(folder))
    throw InputError(option, "folder '" + folder.string() + "' does not exist");
}

void require_memory(const std::string& option, double bytes, const std::string& what) {
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  double kib = 0.0;
  while (meminfo >> key >> kib)
    if (key == "MemAvailable:") {
      const double available = kib * 1024.0;
      if (bytes > available)
        throw InputError(option, fmt::format("{} need about {:.3g} GB but only {:.3g} GB of memory are available", what,
                                             bytes / 1e9, available / 1e9));
      return;
    } else {
      meminfo.ignore(256, '\n');
    }
}

std::vector<double> parse_number_list(const std::string& option, const std::string& text) {
  std::vector<double> values;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ',')) {
    const std::optional<double> value = parse_finite(item);
    if (!value) throw InputError(option, "'" + item + "' is not a finite number");
    values.push_back(*value);
  }
  if (values.empty()) throw InputError(option, "give at least one number");
  return values;
}

std::vector<double> parse_number_list(const std::string& option, const std::string& text, std::size_t count) {
  std::vector<double> values = parse_number_list(option, text);
  if (values.size() != count)
    throw InputError(option, "expected " + std::to_string(count) + " comma-separated numbers, got '" + text + "'");
  return values;
}

}  // namespace glassland::bridge
