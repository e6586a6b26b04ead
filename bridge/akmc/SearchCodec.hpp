#pragma once
// One search or one prefactor computation as a self-contained task (fresh objective, errors
// turned into a failed result so no rank throws alone), and their byte encodings for the
// exchange between ranks (Distributed.hpp).
#include "bridge/akmc/Bytes.hpp"
#include "bridge/akmc/EventTable.hpp"
#include "bridge/akmc/Prefactors.hpp"
#include "bridge/akmc/SaddleSearcher.hpp"

namespace glassland::bridge {

/// Runs the search on a fresh objective of `surface`; an InputError becomes status "failed: ...".
SearchOutcome guarded_search(const SaddleSearcher& searcher, const Surface& surface, const SearchRequest& request);
/// The region of `event` (from `minimum`) and the saddle's Hessian over it (Prefactors.hpp).
SaddleHessian guarded_saddle_hessian(const Surface& surface, const Eigen::VectorXd& minimum, const Event& event,
                                     const PrefactorOptions& options);

void encode_outcome(ByteWriter& w, const SearchOutcome& o);
SearchOutcome decode_outcome(ByteReader& r);
void encode_prefactors(ByteWriter& w, const PrefactorResult& p);
PrefactorResult decode_prefactors(ByteReader& r);
void encode_saddle_hessian(ByteWriter& w, const SaddleHessian& s);
SaddleHessian decode_saddle_hessian(ByteReader& r);

}  // namespace glassland::bridge
