#include "md/AtomicFolder.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/FaultInjection.hpp"

namespace glassland {

namespace fs = std::filesystem;

namespace {

/// `folder` without a trailing separator, so that "<folder>.tmp.<pid>" is a sibling.
fs::path normal_folder(const std::string& folder) {
  fs::path p = fs::path(folder).lexically_normal();
  if (p.filename().empty() || p.filename() == "." || p.filename() == "..") {
    p = fs::absolute(p).lexically_normal();
    if (p.filename().empty()) p = p.parent_path();
  }
  return p;
}

/// Hard links (a copy where linking fails) of the entries of `from` that `to` does not have.
void carry_over(const fs::path& from, const fs::path& to) {
  for (const auto& entry : fs::directory_iterator(from)) {
    const fs::path target = to / entry.path().filename();
    if (fs::exists(fs::symlink_status(target))) continue;  // written by this run
    std::error_code ec;
    fs::copy(entry.path(), target, fs::copy_options::recursive | fs::copy_options::create_hard_links |
                                       fs::copy_options::copy_symlinks, ec);
    if (ec) fs::copy(entry.path(), target, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  }
}

}  // namespace

AtomicFolder::AtomicFolder(std::string folder, std::string option) : option_(std::move(option)) {
  const fs::path normal = normal_folder(folder);
  folder_ = normal.string();
  staging_ = temporary_path(folder_);
  std::error_code ec;
  if (fs::exists(normal, ec) && !fs::is_directory(normal, ec)) throw InputError(option_, folder + " is not a folder");
  if (!normal.parent_path().empty()) fs::create_directories(normal.parent_path(), ec);
  if (ec) throw InputError(option_, "cannot create folder " + normal.parent_path().string() + ": " + ec.message());
  remove_stale_temporaries(folder_);
  fs::remove_all(staging_, ec);
  if (!fs::create_directory(staging_, ec) || ec)
    throw InputError(option_, "cannot create folder " + staging_ + ": " + (ec ? ec.message() : "exists"));
}

AtomicFolder::~AtomicFolder() {
  std::error_code ignored;
  if (!committed_) fs::remove_all(staging_, ignored);
}

std::string AtomicFolder::path(const std::string& name) const { return staging_ + "/" + name; }

void AtomicFolder::commit() {
  std::error_code ec;
  const bool replacing = fs::exists(folder_, ec);
  try {
    if (replacing) carry_over(folder_, staging_);
  } catch (const fs::filesystem_error& e) {
    throw InputError(option_, "cannot keep the files of " + folder_ + ": " + e.code().message());
  }
  fault_point("commit");
  // Exchange keeps the old content under the staging name until it is removed below; a plain
  // rename (no folder yet) cannot replace anything.
  const int status = replacing ? ::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, folder_.c_str(), RENAME_EXCHANGE)
                               : ::rename(staging_.c_str(), folder_.c_str());
  if (status != 0) throw InputError(option_, "cannot replace " + folder_ + ": " + std::strerror(errno));
  committed_ = true;
  fault_point("committed");
  if (replacing) fs::remove_all(staging_, ec);  // after the exchange the staging name holds the old folder
}

}  // namespace glassland
