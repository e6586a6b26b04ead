#pragma once
// The one exception type for user errors (bad input files, parameters, options).
// The command line turns it into a single line "glassland: <what>" and a non-zero exit.
#include <stdexcept>
#include <string>

namespace glassland {

class InputError : public std::runtime_error {
public:
  /// `where` names the origin: a file and line ("glass.data:12"), a TOML key
  /// ("model.toml: alpha.T0"), or a command-line option ("--dt").
  InputError(const std::string& where, const std::string& message)
      : std::runtime_error(where.empty() ? message : where + ": " + message), where_(where) {}
  const std::string& where() const { return where_; }

private:
  std::string where_;
};

/// "file:line" helper for error locations.
inline std::string file_line(const std::string& file, long line) {
  return file + ":" + std::to_string(line);
}

}  // namespace glassland
