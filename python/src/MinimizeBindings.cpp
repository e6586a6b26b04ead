// Minimizers (md/MinimizerRegistry.hpp: fire, cg, lbfgs) on a System's potential energy
// (md/SystemObjective.hpp), in place.
#include <pybind11/stl.h>

#include "md/Error.hpp"
#include "md/MinimizerRegistry.hpp"
#include "md/SystemObjective.hpp"
#include "python/src/Bindings.hpp"
#include "python/src/PotentialHandle.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;

/// Forwards to an objective and reports (evaluations, energy) every `every` evaluations.
class ReportingObjective : public md::Objective {
public:
  ReportingObjective(md::Objective& inner, std::function<void(long, double)> report, long every)
      : inner_(inner), report_(std::move(report)), every_(every) {}
  Eigen::Index dimension() const override { return inner_.dimension(); }
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) override {
    const double value = inner_.value_and_gradient(x, gradient);
    if (report_ && ++evaluations_ % every_ == 0) report_(evaluations_, value);
    return value;
  }

private:
  md::Objective& inner_;
  std::function<void(long, double)> report_;
  long every_;
};

py::dict minimize(md::System& system, PotentialHandle& potential, const std::string& minimizer, double fmax,
                  long max_iterations, double max_step, double timestep, double energy_tolerance,
                  const py::object& progress, long progress_every) {
  md::MinimizerOptions options;
  options.fmax = fmax;
  options.max_iterations = max_iterations;
  options.max_step = max_step;
  options.timestep = timestep;
  options.energy_tolerance = energy_tolerance;
  options.validate();
  auto method = md::make_minimizer(minimizer, options);
  potential.check(system);
  if (progress_every < 1) throw InputError("progress_every", "must be >= 1");
  auto report = progress_function<long, double>(progress);
  md::MinimizerResult r;
  {
    py::gil_scoped_release release;
    auto forces = make_force_compute(potential.spec(), potential.skin());
    md::SystemObjective objective(system, *forces);
    ReportingObjective reporting(objective, report, progress_every);
    Eigen::VectorXd x = objective.positions();
    r = method->minimize(reporting, x);
    Eigen::VectorXd gradient(x.size());
    r.value = objective.value_and_gradient(x, gradient);  // leaves positions and forces at the result
  }
  return py::dict("converged"_a = r.converged, "iterations"_a = r.iterations, "evaluations"_a = r.evaluations,
                  "energy"_a = r.value, "max_force"_a = r.max_force);
}

}  // namespace

void bind_minimize(py::module_& m) {
  m.def("minimize", &minimize, "system"_a, "potential"_a, "minimizer"_a = "fire", "fmax"_a = 1e-6,
        "max_iterations"_a = 10000, "max_step"_a = 0.1, "timestep"_a = 0.05, "energy_tolerance"_a = 0.0,
        "progress"_a = py::none(), "progress_every"_a = 100,
        "Relaxes `system` IN PLACE to a local minimum of `potential` with the named minimizer ('fire', 'cg', "
        "'lbfgs'). fmax: largest atomic force at convergence (energy/length); max_step: largest atomic move per "
        "iteration (length); timestep: FIRE's initial step; energy_tolerance: optional relative energy change. "
        "progress(evaluations, energy) is called every progress_every force calls. Returns a dict: converged, "
        "iterations, evaluations, energy (energy), max_force (energy/length). Does not raise when unconverged.");
  m.def("minimizer_names", &md::minimizer_names, "Registered minimizers.");
}

}  // namespace glassland::python
