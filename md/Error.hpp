#pragma once
// The two exception types: InputError for user errors (bad input files, parameters, options),
// which the command line turns into a single line "glassland: <where>: <what>" and exit 1; and
// InternalError for a broken invariant of the code itself (a bug, never the user's input),
// reported as "glassland: internal error: ..." with exit 70 (EX_SOFTWARE).
#include <stdexcept>
#include <string>

namespace glassland {

class InputError : public std::runtime_error {
public:
  /// `where` names the origin: a file and line ("glass.data:12"), a TOML key
  /// ("model.toml: alpha.T0"), or the field of a library's options ("timestep"). Library code
  /// never names command-line flags: the command line maps fields to its own flags
  /// (bridge/cli/OptionNames.hpp).
  InputError(const std::string& where, const std::string& message)
      : std::runtime_error(where.empty() ? message : where + ": " + message), where_(where), message_(message) {}
  const std::string& where() const { return where_; }
  /// What is wrong, without `where`.
  const std::string& message() const { return message_; }

private:
  std::string where_;
  std::string message_;
};

/// A broken invariant of the code (not of the input): report it as a bug.
class InternalError : public std::logic_error {
public:
  explicit InternalError(const std::string& message) : std::logic_error(message) {}
};

/// "file:line" helper for error locations.
inline std::string file_line(const std::string& file, long line) {
  return file + ":" + std::to_string(line);
}

}  // namespace glassland
