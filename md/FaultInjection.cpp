#include "md/FaultInjection.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <string>

namespace glassland {

namespace {

struct KillPlan {
  std::string site;  // empty: no fault injection
  long pass = 0;
};

// Read once; a malformed value is ignored rather than aborting a user's run (the variable is a
// test hook, not an option).
KillPlan read_plan() {
  KillPlan plan;
  const char* text = std::getenv("GLASSLAND_KILL_AT");
  if (text == nullptr) return plan;
  const std::string value(text);
  const auto colon = value.rfind(':');
  if (colon == std::string::npos || colon == 0) return plan;
  char* end = nullptr;
  const long pass = std::strtol(value.c_str() + colon + 1, &end, 10);
  if (*end != '\0' || pass < 1) return plan;
  plan.site = value.substr(0, colon);
  plan.pass = pass;
  return plan;
}

}  // namespace

void fault_point(std::string_view site) {
  static const KillPlan plan = read_plan();
  static std::atomic<long> passes{0};
  if (plan.site.empty() || site != plan.site) return;
  if (passes.fetch_add(1) + 1 == plan.pass) ::kill(::getpid(), SIGKILL);
}

}  // namespace glassland
