#include "bridge/akmc/StateExplorer.hpp"

#include <algorithm>
#include <cmath>

#include "bridge/akmc/Distributed.hpp"
#include "bridge/akmc/SearchCodec.hpp"
#include "kmc/Random.hpp"
#include "landscape/EnvironmentKey.hpp"
#include "landscape/Harvester.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {

landscape::CompactCoordinates compact_relative_to(const Eigen::VectorXd& x, const Eigen::VectorXd* parent,
                                                  landscape::MinimumId parent_id) {
  landscape::CompactCoordinates c;
  const Eigen::Index atoms = x.size() / 3;
  std::vector<std::int32_t> changed;
  if (parent != nullptr)
    for (Eigen::Index a = 0; a < atoms; ++a)
      if (x.segment<3>(3 * a) != parent->segment<3>(3 * a)) changed.push_back(static_cast<std::int32_t>(a));
  // Exact positions of the atoms that differ; a configuration that differs almost everywhere
  // is stored whole, so rebuilding positions never walks a long chain of parents.
  if (parent == nullptr || 2 * static_cast<Eigen::Index>(changed.size()) > atoms) {
    changed.clear();
    for (Eigen::Index a = 0; a < atoms; ++a) changed.push_back(static_cast<std::int32_t>(a));
    parent_id = landscape::kNoMinimum;
  }
  c.parent = parent_id;
  c.atoms = changed;
  for (std::int32_t a : changed) c.positions.emplace_back(x.segment<3>(3 * Eigen::Index{a}));
  return c;
}

Eigen::VectorXd apply_coordinates(Eigen::VectorXd x, const landscape::CompactCoordinates& c) {
  for (std::size_t k = 0; k < c.atoms.size(); ++k) x.segment<3>(3 * Eigen::Index{c.atoms[k]}) = c.positions[k];
  return x;
}

std::uint64_t search_seed(std::uint64_t seed, landscape::MinimumId state, long k, std::uint64_t stream, int& centre,
                          int atoms) {
  kmc::Rng rng = kmc::make_run_rng(seed ^ (static_cast<std::uint64_t>(state) * 0x9E3779B97F4A7C15ULL),
                                   static_cast<std::uint64_t>(k), stream);
  centre = static_cast<int>(rng() % static_cast<std::uint64_t>(atoms));
  return rng();
}

/// Distance between atoms a and b of configuration x (minimum image in a periodic box; length).
double atom_distance(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& x, int a, int b) {
  const md::Vec3 d = x.segment<3>(3 * Eigen::Index{a}) - x.segment<3>(3 * Eigen::Index{b});
  return space.box() ? space.box()->minimum_image(d).norm() : d.norm();
}

}  // namespace

double median(std::vector<long> values) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 ? static_cast<double>(values[n / 2]) : 0.5 * static_cast<double>(values[n / 2 - 1] + values[n / 2]);
}

void ExplorationOptions::validate() const {
  if (batch_size < 1) throw InputError("batch_size", "must be >= 1");
  if (min_searches < 1) throw InputError("min_searches", "must be >= 1");
  if (max_searches < min_searches)
    throw InputError("max_searches", "must be >= the minimum number of searches (min_searches)");
  completeness.validate();
  if (!(moved_threshold > 0.0)) throw InputError("moved_threshold", "must be > 0 (length)");
  if (!(recycle_radius >= 0.0)) throw InputError("recycle_radius", "must be >= 0 (length)");
  topology.validate();
  prefactor.validate();
}

StateExplorer::StateExplorer(Surface surface, SaddleSearcher searcher, ExplorationOptions options,
                             landscape::Catalog& catalog)
    : surface_(std::move(surface)), searcher_(std::move(searcher)), options_(std::move(options)), catalog_(catalog) {
  options_.validate();
}

std::optional<landscape::MinimumId> StateExplorer::find_state(const Eigen::VectorXd& x, double energy) const {
  const double tolerance = options_.same.energy;
  for (auto it = by_energy_.lower_bound(energy - tolerance); it != by_energy_.end() && it->first <= energy + tolerance;
       ++it) {
    const KnownState& known = states_.at(it->second);
    if (landscape::same_minimum(surface_.space, known.x, known.energy, x, energy, options_.same)) return it->second;
  }
  return std::nullopt;
}

