#include "landscape/Spectra.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "md/Error.hpp"

namespace glassland::landscape {

std::size_t Histogram::total() const { return std::accumulate(counts.begin(), counts.end(), std::size_t{0}); }

double Histogram::density(std::size_t k) const {
  const double n = static_cast<double>(total());
  return n > 0.0 && width > 0.0 ? static_cast<double>(counts[k]) / (n * width) : 0.0;
}

Histogram make_histogram(const std::vector<double>& values, std::size_t bins) {
  if (bins == 0) throw InputError("bins", "must be >= 1");
  Histogram h;
  if (values.empty()) return h;
  const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  h.lower = *lo;
  h.width = (*hi > *lo) ? (*hi - *lo) / static_cast<double>(bins) : 1.0;
  h.counts.assign(*hi > *lo ? bins : 1, 0);
  for (double v : values) {
    auto k = static_cast<std::size_t>(std::floor((v - h.lower) / h.width));
    ++h.counts[std::min(k, h.counts.size() - 1)];
  }
  return h;
}

Spectra compute_spectra(const Catalog& catalog, std::size_t bins) {
  Spectra s;
  for (std::size_t k = 0; k < catalog.saddle_count(); ++k) {
    const Saddle& saddle = catalog.saddle(k);
    s.barriers.push_back(saddle.barrier_forward);
    s.barriers.push_back(saddle.barrier_backward);
    s.asymmetries.push_back(std::abs(saddle.barrier_forward - saddle.barrier_backward));
  }
  s.barrier_histogram = make_histogram(s.barriers, bins);
  s.asymmetry_histogram = make_histogram(s.asymmetries, bins);
  return s;
}

}  // namespace glassland::landscape
