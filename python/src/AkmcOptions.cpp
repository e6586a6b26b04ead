// glassland.AkmcOptions: one attribute per option of `glassland akmc`, registered from one
// table (name, member, doc) so the keyword constructor, the attribute list and the docs agree.
#include "python/src/AkmcOptions.hpp"

#include <cmath>
#include <functional>
#include <map>
#include <type_traits>

#include <pybind11/stl.h>

#include <fmt/format.h>

#include "bridge/akmc/AkmcDefaults.hpp"
#include "md/Error.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;
using Options = py::class_<AkmcOptions>;

/// Attribute `name` read and written through `member(options)` (a reference into the structs);
/// its Python type follows from the member's.
template <class Member>
void attribute(Options& c, std::vector<std::string>& names, const char* name, Member member, const char* doc) {
  using T = std::remove_reference_t<std::invoke_result_t<Member, AkmcOptions&>>;
  c.def_property(
      name, [member](AkmcOptions& o) { return member(o); }, [member](AkmcOptions& o, T value) { member(o) = value; },
      doc);
  names.emplace_back(name);
}

/// The command line's check of a number while parsing (bridge/cli/StrictOptions.cpp), same message,
/// named by the attribute (the command line names its flag).
template <class T>
void require(bool ok, const char* name, T value, const char* what) {
  if (!ok) throw InputError(name, fmt::format("'{}' must be a number {}", value, what));
}

/// The attribute that sets a library field, where the two are spelled differently.
std::string attribute_of(const std::string& field) {
  static const std::map<std::string, std::string> renamed{{"batch_size", "batch"}, {"moved_threshold", "moved"}};
  const auto it = renamed.find(field);
  return it == renamed.end() ? field : it->second;
}

std::vector<std::string> register_attributes(Options& c) {
  std::vector<std::string> n;
  using O = AkmcOptions;
  attribute(c, n, "batch", [](O& o) -> auto& { return o.exploration.batch_size; },
            "Saddle searches per batch (independent of threads). Default 8.");
  attribute(c, n, "min_searches", [](O& o) -> auto& { return o.exploration.min_searches; },
            "Searches per state before completeness is judged. Default 16.");
  attribute(c, n, "max_searches", [](O& o) -> auto& { return o.exploration.max_searches; },
            "At most this many searches per state. Default 200.");
  attribute(c, n, "confidence", [](O& o) -> auto& { return o.exploration.completeness.confidence; },
            "Completeness confidence to reach, in (0, 1). Default 0.95.");
  attribute(c, n, "window", [](O& o) -> auto& { return o.exploration.completeness.window_kT; },
            "Thermal window above the lowest barrier (in kT). Default 20.");
  attribute(c, n, "fixed_searches", [](O& o) -> auto& { return o.exploration.completeness.fixed_searches; },
            "> 0: exactly this many searches per state instead of the confidence rule. Default 0.");
  attribute(c, n, "prefactor", [](O& o) -> auto& { return o.exploration.prefactor.constant; },
            "Constant attempt frequency (1/time); 0: Vineyard prefactors from Hessians. Default 0.");
  attribute(c, n, "hessian_radius",
            [](O& o) -> auto& { return o.exploration.prefactor.refinement.local_radius; },
            "Prefactor Hessians: atoms within this of the event's core atoms (length). Default 2.5.");
  attribute(c, n, "hessian_fraction", [](O& o) -> auto& { return o.exploration.prefactor.displacement_fraction; },
            "Prefactor Hessians: core atoms carry this share of the event's squared displacement, in (0, 1]. "
            "Default 0.9.");
  attribute(c, n, "forward_differences", [](O& o) -> auto& { return o.exploration.prefactor.forward_differences; },
            "Prefactor Hessians by forward differences (False = --central-differences). Default True.");
  attribute(c, n, "moved", [](O& o) -> auto& { return o.exploration.moved_threshold; },
            "Atoms moving more than this take part in an event (length). Default 0.3.");
  attribute(c, n, "recycle_radius", [](O& o) -> auto& { return o.exploration.recycle_radius; },
            "Recycle saddles further than this from the moved atoms (length). Default 3.");
  attribute(c, n, "recycle", [](O& o) -> auto& { return o.exploration.recycle; },
            "Recycle the previous state's saddles (False = --no-recycle). Default True.");
  attribute(c, n, "topology_reuse", [](O& o) -> auto& { return o.exploration.topology.enabled; },
            "Transplant events to atoms with the same environment key (False = --no-topology-reuse).");
  attribute(c, n, "topology_radius",
            [](O& o) -> auto& { return o.exploration.topology.transplant.environment.radius; },
            "Environment key radius around an event's centre atom (length). Default 2.");
  attribute(c, n, "topology_bond",
            [](O& o) -> auto& { return o.exploration.topology.transplant.environment.bond_cutoff; },
            "Environment key bond cutoff (length). Default 1.5.");
  attribute(c, n, "topology_rmsd", [](O& o) -> auto& { return o.exploration.topology.transplant.max_rmsd; },
            "Largest RMSD of the environment map for a transplanted guess (length). Default 0.2.");
  attribute(c, n, "topology_max_guesses",
            [](O& o) -> auto& { return o.exploration.topology.max_guesses_per_event; },
            "Equivalent atoms tried per event. Default 64.");
  attribute(c, n, "search_fmax", [](O& o) -> auto& { return o.search.fmax; },
            "Saddle convergence force (energy/length). Default 1e-3.");
  attribute(c, n, "displacement_radius", [](O& o) -> auto& { return o.search.displacement_radius; },
            "Initial displacement radius (length). Default 1.5.");
  attribute(c, n, "displacement", [](O& o) -> auto& { return o.search.displacement_magnitude; },
            "Initial displacement standard deviation (length). Default 0.1.");
  attribute(c, n, "search_iterations", [](O& o) -> auto& { return o.search.max_iterations; },
            "Climbing iterations per search. Default 300.");
  attribute(c, n, "superbasins", [](O& o) -> auto& { return o.kinetics.superbasins; },
            "Flicker acceleration by superbasins (False = --no-superbasins). Default True.");
  attribute(c, n, "threads", [](O& o) -> auto& { return o.threads; },
            "OpenMP threads (0: all). Results do not depend on it. Default 0.");
  return n;
}

}  // namespace

