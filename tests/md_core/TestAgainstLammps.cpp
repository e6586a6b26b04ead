// Energy, virial pressure, forces (for EAM also per-atom energy and virial) against LAMMPS
// (Debian's `lmp`), an independent program: lj -> pair_style lj/cut + pair_modify shift yes;
// lj/sf -> pair_style lj/smooth/linear; eam/fs, eam/alloy -> the same LAMMPS styles on the same
// setfl file. FAILS when `lmp` is missing (tools/setup.sh installs Debian's lammps).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include <fmt/format.h>

#include "md/EamPotential.hpp"
#include "md/ForceCompute.hpp"
#include "md/InherentStructure.hpp"
#include "md/LammpsData.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/md_core/Helpers.hpp"
#include "tests/support/RunCommand.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;

namespace {

std::string lammps_pair_lines(const PairPotential& p) {
  if (const EamPotential* eam = p.eam()) {
    std::string line = fmt::format("pair_style {}\npair_coeff * * {}", pair_style_name(p.style()), eam->file().path);
    for (const auto& e : eam->type_elements()) line += " " + e;
    return line + "\n";
  }
  const bool smooth = p.style() == PairStyle::lj_sf;
  std::string in = fmt::format("pair_style {} {:.17g}\n", smooth ? "lj/smooth/linear" : "lj/cut", p.max_cutoff());
  for (int a = 1; a <= p.ntypes(); ++a)
    for (int b = a; b <= p.ntypes(); ++b) {
      const PairCoefficients& c = p.pair(a, b);
      in += fmt::format("pair_coeff {} {} {:.17g} {:.17g} {:.17g}\n", a, b, c.epsilon, c.sigma, c.cutoff);
    }
  if (!smooth && p.shift()) in += "pair_modify shift yes\n";
  return in;
}

// Dump columns: id, force, per-atom energy, per-atom stress (= -virial * nktv2p, in LAMMPS'
// order xx yy zz xy xz yz).
std::string lammps_input(const PotentialSpec& spec, const std::string& data, const std::string& forces) {
  std::string in = fmt::format("units {}\natom_style atomic\nread_data {}\n", unit_name(spec.units), data);
  in += lammps_pair_lines(spec.pair);
  in += "compute pv all pressure NULL virial\ncompute pea all pe/atom\ncompute sa all stress/atom NULL virial\n";
  in += "thermo_style custom step pe c_pv\nthermo_modify norm no\n";
  in += fmt::format("dump f all custom 1 {} id fx fy fz c_pea c_sa[1] c_sa[2] c_sa[3] c_sa[4] c_sa[5] c_sa[6]\n"
                    "dump_modify f sort id format float %.17g\n", forces);
  in += "run 0\nprint \"GLASSLAND_RESULT $(pe:%.17g) $(c_pv:%.17g)\"\n";
  return in;
}

struct LammpsResult {
  double energy = 0, pressure = 0;
  std::map<int, Vec3> force;
  std::map<int, double> energy_atom;
  std::map<int, Mat3> virial_atom;  ///< energy units (LAMMPS stress/atom divided by -nktv2p)
};

LammpsResult run_lammps(const std::string& dir, const PotentialSpec& spec, const System& s) {
  write_lammps_data(dir + "/in.data", s);
  std::ofstream(dir + "/in.lmp") << lammps_input(spec, dir + "/in.data", dir + "/forces.dump");
  const auto lmp = glassland::test::run_command(dir, "lmp -in in.lmp -log none -echo none -screen screen.txt");
  INFO(lmp.out);
  REQUIRE(lmp.status == 0);
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
  double fx, fy, fz, e, v[6];
  const double to_energy = -1.0 / unit_constants(spec.units).pressure_factor;
  while (dump >> id >> fx >> fy >> fz >> e >> v[0] >> v[1] >> v[2] >> v[3] >> v[4] >> v[5]) {
    r.force[id] = Vec3(fx, fy, fz);
    r.energy_atom[id] = e;
    Mat3 w;
    w << v[0], v[3], v[4], v[3], v[1], v[5], v[4], v[5], v[2];
    r.virial_atom[id] = to_energy * w;
  }
  REQUIRE(r.force.size() == s.size());
  return r;
}

// Largest |ours - LAMMPS| force difference over the largest force.
double worst_force_error(const System& s, const LammpsResult& ref) {
  double fmax = 0, worst = 0;
  for (const Vec3& f : s.force) fmax = std::max(fmax, f.norm());
  for (std::size_t i = 0; i < s.size(); ++i) worst = std::max(worst, (s.force[i] - ref.force.at(s.id[i])).norm());
  return worst / fmax;
}

// B2 (CsCl) CuZr, lattice constant a, cells^3 cells: Cu (type 1) at corners, Zr (type 2) at
// body centres. Triclinic: tilts that are whole lattice vectors (xy = 2a, xz = a, yz = -a), so
// the crystal is still perfect. Every atom is then displaced by up to 0.08 A (seeded), so that
// forces are not zero by symmetry.
System b2_crystal(const PotentialSpec& spec, int cells, bool triclinic) {
  const double a = 3.26, length = cells * a;
  System s;
  s.units = spec.units;
  s.type_mass = spec.type_mass;
  s.box = triclinic ? Box(Vec3::Zero(), Vec3::Constant(length), 2 * a, a, -a) : Box(Vec3::Zero(), Vec3::Constant(length));
  std::mt19937_64 rng(2007);
  std::uniform_real_distribution<double> jitter(-0.08, 0.08);
  int id = 1;
  for (int i = 0; i < cells; ++i)
    for (int j = 0; j < cells; ++j)
      for (int k = 0; k < cells; ++k)
        for (int basis = 0; basis < 2; ++basis) {
          const Vec3 fractional = (Vec3(i, j, k) + Vec3::Constant(0.5 * basis)) / cells;
          const Vec3 noise(jitter(rng), jitter(rng), jitter(rng));
          s.add_atom(id++, 1 + basis, s.box.from_fractional(fractional) + noise);
        }
  return s;
}

// One comparison: energy and virial pressure to 1e-9 relative (the bound; the pair
// terms are the same numbers, only the summation order differs, ~1e-14 in practice), forces,
// per-atom energies and per-atom virials to 1e-9 of their largest magnitude.
void compare_with_lammps(const std::string& dir, const PotentialSpec& spec, System s, double relative) {
  ForceCompute fc(spec.pair, 1.0);
  fc.set_per_atom(true);
  const ForceTotals t = fc.compute(s);
  const double pressure = virial_pressure(t, s.box, spec.units);
  const LammpsResult ref = run_lammps(dir, spec, s);
  CHECK(close(t.energy, ref.energy, relative));
  CHECK(close(pressure, ref.pressure, relative, relative * 1.0));
  CHECK(worst_force_error(s, ref) <= relative);
  double emax = 0, eworst = 0, wmax = 0, wworst = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    emax = std::max(emax, std::abs(fc.per_atom_energy()[i]));
    eworst = std::max(eworst, std::abs(fc.per_atom_energy()[i] - ref.energy_atom.at(s.id[i])));
    wmax = std::max(wmax, fc.per_atom_virial()[i].cwiseAbs().maxCoeff());
    wworst = std::max(wworst, (fc.per_atom_virial()[i] - ref.virial_atom.at(s.id[i])).cwiseAbs().maxCoeff());
  }
  CHECK(eworst <= relative * emax);
  CHECK(wworst <= relative * wmax);
  // Without per-atom output the force pass is the vector kernel of this process' instruction
  // set (EamKernel.cpp, PairLoop.hpp): same bounds against the same LAMMPS run.
  ForceCompute fast(spec.pair, 1.0);
  const ForceTotals tf = fast.compute(s);
  CHECK(close(tf.energy, ref.energy, relative));
  CHECK(close(virial_pressure(tf, s.box, spec.units), ref.pressure, relative, relative * 1.0));
  CHECK(worst_force_error(s, ref) <= relative);
}

}  // namespace

