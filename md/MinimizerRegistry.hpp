#pragma once
// Minimizers by name: "fire" (FIRE 2.0), "cg" (Polak-Ribiere conjugate gradient) and "lbfgs"
// (limited-memory BFGS without line search, for NEB bands).
// Every minimizer is registered in register_minimizers() (MinimizerRegistry.cpp), nowhere else.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "md/Minimizer.hpp"
#include "md/Registry.hpp"

namespace glassland::md {

using MinimizerFactory = std::function<std::unique_ptr<Minimizer>(const MinimizerOptions&)>;

/// The one place where minimizers are registered.
void register_minimizers(Registry<MinimizerFactory>& registry);
/// The registry, built once.
const Registry<MinimizerFactory>& minimizers();

/// Creates the named minimizer; throws InputError("minimizer", ...) listing the known names.
std::unique_ptr<Minimizer> make_minimizer(const std::string& name, const MinimizerOptions& options);

std::vector<std::string> minimizer_names();

}  // namespace glassland::md
