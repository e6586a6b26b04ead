// Temperature schedules: exact piecewise-linear values (no tolerance beyond round-off, 1e-12
// relative) and every bad-input case of from_file naming file:line.
#include <catch2/catch.hpp>

#include <fstream>
#include <string>

#include "md/Error.hpp"
#include "md/TemperatureSchedule.hpp"
#include "tests/support/Tolerance.hpp"

using glassland::InputError;
using glassland::md::TemperatureSchedule;
using glassland::test::close;

namespace {
std::string write_schedule(const std::string& name, const std::string& text) {
  const std::string path = glassland::test::scratch_dir("schedule-" + name) + "/schedule.txt";
  std::ofstream(path) << text;
  return path;
}

std::string error_of(const std::string& path) {
  try {
    TemperatureSchedule::from_file(path);
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}
}  // namespace

TEST_CASE("hold keeps the temperature constant and has zero rate") {
  const auto s = TemperatureSchedule::hold(0.8, 50.0);
  CHECK(s.duration() == 50.0);
  CHECK(s.temperature_at(-1.0) == 0.8);
  CHECK(s.temperature_at(25.0) == 0.8);
  CHECK(s.temperature_at(80.0) == 0.8);
  CHECK(s.rate_at(25.0) == 0.0);
}

TEST_CASE("linear ramp reaches the end temperature at |dT|/rate") {
  const auto s = TemperatureSchedule::linear_ramp(2.0, 0.5, -0.01);  // sign taken from endpoints
  CHECK(close(s.duration(), 150.0, 1e-12));
  CHECK(close(s.temperature_at(50.0), 1.5, 1e-12));
  CHECK(close(s.rate_at(50.0), -0.01, 1e-12));
  CHECK(s.temperature_at(1e9) == 0.5);
  CHECK(s.rate_at(1e9) == 0.0);
  const auto heat = TemperatureSchedule::linear_ramp(300.0, 600.0, 10.0);
  CHECK(close(heat.temperature_at(15.0), 450.0, 1e-12));
  CHECK_THROWS_AS(TemperatureSchedule::linear_ramp(1.0, 0.5, 0.0), InputError);
  CHECK_THROWS_AS(TemperatureSchedule::linear_ramp(1.0, 1.0, 1.0), InputError);
}

TEST_CASE("two-step ramp switches rate at T*") {
  // 2000 K -> 900 K at 10 K/ps (110 ps), then -> 0 K at 1 K/ps (900 ps).
  const auto s = TemperatureSchedule::two_step_ramp(2000.0, 900.0, 0.0, 10.0, 1.0);
  CHECK(close(s.duration(), 1010.0, 1e-12));
  CHECK(close(s.temperature_at(55.0), 1450.0, 1e-12));
  CHECK(close(s.temperature_at(110.0), 900.0, 1e-12));
  CHECK(close(s.rate_at(50.0), -10.0, 1e-12));
  CHECK(close(s.rate_at(500.0), -1.0, 1e-12));
  CHECK(close(s.temperature_at(560.0), 450.0, 1e-12));
  CHECK_THROWS_AS(TemperatureSchedule::two_step_ramp(2000.0, 2500.0, 0.0, 1.0, 1.0), InputError);
}

TEST_CASE("then() concatenates schedules in time") {
  const auto s = TemperatureSchedule::linear_ramp(1.0, 0.5, 0.1).then(TemperatureSchedule::hold(0.5, 10.0));
  CHECK(close(s.duration(), 15.0, 1e-12));
  CHECK(s.points().size() == 3);  // the shared point is merged
  CHECK(close(s.temperature_at(2.5), 0.75, 1e-12));
  CHECK(s.temperature_at(12.0) == 0.5);
  // A jump between schedules becomes a (nearly) instantaneous step.
  const auto jump = TemperatureSchedule::hold(1.0, 1.0).then(TemperatureSchedule::hold(2.0, 1.0));
  CHECK(jump.temperature_at(0.5) == 1.0);
  CHECK(close(jump.temperature_at(1.5), 2.0, 1e-12));
  CHECK(close(jump.end_time(), 2.0, 1e-9));
}

TEST_CASE("constructor validates points") {
  using P = TemperatureSchedule::Point;
  CHECK_THROWS_AS(TemperatureSchedule(std::vector<P>{}), InputError);
  CHECK_THROWS_AS(TemperatureSchedule({{0.0, 1.0}, {0.0, 2.0}}), InputError);
  CHECK_THROWS_AS(TemperatureSchedule({{0.0, -1.0}}), InputError);
  const TemperatureSchedule single({{3.0, 1.2}});
  CHECK(single.temperature_at(0.0) == 1.2);
  CHECK(single.rate_at(3.0) == 0.0);
}

TEST_CASE("from_file reads a piecewise-linear schedule with comments") {
  const auto path = write_schedule("good", "# time T\n0 1000\n\n10 500  # fast\n110 400\n");
  const auto s = TemperatureSchedule::from_file(path);
  CHECK(s.points().size() == 3);
  CHECK(close(s.temperature_at(5.0), 750.0, 1e-12));
  CHECK(close(s.temperature_at(60.0), 450.0, 1e-12));
  CHECK(close(s.rate_at(60.0), -1.0, 1e-12));
}

TEST_CASE("from_file errors name file:line") {
  const auto one_column = write_schedule("one-column", "0 1\n5\n");
  CHECK_THAT(error_of(one_column), Catch::Contains(one_column + ":2"));
  const auto bad_number = write_schedule("bad-number", "0 1\n1 2\n2 abc\n");
  CHECK_THAT(error_of(bad_number), Catch::Contains(bad_number + ":3"));
  const auto not_increasing = write_schedule("not-increasing", "0 1\n1 2\n1 3\n");
  CHECK_THAT(error_of(not_increasing), Catch::Contains(not_increasing + ":3"));
  const auto negative_t = write_schedule("negative", "0 1\n1 -2\n");
  CHECK_THAT(error_of(negative_t), Catch::Contains(negative_t + ":2"));
  const auto nan_time = write_schedule("nan", "nan 1\n");
  CHECK_THAT(error_of(nan_time), Catch::Contains(nan_time + ":1"));
  const auto three_columns = write_schedule("three", "0 1 2\n");
  CHECK_THAT(error_of(three_columns), Catch::Contains(three_columns + ":1"));
  const auto empty = write_schedule("empty", "# nothing\n\n");
  CHECK_THAT(error_of(empty), Catch::Contains(empty));
  CHECK_THAT(error_of("/nonexistent/schedule.txt"), Catch::Contains("/nonexistent/schedule.txt"));
}
