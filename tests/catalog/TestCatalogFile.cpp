// Catalog graph, persistence and merge: exact round trips, idempotent merges, and refusal of
// corrupt, truncated and newer-schema files.
#include <catch2/catch.hpp>

#include <fstream>

#include "landscape/CatalogFile.hpp"
#include "md/Error.hpp"
#include "tests/support/Tolerance.hpp"

using namespace glassland;
using namespace glassland::landscape;

namespace {

Minimum make_minimum(MinimumId id, double energy, const std::string& fingerprint) {
  Minimum m;
  m.id = id;
  m.energy = energy;
  m.volume = 1000.0 + id;
  m.fingerprint = fingerprint;
  m.found = Discovery{"harvest", 0.4, 7, 100 * id};
  return m;
}

Saddle make_saddle(MinimumId a, MinimumId b, double energy) {
  Saddle s;
  s.from = a;
  s.to = b;
  s.energy = energy;
  s.prefactor_forward = 1.5e12;
  s.prefactor_backward = 2.5e12;
  s.atoms = {3, 17, 42};
  s.max_displacement = 0.9;
  s.total_displacement = 1.3;
  s.location = md::Vec3(1.0 / 3.0, 2.0, -0.1);
  s.environment_key = "nauty:abc";
  s.activation_volume = 0.25;
  s.activation_strain = 0.01;
  return s;
}

// A root with full coordinates, a child stored as a difference, and three saddles.
Catalog sample_catalog() {
  Catalog c(Provenance{"wahnstrom-smooth", "lj", 0.4, 99, "0.1.0", "test"});
  Minimum root = make_minimum(0, -1000.125, "fp-a");
  for (int i = 0; i < 4; ++i) {
    root.coordinates.atoms.push_back(i);
    root.coordinates.positions.emplace_back(0.1 * i, 0.2 * i + 1e-17, -0.3 * i);
  }
  c.add_minimum(root);
  Minimum child = make_minimum(1, -999.75, "fp-b");
  child.coordinates.parent = 0;
  child.coordinates.atoms = {2};
  child.coordinates.positions = {md::Vec3(9.0, 9.5, 10.0)};
  c.add_minimum(child);
  c.add_minimum(make_minimum(5, -999.5, "fp-c"));
  c.add_saddle(make_saddle(0, 1, -999.0));
  c.add_saddle(make_saddle(1, 5, -998.5));
  c.add_saddle(make_saddle(5, 0, -998.0));
  return c;
}

}  // namespace

TEST_CASE("catalog derives barriers from energies and rebuilds compact coordinates", "[catalog]") {
  const Catalog c = sample_catalog();
  CHECK(c.saddle(0).barrier_forward == Approx(1.125).epsilon(1e-14));
  CHECK(c.saddle(0).barrier_backward == Approx(0.75).epsilon(1e-14));
  const auto r = c.positions(1);
  REQUIRE(r.size() == 4);
  CHECK(r[2] == md::Vec3(9.0, 9.5, 10.0));
  CHECK(r[3] == md::Vec3(0.1 * 3, 0.2 * 3 + 1e-17, -0.3 * 3));
}

TEST_CASE("catalog refuses inconsistent records", "[catalog]") {
  Catalog c = sample_catalog();
  CHECK_THROWS_AS(c.add_minimum(make_minimum(1, 0.0, "dup")), InputError);
  CHECK_THROWS_AS(c.add_minimum(make_minimum(9, NAN, "x")), InputError);
  CHECK_THROWS_AS(c.add_saddle(make_saddle(0, 1, -1000.0)), InputError);  // below minimum 1 and 0
  CHECK_THROWS_AS(c.add_saddle(make_saddle(0, 77, 0.0)), InputError);     // unknown endpoint
  Saddle bad = make_saddle(0, 1, -990.0);
  bad.prefactor_forward = -1.0;
  CHECK_THROWS_AS(c.add_saddle(bad), InputError);
  CHECK_THROWS_WITH(c.add_saddle(make_saddle(0, 1, -1000.0)), Catch::Contains("below an endpoint"));
}

TEST_CASE("save and load round trip is exact", "[catalog]") {
  const Catalog c = sample_catalog();
  const std::string path = test::scratch_dir("catalog_roundtrip") + "/c.glcat";
  save_catalog(path, c);
  const Catalog back = load_catalog(path);
  CHECK(back == c);
  CHECK(catalog_to_bytes(back) == catalog_to_bytes(c));
  CHECK(back.positions(1) == c.positions(1));
}

TEST_CASE("corrupt, truncated and newer-schema files are refused with clear errors", "[catalog]") {
  const std::string bytes = catalog_to_bytes(sample_catalog());
  CHECK_THROWS_WITH(catalog_from_bytes(bytes.substr(0, bytes.size() - 5), "f.glcat"), Catch::Contains("f.glcat: truncated"));
  CHECK_THROWS_WITH(catalog_from_bytes("hello world, not a catalog at all", "f.glcat"), Catch::Contains("not a glassland catalog"));
  std::string flipped = bytes;
  flipped[bytes.size() / 2] ^= 0x20;
  CHECK_THROWS_WITH(catalog_from_bytes(flipped, "f.glcat"), Catch::Contains("corrupt"));
  std::string newer = bytes;
  newer[8] = 7;  // schema version field (little endian)
  CHECK_THROWS_WITH(catalog_from_bytes(newer, "f.glcat"),
                    Catch::Contains("schema version 7 is newer than this glassland (" + std::to_string(kCatalogSchemaVersion) + ")"));
  CHECK_THROWS_AS(load_catalog(test::scratch_dir("catalog_missing") + "/none.glcat"), InputError);
}

TEST_CASE("a failed save leaves the existing file untouched", "[catalog]") {
  const std::string dir = test::scratch_dir("catalog_atomic");
  const std::string path = dir + "/c.glcat";
  save_catalog(path, sample_catalog());
  CHECK_THROWS_AS(save_catalog(dir + "/no/such/dir/c.glcat", Catalog{}), InputError);
  CHECK(load_catalog(path) == sample_catalog());
}

TEST_CASE("merge is a union with deduplication and is idempotent", "[catalog]") {
  const Catalog a = sample_catalog();
  Catalog aa = a;
  const auto added_self = merge_catalog(aa, a);
  CHECK(added_self == std::pair<std::size_t, std::size_t>{0, 0});
  CHECK(aa == a);

  // B shares minimum fp-b (different id) and saddle fp-a--fp-b, and adds one minimum whose id
  // collides with one of A's and one saddle.
  Catalog b(a.provenance());
  b.add_minimum(make_minimum(3, -1000.125 + 1e-9, "fp-a"));
  b.add_minimum(make_minimum(4, -999.75, "fp-b"));
  b.add_minimum(make_minimum(5, -999.9, "fp-new"));
  b.add_saddle(make_saddle(3, 4, -999.0));
  b.add_saddle(make_saddle(5, 3, -998.9));
  Catalog ab = a;
  CHECK(merge_catalog(ab, b) == std::pair<std::size_t, std::size_t>{1, 1});
  CHECK(ab.minimum_count() == 4);
  CHECK(ab.saddle_count() == 4);
  const Catalog once = ab;
  CHECK(merge_catalog(ab, b) == std::pair<std::size_t, std::size_t>{0, 0});
  CHECK(ab == once);
  CHECK(merge_catalog(ab, a) == std::pair<std::size_t, std::size_t>{0, 0});
}
