#pragma once
// Output files are written to a temporary sibling and renamed into place only when complete,
// so a failed run never leaves a partial file or destroys what the user already had.
#include <fstream>
#include <functional>
#include <string>

namespace glassland {

/// Calls `writer` on a stream to `path + ".tmp.<pid>"`, then renames it to `path`.
/// Throws InputError naming `path` if it cannot be written; the temporary is removed on failure.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& writer);

/// Same for binary content (e.g. a serialized catalog).
void write_bytes_atomically(const std::string& path, const std::string& bytes);

}  // namespace glassland
