// The compiled part of the Python package `glassland` (imported as glassland._glassland;
// glassland/__init__.py re-exports it). Each area registers its classes and functions in its
// own file, in dependency order: errors first, then md, landscape, kmc and the landscape model.
#include "python/src/Bindings.hpp"

#include "glassland/Version.hpp"

PYBIND11_MODULE(_glassland, m) {
  using namespace glassland::python;
  m.doc() = "glassland engine: systems, potentials, minimizers, MD, NEB, harvest, catalogs, kMC, on-the-fly kMC, "
            "landscape model. Units are stated in every docstring.";
  m.attr("__version__") = glassland::kVersion;
  bind_errors(m);
  bind_system(m);
  bind_potential(m);
  bind_minimize(m);
  bind_dynamics(m);
  bind_neb(m);
  bind_harvest(m);
  bind_catalog(m);
  bind_kmc(m);
  bind_akmc(m);
  bind_model(m);
}
