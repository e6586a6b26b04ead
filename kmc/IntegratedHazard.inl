// Gauss-Kronrod 7/15 rule (nodes and weights of QUADPACK's qk15).
#include <cmath>

namespace glassland::kmc {

template <class F>
double gauss_kronrod15(const F& f, double a, double b, double& error) {
  static constexpr double xgk[8] = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
                                    0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
                                    0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
                                    0.207784955007898467600689403773245, 0.0};
  static constexpr double wgk[8] = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
                                    0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
                                    0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
                                    0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
  static constexpr double wg[4] = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
                                   0.381830050505118944950369775488975, 0.417959183673469387755102040816327};
  const double centre = 0.5 * (a + b);
  const double half = 0.5 * (b - a);
  const double fc = f(centre);
  double kronrod = wgk[7] * fc;
  double gauss = wg[3] * fc;
  for (int j = 0; j < 7; ++j) {
    const double fsum = f(centre - half * xgk[j]) + f(centre + half * xgk[j]);
    kronrod += wgk[j] * fsum;
    if (j % 2 == 1) gauss += wg[j / 2] * fsum;
  }
  error = std::abs((kronrod - gauss) * half);
  return kronrod * half;
}

}  // namespace glassland::kmc
