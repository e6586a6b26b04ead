// EAM without LAMMPS: the spline against closed forms, an eam/fs dimer against the analytic
// functions it was tabulated from (which also pins the Finnis–Sinclair index convention),
// thread invariance, the TOML form and preset, lj84 and every malformed setfl file.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <functional>

#include <omp.h>

#include <fmt/format.h>

#include "md/EamPotential.hpp"
#include "md/ForceCompute.hpp"
#include "md/PotentialRegistry.hpp"
#include "tests/md_core/Helpers.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland::md;
using glassland::test::close;

namespace {

// Two elements A, B with smooth analytic functions (eV, Angstrom).
double embed_fn(int e, double rho) { return e == 0 ? -std::sqrt(rho + 0.1) : -1.3 * std::sqrt(rho + 0.2) + 0.02 * rho * rho; }
// Density created by an atom of element I at an atom of element J (deliberately asymmetric).
double density_fn(int i, int j, double r) { return (1.0 + 0.5 * i + 0.2 * j) * std::exp(-1.5 * (r - 1.0)); }
double phi_fn(int i, int j, double r) { return (0.6 + 0.3 * (i + j)) * std::exp(-3.0 * (r - 1.5)) - 0.2 * std::exp(-r); }

struct Grid {
  int nrho = 2000, nr = 2000;
  double drho = 0.005, dr = 0.0025, cutoff = 4.9;
};

// A setfl text of the analytic model: eam/fs if fs, else eam/alloy (density of I at J = I's).
std::string analytic_setfl(bool fs, const Grid& g = Grid{}) {
  std::string text = "analytic test model\nsecond comment\nthird comment\n2 A B\n";
  text += fmt::format("{} {:.17g} {} {:.17g} {:.17g}\n", g.nrho, g.drho, g.nr, g.dr, g.cutoff);
  auto table = [&](int n, double step, const std::function<double(double)>& f) {
    for (int k = 0; k < n; ++k) text += fmt::format("{:.17g}{}", f(k * step), (k % 5 == 4 || k == n - 1) ? "\n" : " ");
  };
  for (int i = 0; i < 2; ++i) {
    text += fmt::format("{} {} 3.0 fcc\n", 10 + i, 20.0 + 10 * i);
    table(g.nrho, g.drho, [&](double rho) { return embed_fn(i, rho); });
    for (int j = 0; j < (fs ? 2 : 1); ++j) table(g.nr, g.dr, [&](double r) { return density_fn(i, fs ? j : 0, r); });
  }
  for (int i = 0; i < 2; ++i)
    for (int j = 0; j <= i; ++j) table(g.nr, g.dr, [&](double r) { return r * phi_fn(i, j, r); });
  return text;
}

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = glassland::test::scratch_dir("md-core-eam") + "/" + name;
  std::ofstream(path) << text;
  return path;
}

PotentialSpec analytic_spec(bool fs, const std::vector<std::string>& elements = {"A", "B"}) {
  const std::string path = write_file(fs ? "analytic.eam.fs" : "analytic.eam.alloy", analytic_setfl(fs));
  return eam_potential_spec("analytic", path, fs ? PairStyle::eam_fs : PairStyle::eam_alloy, elements, "test");
}

System dimer(const PotentialSpec& spec, double r) {
  System s;
  s.units = spec.units;
  s.type_mass = spec.type_mass;
  s.box = Box(Vec3::Zero(), Vec3::Constant(12.0));
  s.add_atom(1, 1, Vec3(1.0, 2.0, 3.0));
  s.add_atom(2, 2, Vec3(1.0 + r, 2.0, 3.0));
  return s;
}

}  // namespace

TEST_CASE("the LAMMPS EAM spline reproduces a cubic inside the table", "[eam][spline]") {
  // The interior slopes (f[m-2] - f[m+2] + 8 (f[m+1] - f[m-1]))/12 are exact for polynomials
  // of degree <= 4, and a Hermite cubic with exact slopes reproduces a cubic: exact up to
  // round-off (1e-12) away from the one-sided end slopes (intervals 3 .. n-3).
  const double delta = 0.1;
  auto cubic = [](double x) { return 1.0 + 0.5 * x - 0.2 * x * x + 0.03 * x * x * x; };
  auto slope = [](double x) { return 0.5 - 0.4 * x + 0.09 * x * x; };
  std::vector<double> f(41, 0.0);
  for (int m = 1; m <= 40; ++m) f[static_cast<std::size_t>(m)] = cubic((m - 1) * delta);
  const auto s = eam_spline(f, delta);
  for (int m = 3; m <= 37; ++m)
    for (double p : {0.0, 0.25, 0.6, 0.999}) {
      const SplineRow& c = s[static_cast<std::size_t>(m)];
      const double x = (m - 1 + p) * delta;
      CHECK(close(((c[3] * p + c[4]) * p + c[5]) * p + c[6], cubic(x), 1e-12, 1e-12));
      CHECK(close((c[0] * p + c[1]) * p + c[2], slope(x), 1e-11, 1e-11));
    }
}

