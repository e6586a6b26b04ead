#pragma once
// Helpers shared by command implementations: JSON printing and option validation.
#include <string>

#include <nlohmann/json.hpp>

namespace glassland::bridge {

/// Prints one JSON object on stdout (doubles at full round-trip precision).
void print_json(const nlohmann::json& object);

/// Throws InputError("--name", ...) unless value is finite and > 0.
double require_positive(const std::string& option, double value);

}  // namespace glassland::bridge
