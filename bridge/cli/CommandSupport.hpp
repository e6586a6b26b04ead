#pragma once
// Helpers shared by command implementations: JSON printing and option validation (and,
// through RunInputs.hpp, what every run needs to start from user files).
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bridge/RunInputs.hpp"

namespace glassland::bridge {

/// Prints one JSON object on stdout (doubles at full round-trip precision).
void print_json(const nlohmann::json& object);

/// Throws InputError("--name", ...) unless value is finite and > 0.
double require_positive(const std::string& option, double value);

/// Parses a comma-separated list of numbers ("0.1,0.2"); every item must be a whole finite
/// number. Throws InputError(option, ...) naming the bad item, or for an empty list.
std::vector<double> parse_number_list(const std::string& option, const std::string& text);

/// Throws InputError(option, ...) unless `path` is empty or its folder exists and is a
/// folder (checked before a run, so no output is written by a run that cannot finish).
void require_output_folder(const std::string& option, const std::string& path);

/// Throws InputError(option, ...) when `bytes` exceed the memory available now
/// (MemAvailable of /proc/meminfo; no check where that cannot be read), naming how much is needed.
void require_memory(const std::string& option, double bytes, const std::string& what);

/// The same with exactly `count` numbers (e.g. a ramp "T0,T1,rate").
std::vector<double> parse_number_list(const std::string& option, const std::string& text, std::size_t count);

}  // namespace glassland::bridge
