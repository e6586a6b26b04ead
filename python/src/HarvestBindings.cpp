// Harvesting minima and saddles from MD into a Catalog (landscape/Harvester.hpp), with the
// defaults of `glassland harvest` (bridge/HarvestDefaults.hpp).
#include <pybind11/stl.h>

#include "bridge/HarvestDefaults.hpp"
#include "glassland/Version.hpp"
#include "landscape/Harvester.hpp"
#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "python/src/Bindings.hpp"
#include "python/src/PotentialHandle.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;

py::tuple harvest(const md::System& start, PotentialHandle& md_potential, double temperature, long steps,
                  std::uint64_t seed, PotentialHandle* landscape_potential, const py::object& resume_catalog,
                  const std::string& ensemble, double timestep, double damping, long quench_every, int snapshots,
                  int max_events, double fixed_prefactor, double hessian_radius, const py::object& progress,
                  long progress_every) {
  PotentialHandle& lp = landscape_potential ? *landscape_potential : md_potential;
  md_potential.check(start);
  if (lp.spec().units != md_potential.spec().units) throw InputError("landscape_potential", "units differ from potential");
  md::System system = start;
  md::apply_default_masses(system, md_potential.spec().type_mass);
  landscape::HarvestOptions h = bridge::harvest_command_defaults();
  h.temperature = temperature;
  h.steps = steps;
  h.seed = seed;
  h.ensemble = ensemble;
  h.timestep = timestep;
  h.damping = damping;
  h.quench_every = quench_every;
  h.snapshots_per_interval = snapshots;
  h.skin = md_potential.skin();
  h.max_events = max_events;
  h.analysis.fixed_prefactor = fixed_prefactor;
  h.analysis.refinement.local_radius = hessian_radius;
  auto report = progress_function<long, std::size_t, std::size_t>(progress);
  if (report) {
    if (progress_every < 1) throw InputError("progress_every", "must be >= 1");
    h.checkpoint_every = progress_every;
    h.checkpoint = [report](long step, const md::System&, const landscape::Catalog& c) {
      report(step, c.minimum_count(), c.saddle_count());
    };
  }
  h.validate();
  landscape::Provenance provenance;
  provenance.potential = lp.spec().name;
  provenance.units = md::unit_name(md_potential.spec().units);
  provenance.temperature = temperature;
  provenance.seed = seed;
  provenance.program_version = kVersion;
  provenance.created_by = "glassland python harvest (md potential " + md_potential.spec().name + ")";
  landscape::Catalog catalog =
      resume_catalog.is_none() ? landscape::Catalog(provenance) : resume_catalog.cast<landscape::Catalog>();
  landscape::HarvestReport r;
  {
    py::gil_scoped_release release;
    landscape::Harvester harvester(std::move(system), md_potential.spec().pair, lp.spec().pair, h);
    r = harvester.run(catalog);
  }
  py::dict report_dict("md_steps"_a = r.md_steps, "quenches"_a = r.quenches, "transitions"_a = r.transitions,
                       "flickers_skipped"_a = r.flickers_skipped, "events_added"_a = r.events_added,
                       "events_rejected"_a = r.events_rejected, "rejected_unconverged"_a = r.rejected_unconverged,
                       "rejected_not_first_order"_a = r.rejected_not_first_order,
                       "rejected_prefactor"_a = r.rejected_prefactor, "rejected_degenerate"_a = r.rejected_degenerate,
                       "intermediate_minima"_a = r.intermediate_minima,
                       "landscape_force_calls"_a = r.landscape_force_calls, "cpu_seconds"_a = r.cpu_seconds);
  return py::make_tuple(std::move(catalog), report_dict);
}

}  // namespace

void bind_harvest(py::module_& m) {
  const landscape::HarvestOptions d = bridge::harvest_command_defaults();
  m.def("harvest", &harvest, "system"_a, "potential"_a, "temperature"_a, "steps"_a, "seed"_a,
        "landscape_potential"_a = py::none(), "catalog"_a = py::none(), "ensemble"_a = d.ensemble,
        "timestep"_a = d.timestep, "damping"_a = d.damping, "quench_every"_a = d.quench_every,
        "snapshots"_a = d.snapshots_per_interval, "max_events"_a = d.max_events,
        "fixed_prefactor"_a = d.analysis.fixed_prefactor, "hessian_radius"_a = d.analysis.refinement.local_radius,
        "progress"_a = py::none(), "progress_every"_a = 1000,
        "Harvests minima and saddles from MD at `temperature` (temperature unit) for `steps` MD steps (seeded), "
        "as `glassland harvest` (same defaults): quench every quench_every steps, bisect, NEB with "
        "`landscape_potential` (default: `potential`; pass the smooth '-sf' preset as the CLI does), refine, "
        "Vineyard prefactors (1/time) or fixed_prefactor. timestep, damping: time unit; hessian_radius: length. "
        "`catalog` continues an existing Catalog. The starting System is not modified. progress(step, n_minima, "
        "n_saddles) every progress_every MD steps. Returns (Catalog, report dict). The GIL is released.");
}

}  // namespace glassland::python
