#include "bridge/CommandSupport.hpp"

#include <cmath>
#include <iostream>

#include "md/Error.hpp"

namespace glassland::bridge {

void print_json(const nlohmann::json& object) { std::cout << object.dump(2) << std::endl; }

double require_positive(const std::string& option, double value) {
  if (!std::isfinite(value) || value <= 0.0) throw InputError(option, "must be a finite number > 0");
  return value;
}

}  // namespace glassland::bridge
