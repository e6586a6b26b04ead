// Boxes and Systems (md/Box.hpp, md/System.hpp, md/LammpsData.hpp) from numpy arrays or LAMMPS
// data files. A System's per-atom arrays (positions, velocities, forces) are numpy views into
// its own memory: writing into them changes the System without a copy.
#include <algorithm>
#include <cmath>

#include <pybind11/stl.h>

#include "md/Error.hpp"
#include "md/LammpsData.hpp"
#include "md/System.hpp"
#include "python/src/Bindings.hpp"

namespace glassland::python {

namespace {

using namespace pybind11::literals;

double finite(double value, const std::string& name) {
  if (!std::isfinite(value)) throw InputError(name, "must be finite");
  return value;
}

md::Vec3 vec3(const py::handle& object, const std::string& name) {
  const auto a = vector_array(object, name, 3);
  return md::Vec3(a.at(0), a.at(1), a.at(2));
}

/// Box from its cell matrix with the edge vectors as rows (numpy/ASE convention) in the
/// LAMMPS orientation: a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz).
md::Box box_from_cell(const py::handle& cell, const py::handle& origin) {
  const auto h = xyz_array(cell, "cell", 3);
  if (h.at(0, 1) != 0.0 || h.at(0, 2) != 0.0 || h.at(1, 2) != 0.0)
    throw InputError("cell", "rows must be a = (lx, 0, 0), b = (xy, ly, 0), c = (xz, yz, lz) (LAMMPS orientation; "
                             "glassland.ase rotates general cells)");
  const md::Vec3 lo = origin.is_none() ? md::Vec3::Zero() : vec3(origin, "origin");
  return md::Box(lo, lo + md::Vec3(h.at(0, 0), h.at(1, 1), h.at(2, 2)), h.at(1, 0), h.at(2, 0), h.at(2, 1));
}

std::vector<int> int_vector(const py::handle& object, const std::string& name, std::size_t size) {
  py::array_t<long long, py::array::c_style | py::array::forcecast> a;
  try {
    a = py::cast<py::array_t<long long, py::array::c_style | py::array::forcecast>>(object);
  } catch (const py::cast_error&) {
    throw InputError(name, "expected an array of integers");
  }
  if (a.ndim() != 1 || static_cast<std::size_t>(a.shape(0)) != size)
    throw InputError(name, "expected " + std::to_string(size) + " integers");
  std::vector<int> out(size);
  for (std::size_t i = 0; i < size; ++i) {
    if (a.at(i) < 1 || a.at(i) > 1000000000LL) throw InputError(name, "entry " + std::to_string(i) + " must be >= 1");
    out[i] = static_cast<int>(a.at(i));
  }
  return out;
}

md::System make_system(const md::Box& box, const py::handle& types, const py::handle& positions,
                        const py::object& masses, const std::string& units, const py::object& ids,
                        const py::object& velocities) {
  const auto r = xyz_array(positions, "positions");
  const auto n = static_cast<std::size_t>(r.shape(0));
  md::System s;
  s.box = box;
  s.units = parse_units(units);
  const std::vector<int> type = int_vector(types, "types", n);
  std::vector<int> id(n);
  if (ids.is_none())
    for (std::size_t i = 0; i < n; ++i) id[i] = static_cast<int>(i + 1);
  else
    id = int_vector(ids, "ids", n);
  for (std::size_t i = 0; i < n; ++i) s.add_atom(id[i], type[i], md::Vec3(r.at(i, 0), r.at(i, 1), r.at(i, 2)));
  int ntypes = 0;
  for (int t : type) ntypes = std::max(ntypes, t);
  s.type_mass.assign(static_cast<std::size_t>(ntypes) + 1, 0.0);
  if (!masses.is_none()) {
    const auto m = vector_array(masses, "masses");
    if (m.shape(0) < ntypes) throw InputError("masses", "gives " + std::to_string(m.shape(0)) + " masses for " +
                                                            std::to_string(ntypes) + " atom types");
    s.type_mass.assign(static_cast<std::size_t>(m.shape(0)) + 1, 0.0);
    for (py::ssize_t t = 0; t < m.shape(0); ++t) {
      if (!(m.at(t) > 0.0)) throw InputError("masses", "must be > 0 (type " + std::to_string(t + 1) + ")");
      s.type_mass[static_cast<std::size_t>(t) + 1] = m.at(t);
    }
  }
  if (!velocities.is_none()) {
    const auto v = xyz_array(velocities, "velocities", static_cast<long>(n));
    for (std::size_t i = 0; i < n; ++i) s.velocity[i] = md::Vec3(v.at(i, 0), v.at(i, 1), v.at(i, 2));
  }
  std::vector<int> sorted = s.id;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) throw InputError("ids", "must be unique");
  md::check_no_overlaps(s, "positions");
  return s;
}

void set_vec3(std::vector<md::Vec3>& target, const py::handle& values, const std::string& name) {
  const auto a = xyz_array(values, name, static_cast<long>(target.size()));
  for (std::size_t i = 0; i < target.size(); ++i) target[i] = md::Vec3(a.at(i, 0), a.at(i, 1), a.at(i, 2));
}

py::array_t<int> int_copy(const std::vector<int>& data) {
  py::array_t<int> a(static_cast<py::ssize_t>(data.size()));
  std::copy(data.begin(), data.end(), a.mutable_data());
  return a;
}

void bind_box(py::module_& m) {
  py::class_<md::Box>(m, "Box",
                      "Periodic cell in the LAMMPS convention: origin lo, edge vectors a = (lx, 0, 0), "
                      "b = (xy, ly, 0), c = (xz, yz, lz). Lengths in the system's length unit "
                      "(LJ: sigma; metal: Angstrom).")
      .def(py::init([](const py::handle& lo, const py::handle& hi, double xy, double xz, double yz) {
             return md::Box(vec3(lo, "lo"), vec3(hi, "hi"), finite(xy, "xy"), finite(xz, "xz"), finite(yz, "yz"));
           }),
           "lo"_a, "hi"_a, "xy"_a = 0.0, "xz"_a = 0.0, "yz"_a = 0.0,
           "Box from corners lo, hi (3 lengths each) and tilt factors xy, xz, yz (length).")
      .def_static("from_cell", &box_from_cell, "cell"_a, "origin"_a = py::none(),
                  "Box from a 3x3 cell whose ROWS are the edge vectors a, b, c (length), in the LAMMPS "
                  "orientation (a along x, b in the xy plane), and an optional origin (length).")
      .def_property_readonly("lo", [](const md::Box& b) { return vector_copy({b.lo().x(), b.lo().y(), b.lo().z()}); },
                             "Origin (length).")
      .def_property_readonly("hi", [](const md::Box& b) { return vector_copy({b.hi().x(), b.hi().y(), b.hi().z()}); },
                             "Upper corner lo + (lx, ly, lz) (length).")
      .def_property_readonly("tilt", [](const md::Box& b) { return vector_copy({b.xy(), b.xz(), b.yz()}); },
                             "Tilt factors (xy, xz, yz) (length).")
      .def_property_readonly("cell", [](const md::Box& b) { return matrix_copy(b.matrix().transpose()); },
                             "3x3 cell matrix with the edge vectors as rows (length), as ase.Atoms.cell.")
      .def_property_readonly("volume", &md::Box::volume, "Volume (length^3).")
      .def_property_readonly("is_triclinic", &md::Box::is_triclinic)
      .def_property_readonly("perpendicular_widths",
                             [](const md::Box& b) {
                               const md::Vec3 w = b.perpendicular_widths();
                               return vector_copy({w.x(), w.y(), w.z()});
                             },
                             "Distances between opposite faces (length); each must be >= 2 x cutoff.")
      .def("__repr__", [](const md::Box& b) {
        return "Box(lo=[" + std::to_string(b.lo().x()) + ", " + std::to_string(b.lo().y()) + ", " +
               std::to_string(b.lo().z()) + "], hi=[" + std::to_string(b.hi().x()) + ", " + std::to_string(b.hi().y()) +
               ", " + std::to_string(b.hi().z()) + "], tilt=[" + std::to_string(b.xy()) + ", " +
               std::to_string(b.xz()) + ", " + std::to_string(b.yz()) + "])";
      });
}

}  // namespace

