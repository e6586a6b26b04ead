#include "md/ExtendedXyzWriter.hpp"

#include <fmt/format.h>

#include "md/Error.hpp"

namespace glassland::md {

std::string format_extended_xyz_frame(const System& system, double time, const std::vector<std::string>& type_names,
                                      bool wrapped) {
  const Mat3& h = system.box.matrix();
  const Vec3& lo = system.box.lo();
  std::string out = fmt::format("{}\n", system.size());
  out += fmt::format("Lattice=\"{} {} {} {} {} {} {} {} {}\" Origin=\"{} {} {}\" "
                     "Properties=species:S:1:pos:R:3:type:I:1 Time={} pbc=\"T T T\"\n",
                     h(0, 0), h(1, 0), h(2, 0), h(0, 1), h(1, 1), h(2, 1), h(0, 2), h(1, 2), h(2, 2), lo.x(), lo.y(),
                     lo.z(), time);
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 r = system.output_position(i, wrapped);
    const int t = system.type[i];
    const std::string name = (t >= 1 && static_cast<std::size_t>(t) <= type_names.size())
                                 ? type_names[static_cast<std::size_t>(t - 1)]
                                 : std::to_string(t);
    out += fmt::format("{} {} {} {} {}\n", name, r.x(), r.y(), r.z(), t);
  }
  return out;
}

ExtendedXyzWriter::ExtendedXyzWriter(std::string path, std::vector<std::string> type_names, bool wrapped)
    : path_(std::move(path)), type_names_(std::move(type_names)), wrapped_(wrapped) {
  out_.open(path_, std::ios::out | std::ios::trunc);
  if (!out_) throw InputError(path_, "cannot open extended XYZ file for writing");
}

void ExtendedXyzWriter::write(const System& system, double time) {
  out_ << format_extended_xyz_frame(system, time, type_names_, wrapped_);
  out_.flush();
  if (!out_) throw InputError(path_, "write to extended XYZ file failed");
}

}  // namespace glassland::md
