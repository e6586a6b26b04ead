#include "landscape/DenseCholesky.hpp"

#include <Eigen/Cholesky>

#include "md/SimdLevel.hpp"

namespace glassland::landscape {

bool cholesky_in_place(Eigen::MatrixXd& a) {
#if defined(GLASSLAND_X86_DISPATCH)
  if (md::simd_level() >= md::SimdLevel::avx2) return detail::cholesky_in_place_avx2(a.data(), a.rows());
#endif
  const Eigen::LLT<Eigen::Ref<Eigen::MatrixXd>> llt(a);
  return llt.info() == Eigen::Success;
}

}  // namespace glassland::landscape