landscape::MinimumId StateExplorer::add_state(const Eigen::VectorXd& x, double energy, landscape::MinimumId parent) {
  if (const auto known = find_state(x, energy)) return *known;
  landscape::Minimum m;
  m.energy = energy;
  if (surface_.space.box()) {
    m.volume = surface_.space.box()->volume();
    m.fingerprint = landscape::minimum_fingerprint(*surface_.space.box(), x, energy);
  }
  m.coordinates = compact_relative_to(x, parent == landscape::kNoMinimum ? nullptr : &states_.at(parent).x, parent);
  m.found = {"akmc", kT_, options_.seed, -1};
  const landscape::MinimumId id = catalog_.add_minimum(std::move(m));
  states_.emplace(id, KnownState{x, energy});
  by_energy_.emplace(energy, id);
  return id;
}

const Eigen::VectorXd& StateExplorer::positions(landscape::MinimumId id) const { return states_.at(id).x; }
double StateExplorer::energy(landscape::MinimumId id) const { return states_.at(id).energy; }

const EventTable& StateExplorer::table(landscape::MinimumId id) const {
  const auto it = tables_.find(id);
  if (it == tables_.end()) throw InternalError("state " + std::to_string(id) + " has no event table");
  return it->second;
}

const EventTable& StateExplorer::explore(landscape::MinimumId id, double kT,
                                         const std::optional<ArrivalStep>& arrival) {
  if (const auto it = tables_.find(id); it != tables_.end()) return it->second;
  kT_ = kT;
  EventTable table(id, states_.at(id).x, states_.at(id).energy);
  fresh_searches_[id] = 0;
  TopologyProgress topology;
  if (arrival && options_.recycle && explored(arrival->previous)) run_reuse(table, *arrival);
  run_topology(table, topology);
  while (!complete(table, kT)) {
    run_batch(table);
    run_topology(table, topology);
  }
  if (table.events().empty())
    throw InputError("max_searches", "no escape event found from minimum " + std::to_string(id) + " after " +
                                           std::to_string(fresh_searches_[id]) + " searches");
  totals_.saddles += static_cast<long>(table.events().size());
  totals_.tables += 1;
  return tables_.emplace(id, std::move(table)).first->second;
}

bool StateExplorer::complete(const EventTable& table, double kT) const {
  const long fresh = fresh_searches_.at(table.state());
  if (fresh >= options_.max_searches) return true;
  if (fresh < options_.min_searches) return false;
  landscape::CompletenessOptions rule = options_.completeness;
  rule.kT = kT;
  const landscape::CompletenessEstimate estimate = landscape::estimate_completeness(table.history, rule);
  const_cast<EventTable&>(table).confidence = estimate.confidence;
  return estimate.complete && !table.events().empty();
}

void StateExplorer::run_batch(EventTable& table) {
  const long first = fresh_searches_[table.state()];
  const Eigen::VectorXd& x = table.minimum();
  const double e = table.energy();
  std::vector<SearchOutcome> outcomes = run_distributed<SearchOutcome>(
      options_.batch_size,
      [&](int i) {
        int centre = 0;
        const std::uint64_t seed = search_seed(options_.seed, table.state(), first + i, 0, centre, surface_.atoms());
        return guarded_search(searcher_, surface_, SearchRequest{&x, e, centre, seed, nullptr, nullptr});
      },
      encode_outcome, decode_outcome);
  fresh_searches_[table.state()] += options_.batch_size;
  absorb(table, outcomes, EventOrigin::search);
}

void StateExplorer::run_topology(EventTable& table, TopologyProgress& progress) {
  if (!options_.topology.enabled) return;
  std::vector<TopologyGuess> guesses;
  const std::size_t end = table.events().size();
  for (; progress.next_event < end; ++progress.next_event) {
    const Event& e = table.events()[progress.next_event];
    if (e.origin == EventOrigin::topology) continue;  // its equivalents are this event's too
    if (progress.keys.empty())
      progress.keys = atom_environment_keys(surface_, table.minimum(), options_.topology.transplant.environment);
    append_topology_guesses(surface_, table.minimum(), progress.keys, e, table.events(),
                            options_.identity.displacement_tolerance, options_.topology, guesses);
  }
  if (guesses.empty()) return;
  const Eigen::VectorXd& x = table.minimum();
  const long first = progress.attempts;
  std::vector<SearchOutcome> outcomes = run_distributed<SearchOutcome>(
      static_cast<int>(guesses.size()),
      [&](int i) {
        const TopologyGuess& g = guesses[static_cast<std::size_t>(i)];
        int centre = 0;
        const std::uint64_t seed = search_seed(options_.seed, table.state(), first + i, 3, centre, surface_.atoms());
        return guarded_search(searcher_, surface_, SearchRequest{&x, table.energy(), g.to_atom, seed, &g.guess, &g.mode});
      },
      encode_outcome, decode_outcome);
  progress.attempts += static_cast<long>(guesses.size());
  absorb(table, outcomes, EventOrigin::topology);
}