AkmcOptions AkmcOptions::command_line_defaults() {
  AkmcOptions o;
  o.exploration = bridge::akmc_exploration_defaults();
  o.search = bridge::akmc_search_defaults();
  return o;
}

AkmcOptions AkmcOptions::validated() const {
  // The checks the command line makes while parsing (bridge/cli/StrictOptions.hpp), then the
  // engine's own (which name the field as the attribute of the same name).
  const auto& c = exploration.completeness;
  const auto& s = search;
  require(c.confidence > 0.0 && c.confidence < 1.0, "confidence", c.confidence, "in (0, 1)");
  require(c.window_kT >= 0.0 && std::isfinite(c.window_kT), "window", c.window_kT, ">= 0");
  require(c.fixed_searches >= 0, "fixed_searches", c.fixed_searches, ">= 0");
  const double radius = exploration.prefactor.refinement.local_radius;
  require(radius > 0.0 && std::isfinite(radius), "hessian_radius", radius, "> 0");
  require(s.fmax > 0.0 && std::isfinite(s.fmax), "search_fmax", s.fmax, "> 0");
  require(s.displacement_radius > 0.0 && std::isfinite(s.displacement_radius), "displacement_radius",
          s.displacement_radius, "> 0");
  require(s.displacement_magnitude >= 0.0 && std::isfinite(s.displacement_magnitude), "displacement",
          s.displacement_magnitude, ">= 0");
  require(s.max_iterations > 0, "search_iterations", s.max_iterations, "> 0");
  if (threads < 0) throw InputError("threads", "must be >= 0 (0: all)");
  AkmcOptions o = *this;
  if (c.fixed_searches > 0) o.exploration.min_searches = std::min(o.exploration.min_searches, c.fixed_searches);
  try {
    o.exploration.validate();
  } catch (const InputError& e) {
    throw InputError(attribute_of(e.where()), e.message());
  }
  o.search.validate();
  return o;
}

void bind_akmc_options(py::module_& m) {
  Options c(m, "AkmcOptions",
            "Options of an on-the-fly kMC run (glassland.Akmc), with the defaults of `glassland akmc`. Each attribute "
            "is the command-line option of the same name (min_searches = --min-searches; recycle, topology_reuse, "
            "superbasins = the --no-... flags); errors name the attribute where the command line names its option. "
            "AkmcOptions(**attributes) sets attributes; an unknown name is a ValueError.");
  static const std::vector<std::string> names = register_attributes(c);
  c.def(py::init([](const py::kwargs& values) {
          py::object options = py::cast(AkmcOptions::command_line_defaults());
          for (const auto& [key, value] : values) {
            const std::string name = py::str(key);
            if (std::find(names.begin(), names.end(), name) == names.end()) {
              std::string known;
              for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
              throw InputError(name, "not an aKMC option (known: " + known + ")");
            }
            options.attr(key) = value;
          }
          return options.cast<AkmcOptions>();
        }),
        "Options with the command-line defaults, changed by keyword (e.g. AkmcOptions(fixed_searches=8)).");
  c.def_property_readonly_static("names", [](const py::object&) { return names; }, "The attribute names.");
  c.def("__repr__", [](const py::object& self) {
    std::string text = "AkmcOptions(";
    for (std::size_t i = 0; i < names.size(); ++i)
      text += (i ? ", " : "") + names[i] + "=" + py::repr(self.attr(names[i].c_str())).cast<std::string>();
    return text + ")";
  });
}

}  // namespace glassland::python
