#include "landscape/Harvester.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "md/Error.hpp"
#include "md/IntegratorRegistry.hpp"

namespace glassland::landscape {

void HarvestOptions::validate() const {
  if (!(temperature > 0.0) || !std::isfinite(temperature)) throw InputError("temperature", "must be finite and > 0");
  if (steps < 1) throw InputError("steps", "must be >= 1");
  if (quench_every < 1) throw InputError("quench_every", "must be >= 1");
  if (snapshots_per_interval < 1 || snapshots_per_interval > quench_every)
    throw InputError("snapshots_per_interval", "must be between 1 and the quench interval");
  if (!(timestep > 0.0)) throw InputError("timestep", "must be > 0");
  if (!(store_tolerance > 0.0)) throw InputError("store_tolerance", "must be > 0");
  if (first_step < 0 || first_step >= steps)
    throw InputError("steps", "must exceed the checkpoint's step " + std::to_string(first_step));
  if (checkpoint_every < 0) throw InputError("checkpoint_every", "must be >= 0");
  analysis.paths.neb.validate();
  analysis.environment.validate();
}

std::string minimum_fingerprint(const md::Box& box, const Eigen::VectorXd& x, double energy) {
  std::uint64_t h = 1469598103934665603ULL;
  auto mix = [&h](long long v) {
    for (int byte = 0; byte < 8; ++byte) {
      h ^= static_cast<std::uint64_t>(v >> (8 * byte)) & 0xffULL;
      h *= 1099511628211ULL;
    }
  };
  for (Eigen::Index i = 0; i + 2 < x.size(); i += 3) {
    md::Image image{0, 0, 0};
    const md::Vec3 r = box.wrap(x.segment<3>(i), image);
    for (int c = 0; c < 3; ++c) mix(std::llround(r[c] * 1e3));
  }
  return fmt::format("is1-{:.6f}-{:016x}", energy, h);
}

Harvester::Harvester(md::System system, md::PairPotential md_potential, md::PairPotential landscape_potential,
                     HarvestOptions options)
    : system_(std::move(system)), md_potential_(std::move(md_potential)),
      landscape_potential_(std::move(landscape_potential)), options_(std::move(options)),
      space_(ConfigurationSpace::periodic(system_.box)) {
  options_.validate();
  pool_ = std::make_unique<ObjectivePool>(system_, landscape_potential_, options_.skin,
                                          options_.analysis.paths.neb.images);
}

const Harvester::KnownMinimum& Harvester::known(MinimumId id) const {
  for (const auto& m : minima_)
    if (m.id == id) return m;
  throw InputError("harvest", "unknown minimum " + std::to_string(id));
}

MinimumId Harvester::add_minimum(const Eigen::VectorXd& x, double energy, MinimumId parent, long step,
                                 Catalog& catalog) {
  Minimum m;
  m.energy = energy;
  m.volume = system_.box.volume();
  m.fingerprint = minimum_fingerprint(system_.box, x, energy);
  m.found = {"harvest", options_.temperature, options_.seed, step};
  m.coordinates.parent = parent;
  // Compare with the catalog's own reconstruction of the parent so errors never accumulate.
  const std::vector<md::Vec3> reference = parent == kNoMinimum ? std::vector<md::Vec3>{} : catalog.positions(parent);
  for (std::size_t i = 0; i < system_.size(); ++i) {
    const md::Vec3 r = x.segment<3>(static_cast<Eigen::Index>(3 * i));
    if (parent == kNoMinimum || (r - reference[i]).norm() > options_.store_tolerance) {
      m.coordinates.atoms.push_back(static_cast<std::int32_t>(i));
      m.coordinates.positions.push_back(r);
    }
  }
  return catalog.insert_minimum(std::move(m)).first;
}

MinimumId Harvester::identify(const Eigen::VectorXd& x, double energy, long step, MinimumId parent, Catalog& catalog) {
  for (const auto& m : minima_)
    if (same_minimum(space_, x, energy, m.x, m.energy, options_.analysis.paths.same)) return m.id;
  const MinimumId id = add_minimum(x, energy, parent, step, catalog);
  minima_.push_back({id, x, energy});
  return id;
}

void Harvester::adopt(const Catalog& catalog) {
  for (std::size_t k = 0; k < catalog.minimum_count(); ++k) {
    const Minimum& m = catalog.minimum_at(k);
    const std::vector<md::Vec3> r = catalog.positions(m.id);
    if (r.size() != system_.size()) throw InputError("catalog", "its minima have a different number of atoms");
    Eigen::VectorXd x(3 * static_cast<Eigen::Index>(r.size()));
    for (std::size_t i = 0; i < r.size(); ++i) x.segment<3>(3 * static_cast<Eigen::Index>(i)) = r[i];
    minima_.push_back({m.id, std::move(x), m.energy});
  }
  for (std::size_t k = 0; k < catalog.saddle_count(); ++k) {
    const Saddle& s = catalog.saddle(k);
    analysed_pairs_.emplace_back(std::min(s.from, s.to), std::max(s.from, s.to));
  }
}

MinimumId Harvester::quench_and_identify(const Eigen::VectorXd& x, long step, MinimumId parent, Catalog& catalog) {
  ++report_.quenches;
  const long before = pool_->evaluations();
  const QuenchResult q = quench((*pool_)[0], x, options_.analysis.paths.quench);
  report_.landscape_force_calls += pool_->evaluations() - before;
  return identify(q.position, q.energy, step, parent, catalog);
}

void Harvester::resolve(const std::vector<Snapshot>& snapshots, std::size_t lo, MinimumId id_lo, std::size_t hi,
                        MinimumId id_hi, Catalog& catalog) {
  if (hi == lo + 1) {
    ++report_.transitions;
    analyse(id_lo, id_hi, snapshots[hi].step, catalog);
    return;
  }
  const std::size_t mid = (lo + hi) / 2;
  const MinimumId id_mid = quench_and_identify(snapshots[mid].x, snapshots[mid].step, id_lo, catalog);
  if (id_mid != id_lo) resolve(snapshots, lo, id_lo, mid, id_mid, catalog);
  if (id_mid != id_hi) resolve(snapshots, mid, id_mid, hi, id_hi, catalog);
}

void Harvester::analyse(MinimumId a, MinimumId b, long step, Catalog& catalog) {
  const std::pair<MinimumId, MinimumId> pair(std::min(a, b), std::max(a, b));
  if (std::find(analysed_pairs_.begin(), analysed_pairs_.end(), pair) != analysed_pairs_.end()) {
    ++report_.flickers_skipped;
    return;
  }
  analysed_pairs_.push_back(pair);
  const KnownMinimum from = known(a), to = known(b);
  const EventAnalysisResult result = analyse_transition(pool_->pointers(), space_, from.x, from.energy, to.x,
                                                        to.energy, system_, options_.analysis);
  report_.landscape_force_calls += result.force_calls;
  report_.intermediate_minima += result.intermediate_minima;
  for (const AnalysedEvent& e : result.events) {
    const MinimumId ia = identify(e.initial, e.energy_initial, step, a, catalog);
    const MinimumId ib = identify(e.final, e.energy_final, step, a, catalog);
    if (!e.converged || !e.first_order || e.prefactor_failed || ia == ib ||
        e.energy_saddle < std::max(e.energy_initial, e.energy_final)) {
      ++report_.events_rejected;
      if (!e.converged)
        ++report_.rejected_unconverged;
      else if (!e.first_order)
        ++report_.rejected_not_first_order;
      else if (e.prefactor_failed)
        ++report_.rejected_prefactor;
      else
        ++report_.rejected_degenerate;
      continue;
    }
    Saddle s;
    s.from = ia;
    s.to = ib;
    s.energy = e.energy_saddle;
    s.prefactor_forward = e.prefactor_forward;
    s.prefactor_backward = e.prefactor_backward;
    s.atoms.assign(e.atoms.begin(), e.atoms.end());
    s.max_displacement = e.max_displacement;
    s.total_displacement = e.total_displacement;
    s.location = e.location;
    s.environment_key = e.environment_key;
    s.found = {"harvest", options_.temperature, options_.seed, step};
    if (catalog.insert_saddle(s).second) ++report_.events_added;
  }
}

HarvestReport Harvester::run(Catalog& catalog) {
  const std::clock_t start = std::clock();
  md::IntegratorParameters p;
  p.timestep = options_.timestep;
  p.temperature = options_.temperature;
  p.temperature_damping = options_.damping;
  // A resumed run draws fresh noise, seeded from (seed, first step).
  p.seed = options_.first_step == 0 ? options_.seed
                                    : options_.seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(options_.first_step));
  auto integrator = md::make_integrator(options_.ensemble, p);
  md::ForceCompute md_forces(md_potential_, options_.skin);
  integrator->setup(system_, md_forces);
  if (catalog.minimum_count() > 0) adopt(catalog);
  const long first = options_.first_step;
  MinimumId current = quench_and_identify(flat_positions(system_), first, kNoMinimum, catalog);
  std::vector<Snapshot> snapshots{{first, flat_positions(system_)}};
  const long interval = std::max(1L, options_.quench_every / options_.snapshots_per_interval);
  long last_checkpoint = first;
  long step = first;
  for (step = first + 1; step <= options_.steps; ++step) {
    integrator->step(system_, md_forces);
    ++report_.md_steps;
    if (step % interval == 0 || step == options_.steps) snapshots.push_back({step, flat_positions(system_)});
    if (step % options_.quench_every != 0 && step != options_.steps) continue;
    const MinimumId now = quench_and_identify(snapshots.back().x, step, current, catalog);
    if (now != current) resolve(snapshots, 0, current, snapshots.size() - 1, now, catalog);
    current = now;
    snapshots.erase(snapshots.begin(), snapshots.end() - 1);
    std::cerr << fmt::format("harvest: step {}/{}  minima {}  saddles {}  transitions {}  rejected {}\n", step,
                             options_.steps, catalog.minimum_count(), catalog.saddle_count(), report_.transitions,
                             report_.events_rejected);
    if (options_.checkpoint && options_.checkpoint_every > 0 && step - last_checkpoint >= options_.checkpoint_every &&
        step < options_.steps) {
      options_.checkpoint(step, system_, catalog);
      last_checkpoint = step;
    }
    if (report_.events_added >= options_.max_events) break;
  }
  if (options_.checkpoint) options_.checkpoint(std::min(step, options_.steps), system_, catalog);
  report_.cpu_seconds = double(std::clock() - start) / CLOCKS_PER_SEC;
  return report_;
}

}  // namespace glassland::landscape
