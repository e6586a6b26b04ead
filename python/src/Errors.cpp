// Error mapping: a glassland::InputError (bad user input: file:line, TOML key or argument
// name + message) becomes a Python ValueError carrying the same one-line message, so Python
// users see exactly what the command line prints. Other C++ exceptions keep pybind11's
// default mapping (RuntimeError, MemoryError, ...): they are never silently swallowed.
#include "md/Error.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

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
