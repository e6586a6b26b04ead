#pragma once
// Integrators by name. Every integrator (and the alias "nvt" of "nvt-nh") is registered in
// register_integrators() (IntegratorRegistry.cpp), nowhere else.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "md/Integrator.hpp"
#include "md/Registry.hpp"

namespace glassland::md {

using IntegratorFactory = std::function<std::unique_ptr<Integrator>(const IntegratorParameters&)>;

/// The one place where integrators are registered: nve, nvt-nh (alias nvt), nvt-langevin, npt.
void register_integrators(Registry<IntegratorFactory>& registry);
/// The registry, built once.
const Registry<IntegratorFactory>& integrators();

/// Creates the named integrator (validating the parameters); throws
/// InputError("ensemble", ...) listing the known names.
std::unique_ptr<Integrator> make_integrator(const std::string& name, const IntegratorParameters& parameters);

std::vector<std::string> integrator_names();

}  // namespace glassland::md