TEST_CASE("an EAM dimer has the energy and force of the functions in the file", "[eam]") {
  // E = F_A(rho_B->A(r)) + F_B(rho_A->B(r)) + phi_AB(r), tabulated on fine grids: the spline's
  // interpolation error is O(h^4 f'''') ~ 1e-10 here; tolerance 1e-8 relative.
  for (bool fs : {true, false}) {
    DYNAMIC_SECTION((fs ? "eam/fs" : "eam/alloy")) {
      const PotentialSpec spec = analytic_spec(fs);
      // r <= 4: every density stays above 3 drho, clear of the one-sided end slopes of the
      // F(rho) spline (first two intervals, only O(h^2) accurate, as in LAMMPS).
      for (double r : {2.0, 2.77, 3.5, 4.0}) {
        System s = dimer(spec, r);
        ForceCompute fc(spec.pair, 0.5);
        fc.set_per_atom(true);
        const ForceTotals t = fc.compute(s);
        // Density at atom 1 (A) is created by B: density_fn(B, A); at atom 2 (B) by A:
        // density_fn(A, B) for eam/fs, density_fn(A, 0) (A's only function) for eam/alloy.
        const int a_at_b = fs ? 1 : 0;
        const double rho_a = density_fn(1, 0, r), rho_b = density_fn(0, a_at_b, r);
        // phi_AB is tabulated once, as I = B, J = A.
        CHECK(close(t.energy, embed_fn(0, rho_a) + embed_fn(1, rho_b) + phi_fn(1, 0, r), 1e-8));
        // Force on atom 2 along +x = -dE/dr, by a 5-point difference of the analytic energy.
        auto energy = [&](double d) {
          return embed_fn(0, density_fn(1, 0, d)) + embed_fn(1, density_fn(0, a_at_b, d)) + phi_fn(1, 0, d);
        };
        const double h = 1e-3;
        const double dedr = (energy(r - 2 * h) - 8 * energy(r - h) + 8 * energy(r + h) - energy(r + 2 * h)) / (12 * h);
        // The spline's derivative is O(h^3 f'''') accurate: ~1e-7 here, ~1e-6 at r = 4 where
        // rho ~ 0.017 and F = -sqrt(rho + 0.1) has F'''' ~ 2e3. Tolerance 2e-6 relative.
        CHECK(close(s.force[1].x(), -dedr, 2e-6, 1e-9));
        CHECK(close(s.force[0].x(), dedr, 2e-6, 1e-9));
        // Per-atom energies: each atom's embedding plus half the pair term.
        CHECK(close(fc.per_atom_energy()[0], embed_fn(0, rho_a) + 0.5 * phi_fn(1, 0, r), 1e-8));
        CHECK(close(fc.per_atom_energy()[1], embed_fn(1, rho_b) + 0.5 * phi_fn(1, 0, r), 1e-8));
        // Virial of one pair: W_xx = (x1 - x2) f1x = (-r)(-F2x) = r F2x.
        CHECK(close(t.virial(0, 0), r * s.force[1].x(), 1e-12, 1e-12));
      }
      // Beyond the cutoff nothing interacts (embedding of zero density only).
      System far = dimer(spec, 5.0);
      ForceCompute fc(spec.pair, 0.5);
      CHECK(close(fc.compute(far).energy, embed_fn(0, 0.0) + embed_fn(1, 0.0), 1e-8));
    }
  }
}

TEST_CASE("EAM forces do not depend on the thread count or the skin", "[eam][threads]") {
  const PotentialSpec spec = load_potential("cu-zr-mendelev2007");
  System a = test_liquid(spec, 600, true, 3), b = a, c = a;
  ForceCompute one(spec.pair, 1.0), two(spec.pair, 1.0), skinless(spec.pair, 0.0);
  const int threads = omp_get_max_threads();
  omp_set_num_threads(1);
  const ForceTotals t1 = one.compute(a);
  const ForceTotals t0 = skinless.compute(c);
  omp_set_num_threads(2);
  const ForceTotals t2 = two.compute(b);
  omp_set_num_threads(threads);
  // Only the summation order differs: 1e-12 relative.
  CHECK(close(t1.energy, t2.energy, 1e-12));
  CHECK(close(t1.energy, t0.energy, 1e-12));
  CHECK(close(t1.virial.trace(), t2.virial.trace(), 1e-12));
  double worst = 0, fmax = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    worst = std::max({worst, (a.force[i] - b.force[i]).norm(), (a.force[i] - c.force[i]).norm()});
    fmax = std::max(fmax, a.force[i].norm());
  }
  CHECK(worst <= 1e-12 * fmax);
}

