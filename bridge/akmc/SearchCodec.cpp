#include "bridge/akmc/SearchCodec.hpp"

#include "md/Error.hpp"

namespace glassland::bridge {

SearchOutcome guarded_search(const SaddleSearcher& searcher, const Surface& surface, const SearchRequest& request) {
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  try {
    SearchOutcome o = searcher(*objective, surface.space, request);
    o.force_calls = objective->evaluations();
    return o;
  } catch (const InputError& e) {
    SearchOutcome failed;
    failed.status = std::string("failed: ") + e.what();
    failed.force_calls = objective->evaluations();
    return failed;
  }
}

PrefactorResult guarded_prefactors(const Surface& surface, const Eigen::VectorXd& minimum, const Event& event,
                                   const PrefactorOptions& options) {
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  try {
    return event_prefactors(*objective, surface, minimum, event.saddle, event.saddle_energy, event.mode,
                            event.product, options);
  } catch (const InputError& e) {
    PrefactorResult failed;
    failed.failure = e.what();
    failed.force_calls = objective->evaluations();
    return failed;
  }
}

void encode_outcome(ByteWriter& w, const SearchOutcome& o) {
  w.put<char>(o.success ? 1 : 0);
  w.put_string(o.status);
  w.put_vector(o.saddle);
  w.put(o.saddle_energy);
  w.put_vector(o.mode);
  w.put(o.lowest_curvature);
  w.put_vector(o.product);
  w.put(o.product_energy);
  w.put(o.force_calls);
  w.put_ints(o.moved_atoms);
}

SearchOutcome decode_outcome(ByteReader& r) {
  SearchOutcome o;
  o.success = r.get<char>() != 0;
  o.status = r.get_string();
  o.saddle = r.get_vector();
  o.saddle_energy = r.get<double>();
  o.mode = r.get_vector();
  o.lowest_curvature = r.get<double>();
  o.product = r.get_vector();
  o.product_energy = r.get<double>();
  o.force_calls = r.get<long>();
  o.moved_atoms = r.get_ints();
  return o;
}

void encode_prefactors(ByteWriter& w, const PrefactorResult& p) {
  w.put<char>(p.valid ? 1 : 0);
  w.put_string(p.failure);
  w.put_vector(p.saddle);
  w.put(p.saddle_energy);
  w.put(p.forward);
  w.put(p.backward);
  w.put(p.force_calls);
}

PrefactorResult decode_prefactors(ByteReader& r) {
  PrefactorResult p;
  p.valid = r.get<char>() != 0;
  p.failure = r.get_string();
  p.saddle = r.get_vector();
  p.saddle_energy = r.get<double>();
  p.forward = r.get<double>();
  p.backward = r.get<double>();
  p.force_calls = r.get<long>();
  return p;
}

}  // namespace glassland::bridge
