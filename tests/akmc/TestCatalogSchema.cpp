// Catalog schema 2 (saddle configurations) and its evolution: a schema-1 file written by the
// glassland of commit 5e387a7 (`catalog import examples/kmc/five_state.json`, before schema 2
// existed) still loads with its records intact; saddle configurations round-trip exactly; a
// saddle configuration not relative to its `from` minimum is refused.
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "landscape/CatalogFile.hpp"
#include "md/Error.hpp"

using namespace glassland;

TEST_CASE("a schema-1 catalog still loads", "[catalog][akmc]") {
  const landscape::Catalog old = landscape::load_catalog(std::string(GLASSLAND_SOURCE_DIR) + "/tests/data/five_state_schema1.glcat");
  CHECK(old.schema_version() == 1);
  std::ifstream in(std::string(GLASSLAND_SOURCE_DIR) + "/examples/kmc/five_state.json");
  const auto network = nlohmann::json::parse(in);
  REQUIRE(old.minimum_count() == network["minima"].size());
  REQUIRE(old.saddle_count() == network["saddles"].size());
  for (const auto& m : network["minima"]) CHECK(old.minimum(m["id"].get<landscape::MinimumId>()).energy == m["energy"].get<double>());
  for (std::size_t k = 0; k < old.saddle_count(); ++k) {
    CHECK(old.saddle(k).energy == network["saddles"][k]["energy"].get<double>());
    CHECK(old.saddle(k).coordinates.empty());
    CHECK_THROWS_AS(old.saddle_positions(k), InputError);
  }
  // Written again, it becomes schema 2 with the same records.
  const landscape::Catalog again = landscape::catalog_from_bytes(landscape::catalog_to_bytes(old), "memory");
  CHECK(again.schema_version() == landscape::kCatalogSchemaVersion);
  CHECK(again.minimum_count() == old.minimum_count());
  for (std::size_t k = 0; k < old.saddle_count(); ++k) CHECK(again.saddle(k) == old.saddle(k));
}

TEST_CASE("saddle configurations round-trip exactly", "[catalog][akmc]") {
  landscape::Catalog catalog(landscape::Provenance{"test", "lj", 0.4, 1, "", "test"});
  landscape::Minimum a;
  a.energy = -1.0;
  a.coordinates = {landscape::kNoMinimum, {0, 1, 2}, {md::Vec3(0.1, 0.2, 0.3), md::Vec3(1.1, 0.2, 0.3), md::Vec3(0.1, 1.2, 0.3)}};
  const auto ia = catalog.add_minimum(a);
  landscape::Minimum b = a;
  b.id = landscape::kNoMinimum;
  b.energy = -0.9;
  b.coordinates = {ia, {1}, {md::Vec3(1.7, 0.2, 0.3)}};
  const auto ib = catalog.add_minimum(b);
  landscape::Saddle s;
  s.from = ia;
  s.to = ib;
  s.energy = -0.5;
  s.prefactor_forward = s.prefactor_backward = 1.0;
  s.coordinates = {ia, {1}, {md::Vec3(1.0 / 3.0 + 1.0, 0.2, 0.3)}};
  catalog.add_saddle(s);
  const landscape::Catalog loaded = landscape::catalog_from_bytes(landscape::catalog_to_bytes(catalog), "memory");
  CHECK(loaded == catalog);
  const std::vector<md::Vec3> r = loaded.saddle_positions(0);
  CHECK(r[0] == md::Vec3(0.1, 0.2, 0.3));
  CHECK(r[1] == md::Vec3(1.0 / 3.0 + 1.0, 0.2, 0.3));  // bit-exact
  CHECK(r[2] == md::Vec3(0.1, 1.2, 0.3));

  s.coordinates.parent = ib;  // not relative to `from`
  CHECK_THROWS_AS(catalog.add_saddle(s), InputError);
}