TEST_CASE("the Cu-Zr preset and the TOML form of the issue", "[eam][potential]") {
  const PotentialSpec preset = load_potential("cu-zr-mendelev2007");
  CHECK(preset.units == UnitSystem::metal);
  CHECK(preset.pair.style() == PairStyle::eam_fs);
  CHECK(preset.pair.ntypes() == 2);
  CHECK(preset.pair.max_cutoff() == 7.6);
  // Masses from the file's element lines (Cu 63.546, Zr 91.224 g/mol).
  CHECK(preset.type_mass == std::vector<double>{0.0, 63.546, 91.224});
  const PotentialSpec toml = parse_potential_toml(
      "style = \"eam/fs\"\nfile = \"/usr/share/lammps/potentials/CuZr_mm.eam.fs\"\nelements = [\"Zr\", \"Cu\"]\n", "p.toml");
  CHECK(toml.type_mass == std::vector<double>{0.0, 91.224, 63.546});
  // Types swapped: the same configuration with types swapped has the same energy.
  System s = test_liquid(preset, 400, false, 9), swapped = s;
  for (int& t : swapped.type) t = 3 - t;
  ForceCompute a(preset.pair, 1.0), b(toml.pair, 1.0);
  CHECK(close(a.compute(s).energy, b.compute(swapped).energy, 1e-12));
  // A bare file name is looked up in the LAMMPS potentials directory; masses may be overridden.
  const PotentialSpec bare = parse_potential_toml(
      "style = \"eam/fs\"\nfile = \"CuZr_mm.eam.fs\"\nelements = [\"Cu\"]\nmasses = [63.5]\nunits = \"metal\"\n", "q.toml");
  CHECK(bare.type_mass == std::vector<double>{0.0, 63.5});
}

TEST_CASE("lj84 has the Kobayashi-Maeda-Takeuchi form and cu-zr-kmt points to it", "[pair][lj84]") {
  const PotentialSpec spec = parse_potential_toml(
      "style = \"lj84\"\nunits = \"metal\"\n[[pair]]\ntypes = [1, 1]\nc1 = 2.0\nc2 = 30.0\nc3 = 0.01\nc4 = -0.2\ncutoff = 5.0\n",
      "k.toml");
  double f = 0;
  const double r = 2.3;
  const double e = spec.pair.evaluate(1, 1, r, f);
  // Closed form in double: 1e-14.
  CHECK(close(e, 30.0 / std::pow(r, 8) - 2.0 / std::pow(r, 4) + 0.01 * r - 0.2, 1e-14));
  CHECK(close(f * r, 8 * 30.0 / std::pow(r, 9) - 4 * 2.0 / std::pow(r, 5) - 0.01, 1e-13));
  CHECK(spec.pair.evaluate(1, 1, 5.0, f) == 0.0);
  const PotentialSpec smooth = test_lj84();
  CHECK(std::abs(smooth.pair.evaluate(1, 2, 2.25 * (1 - 1e-9), f)) < 1e-9);  // E(rc) = 0 by construction
  CHECK_THROWS_WITH(load_potential("cu-zr-kmt"), Catch::Contains("lj84"));
  CHECK_THROWS_WITH(parse_potential_toml("style = \"lj84\"\n[[pair]]\ntypes = [1, 1]\nc1 = 1\nc2 = 1\nc3 = 0\ncutoff = 2\n", "k.toml"),
                    Catch::Contains("k.toml:2: pair[1]: missing key 'c4'"));
  CHECK_THROWS_WITH(parse_potential_toml("style = \"lj84\"\n[[pair]]\ntypes = [1, 1]\nsigma = 1\n", "k.toml"),
                    Catch::Contains("k.toml:4: pair[1].sigma: unknown key for style lj84"));
}

