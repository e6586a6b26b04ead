// Nudged elastic band between two Systems (landscape/NudgedElasticBand.hpp), driven like
// `glassland neb`: both ends relaxed to their minima, the band linearly interpolated under the
// periodic minimum image, one force loop per image (landscape/ObjectivePool.hpp).
#include <cmath>

#include <pybind11/stl.h>

#include "landscape/InherentStructure.hpp"
#include "landscape/NudgedElasticBand.hpp"
#include "landscape/ObjectivePool.hpp"
#include "md/Error.hpp"
#include "python/src/Bindings.hpp"
#include "python/src/PotentialHandle.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;

Eigen::VectorXd relaxed_end(md::Objective& objective, const Eigen::VectorXd& x, double fmax, const std::string& which) {
  landscape::QuenchOptions q;
  q.fmax = fmax;
  try {
    return landscape::quench(objective, x, q).position;
  } catch (const InputError& e) {
    throw InputError(which, std::string("relaxing the end failed: ") + e.what());
  }
}

py::array_t<double> path_array(const std::vector<Eigen::VectorXd>& path) {
  const auto images = static_cast<py::ssize_t>(path.size());
  const auto atoms = static_cast<py::ssize_t>(path.empty() ? 0 : path.front().size() / 3);
  py::array_t<double> a({images, atoms, py::ssize_t{3}});
  double* p = a.mutable_data();
  for (const auto& x : path) p = std::copy(x.data(), x.data() + x.size(), p);
  return a;
}

py::dict neb(const md::System& initial, const md::System& final, PotentialHandle& potential,
             const landscape::NebOptions& options, bool relax_ends, double quench_fmax) {
  options.validate();
  potential.check(initial);
  potential.check(final);
  const md::System b = landscape::align_ends(initial, final, "final");
  const auto space = landscape::ConfigurationSpace::periodic(initial.box);
  Eigen::VectorXd xa = landscape::flat_positions(initial), xb = landscape::flat_positions(b);
  if (space.max_displacement(xa, xb) < 1e-8) throw InputError("final", "identical to initial");
  landscape::NebResult r;
  long end_calls = 0;
  {
    py::gil_scoped_release release;
    landscape::ObjectivePool pool(initial, potential.spec().pair, potential.skin(), options.images);
    if (relax_ends) {
      xa = relaxed_end(pool[0], xa, quench_fmax, "initial");
      xb = relaxed_end(pool[0], xb, quench_fmax, "final");
      end_calls = pool.evaluations();
    }
    landscape::NudgedElasticBand band(pool.pointers(), space,
                                      landscape::interpolate_path(space, xa, xb, options.images), options);
    r = band.run();
  }
  return py::dict("converged"_a = r.converged, "iterations"_a = r.iterations, "force_calls"_a = r.force_calls,
                  "end_relaxation_force_calls"_a = end_calls, "energies"_a = vector_copy(r.energies),
                  "arc_length"_a = vector_copy(r.arc_length), "path"_a = path_array(r.path),
                  "saddle_image"_a = r.saddle_image, "saddle_energy"_a = r.saddle_energy,
                  "barrier_forward"_a = r.barrier_forward, "barrier_reverse"_a = r.barrier_reverse,
                  "max_perpendicular_force"_a = r.max_perpendicular_force);
}

}  // namespace

void bind_neb(py::module_& m) {
  m.def(
      "neb",
      [](const md::System& initial, const md::System& final, PotentialHandle& potential, int images, bool climb,
         double fmax, double spring, bool energy_weighted, double spring_min, double climb_start,
         const std::string& minimizer, const std::string& fallback_minimizer, long max_iterations, double max_step,
         double timestep, bool relax_ends, double quench_fmax) {
        landscape::NebOptions o;
        o.images = images;
        o.climb = climb;
        o.fmax = fmax;
        o.spring = spring;
        o.energy_weighted = energy_weighted;
        o.spring_min = spring_min;
        o.climb_start_fmax = climb_start;
        o.minimizer = minimizer;
        o.fallback_minimizer = fallback_minimizer;
        o.max_iterations = max_iterations;
        o.max_step = max_step;
        o.timestep = timestep;
        return neb(initial, final, potential, o, relax_ends, quench_fmax);
      },
      "initial"_a, "final"_a, "potential"_a, "images"_a = 7, "climb"_a = true, "fmax"_a = 1e-3, "spring"_a = 5.0,
      "energy_weighted"_a = false, "spring_min"_a = 1.0, "climb_start"_a = 0.0, "minimizer"_a = "lbfgs",
      "fallback_minimizer"_a = "fire", "max_iterations"_a = 5000, "max_step"_a = 0.1, "timestep"_a = 0.05,
      "relax_ends"_a = true, "quench_fmax"_a = 1e-6,
      "(Climbing-image) nudged elastic band between two Systems with the same atoms (matched by id) and box, "
      "as `glassland neb`: ends relaxed first (quench_fmax, energy/length) unless relax_ends=False. images: "
      "interior images; fmax: convergence on the perpendicular and climbing forces (energy/length); spring "
      "(energy/length^2); max_step (length). Returns a dict: converged, iterations, force_calls, energies "
      "(images+2, energy), arc_length (length), path (images+2, n, 3) (length, unwrapped), saddle_image, "
      "saddle_energy, barrier_forward, barrier_reverse (energy), max_perpendicular_force. Does not raise when "
      "unconverged (check 'converged'). The GIL is released.");
}

}  // namespace glassland::python
