#include "md/DumpWriter.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "md/Error.hpp"

namespace glassland::md {

namespace {

std::string box_bounds(const Box& box) {
  const Vec3& lo = box.lo();
  const Vec3& hi = box.hi();
  if (!box.is_triclinic())
    return fmt::format("ITEM: BOX BOUNDS pp pp pp\n{} {}\n{} {}\n{} {}\n", lo.x(), hi.x(), lo.y(), hi.y(), lo.z(), hi.z());
  // LAMMPS writes the bounding box of the tilted cell plus the tilt factors.
  const double xy = box.xy(), xz = box.xz(), yz = box.yz();
  const double xlo = lo.x() + std::min({0.0, xy, xz, xy + xz});
  const double xhi = hi.x() + std::max({0.0, xy, xz, xy + xz});
  const double ylo = lo.y() + std::min(0.0, yz);
  const double yhi = hi.y() + std::max(0.0, yz);
  return fmt::format("ITEM: BOX BOUNDS xy xz yz pp pp pp\n{} {} {}\n{} {} {}\n{} {} {}\n", xlo, xhi, xy, ylo, yhi, xz,
                     lo.z(), hi.z(), yz);
}

}  // namespace

std::string format_dump_frame(const System& system, long timestep, bool wrapped) {
  std::string out = fmt::format("ITEM: TIMESTEP\n{}\nITEM: NUMBER OF ATOMS\n{}\n", timestep, system.size());
  out += box_bounds(system.box);
  out += "ITEM: ATOMS id type x y z\n";
  for (std::size_t i = 0; i < system.size(); ++i) {
    const Vec3 r = system.output_position(i, wrapped);
    out += fmt::format("{} {} {} {} {}\n", system.id[i], system.type[i], r.x(), r.y(), r.z());
  }
  return out;
}

DumpWriter::DumpWriter(std::string path, bool wrapped) : path_(std::move(path)), wrapped_(wrapped) {
  out_.open(path_, std::ios::out | std::ios::trunc);
  if (!out_) throw InputError(path_, "cannot open dump file for writing");
}

void DumpWriter::write(const System& system, long timestep) {
  out_ << format_dump_frame(system, timestep, wrapped_);
  out_.flush();
  if (!out_) throw InputError(path_, "write to dump file failed");
}

}  // namespace glassland::md
