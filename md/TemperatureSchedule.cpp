#include "md/NumberText.hpp"
#include "md/TemperatureSchedule.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "md/Error.hpp"

namespace glassland::md {

namespace {

double require_rate(const std::string& field, double rate) {
  if (!std::isfinite(rate) || rate == 0.0) throw InputError(field, "rate must be finite and non-zero");
  return std::abs(rate);
}

void require_temperature(const std::string& field, double temperature) {
  if (!std::isfinite(temperature) || temperature < 0.0)
    throw InputError(field, "temperature must be finite and >= 0");
}

}  // namespace

TemperatureSchedule::TemperatureSchedule(std::vector<Point> points, const std::string& where)
    : points_(std::move(points)) {
  if (points_.empty()) throw InputError(where, "a temperature schedule needs at least one point");
  for (std::size_t i = 0; i < points_.size(); ++i) {
    const Point& p = points_[i];
    const std::string field = where + " point " + std::to_string(i + 1);
    if (!std::isfinite(p.time)) throw InputError(field, "time must be finite");
    require_temperature(field, p.temperature);
    if (i > 0 && !(p.time > points_[i - 1].time))
      throw InputError(field, "times must be strictly increasing");
  }
}

TemperatureSchedule TemperatureSchedule::hold(double temperature, double duration) {
  require_temperature("hold temperature", temperature);
  if (!std::isfinite(duration) || duration <= 0.0)
    throw InputError("hold duration", "must be finite and > 0");
  return TemperatureSchedule({{0.0, temperature}, {duration, temperature}}, "hold");
}

TemperatureSchedule TemperatureSchedule::linear_ramp(double t_start, double t_end, double rate) {
  require_temperature("ramp start temperature", t_start);
  require_temperature("ramp end temperature", t_end);
  const double speed = require_rate("ramp rate", rate);
  if (t_start == t_end) throw InputError("ramp", "start and end temperatures are equal");
  return TemperatureSchedule({{0.0, t_start}, {std::abs(t_end - t_start) / speed, t_end}}, "ramp");
}

TemperatureSchedule TemperatureSchedule::two_step_ramp(double t_start, double t_switch, double t_end,
                                                       double rate_above, double rate_below) {
  require_temperature("two-step start temperature", t_start);
  require_temperature("two-step switch temperature", t_switch);
  require_temperature("two-step end temperature", t_end);
  const double speed_above = require_rate("two-step rate above T*", rate_above);
  const double speed_below = require_rate("two-step rate below T*", rate_below);
  const bool between = (t_start > t_switch && t_switch > t_end) || (t_start < t_switch && t_switch < t_end);
  if (!between) throw InputError("two-step switch temperature", "T* must lie strictly between start and end");
  const double t1 = std::abs(t_switch - t_start) / speed_above;
  const double t2 = t1 + std::abs(t_end - t_switch) / speed_below;
  return TemperatureSchedule({{0.0, t_start}, {t1, t_switch}, {t2, t_end}}, "two-step ramp");
}

TemperatureSchedule TemperatureSchedule::from_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw InputError(path, "cannot open temperature schedule file");
  std::vector<Point> points;
  std::string line;
  long line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const std::string where = file_line(path, line_number);
    const auto hash = line.find('#');
    if (hash != std::string::npos) line.erase(hash);
    std::istringstream fields(line);
    std::string time_text, temperature_text, extra;
    if (!(fields >> time_text)) continue;  // blank or comment line
    if (!(fields >> temperature_text)) throw InputError(where, "expected two columns 'time temperature'");
    if (fields >> extra) throw InputError(where, "unexpected third column '" + extra + "'");
    const std::optional<double> time = parse_finite(time_text), temperature = parse_finite(temperature_text);
    if (!time || !temperature)
      throw InputError(where, "cannot parse '" + time_text + " " + temperature_text + "' as two finite numbers");
    const Point p{*time, *temperature};
    require_temperature(where, p.temperature);
    if (!points.empty() && !(p.time > points.back().time))
      throw InputError(where, "times must be strictly increasing");
    points.push_back(p);
  }
  if (points.empty()) throw InputError(path, "temperature schedule file has no points");
  return TemperatureSchedule(std::move(points), path);
}

std::size_t TemperatureSchedule::segment_index(double time) const {
  // Index i of the segment [points_[i], points_[i+1]] containing time (requires >= 2 points).
  const auto after = std::upper_bound(points_.begin(), points_.end(), time,
                                      [](double t, const Point& p) { return t < p.time; });
  const auto index = static_cast<std::size_t>(after - points_.begin());
  return std::clamp<std::size_t>(index == 0 ? 0 : index - 1, 0, points_.size() - 2);
}

double TemperatureSchedule::temperature_at(double time) const {
  if (points_.size() == 1 || time <= points_.front().time) return points_.front().temperature;
  if (time >= points_.back().time) return points_.back().temperature;
  const std::size_t i = segment_index(time);
  const Point& a = points_[i];
  const Point& b = points_[i + 1];
  const double fraction = (time - a.time) / (b.time - a.time);
  return a.temperature + fraction * (b.temperature - a.temperature);
}

double TemperatureSchedule::rate_at(double time) const {
  if (points_.size() == 1 || time < points_.front().time || time >= points_.back().time) return 0.0;
  const std::size_t i = segment_index(time);
  const Point& a = points_[i];
  const Point& b = points_[i + 1];
  return (b.temperature - a.temperature) / (b.time - a.time);
}

TemperatureSchedule TemperatureSchedule::then(const TemperatureSchedule& next) const {
  std::vector<Point> joined = points_;
  const double shift = end_time() - next.start_time();
  for (std::size_t i = 0; i < next.points_.size(); ++i) {
    Point p = next.points_[i];
    p.time += shift;
    // The first point of `next` coincides in time with our last one: keep a step only if the
    // temperatures differ, as an (almost) instantaneous jump, otherwise merge the points.
    if (i == 0) {
      if (p.temperature == joined.back().temperature) continue;
      p.time = joined.back().time + 1e-12 * std::max(1.0, std::abs(joined.back().time));
    }
    if (!(p.time > joined.back().time)) p.time = joined.back().time + 1e-12 * std::max(1.0, std::abs(joined.back().time));
    joined.push_back(p);
  }
  return TemperatureSchedule(std::move(joined), "schedule");
}

}  // namespace glassland::md