void bind_system(py::module_& m) {
  bind_box(m);
  py::class_<md::System>(m, "System",
                         "Atoms in a periodic Box. Units (units='lj' or 'metal'): length sigma / Angstrom, "
                         "velocity length/time (time tau / ps), force energy/length (energy epsilon / eV), "
                         "mass m / amu. Types are 1-based like LAMMPS. positions, velocities and forces are "
                         "(n, 3) numpy VIEWS into the System (no copy; writing into them changes it).")
      .def(py::init(&make_system), "box"_a, "types"_a, "positions"_a, "masses"_a = py::none(), "units"_a = "lj",
           "ids"_a = py::none(), "velocities"_a = py::none(),
           "System from numpy arrays: box (Box), types (n ints >= 1), positions (n, 3) (length), masses per type "
           "(type 1 first; mass unit; None: taken from the potential when needed), units 'lj' or 'metal', atom "
           "ids (default 1..n), velocities (n, 3) (length/time). Raises ValueError for wrong shapes, NaN, "
           "duplicate ids or overlapping atoms.")
      .def_static("read_lammps_data",
                  [](const std::string& path, const std::string& units) {
                    return md::read_lammps_data(path, parse_units(units));
                  },
                  "path"_a, "units"_a = "lj",
                  "Reads a LAMMPS data file (atom_style atomic) in units 'lj' or 'metal'. Errors name file:line.")
      .def("write_lammps_data", [](const md::System& s, const std::string& path) { md::write_lammps_data(path, s); },
           "path"_a, "Writes a LAMMPS data file (17 significant digits, atomically).")
      .def("copy", [](const md::System& s) { return md::System(s); }, "An independent copy.")
      .def("__len__", &md::System::size)
      .def_property_readonly("natoms", &md::System::size)
      .def_property_readonly("ntypes", &md::System::ntypes)
      .def_property_readonly("units", [](const md::System& s) { return std::string(md::unit_name(s.units)); },
                             "'lj' or 'metal'.")
      .def_property("box", [](const md::System& s) { return s.box; },
                    [](md::System& s, const md::Box& b) { s.box = b; },
                    "The Box (a copy; assign a new Box to change it; positions are not remapped).")
      .def_property(
          "positions", [](py::object self) { return vec3_view(self.cast<md::System&>().position, self); },
          [](md::System& s, const py::handle& v) { set_vec3(s.position, v, "positions"); },
          "(n, 3) view of the positions (length), unwrapped (continuous) during MD.")
      .def_property(
          "velocities", [](py::object self) { return vec3_view(self.cast<md::System&>().velocity, self); },
          [](md::System& s, const py::handle& v) { set_vec3(s.velocity, v, "velocities"); },
          "(n, 3) view of the velocities (length/time).")
      .def_property_readonly(
          "forces", [](py::object self) { return vec3_view(self.cast<md::System&>().force, self); },
          "(n, 3) view of the forces of the last evaluation (energy/length); overwritten by the next one.")
      .def_property_readonly("types", [](const md::System& s) { return int_copy(s.type); }, "Atom types (copy).")
      .def_property_readonly("ids", [](const md::System& s) { return int_copy(s.id); }, "LAMMPS atom ids (copy).")
      .def_property(
          "masses", [](const md::System& s) { return vector_copy({s.type_mass.begin() + 1, s.type_mass.end()}); },
          [](md::System& s, const py::handle& v) {
            const auto m = vector_array(v, "masses", s.ntypes());
            for (int t = 0; t < s.ntypes(); ++t) {
              if (!(m.at(t) > 0.0)) throw InputError("masses", "must be > 0");
              s.type_mass[static_cast<std::size_t>(t) + 1] = m.at(t);
            }
          },
          "Mass per type, type 1 first (mass unit; 0 = not set).")
      .def("wrapped_positions",
           [](const md::System& s) {
             std::vector<md::Vec3> r(s.size());
             for (std::size_t i = 0; i < s.size(); ++i) r[i] = s.output_position(i, true);
             return vec3_copy(r);
           },
           "Positions mapped into the primary cell (length), a new array.")
      .def("__repr__", [](const md::System& s) {
        return "System(natoms=" + std::to_string(s.size()) + ", ntypes=" + std::to_string(s.ntypes()) + ", units='" +
               md::unit_name(s.units) + "')";
      });
}

}  // namespace glassland::python
