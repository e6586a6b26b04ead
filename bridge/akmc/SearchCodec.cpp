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

SaddleHessian guarded_saddle_hessian(const Surface& surface, const Eigen::VectorXd& minimum, const Event& event,
                                     const PrefactorOptions& options) {
  try {
    return event_saddle_hessian(surface, minimum, event.saddle, event.saddle_energy, event.product, options);
  } catch (const InputError& e) {
    SaddleHessian failed;
    failed.failure = e.what();
    failed.saddle = event.saddle;
    failed.saddle_energy = event.saddle_energy;
    return failed;
  }
}

namespace {

// Each message's fields, listed once: S is ByteWriter (M const) to encode, ByteReader to decode.
template <class S, class M>
void outcome_fields(S& s, M& o) {
  transfer_fields(s, o.success, o.status, o.saddle, o.saddle_energy, o.mode, o.lowest_curvature, o.product,
                  o.product_energy, o.force_calls, o.basin_force_calls, o.saddle_force_calls, o.check_force_calls,
                  o.first_order, o.moved_atoms);
}

template <class S, class M>
void prefactor_fields(S& s, M& p) {
  transfer_fields(s, p.valid, p.failure, p.saddle, p.saddle_energy, p.forward, p.backward, p.force_calls);
}

template <class S, class M>
void saddle_hessian_fields(S& s, M& h) {
  transfer_fields(s, h.first_order, h.failure, h.saddle, h.saddle_energy, h.atoms, h.hessian, h.growths,
                  h.force_calls, h.unstable_guess, h.factorization.conclusive, h.factorization.negative,
                  h.factorization.log_abs_pdet, h.factorization.unstable);
}

}  // namespace

void encode_outcome(ByteWriter& w, const SearchOutcome& o) { outcome_fields(w, o); }

SearchOutcome decode_outcome(ByteReader& r) {
  SearchOutcome o;
  outcome_fields(r, o);
  return o;
}

void encode_prefactors(ByteWriter& w, const PrefactorResult& p) { prefactor_fields(w, p); }

PrefactorResult decode_prefactors(ByteReader& r) {
  PrefactorResult p;
  prefactor_fields(r, p);
  return p;
}

void encode_saddle_hessian(ByteWriter& w, const SaddleHessian& h) { saddle_hessian_fields(w, h); }

SaddleHessian decode_saddle_hessian(ByteReader& r) {
  SaddleHessian h;
  saddle_hessian_fields(r, h);
  return h;
}

}  // namespace glassland::bridge
