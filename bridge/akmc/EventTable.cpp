#include "bridge/akmc/EventTable.hpp"

#include <cmath>
#include <limits>

namespace glassland::bridge {

std::optional<std::size_t> find_event(const std::vector<Event>& events, const landscape::ConfigurationSpace& space,
                                      const Eigen::VectorXd& saddle, double saddle_energy,
                                      const EventIdentity& identity) {
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    if (std::abs(e.saddle_energy - saddle_energy) > identity.energy_tolerance) continue;
    if (space.max_displacement(e.saddle, saddle) <= identity.displacement_tolerance) return k;
  }
  return std::nullopt;
}

std::size_t EventTable::add(Event event) {
  events_.push_back(std::move(event));
  return events_.size() - 1;
}

double EventTable::lowest_barrier() const {
  double lowest = std::numeric_limits<double>::infinity();
  for (const Event& e : events_) lowest = std::min(lowest, e.barrier);
  return lowest;
}

}  // namespace glassland::bridge
