#pragma once
// Hand-made networks for kMC: a JSON file
//   {"units": "reduced",                      (optional: "lj", "metal" or "reduced")
//    "minima":  [{"id": 0, "energy": E}, ...],
//    "saddles": [{"from": 0, "to": 1, "energy": Es,
//                 "prefactor_forward": nu, "prefactor_backward": nu,
//                 "activation_volume": V, "activation_strain": g}, ...]}   (last two optional)
// Energies in the energy unit, prefactors in 1/time. Minima get fingerprints "id:<id>" so that
// merging catalogs made from the same network deduplicates them.
#include <string>

#include "landscape/Catalog.hpp"

namespace glassland::kmc {

/// Parses the JSON text; `where` (the file name) prefixes errors, which name the field,
/// e.g. "net.json: saddles[2].energy: saddle energy ... is below an endpoint minimum".
landscape::Catalog catalog_from_network_json(const std::string& text, const std::string& where);
/// Reads and parses a file.
landscape::Catalog import_network_file(const std::string& path);

}  // namespace glassland::kmc
