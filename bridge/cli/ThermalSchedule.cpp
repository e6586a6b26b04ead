#include "bridge/cli/ThermalSchedule.hpp"

#include <sstream>
#include <vector>

#include "bridge/cli/CommandSupport.hpp"
#include "md/Error.hpp"
#include "md/Units.hpp"

namespace glassland::bridge {

namespace {

md::TemperatureSchedule schedule_as_given(const ThermalFlags& f) {
  const int given = (std::isnan(f.temperature) ? 0 : 1) + (f.ramp.empty() ? 0 : 1) + (f.schedule.empty() ? 0 : 1);
  if (given != 1) throw InputError("--temperature", "give exactly one of --temperature, --ramp, --schedule");
  if (!f.schedule.empty()) return md::TemperatureSchedule::from_file(f.schedule);
  if (!f.ramp.empty()) {
    const std::vector<double> v = parse_number_list("--ramp", f.ramp, 3);  // T_start,T_end,rate
    if (v[2] == 0.0) throw InputError("--ramp", "rate must not be 0");
    // A signed rate must agree with the direction from start to end (a positive rate is a speed).
    if (v[2] < 0.0 && v[1] > v[0]) throw InputError("--ramp", "negative rate but the end is hotter than the start");
    return md::TemperatureSchedule::linear_ramp(v[0], v[1], v[2]);
  }
  require_positive("--temperature", f.temperature);
  return md::TemperatureSchedule({{0.0, f.temperature}}, "--temperature");
}

}  // namespace

double energy_per_temperature_unit(const std::string& unit, const std::string& units) {
  if (unit == "kT") return 1.0;
  if (unit != "K") throw InputError("--temperature-unit", "expected kT or K, got '" + unit + "'");
  if (units != "metal")
    throw InputError("--temperature-unit", "K needs metal units (eV); these are '" + units +
                                               "': give kT in their energy unit");
  return md::unit_constants(md::UnitSystem::metal).boltzmann;
}

md::TemperatureSchedule thermal_schedule(const ThermalFlags& flags, const std::string& units) {
  const double energy_per_unit = energy_per_temperature_unit(flags.unit, units);
  const md::TemperatureSchedule given = schedule_as_given(flags);
  if (energy_per_unit == 1.0) return given;
  std::vector<md::TemperatureSchedule::Point> points = given.points();
  for (auto& p : points) p.temperature *= energy_per_unit;
  return md::TemperatureSchedule(std::move(points), "--temperature-unit");
}

}  // namespace glassland::bridge
