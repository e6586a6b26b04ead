#include "md/IntegratorRegistry.hpp"

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

void register_integrators(Registry<IntegratorFactory>& registry) {
  registry.add("nve", factory<VelocityVerlet>());
  registry.add("nvt-nh", factory<NoseHooverNvt>());
  registry.alias("nvt", "nvt-nh");
  registry.add("nvt-langevin", factory<LangevinBaoab>());
  registry.add("npt", factory<MtkNpt>());
}

const Registry<IntegratorFactory>& integrators() {
  static const Registry<IntegratorFactory> registry = [] {
    Registry<IntegratorFactory> r("ensemble", "ensemble");
    register_integrators(r);
    return r;
  }();
  return registry;
}

std::vector<std::string> integrator_names() { return integrators().names(); }

std::unique_ptr<Integrator> make_integrator(const std::string& name, const IntegratorParameters& parameters) {
  return integrators().at(name)(parameters);
}

}  // namespace glassland::md
