#include "md/AtomicFile.hpp"

#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <signal.h>
#include <unistd.h>

#include "md/Error.hpp"
#include "md/FaultInjection.hpp"

namespace glassland {

std::string temporary_path(const std::string& path) { return path + ".tmp." + std::to_string(::getpid()); }

// A run killed while writing leaves `path.tmp.<pid>` behind (a file, or the staging folder of
// md/AtomicFolder.hpp). The next write of the same path removes those whose process no longer
// exists (a live one may be another run's).
void remove_stale_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const std::string prefix = target.filename().string() + ".tmp.";
  std::error_code ec;
  for (fs::directory_iterator it(target.parent_path().empty() ? fs::path(".") : target.parent_path(), ec), end;
       !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.size() > 9 || digits.find_first_not_of("0123456789") != std::string::npos) continue;
    const pid_t pid = static_cast<pid_t>(std::stol(digits));
    if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) {
      std::error_code ignored;
      fs::remove_all(it->path(), ignored);
    }
  }
}

std::string write_temporary(const std::string& path, const std::function<void(std::ostream&)>& writer) {
  remove_stale_temporaries(path);
  const std::string tmp = temporary_path(path);
  try {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path, "cannot open for writing");
    out.precision(17);
    writer(out);
    out.flush();
    if (!out) throw InputError(path, "write failed");
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
  return tmp;
}

void commit_temporary(const std::string& temporary, const std::string& path) {
  fault_point("commit");
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::remove(temporary.c_str());
    throw InputError(path, "cannot rename temporary file: " + ec.message());
  }
  fault_point("committed");
}

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& writer) {
  commit_temporary(write_temporary(path, writer), path);
}

void write_bytes_atomically(const std::string& path, const std::string& bytes) {
  write_file_atomically(path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

}  // namespace glassland
