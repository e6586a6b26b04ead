#pragma once
// Helpers of the fault-injection tests: seeded kill plans and what a folder holds.
#include <filesystem>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "tests/support/RunCommand.hpp"

namespace glassland::test {

/// Seeded kill plans over a run with `commits` atomic commits: `count` kills before a rename
/// ("commit:n") and `count` just after one ("committed:n"), n drawn from [first, commits], plus
/// always the last commit (the end of the run).
inline std::vector<std::string> kill_plans(int commits, int first, int count, unsigned seed) {
  std::mt19937 draw(seed);
  std::vector<std::string> plans{"commit:" + std::to_string(commits)};
  std::uniform_int_distribution<int> pick(first, commits);
  for (int i = 0; i < count; ++i) plans.push_back("commit:" + std::to_string(pick(draw)));
  for (int i = 0; i < count; ++i) plans.push_back("committed:" + std::to_string(pick(draw)));
  return plans;
}

/// Every kill plan of a run with `commits` commits: each commit, before and after its rename.
inline std::vector<std::string> every_kill_plan(int commits) {
  std::vector<std::string> plans;
  for (const std::string site : {"commit", "committed"})
    for (int pass = 1; pass <= commits; ++pass) plans.push_back(site + ":" + std::to_string(pass));
  return plans;
}

/// The n of a plan "<site>:<n>", and whether it kills before the rename.
inline int plan_pass(const std::string& plan) { return std::stoi(plan.substr(plan.find(':') + 1)); }
inline bool plan_before_rename(const std::string& plan) { return plan.rfind("commit:", 0) == 0; }

/// A folder name for a plan ("commit:3" -> "commit3").
inline std::string plan_folder(const std::string& plan) { return plan.substr(0, plan.find(':')) + plan.substr(plan.find(':') + 1); }

/// Relative path -> content of every regular file under `dir` (empty if there is no `dir`).
inline std::map<std::string, std::string> folder_content(const std::string& dir) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::exists(dir)) return files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.is_regular_file()) files[std::filesystem::relative(e.path(), dir).string()] = read_text(e.path().string());
  return files;
}

/// Names under `dir` (recursively) that are temporaries of some run ("*.tmp.<pid>").
inline std::vector<std::string> temporaries_in(const std::string& dir) {
  std::vector<std::string> found;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp.") != std::string::npos) found.push_back(e.path().string());
  return found;
}

}  // namespace glassland::test