void StateExplorer::run_reuse(EventTable& table, const ArrivalStep& arrival) {
  const EventTable& previous = tables_.at(arrival.previous);
  const Eigen::VectorXd& old_x = previous.minimum();
  std::vector<const Event*> far;
  for (const Event& f : previous.events()) {
    if (f.catalog_saddle == arrival.saddle) continue;
    bool is_far = true;
    for (int a : f.moved_atoms)
      for (int b : arrival.moved_atoms) {
        if (atom_distance(surface_.space, old_x, a, b) < options_.recycle_radius) is_far = false;
      }
    if (is_far) far.push_back(&f);
  }
  if (far.empty()) return;
  const Eigen::VectorXd& x = table.minimum();
  std::vector<SearchOutcome> outcomes = run_distributed<SearchOutcome>(
      static_cast<int>(far.size()),
      [&](int i) {
        const Event& f = *far[static_cast<std::size_t>(i)];
        const Eigen::VectorXd guess = x + surface_.space.difference(f.saddle, old_x);
        int centre = 0;
        const std::uint64_t seed = search_seed(options_.seed, table.state(), i, 1, centre, surface_.atoms());
        return guarded_search(searcher_, surface_, SearchRequest{&x, table.energy(), centre, seed, &guess, &f.mode});
      },
      encode_outcome, decode_outcome);
  absorb(table, outcomes, EventOrigin::recycled);
}

void StateExplorer::absorb(EventTable& table, std::vector<SearchOutcome>& outcomes, EventOrigin origin) {
  const bool reused = origin != EventOrigin::search;
  ReuseTotals* reuse = origin == EventOrigin::topology ? &totals_.topology : &totals_.recycled;
  std::vector<Event> pending;
  std::vector<long> pending_calls;
  // What each outcome found: an event of the table (>= 0), a pending one (-2 - index), nothing (-1).
  std::vector<long> found(outcomes.size(), -1);
  for (std::size_t i = 0; i < outcomes.size(); ++i) {
    SearchOutcome& o = outcomes[i];
    (reused ? reuse->attempts : totals_.searches) += 1;
    if (reused) reuse->force_calls += o.force_calls;
    table.searches += 1;
    table.force_calls += o.force_calls;
    totals_.force_calls += o.force_calls;
    if (!reused) {
      ExplorationTotals::Phases& p = totals_.phases;
      p.basin += o.basin_force_calls;
      p.convergence += o.saddle_force_calls - o.basin_force_calls - o.check_force_calls;
      p.check += o.check_force_calls;
      p.connection += o.force_calls - o.saddle_force_calls;
      totals_.first_order += o.first_order ? 1 : 0;
    }
    if (!o.success) continue;
    table.successful += 1;
    if (!reused) {
      totals_.successful += 1;
      totals_.successful_search_calls.push_back(o.force_calls);
      totals_.successful_saddle_calls.push_back(o.saddle_force_calls);
    }
    if (const auto k = table.find(surface_.space, o.saddle, o.saddle_energy, options_.identity)) {
      table.events()[*k].hits += 1;
      found[i] = static_cast<long>(*k);
    } else if (const auto p = find_event(pending, surface_.space, o.saddle, o.saddle_energy, options_.identity)) {
      pending[*p].hits += 1;
      found[i] = -2 - static_cast<long>(*p);
    } else {
      Event e = event_from(table, o);
      e.origin = origin;
      found[i] = -2 - static_cast<long>(pending.size());
      pending.push_back(std::move(e));
      pending_calls.push_back(o.force_calls);
    }
  }
  const std::vector<long> placed = finish_pending(table, pending, pending_calls);
  for (long f : found) {
    const long k = f <= -2 ? placed[static_cast<std::size_t>(-2 - f)] : f;
    table.history.push_back({static_cast<int>(k), k >= 0 ? table.events()[static_cast<std::size_t>(k)].barrier : 0.0});
  }
}

