// Compiled with -mavx2 -mfma on x86-64 (landscape/sources_saddles.cmake) and never in a unity
// batch: Eigen's templates instantiated here use AVX2 instructions, so they live in a namespace
// of their own (the macro below renames Eigen's) and cannot stand in for the baseline
// instances of other files at link time. Nothing else may be emitted here as a weak symbol
// (an inline std:: function compiled for AVX2 could stand in for a baseline one): after a
// change, `nm -C` of this object should list only glassland_eigen_avx2 symbols and the one
// function below.
#define Eigen glassland_eigen_avx2
#include <Eigen/Cholesky>
#include <Eigen/Core>

namespace glassland::landscape::detail {

bool cholesky_in_place_avx2(double* a, long n) {
  Eigen::Map<Eigen::MatrixXd> m(a, n, n);
  const Eigen::LLT<Eigen::Ref<Eigen::MatrixXd>> llt(m);
  return llt.info() == Eigen::Success;
}

}  // namespace glassland::landscape::detail
