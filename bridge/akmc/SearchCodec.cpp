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

SaddleHessian guarded_saddle_hessian(const Surface& surface, const Event& event, const PrefactorOptions& options) {
  const std::unique_ptr<md::Objective> objective = surface.make_objective();
  try {
    return refine_event_saddle(*objective, surface, event.saddle, event.saddle_energy, event.mode, options);
  } catch (const InputError& e) {
    SaddleHessian failed;
    failed.failure = e.what();
    failed.saddle = event.saddle;
    failed.saddle_energy = event.saddle_energy;
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

void encode_saddle_hessian(ByteWriter& w, const SaddleHessian& s) {
  w.put<char>(s.first_order ? 1 : 0);
  w.put_string(s.failure);
  w.put_vector(s.saddle);
  w.put(s.saddle_energy);
  w.put_ints(s.atoms);
  w.put_matrix(s.hessian);
  w.put(s.force_calls);
}

SaddleHessian decode_saddle_hessian(ByteReader& r) {
  SaddleHessian s;
  s.first_order = r.get<char>() != 0;
  s.failure = r.get_string();
  s.saddle = r.get_vector();
  s.saddle_energy = r.get<double>();
  s.atoms = r.get_ints();
  s.hessian = r.get_matrix();
  s.force_calls = r.get<long>();
  return s;
}

}  // namespace glassland::bridge