Event StateExplorer::event_from(const EventTable& table, SearchOutcome& o) const {
  Event e;
  e.saddle = std::move(o.saddle);
  e.saddle_energy = o.saddle_energy;
  e.product = std::move(o.product);
  e.product_energy = o.product_energy;
  e.mode = std::move(o.mode);
  e.barrier = e.saddle_energy - table.energy();
  return e;
}

StateExplorer::PendingPrefactors StateExplorer::pending_prefactors(const EventTable& table,
                                                                    const std::vector<Event>& pending) {
  const int n = static_cast<int>(pending.size());
  const PrefactorOptions& options = options_.prefactor;
  PendingPrefactors out;
  out.products.resize(pending.size());
  if (options.constant > 0.0) {
    for (const Event& e : pending) {
      PrefactorResult& p = out.results.emplace_back();
      p.valid = true;
      p.saddle = e.saddle;
      p.saddle_energy = e.saddle_energy;
      p.forward = p.backward = options.constant;
    }
    return out;
  }
  // 1. Each saddle's region and its Hessian over it (the per-saddle part).
  const std::vector<SaddleHessian> saddles = run_distributed<SaddleHessian>(
      n,
      [&](int i) {
        return guarded_saddle_hessian(surface_, table.minimum(), pending[static_cast<std::size_t>(i)], options);
      },
      encode_saddle_hessian, decode_saddle_hessian);
  // 2. The minima's Hessians over the same atoms: columns of this state and of known products
  //    come from the cache (computed once per state), a new product's are computed here and
  //    adopted by the cache when it becomes a state.
  const int b = surface_.space.block_size();
  HessianColumns& here = hessians_.at(table.state(), table.minimum(), b);
  std::vector<HessianColumns*> product(pending.size(), nullptr);
  std::vector<ColumnRequest> requests;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    if (!saddles[i].first_order) continue;
    if (const auto known = find_state(pending[i].product, pending[i].product_energy)) {
      product[i] = &hessians_.at(*known, states_.at(*known).x, b);
    } else {
      out.products[i] = HessianColumns(pending[i].product, b);
      product[i] = &out.products[i];
    }
    requests.push_back({&here, saddles[i].atoms});
    requests.push_back({product[i], saddles[i].atoms});
  }
  out.column_calls = fill_columns(surface_, requests, options.column_step(), 8, options.forward_differences);
  // 3. Vineyard (factorizations only, no force calls; a minimum's once per region), distributed.
  out.results = run_distributed<PrefactorResult>(
      n,
      [&](int i) {
        const SaddleHessian& s = saddles[static_cast<std::size_t>(i)];
        if (!s.first_order) return vineyard_pair(surface_, s, {}, {}, options);
        return vineyard_pair_from_columns(surface_, s, here, *product[static_cast<std::size_t>(i)], options);
      },
      encode_prefactors, decode_prefactors);
  return out;
}

