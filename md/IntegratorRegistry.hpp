#pragma once
// Integrators by name. Every integrator is registered in register_integrators()
// (IntegratorRegistry.cpp), nowhere else. "nvt" is accepted as an alias of "nvt-nh".
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "md/Integrator.hpp"

namespace glassland::md {

using IntegratorFactory = std::function<std::unique_ptr<Integrator>(const IntegratorParameters&)>;

/// The one place where integrators are registered: nve, nvt-nh, nvt-langevin, npt.
std::map<std::string, IntegratorFactory> register_integrators();

/// Creates the named integrator (validating the parameters); throws
/// InputError("--ensemble", ...) listing the known names.
std::unique_ptr<Integrator> make_integrator(const std::string& name, const IntegratorParameters& parameters);

std::vector<std::string> integrator_names();

}  // namespace glassland::md
