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

// The two halves of write_file_atomically, for commands that write several files and rename
// them only once all are complete (md: a kill or a failure while writing changes none).
/// `path + ".tmp.<pid>"`.
std::string temporary_path(const std::string& path);
/// Writes `path`'s temporary (after removing those of dead processes) and returns its name.
std::string write_temporary(const std::string& path, const std::function<void(std::ostream&)>& writer);
/// Renames `temporary` to `path` (fault points "commit" before, "committed" after).
void commit_temporary(const std::string& temporary, const std::string& path);
/// Removes the temporaries of `path` that processes no longer running left behind.
void remove_stale_temporaries(const std::string& path);

}  // namespace glassland
