#pragma once
// Curve analysis used by the virtual instruments: peaks and widths, integrals, and the
// Kissinger, Arrhenius and Vogel-Fulcher-Tammann fits. Units are those of the inputs unless
// stated.
#include <vector>

namespace glassland::model {

struct PeakShape {
  bool found = false;
  double position = 0.0;  ///< x of the extremum (linear interpolation of the samples)
  double height = 0.0;    ///< y at the extremum (sign kept)
  double fwhm = 0.0;      ///< full width at half of |height| (x units); 0 if a side never drops
};

/// x of the vertex of the parabola through samples i-1, i, i+1 (any spacing), kept within
/// [x[i-1], x[i+1]]: peak positions that move smoothly with the curve instead of jumping from
/// sample to sample (what a least-squares fit of peak temperatures needs). x[i] at the ends.
double refined_peak_position(const std::vector<double>& x, const std::vector<double>& y, std::size_t i);
/// Largest maximum of y (or of -y when `negative`), with its full width at half maximum.
PeakShape find_peak(const std::vector<double>& x, const std::vector<double>& y, bool negative = false);
/// Indices of interior local maxima of y whose height exceeds `min_fraction` of max(y).
std::vector<std::size_t> local_maxima(const std::vector<double>& y, double min_fraction);
/// Trapezoidal integral of y dx over [x_low, x_high] (x increasing; partial cells interpolated).
double integrate(const std::vector<double>& x, const std::vector<double>& y, double x_low, double x_high);

struct LineFit {
  double slope = 0.0, intercept = 0.0, r_squared = 0.0;
};
/// Least-squares line; needs >= 2 distinct x.
LineFit fit_line(const std::vector<double>& x, const std::vector<double>& y);

/// Kissinger: ln(q / Tp^2) = -Ea / (R Tp) + c. Rates in K/min, peak temperatures in K.
/// Returns Ea in kJ/mol.
double kissinger_energy_kj_mol(const std::vector<double>& rates_K_per_min, const std::vector<double>& peaks_K);
/// Arrhenius from loss-peak positions: f = f0 exp(-E / (k_B T_peak)). Returns E in eV.
double arrhenius_energy_ev(const std::vector<double>& frequencies_Hz, const std::vector<double>& peaks_K);

struct VftFit {
  double tau0_s = 0.0, B_K = 0.0, T0_K = 0.0, rms = 0.0;  ///< rms of ln tau residuals
};
/// tau = tau0 exp(B / (T - T0)) by a scan over T0 with linear least squares in (ln tau0, B).
/// Needs >= 3 points.
VftFit fit_vft(const std::vector<double>& temperatures_K, const std::vector<double>& times_s);

}  // namespace glassland::model
