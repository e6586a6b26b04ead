#pragma once
// Saddle searches by name, the one place they are registered (register_saddle_searches()):
//   "min-mode"  single-ended: from one minimum, a random start near a centre atom, minimum-
//               mode following to a first-order saddle, connected both ways (MinModeSearch.hpp);
//   "neb"       double-ended: climbing-image NEB between two given minima
//               (NudgedElasticBand.hpp), its top checked to be first order by Lanczos.
// Both return the same SaddleSearchResult, so a caller (the on-the-fly kMC engine, a test)
// can switch methods by name.
// Units: the objective's (energy, length).
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "landscape/MinModeSearch.hpp"
#include "landscape/NudgedElasticBand.hpp"
#include "md/Objective.hpp"
#include "md/Registry.hpp"

namespace glassland::landscape {

struct SaddleSearchRequest {
  Eigen::VectorXd minimum;           ///< start minimum (length)
  double minimum_energy = 0.0;
  Eigen::VectorXd final;             ///< double-ended searches: the other minimum (length)
  double final_energy = 0.0;
  int centre_atom = 0;               ///< single-ended searches: where the random start is centred
  std::uint64_t seed = 1;
};

struct SaddleSearchSettings {
  MinModeSearchOptions min_mode;     ///< also: first-order check and moved-atom threshold of "neb"
  NebOptions neb;
};

class SaddleSearch {
public:
  virtual ~SaddleSearch() = default;
  virtual std::string name() const = 0;
  /// True when the request must give `final` (a path between two known minima).
  virtual bool double_ended() const = 0;
  virtual SaddleSearchResult search(md::Objective& objective, const ConfigurationSpace& space,
                                    const SaddleSearchRequest& request) = 0;
};

using SaddleSearchFactory = std::function<std::unique_ptr<SaddleSearch>(const SaddleSearchSettings&)>;

/// The one place where saddle searches are registered.
void register_saddle_searches(Registry<SaddleSearchFactory>& registry);
/// The registry, built once.
const Registry<SaddleSearchFactory>& saddle_searches();

/// Creates the named search; throws InputError("saddle search", ...) listing the known names.
std::unique_ptr<SaddleSearch> make_saddle_search(const std::string& name, const SaddleSearchSettings& settings);

std::vector<std::string> saddle_search_names();

}  // namespace glassland::landscape
