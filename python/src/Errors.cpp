// Error mapping: a glassland::InputError (bad user input: file:line, TOML key or argument
// name + message) becomes a Python ValueError carrying the same one-line message, so Python
// users see exactly what the command line prints. Other C++ exceptions keep pybind11's
// default mapping (RuntimeError, MemoryError, ...): they are never silently swallowed. A signal
// caught while a long call runs (Ctrl-C) surfaces as its Python exception (stop_if_interrupted).
#include "md/Error.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

void stop_if_interrupted() {
  py::gil_scoped_acquire gil;
  if (PyErr_CheckSignals() != 0) throw py::error_already_set();
}

void bind_errors(py::module_& m) {
  py::register_exception_translator([](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const InputError& e) {
      PyErr_SetString(PyExc_ValueError, e.what());
    }
  });
  m.attr("InputError") = py::handle(PyExc_ValueError);
}

}  // namespace glassland::python