std::vector<long> StateExplorer::finish_pending(EventTable& table, std::vector<Event>& pending,
                                               const std::vector<long>& calls) {
  std::vector<long> placed(pending.size(), -1);
  PendingPrefactors computed = pending_prefactors(table, pending);
  const std::vector<PrefactorResult>& prefactors = computed.results;
  table.force_calls += computed.column_calls;
  table.prefactor_force_calls += computed.column_calls;
  totals_.force_calls += computed.column_calls;
  totals_.prefactor_force_calls += computed.column_calls;
  const double fresh_median = median(totals_.successful_search_calls);
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const PrefactorResult& p = prefactors[i];
    table.force_calls += p.force_calls;
    table.prefactor_force_calls += p.force_calls;
    totals_.force_calls += p.force_calls;
    totals_.prefactor_force_calls += p.force_calls;
    Event& e = pending[i];
    if (!p.valid) continue;
    e.saddle = p.saddle;
    e.saddle_energy = p.saddle_energy;
    e.prefactor_forward = p.forward;
    e.prefactor_backward = p.backward;
    const landscape::MinimumId product = add_state(e.product, e.product_energy, table.state());
    if (computed.products[i].block_size() > 0 && computed.products[i].positions().size() > 0)
      hessians_.adopt(product, std::move(computed.products[i]));
    // A search that fell back into this state, or a "saddle" below either end, is no event.
    if (product == table.state() || e.saddle_energy <= std::max(table.energy(), energy(product))) continue;
    e.product_id = product;
    const std::size_t index = add_saddle(table, e);
    // The table keeps what the catalog can give back, so a resumed run sees the same events.
    Event stored = event_from_catalog(table.state(), index);
    stored.hits = e.hits;
    stored.origin = e.origin;
    if (const auto same = find_event(table.events(), surface_.space, stored.saddle, stored.saddle_energy,
                                     options_.identity)) {
      table.events()[*same].hits += stored.hits;
      placed[i] = static_cast<long>(*same);
      continue;
    }
    if (e.reused()) {
      ReuseTotals& reuse = e.origin == EventOrigin::topology ? totals_.topology : totals_.recycled;
      table.reused_guesses += 1;
      reuse.guesses += 1;
      reuse.force_calls_saved += std::max(0L, static_cast<long>(fresh_median) - calls[i]);
    }
    placed[i] = static_cast<long>(table.add(std::move(stored)));
  }
  hessians_.trim();
  return placed;
}

std::size_t StateExplorer::add_saddle(const EventTable& table, const Event& e) {
  landscape::Saddle s;
  s.from = table.state();
  s.to = e.product_id;
  s.energy = e.saddle_energy;
  s.prefactor_forward = e.prefactor_forward;
  s.prefactor_backward = e.prefactor_backward;
  const Eigen::VectorXd moved = surface_.space.atom_displacements(e.product, table.minimum());
  Eigen::Index most = 0;
  s.max_displacement = moved.size() ? moved.maxCoeff(&most) : 0.0;
  s.total_displacement = moved.norm();
  for (Eigen::Index a = 0; a < moved.size(); ++a)
    if (moved[a] > options_.moved_threshold) s.atoms.push_back(static_cast<std::int32_t>(a));
  if (s.atoms.empty()) s.atoms.push_back(static_cast<std::int32_t>(most));
  s.location = e.saddle.segment<3>(3 * most);
  if (surface_.space.box() && !surface_.types.empty()) {
    const std::vector<int> central(s.atoms.begin(), s.atoms.end());
    s.environment_key =
        landscape::environment_key(surface_.space, table.minimum(), surface_.types, central, {}).short_form();
  }
  s.coordinates = compact_relative_to(e.saddle, &table.minimum(), table.state());
  s.coordinates.parent = table.state();  // a saddle's coordinates are always relative to `from`
  s.found = {"akmc", kT_, options_.seed, -1};
  return catalog_.insert_saddle(std::move(s)).first;
}

Event StateExplorer::event_from_catalog(landscape::MinimumId state, std::size_t index) const {
  const landscape::Saddle& s = catalog_.saddle(index);
  const bool forward = s.from == state;
  Event e;
  e.catalog_saddle = index;
  e.saddle = apply_coordinates(states_.at(s.from).x, s.coordinates);
  e.saddle_energy = s.energy;
  e.product_id = forward ? s.to : s.from;
  e.product = states_.at(e.product_id).x;
  e.product_energy = energy(e.product_id);
  e.barrier = s.energy - energy(state);
  e.prefactor_forward = forward ? s.prefactor_forward : s.prefactor_backward;
  e.prefactor_backward = forward ? s.prefactor_backward : s.prefactor_forward;
  e.moved_atoms.assign(s.atoms.begin(), s.atoms.end());
  const Eigen::VectorXd direction = surface_.space.difference(e.saddle, states_.at(state).x);
  e.mode = direction.norm() > 0.0 ? Eigen::VectorXd(direction.normalized()) : direction;
  return e;
}

