#include "md/AtomicFile.hpp"

#include <cstdio>
#include <filesystem>
#include <unistd.h>

#include "md/Error.hpp"

namespace glassland {

namespace {
std::string temporary_name(const std::string& path) {
  return path + ".tmp." + std::to_string(::getpid());
}
}  // namespace

void write_file_atomically(const std::string& path,
                           const std::function<void(std::ostream&)>& writer) {
  const std::string tmp = temporary_name(path);
  try {
    {
      std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
      if (!out) throw InputError(path, "cannot open for writing");
      out.precision(17);
      writer(out);
      out.flush();
      if (!out) throw InputError(path, "write failed");
    }
    std::error_code ec;
    std::filesystem::rename(tmp, path, ec);
    if (ec) throw InputError(path, "cannot rename temporary file: " + ec.message());
  } catch (...) {
    std::remove(tmp.c_str());
    throw;
  }
}

void write_bytes_atomically(const std::string& path, const std::string& bytes) {
  write_file_atomically(path, [&](std::ostream& out) { out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())); });
}

}  // namespace glassland
