#pragma once
// A temperature history T(t) as a piecewise-linear function of time. Holds, linear ramps at a
// rate, two-step ramps whose rate switches at T*, and schedules read from a file are all
// piecewise linear, so MD thermostats, the kMC engine and the landscape model share this type.
// Units are the caller's: MD uses its time and temperature units (LJ or ps/K); laboratory
// protocols use s and K. Rates are temperature/time (negative = cooling).
#include <string>
#include <vector>

namespace glassland::md {

class TemperatureSchedule {
public:
  struct Point {
    double time;
    double temperature;
  };

  /// Validates: at least one point, finite values, strictly increasing times, T >= 0.
  /// `where` names the source for error messages.
  explicit TemperatureSchedule(std::vector<Point> points, const std::string& where = "schedule");

  static TemperatureSchedule hold(double temperature, double duration);
  /// From T_start to T_end at |rate| (temperature/time); the sign is taken from the endpoints.
  static TemperatureSchedule linear_ramp(double t_start, double t_end, double rate);
  /// Ramp at |rate_above| until T*, then at |rate_below| to T_end (T* between the endpoints).
  static TemperatureSchedule two_step_ramp(double t_start, double t_switch, double t_end,
                                           double rate_above, double rate_below);
  /// File with two columns "time temperature" per line; '#' starts a comment.
  /// Errors name file:line.
  static TemperatureSchedule from_file(const std::string& path);

  /// T(t); constant before the first and after the last point.
  double temperature_at(double time) const;
  /// dT/dt on the segment containing t (0 outside the schedule).
  double rate_at(double time) const;
  double start_time() const { return points_.front().time; }
  double end_time() const { return points_.back().time; }
  double duration() const { return end_time() - start_time(); }
  const std::vector<Point>& points() const { return points_; }
  /// Concatenates `next` after this schedule (its times shifted to start at end_time()).
  TemperatureSchedule then(const TemperatureSchedule& next) const;

private:
  std::size_t segment_index(double time) const;
  std::vector<Point> points_;
};

}  // namespace glassland::md