TEST_CASE("malformed setfl files and element maps name the file, line and field", "[eam][bad-input]") {
  Grid small;
  small.nrho = small.nr = 20;
  small.dr = small.drho = 0.25;
  small.cutoff = 4.5;
  const std::string good = analytic_setfl(true, small);
  auto with = [&](const std::string& from, const std::string& to, std::size_t nth = 0) {
    std::string text = good;
    std::size_t pos = text.find(from);
    for (std::size_t k = 0; k < nth; ++k) pos = text.find(from, pos + 1);
    REQUIRE(pos != std::string::npos);
    return text.replace(pos, from.size(), to);
  };
  // Line numbers: 1-3 comments, 4 elements, 5 grid, 6 element A, 7-10 F of A (20 values, 5 per line).
  std::string second_value_line_7 = good.substr(0, good.find('\n', good.find("fcc")) + 1);
  const std::size_t line7 = second_value_line_7.size();
  std::string nan_text = good;
  nan_text.replace(line7, good.find(' ', line7) - line7, "nan");
  std::string word_text = good;
  word_text.replace(line7, good.find(' ', line7) - line7, "0.1x");
  struct Case {
    const char* name;
    std::string text;
    const char* expected;
  };
  const Case cases[] = {
      {"element count", with("2 A B", "3 A B"), ":4: field 'elements': Nelements is 3 but 2 element names follow"},
      {"grid count", with("20 0.25 20 0.25 4.5", "20 0.25 20 0.25"), ":5: field 'cutoff'"},
      {"grid word", with("20 0.25 20 0.25 4.5", "20 abc 20 0.25 4.5"), ":5: field 'drho': 'abc' is not a number"},
      {"negative dr", with("20 0.25 20 0.25 4.5", "20 0.25 20 -0.25 4.5"), ":5: field 'dr': must be > 0"},
      {"NaN value", nan_text, ":7: field 'F(rho) of A[0]': 'nan' is not finite"},
      {"non-number", word_text, ":7: field 'F(rho) of A[0]': '0.1x' is not a number"},
      {"truncated", good.substr(0, good.size() - 40), "file ends after"},
      {"wrong Nr", with("20 0.25 20 0.25 4.5", "20 0.25 22 0.25 4.5"), "Nrho/Nr do not match the data"},
      {"extra values", good + "1 2 3\n", "extra values after the last r*phi table"},
      {"bad mass", with("10 20 3.0 fcc", "10 -20 3.0 fcc"), ":6: field 'mass of A': must be > 0"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.name) {
      const std::string path = write_file("bad.eam.fs", c.text);
      CHECK_THROWS_WITH(read_eam_setfl(path, true), Catch::Contains(path) && Catch::Contains(c.expected));
    }
  }
  SECTION("missing file") {
    CHECK_THROWS_WITH(read_eam_setfl("/no/such.eam.fs", true), Catch::Contains("/no/such.eam.fs: cannot open"));
    CHECK_THROWS_WITH(parse_potential_toml("style = \"eam/fs\"\nfile = \"no-such.eam.fs\"\nelements = [\"Cu\"]\n", "/tmp/p.toml"),
                      Catch::Contains("/tmp/p.toml:2: file: EAM file 'no-such.eam.fs' not found"));
  }
  SECTION("element not in the file") {
    const std::string toml = "style = \"eam/fs\"\nfile = \"CuZr_mm.eam.fs\"\nelements = [\"Cu\", \"Al\"]\n";
    CHECK_THROWS_WITH(parse_potential_toml(toml, "p.toml"),
                      Catch::Contains("p.toml:3: elements[2]: element 'Al' is not in") && Catch::Contains("(it has Cu, Zr)"));
  }
  SECTION("unknown key, missing key, wrong units") {
    CHECK_THROWS_WITH(parse_potential_toml("style = \"eam/fs\"\nfile = \"CuZr_mm.eam.fs\"\nelements = [\"Cu\"]\nshift = true\n", "p.toml"),
                      Catch::Contains("p.toml:4: shift: unknown key for an EAM style"));
    CHECK_THROWS_WITH(parse_potential_toml("style = \"eam/alloy\"\nfile = \"CuZr_mm.eam.fs\"\n", "p.toml"),
                      Catch::Contains("p.toml: elements: missing key 'elements'"));
    CHECK_THROWS_WITH(parse_potential_toml("style = \"eam/fs\"\nfile = \"CuZr_mm.eam.fs\"\nelements = [\"Cu\"]\nunits = \"lj\"\n", "p.toml"),
                      Catch::Contains("p.toml:4: units: must be \"metal\""));
  }
  SECTION("more atom types than elements") {
    const PotentialSpec spec = load_potential("cu-zr-mendelev2007");
    System s = test_liquid(spec, 400, false, 2);
    s.type[5] = 3;
    s.type_mass.push_back(50.0);
    ForceCompute fc(spec.pair, 1.0);
    CHECK_THROWS_WITH(fc.compute(s), Catch::Contains(fmt::format("atom {} has type 3 but the potential defines types 1..2", s.id[5])));
  }
}
