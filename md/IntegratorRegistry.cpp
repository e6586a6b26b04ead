#include "md/IntegratorRegistry.hpp"

#include "md/Error.hpp"
#include "md/LangevinBaoab.hpp"
#include "md/MtkNpt.hpp"
#include "md/NoseHooverNvt.hpp"
#include "md/VelocityVerlet.hpp"

namespace glassland::md {

namespace {
template <class T>
IntegratorFactory factory() {
  return [](const IntegratorParameters& p) -> std::unique_ptr<Integrator> { return std::make_unique<T>(p); };
}
}  // namespace

std::map<std::string, IntegratorFactory> register_integrators() {
  std::map<std::string, IntegratorFactory> table;
  table["nve"] = factory<VelocityVerlet>();
  table["nvt-nh"] = factory<NoseHooverNvt>();
  table["nvt-langevin"] = factory<LangevinBaoab>();
  table["npt"] = factory<MtkNpt>();
  return table;
}

std::vector<std::string> integrator_names() {
  std::vector<std::string> names;
  for (const auto& [name, unused] : register_integrators()) names.push_back(name);
  return names;
}

std::unique_ptr<Integrator> make_integrator(const std::string& name, const IntegratorParameters& parameters) {
  const std::string canonical = name == "nvt" ? "nvt-nh" : name;
  const auto table = register_integrators();
  const auto it = table.find(canonical);
  if (it == table.end()) {
    std::string known;
    for (const auto& [n, unused] : table) known += (known.empty() ? "" : ", ") + n;
    throw InputError("--ensemble", "unknown ensemble '" + name + "' (known: " + known + ", nvt)");
  }
  return it->second(parameters);
}

}  // namespace glassland::md