nlohmann::json StateExplorer::to_json() const {
  nlohmann::json tables = nlohmann::json::array();
  for (const auto& [id, t] : tables_) {
    nlohmann::json events = nlohmann::json::array();
    for (const Event& e : t.events()) events.push_back({e.catalog_saddle, e.hits, static_cast<int>(e.origin)});
    nlohmann::json history = nlohmann::json::array();
    for (const auto& h : t.history) history.push_back({h.event, h.barrier});
    tables.push_back({{"state", id},
                      {"fresh_searches", fresh_searches_.at(id)},
                      {"searches", t.searches},
                      {"successful", t.successful},
                      {"force_calls", t.force_calls},
                      {"prefactor_force_calls", t.prefactor_force_calls},
                      {"reused_guesses", t.reused_guesses},
                      {"confidence", t.confidence},
                      {"history", history},
                      {"events", events}});
  }
  const ExplorationTotals& s = totals_;
  const auto reuse = [](const ReuseTotals& r) {
    return nlohmann::json{r.attempts, r.guesses, r.force_calls, r.force_calls_saved};
  };
  return {{"tables", tables},
          {"totals", {s.searches, s.successful, s.force_calls, s.prefactor_force_calls, s.saddles, s.tables}},
          {"recycled", reuse(s.recycled)},
          {"topology", reuse(s.topology)},
          {"successful_search_calls", s.successful_search_calls},
          {"successful_saddle_calls", s.successful_saddle_calls},
          {"first_order", s.first_order},
          {"phases", {s.phases.basin, s.phases.convergence, s.phases.check, s.phases.connection}}};
}

void StateExplorer::restore(const nlohmann::json& saved) {
  states_.clear();
  by_energy_.clear();
  tables_.clear();
  fresh_searches_.clear();
  for (std::size_t i = 0; i < catalog_.minimum_count(); ++i) {
    const landscape::Minimum& m = catalog_.minimum_at(i);
    const std::vector<md::Vec3> r = catalog_.positions(m.id);
    Eigen::VectorXd x(3 * static_cast<Eigen::Index>(r.size()));
    for (std::size_t a = 0; a < r.size(); ++a) x.segment<3>(3 * static_cast<Eigen::Index>(a)) = r[a];
    states_.emplace(m.id, KnownState{x, m.energy});
    by_energy_.emplace(m.energy, m.id);
  }
  for (const auto& t : saved.at("tables")) {
    const landscape::MinimumId id = t.at("state").get<landscape::MinimumId>();
    EventTable table(id, states_.at(id).x, states_.at(id).energy);
    table.searches = t.at("searches").get<long>();
    table.successful = t.at("successful").get<long>();
    table.force_calls = t.at("force_calls").get<long>();
    table.prefactor_force_calls = t.at("prefactor_force_calls").get<long>();
    table.reused_guesses = t.at("reused_guesses").get<long>();
    table.confidence = t.at("confidence").get<double>();
    for (const auto& h : t.at("history")) table.history.push_back({h.at(0).get<int>(), h.at(1).get<double>()});
    for (const auto& e : t.at("events")) {
      Event event = event_from_catalog(id, e.at(0).get<std::size_t>());
      event.hits = e.at(1).get<long>();
      event.origin = static_cast<EventOrigin>(e.at(2).get<int>());
      table.add(std::move(event));
    }
    fresh_searches_[id] = t.at("fresh_searches").get<long>();
    tables_.emplace(id, std::move(table));
  }
  const auto& s = saved.at("totals");
  const auto reuse = [](const nlohmann::json& r) {
    return ReuseTotals{r.at(0).get<long>(), r.at(1).get<long>(), r.at(2).get<long>(), r.at(3).get<long>()};
  };
  totals_ = ExplorationTotals{};
  totals_.searches = s.at(0);
  totals_.successful = s.at(1);
  totals_.force_calls = s.at(2);
  totals_.prefactor_force_calls = s.at(3);
  totals_.saddles = s.at(4);
  totals_.tables = s.at(5);
  totals_.recycled = reuse(saved.at("recycled"));
  totals_.topology = reuse(saved.at("topology"));
  totals_.successful_search_calls = saved.at("successful_search_calls").get<std::vector<long>>();
  // Checkpoints written before the per-phase counts existed resume with those counts at zero.
  if (saved.contains("phases")) {
    totals_.successful_saddle_calls = saved.at("successful_saddle_calls").get<std::vector<long>>();
    totals_.first_order = saved.at("first_order").get<long>();
    const auto& p = saved.at("phases");
    totals_.phases = {p.at(0).get<long>(), p.at(1).get<long>(), p.at(2).get<long>(), p.at(3).get<long>()};
  }
}

}  // namespace glassland::bridge
