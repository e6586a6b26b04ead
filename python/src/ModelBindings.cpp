// The coarse landscape model at laboratory timescales (kmc/model/): model files, protocols and
// their results (DSC, DMA, creep, trajectories). A protocol's CSV outputs are returned as text
// by name; glassland/__init__.py turns them into numpy columns.
// Units: laboratory (K, s, K/min, kJ/mol, Hz, MPa, GPa), see kmc/LabUnits.hpp.
#include <pybind11/stl.h>

#include "kmc/model/Protocol.hpp"
#include "python/src/Bindings.hpp"

// A Protocol owns its steps (vector of unique_ptr), which std::is_copy_constructible cannot see.
template <>
struct pybind11::detail::is_copy_constructible<glassland::model::Protocol> : std::false_type {};

namespace glassland::python {

namespace {

using namespace pybind11::literals;

py::object json_to_python(const nlohmann::json& value) {
  return py::module_::import("json").attr("loads")(value.dump());
}

py::tuple run_protocol(const model::ModelConfig& config, const model::Protocol& protocol, const py::object& progress) {
  auto report = progress_function<std::string>(progress);
  model::ProtocolResult result;
  {
    py::gil_scoped_release release;
    result = model::run_protocol(protocol, config, report ? report : [](const std::string&) {});
  }
  return py::make_tuple(result.files, json_to_python(result.summary));
}

}  // namespace

void bind_model(py::module_& m) {
  py::class_<model::ModelConfig>(m, "ModelConfig",
                                 "A landscape-model file (MODEL.toml, schema in docs/landscape-model.md): solver, "
                                 "units and parameters in laboratory units.")
      .def_static("load", &model::load_model_config, "path"_a, "Reads and validates MODEL.toml.")
      .def_static("parse", &model::parse_model_config, "text"_a, "name"_a = "<string>", "base_dir"_a = ".",
                  "From TOML text; `base_dir` resolves relative catalog paths.")
      .def_readwrite("solver", &model::ModelConfig::solver, "'master_equation', 'kmc' or 'tnm'.")
      .def_readwrite("units", &model::ModelConfig::units, "Relaxation units of the kmc solver.")
      .def_readwrite("seed", &model::ModelConfig::seed, "Seed of the kmc solver.")
      .def_property_readonly("derived", [](const model::ModelConfig& c) { return json_to_python(c.derived); },
                             "Derived numbers (echoed into results).");
  py::class_<model::Protocol>(m, "Protocol",
                              "A laboratory protocol (PROTOCOL.toml): start_K and [[step]] tables (ramp, hold, "
                              "two_step_ramp, schedule, cyclic_ramp, creep, dsc, kissinger, dma, frequency_sweep).")
      .def_static("load", &model::load_protocol, "path"_a)
      .def_static("parse", &model::parse_protocol, "text"_a, "name"_a = "<string>", "base_dir"_a = ".")
      .def_property_readonly("start_K", [](const model::Protocol& p) { return p.start_K; }, "Start temperature (K).")
      .def_property_readonly("steps", [](const model::Protocol& p) {
        std::vector<std::string> kinds;
        for (const auto& s : p.steps) kinds.push_back(s->kind());
        return kinds;
      }, "Kinds of the steps, in order.");
  m.def("_run_protocol", &run_protocol, "config"_a, "protocol"_a, "progress"_a = py::none(),
        "Runs `protocol` on a fresh sample of `config` equilibrated at start_K. Returns (files: name -> CSV/JSON "
        "text, summary dict). progress(message) after every step. The GIL is released.");
}

}  // namespace glassland::python
