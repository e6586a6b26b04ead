// Energy, virial pressure and forces against LAMMPS (Debian's `lmp`), an independent program:
// lj -> pair_style lj/cut + pair_modify shift yes; lj/sf -> pair_style lj/smooth/linear.
// Skipped with a warning when `lmp` is not installed (tools/setup.sh installs it).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>

#include "md/ForceCompute.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/md_core/Helpers.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;

namespace {

bool have_lmp() { return std::system("command -v lmp > /dev/null 2>&1") == 0; }

std::string lammps_input(const PotentialSpec& spec, const std::string& data, const std::string& forces) {
  const PairPotential& p = spec.pair;
  const bool smooth = p.style() == PairStyle::lj_sf;
  std::string in = fmt::format("units {}\natom_style atomic\nread_data {}\n", unit_name(spec.units), data);
  in += fmt::format("pair_style {} {:.17g}\n", smooth ? "lj/smooth/linear" : "lj/cut", p.max_cutoff());
  for (int a = 1; a <= p.ntypes(); ++a)
    for (int b = a; b <= p.ntypes(); ++b) {
      const PairCoefficients& c = p.pair(a, b);
      in += fmt::format("pair_coeff {} {} {:.17g} {:.17g} {:.17g}\n", a, b, c.epsilon, c.sigma, c.cutoff);
    }
  if (!smooth && p.shift()) in += "pair_modify shift yes\n";
  in += "compute pv all pressure NULL virial\nthermo_style custom step pe c_pv\nthermo_modify norm no\n";
  in += fmt::format("dump f all custom 1 {} id fx fy fz\ndump_modify f sort id format float %.17g\n", forces);
  in += "run 0\nprint \"GLASSLAND_RESULT $(pe:%.17g) $(c_pv:%.17g)\"\n";
  return in;
}

struct LammpsResult {
  double energy = 0, pressure = 0;
  std::map<int, Vec3> force;
};

LammpsResult run_lammps(const std::string& dir, const PotentialSpec& spec, const System& s) {
  write_lammps_data(dir + "/in.data", s);
  std::ofstream(dir + "/in.lmp") << lammps_input(spec, dir + "/in.data", dir + "/forces.dump");
  const std::string cmd = fmt::format("cd {0} && lmp -in in.lmp -log none -echo none -screen {0}/screen.txt > /dev/null 2>&1", dir);
  REQUIRE(std::system(cmd.c_str()) == 0);
  LammpsResult r;
  std::ifstream screen(dir + "/screen.txt");
  std::string word;
  bool found = false;
  while (screen >> word)
    if (word == "GLASSLAND_RESULT" && (screen >> r.energy >> r.pressure)) found = true;
  REQUIRE(found);
  std::ifstream dump(dir + "/forces.dump");
  std::string line;
  while (std::getline(dump, line) && line.rfind("ITEM: ATOMS", 0) != 0) {
  }
  int id;
  double fx, fy, fz;
  while (dump >> id >> fx >> fy >> fz) r.force[id] = Vec3(fx, fy, fz);
  REQUIRE(r.force.size() == s.size());
  return r;
}

}  // namespace

TEST_CASE("energy, virial pressure and forces agree with LAMMPS", "[lammps]") {
  if (!have_lmp()) {
    WARN("lmp not found: LAMMPS comparison skipped (tools/setup.sh installs Debian's lammps)");
    return;
  }
  const std::string dir = glassland::test::scratch_dir("md-core-lammps");
  for (const std::string name : {"wahnstrom", "kob-andersen", "kob-andersen-sf"}) {
    for (bool triclinic : {false, true}) {
      DYNAMIC_SECTION(name << (triclinic ? " triclinic" : " orthorhombic")) {
        const PotentialSpec spec = load_potential(name);
        System s = test_liquid(spec, 400, triclinic, 17);
        ForceCompute fc(spec.pair, 0.3);
        const ForceTotals t = fc.compute(s);
        const double pressure = virial_pressure(t, s.box, spec.units);
        const LammpsResult ref = run_lammps(dir, spec, s);
        // Same pair terms summed in another order; positions pass through 17 digits exactly.
        // Round-off of sums of ~10^4 terms: 1e-11 relative on energy and pressure; forces
        // 1e-10 of the largest force (individual pair forces at contact are ~100x the net).
        CHECK(close(t.energy, ref.energy, 1e-11));
        CHECK(close(pressure, ref.pressure, 1e-11, 1e-11));
        double fmax = 0;
        for (const Vec3& f : s.force) fmax = std::max(fmax, f.norm());
        double worst = 0;
        for (std::size_t i = 0; i < s.size(); ++i) worst = std::max(worst, (s.force[i] - ref.force.at(s.id[i])).norm());
        CHECK(worst <= 1e-10 * fmax);
      }
    }
  }
}
