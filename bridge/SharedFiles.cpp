#include "bridge/SharedFiles.hpp"

#include <cstdlib>
#include <filesystem>

#include "md/Error.hpp"

namespace glassland::bridge {

namespace fs = std::filesystem;

namespace {
// /proc/self/exe: the executable's real path, so a symlink in ~/bin still finds its share/.
std::string executable_directory() {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string() : exe.parent_path().string();
}
}  // namespace

std::vector<std::string> shared_file_directories() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("GLASSLAND_DATA_DIR"); env != nullptr && *env != '\0') dirs.emplace_back(env);
  if (const std::string exe = executable_directory(); !exe.empty())
    dirs.push_back((fs::path(exe) / ".." / "share" / "glassland").lexically_normal().string());
  dirs.emplace_back(GLASSLAND_SOURCE_DIR);
  return dirs;
}

std::string shared_file(const std::string& relative) {
  std::string searched;
  for (const std::string& dir : shared_file_directories()) {
    const fs::path candidate = fs::path(dir) / relative;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate.string();
    searched += (searched.empty() ? "" : ", ") + dir;
  }
  throw InputError(relative, "not found in the glassland data directories (" + searched +
                                 "); set GLASSLAND_DATA_DIR to a copy of the share/glassland folder");
}

std::string shared_data_directory() {
  for (const std::string& dir : shared_file_directories()) {
    std::error_code ec;
    if (fs::is_directory(fs::path(dir) / "tools" / "plots", ec)) return dir;
  }
  return {};
}

}  // namespace glassland::bridge
