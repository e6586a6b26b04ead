#pragma once
// Barrier and asymmetry spectra of a catalog: histograms of the barriers of both directions of
// every saddle, and of the asymmetries |E(to) - E(from)| (energy unit).
#include <cstddef>
#include <vector>

#include "landscape/Catalog.hpp"

namespace glassland::landscape {

struct Histogram {
  double lower = 0.0;   ///< left edge of the first bin (energy unit)
  double width = 0.0;   ///< bin width (energy unit)
  std::vector<std::size_t> counts;
  std::size_t total() const;
  /// Probability density of bin k (counts / (total * width)).
  double density(std::size_t k) const;
};

/// Histogram of values on [min, max] with `bins` equal bins (the maximum goes in the last bin).
/// Empty input gives an empty histogram; a single distinct value gives one bin of width 0 ... 1.
Histogram make_histogram(const std::vector<double>& values, std::size_t bins);

struct Spectra {
  std::vector<double> barriers;    ///< forward and backward barrier of every saddle
  std::vector<double> asymmetries; ///< |E(to) - E(from)| of every saddle
  Histogram barrier_histogram;
  Histogram asymmetry_histogram;
};

Spectra compute_spectra(const Catalog& catalog, std::size_t bins);

}  // namespace glassland::landscape
