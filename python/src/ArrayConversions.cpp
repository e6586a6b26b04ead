// numpy <-> library conversions shared by every binding file. Inputs are validated here (shape,
// finiteness) so the library's hot loops, which never re-check, only see good numbers.
#include <cmath>

#include "md/Error.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

namespace {

using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

DoubleArray as_double_array(const py::handle& object, const std::string& name) {
  if (object.is_none()) throw InputError(name, "is None; expected an array of numbers");
  DoubleArray a = DoubleArray::ensure(object);  // null (error cleared) if not convertible
  if (!a) throw InputError(name, "expected an array of numbers");
  return a;
}

void require_finite(const DoubleArray& a, const std::string& name) {
  const double* p = a.data();
  for (py::ssize_t i = 0; i < a.size(); ++i)
    if (!std::isfinite(p[i])) throw InputError(name, "entry " + std::to_string(i) + " is not finite (NaN or inf)");
}

}  // namespace

DoubleArray xyz_array(const py::handle& object, const std::string& name, long rows) {
  DoubleArray a = as_double_array(object, name);
  if (a.ndim() != 2 || a.shape(1) != 3 || (rows >= 0 && a.shape(0) != rows)) {
    std::string got = "(";
    for (py::ssize_t d = 0; d < a.ndim(); ++d) got += (d ? ", " : "") + std::to_string(a.shape(d));
    got += a.ndim() == 1 ? ",)" : ")";
    const std::string expected = rows >= 0 ? "(" + std::to_string(rows) + ", 3)" : "(n, 3)";
    throw InputError(name, "expected shape " + expected + ", got " + got);
  }
  require_finite(a, name);
  return a;
}

DoubleArray vector_array(const py::handle& object, const std::string& name, long size) {
  DoubleArray a = as_double_array(object, name);
  if (a.ndim() != 1 || (size >= 0 && a.shape(0) != size))
    throw InputError(name, size >= 0 ? "expected " + std::to_string(size) + " numbers" : "expected a 1-D array of numbers");
  require_finite(a, name);
  return a;
}

py::array_t<double> vec3_view(std::vector<md::Vec3>& data, const py::handle& owner) {
  static_assert(sizeof(md::Vec3) == 3 * sizeof(double), "Vec3 must be three packed doubles for numpy views");
  const auto n = static_cast<py::ssize_t>(data.size());
  return py::array_t<double>({n, py::ssize_t{3}}, {py::ssize_t{3 * sizeof(double)}, py::ssize_t{sizeof(double)}},
                             reinterpret_cast<double*>(data.data()), owner);
}

py::array_t<double> vec3_copy(const std::vector<md::Vec3>& data) {
  py::array_t<double> a({static_cast<py::ssize_t>(data.size()), py::ssize_t{3}});
  double* p = a.mutable_data();
  for (const md::Vec3& v : data) {
    *p++ = v.x();
    *p++ = v.y();
    *p++ = v.z();
  }
  return a;
}

py::array_t<double> matrix_copy(const md::Mat3& matrix) {
  py::array_t<double> a({py::ssize_t{3}, py::ssize_t{3}});
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) a.mutable_at(i, j) = matrix(i, j);
  return a;
}

py::array_t<double> vector_copy(const std::vector<double>& data) {
  py::array_t<double> a(static_cast<py::ssize_t>(data.size()));
  std::copy(data.begin(), data.end(), a.mutable_data());
  return a;
}

md::TemperatureSchedule thermal_energy(const py::object& temperature, const std::string& name) {
  if (py::isinstance<md::TemperatureSchedule>(temperature)) return temperature.cast<md::TemperatureSchedule>();
  const double kT = temperature.cast<double>();
  if (!(kT > 0.0) || !std::isfinite(kT)) throw InputError(name, "kT must be finite and > 0 (energy)");
  return md::TemperatureSchedule({{0.0, kT}}, name);
}

md::UnitSystem parse_units(const std::string& name) {
  if (name == "lj") return md::UnitSystem::lj;
  if (name == "metal") return md::UnitSystem::metal;
  throw InputError("units", "expected \"lj\" or \"metal\", got \"" + name + "\"");
}

}  // namespace glassland::python
