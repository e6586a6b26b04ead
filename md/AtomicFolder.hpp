#pragma once
// An output folder whose files are committed together (issue 16: a kill must not leave a mix
// of an earlier run's files and this run's). The files are written into a staging folder
// "<folder>.tmp.<pid>" next to it; commit() then carries over, as hard links, whatever else the
// existing folder holds (files of the user or of other commands are kept) and swaps the two
// folders with one rename (renameat2 RENAME_EXCHANGE), so the folder is at every instant either
// entirely the old one or entirely the new one. A staging folder left by a killed run (its
// process is gone) is removed by the next AtomicFolder of the same folder.
#include <string>

namespace glassland {

class AtomicFolder {
public:
  /// Creates the staging folder (and the parents of `folder`); throws InputError naming `option`.
  AtomicFolder(std::string folder, std::string option);
  /// Removes the staging folder unless committed (a failed run changes nothing).
  ~AtomicFolder();
  AtomicFolder(const AtomicFolder&) = delete;
  AtomicFolder& operator=(const AtomicFolder&) = delete;

  /// Where to write the output file `name` (inside the staging folder).
  std::string path(const std::string& name) const;
  /// Makes the staged files the folder's content (fault points "commit" and "committed").
  void commit();

private:
  std::string folder_, option_, staging_;
  bool committed_ = false;
};

}  // namespace glassland
