#pragma once
// Shared pieces of the Python bindings: one registration function per area (each in its own
// file, called in order from Module.cpp) and the numpy <-> library conversions they share.
//
// Conventions of the whole module:
//  - glassland::InputError becomes ValueError with the same one-line message (Errors.cpp);
//    every array from Python is checked for shape and finiteness here before it reaches the
//    library, so bad input never reaches a hot loop (the library does not re-check).
//  - Long calls release the GIL; an optional `progress` callable is called with the GIL held.
//  - Per-atom arrays of a System are numpy views into its memory (no copy); everything else is
//    returned as new arrays.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "md/Box.hpp"
#include "md/TemperatureSchedule.hpp"
#include "md/Units.hpp"

namespace glassland::python {

namespace py = pybind11;

void bind_errors(py::module_& m);
void bind_system(py::module_& m);
void bind_potential(py::module_& m);
void bind_minimize(py::module_& m);
void bind_dynamics(py::module_& m);
void bind_neb(py::module_& m);
void bind_harvest(py::module_& m);
void bind_catalog(py::module_& m);
void bind_kmc(py::module_& m);
void bind_akmc(py::module_& m);
void bind_model(py::module_& m);

/// Contiguous float64 array of shape (rows, 3) (rows < 0: any) with every entry finite;
/// throws InputError(name, ...) otherwise. Converts lists and other dtypes (a copy then).
py::array_t<double, py::array::c_style | py::array::forcecast> xyz_array(const py::handle& object,
                                                                         const std::string& name, long rows = -1);
/// Same for a 1-D array of `size` entries (size < 0: any).
py::array_t<double, py::array::c_style | py::array::forcecast> vector_array(const py::handle& object,
                                                                            const std::string& name, long size = -1);
/// A (rows, 3) float64 view of contiguous Vec3 storage, kept alive by `owner`.
py::array_t<double> vec3_view(std::vector<md::Vec3>& data, const py::handle& owner);
/// A new (rows, 3) float64 array with a copy of `data`.
py::array_t<double> vec3_copy(const std::vector<md::Vec3>& data);
/// A new (3, 3) array from an Eigen matrix.
py::array_t<double> matrix_copy(const md::Mat3& matrix);
/// A new 1-D array from a vector.
py::array_t<double> vector_copy(const std::vector<double>& data);

/// A new 1-D array of n entries get(0), ..., get(n - 1) converted to T (a column of a table).
template <class T, class Get>
py::array_t<T> column(std::size_t n, Get get) {
  py::array_t<T> a(static_cast<py::ssize_t>(n));
  T* p = a.mutable_data();
  for (std::size_t i = 0; i < n; ++i) p[i] = static_cast<T>(get(i));
  return a;
}

/// kT(t): a constant thermal energy (float, energy unit) or a Schedule of kT against time;
/// InputError(name, ...) for a float that is not finite and > 0.
md::TemperatureSchedule thermal_energy(const py::object& temperature, const std::string& name);

/// "lj" / "metal" -> UnitSystem (InputError("units", ...) otherwise).
md::UnitSystem parse_units(const std::string& name);

/// Raises the pending Python exception of a signal (Ctrl-C: KeyboardInterrupt) as
/// py::error_already_set; takes the GIL (callable from a GIL-free long call on the main thread).
void stop_if_interrupted();

/// A progress callable from Python (None -> empty function). The returned function takes the
/// GIL, calls it, and lets a Python exception (e.g. KeyboardInterrupt) propagate; it also
/// checks for Ctrl-C.
template <class... Args>
std::function<void(Args...)> progress_function(const py::object& callback) {
  if (callback.is_none()) return {};
  // Shared so that copies made by the library while the GIL is released never touch Python
  // reference counts; the last copy releases the callable with the GIL held.
  std::shared_ptr<py::object> held(new py::object(callback), [](py::object* o) {
    py::gil_scoped_acquire gil;
    delete o;
  });
  return [held](Args... args) {
    py::gil_scoped_acquire gil;
    (*held)(args...);
    stop_if_interrupted();
  };
}

}  // namespace glassland::python
