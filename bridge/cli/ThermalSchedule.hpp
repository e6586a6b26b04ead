#pragma once
// kT(t) from the command line, shared by `glassland kmc` and `glassland akmc`: a constant
// --temperature, a --ramp "T0,T1,RATE" or a --schedule file "time T" per line, in the unit of
// --temperature-unit: kT (the energy unit, default) or K (metal units only; converted with
// Boltzmann's constant in eV/K). Times in the catalog's / model's time unit.
#include <cmath>
#include <string>

#include "md/TemperatureSchedule.hpp"

namespace glassland::bridge {

struct ThermalFlags {
  double temperature = NAN;
  std::string ramp, schedule;
  std::string unit = "kT";
};

/// Energy per unit of the temperatures given: 1 for kT, k_B in eV/K for K (units must be
/// "metal"). Throws InputError("--temperature-unit").
double energy_per_temperature_unit(const std::string& unit, const std::string& units);

/// kT(t) in the energy unit of `units` ("lj", "metal", "reduced"). Exactly one of the three
/// flags must be given; errors name the flag (or the schedule's file:line).
md::TemperatureSchedule thermal_schedule(const ThermalFlags& flags, const std::string& units);

}  // namespace glassland::bridge