TEST_CASE("energy, virial pressure and forces agree with LAMMPS", "[lammps]") {
  REQUIRE(glassland::test::have_program("lmp"));  // tools/setup.sh installs Debian's lammps: its absence is a failure
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
        CHECK(worst_force_error(s, ref) <= 1e-10);
      }
    }
  }
}

TEST_CASE("EAM Cu-Zr (eam/fs) agrees with LAMMPS on crystal, liquid and glass", "[lammps][eam]") {
  REQUIRE(glassland::test::have_program("lmp"));
  const std::string dir = glassland::test::scratch_dir("md-core-lammps-eam");
  const PotentialSpec spec = load_potential("cu-zr-mendelev2007");
  // 1e-9 relative: the bound. Same spline coefficients and per-pair arithmetic as
  // LAMMPS; only summation order (and FMA contraction) differ, ~1e-14 expected.
  for (bool triclinic : {false, true}) {
    const std::string shape = triclinic ? " triclinic" : " orthorhombic";
    DYNAMIC_SECTION("B2 crystal" << shape) { compare_with_lammps(dir, spec, b2_crystal(spec, 6, triclinic), 1e-9); }
    DYNAMIC_SECTION("liquid" << shape) { compare_with_lammps(dir, spec, test_liquid(spec, 500, triclinic, 5), 1e-9); }
    DYNAMIC_SECTION("glass (quenched liquid)" << shape) {
      // The inherent structure of the liquid: an amorphous local minimum, a glass at T = 0.
      MinimizerOptions loose = inherent_structure_options();
      loose.max_iterations = 300;
      const System glass = inherent_structure(test_liquid(spec, 500, triclinic, 6), spec.pair, 1.0, loose).minimum;
      compare_with_lammps(dir, spec, glass, 1e-9);
    }
  }
}

TEST_CASE("EAM eam/alloy (Cu-Ni) agrees with LAMMPS", "[lammps][eam]") {
  REQUIRE(glassland::test::have_program("lmp"));
  const std::string dir = glassland::test::scratch_dir("md-core-lammps-alloy");
  const PotentialSpec spec = every_style_potential().back();
  REQUIRE(spec.pair.style() == PairStyle::eam_alloy);
  for (bool triclinic : {false, true})
    DYNAMIC_SECTION("liquid" << (triclinic ? " triclinic" : " orthorhombic")) {
      compare_with_lammps(dir, spec, test_liquid(spec, 500, triclinic, 8), 1e-9);
    }
}
