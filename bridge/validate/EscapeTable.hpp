#pragma once
// The kMC side of a validation: the escape events of one minimum with harmonic-TST rates,
// grouped by product minimum (several saddles to one product are one destination for MD).
// Sources: a catalog's saddles at the minimum (catalog_escape_table); the on-the-fly kMC
// engine's table once it exists (issue 9).
// Units: the model's (energy, length, time); prefactors and rates in 1/time.
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/Catalog.hpp"
#include "landscape/ConfigurationSpace.hpp"
#include "landscape/InherentStructure.hpp"

namespace glassland::bridge {

/// A minimum: flat positions (length) and energy.
struct MinimumState {
  Eigen::VectorXd position;
  double energy = 0.0;
};

struct EscapeEvent {
  double barrier = 0.0;    ///< E_saddle - E_start (energy)
  double prefactor = 0.0;  ///< attempt frequency nu (1/time)
  MinimumState product;    ///< the minimum the event leads to
};

struct EscapeTable {
  std::string source;              ///< where the events come from (for the report)
  std::vector<EscapeEvent> events;
};

/// One product minimum of the table and its total rate at some temperature.
struct EscapeDestination {
  MinimumState product;
  double rate = 0.0;     ///< sum of the rates of the events leading to it (1/time)
  int events = 0;
  double barrier = 0.0;  ///< lowest barrier of those events (energy)
};

/// Harmonic-TST rates k = scale * nu * exp(-barrier / kT) (kT in energy units), summed per
/// product (products equal under `same` are merged). `prefactor_scale` multiplies every rate
/// (1 = HTST; other values exist to show that the comparison can fail).
std::vector<EscapeDestination> destinations_at(const EscapeTable& table, double kT, double prefactor_scale,
                                         const landscape::ConfigurationSpace& space,
                                         const landscape::SameMinimumTolerance& same);

/// Index of the destination equal to `minimum` under `same`, or -1 (missing from the table).
int match_destination(const std::vector<EscapeDestination>& destinations, const MinimumState& minimum,
                      const landscape::ConfigurationSpace& space, const landscape::SameMinimumTolerance& same);

/// Id of the catalog minimum equal to `start` under `same`. Throws InputError(where, ...) if
/// none matches or the catalog's minima have another number of atoms.
landscape::MinimumId find_catalog_minimum(const landscape::Catalog& catalog, const MinimumState& start,
                                          const landscape::ConfigurationSpace& space,
                                          const landscape::SameMinimumTolerance& same, const std::string& where);

/// The saddles of `catalog` that touch the catalog minimum equal to `start` (under `same`),
/// each in the direction leaving it. Throws InputError(where, ...) if no catalog minimum
/// matches `start`, or if the catalog's minima have another number of atoms.
EscapeTable catalog_escape_table(const landscape::Catalog& catalog, const MinimumState& start,
                               const landscape::ConfigurationSpace& space,
                               const landscape::SameMinimumTolerance& same, const std::string& where);

}  // namespace glassland::bridge
