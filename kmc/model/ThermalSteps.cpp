// Thermal and mechanical treatments: ramp, cyclic_ramp, hold, two_step_ramp, schedule,
// schedule_file. Rates are read in K/min and used in K/s.
#include <cmath>

#include "kmc/LabUnits.hpp"
#include "kmc/model/LandscapeModel.hpp"
#include "kmc/model/ProtocolSteps.hpp"
#include "kmc/model/TomlFields.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
class ScheduleStep : public ProtocolStep {
public:
  ScheduleStep(std::string kind, std::function<md::TemperatureSchedule(double)> build, LoadState load, std::string where)
      : kind_(std::move(kind)), build_(std::move(build)), load_(load), where_(std::move(where)) {}
  std::string kind() const override { return kind_; }

  nlohmann::json run(RunContext& context) const override {
    const md::TemperatureSchedule schedule = build_(context.temperature_K);
    double dissipated = 0.0;  // kJ/mol of atoms
    const auto* landscape = dynamic_cast<const LandscapeSample*>(&context.sample);
    const bool cyclic = load_.cyclic_amplitude_MPa > 0.0;
    if (cyclic && landscape == nullptr) throw InputError(where_, "cyclic loading needs the landscape model, not tnm");
    StepControl control = context.control;
    auto record = context.recorder();
    double previous = context.clock_s;
    run_schedule(context.sample, schedule, load_, control, context.clock_s,
                 [&](double time, const LoadState& load, const Sample& s) {
                   record(time, load, s);
                   if (cyclic) {
                     const auto p = s.occupation();
                     const auto* model = landscape->landscape();
                     const double rate = model->work_driven_rate(p, model->rates(load, s.fictive_temperature(), 0.0), load);
                     dissipated += rate * model->parameters().mechanics.work_per_rearrangement_kj_mol /
                                   model->parameters().atoms_per_unit * (time - previous);
                   }
                   previous = time;
                 });
    context.temperature_K = schedule.points().back().temperature;
    nlohmann::json summary;
    summary["duration_s"] = schedule.duration();
    if (cyclic) summary["dissipated_work_kJ_per_mol"] = dissipated;
    return summary;
  }

private:
  std::string kind_;
  std::function<md::TemperatureSchedule(double)> build_;
  LoadState load_;
  std::string where_;
};

double rate_per_second(TomlFields& f, const std::string& key) { return kmc::lab::kelvin_per_minute_to_per_second(f.required_positive(key)); }

std::function<md::TemperatureSchedule(double)> ramp_to(double to_K, double rate, const std::string& where) {
  return [=](double from) {
    if (from == to_K) throw InputError(where, "equals the current temperature " + std::to_string(from) + " K");
    return md::TemperatureSchedule::linear_ramp(from, to_K, rate);
  };
}

md::TemperatureSchedule checked_points(const std::vector<double>& times, const std::vector<double>& temps,
                                       const std::string& where_times, const std::string& where_temps) {
  if (times.size() != temps.size()) throw InputError(where_temps, "must have as many entries as times_s");
  if (times.size() < 2) throw InputError(where_times, "needs at least two points");
  std::vector<md::TemperatureSchedule::Point> points;
  for (std::size_t i = 0; i < times.size(); ++i) {
    if (i > 0 && !(times[i] > times[i - 1])) throw InputError(where_times, "times must be strictly increasing");
    if (!(temps[i] > 0.0)) throw InputError(where_temps, "temperatures must be > 0");
    points.push_back({times[i], temps[i]});
  }
  return md::TemperatureSchedule(points, where_times);
}
}  // namespace

std::unique_ptr<ProtocolStep> parse_ramp(TomlFields& f, const std::string&) {
  const double to = f.required_positive("to_K");
  const double rate = rate_per_second(f, "rate_K_per_min");
  return std::make_unique<ScheduleStep>("ramp", ramp_to(to, rate, f.where("to_K")), LoadState{}, f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_cyclic_ramp(TomlFields& f, const std::string&) {
  const double to = f.required_positive("to_K");
  const double rate = rate_per_second(f, "rate_K_per_min");
  LoadState load;
  load.cyclic_frequency_Hz = f.required_positive("frequency_Hz");
  load.cyclic_amplitude_MPa = f.required_positive("amplitude_MPa");
  return std::make_unique<ScheduleStep>("cyclic_ramp", ramp_to(to, rate, f.where("to_K")), load, f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_hold(TomlFields& f, const std::string&) {
  const double duration = f.required_positive("duration_s");
  const auto temperature = f.optional_number("temperature_K");
  if (temperature && !(*temperature > 0.0)) throw InputError(f.where("temperature_K"), "must be > 0");
  return std::make_unique<ScheduleStep>("hold", [=](double from) {
    // An explicit temperature means an instantaneous jump (ideal quench) before the hold.
    return md::TemperatureSchedule::hold(temperature.value_or(from), duration);
  }, LoadState{}, f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_two_step_ramp(TomlFields& f, const std::string&) {
  const double at = f.required_positive("switch_K");
  const double to = f.required_positive("to_K");
  const double above = rate_per_second(f, "rate_above_K_per_min");
  const double below = rate_per_second(f, "rate_below_K_per_min");
  const std::string where = f.where("switch_K");
  return std::make_unique<ScheduleStep>("two_step_ramp", [=](double from) {
    if (!((at - from) * (at - to) < 0.0)) throw InputError(where, "must lie strictly between the current temperature and to_K");
    return md::TemperatureSchedule::two_step_ramp(from, at, to, above, below);
  }, LoadState{}, f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_schedule(TomlFields& f, const std::string&) {
  const auto times = f.required_numbers("times_s");
  const auto temps = f.required_numbers("temperatures_K");
  const auto schedule = checked_points(times, temps, f.where("times_s"), f.where("temperatures_K"));
  return std::make_unique<ScheduleStep>("schedule", [=](double) { return schedule; }, LoadState{}, f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_schedule_file(TomlFields& f, const std::string& base_dir) {
  std::filesystem::path path = f.required_text("path");
  if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
  const auto schedule = md::TemperatureSchedule::from_file(path.string());
  return std::make_unique<ScheduleStep>("schedule_file", [=](double) { return schedule; }, LoadState{}, f.where("kind"));
}

}  // namespace glassland::model
