#pragma once
#include <CLI/CLI.hpp>

namespace glassland::bridge {

/// `catalog info|import|merge|spectra|disconnectivity|export` (CatalogCommands.cpp); called by
/// register_kmc_commands so the registry in Commands.cpp stays one line per family.
void register_catalog_commands(CLI::App& app);
/// `catalog export` (CatalogExport.cpp).
void register_catalog_export(CLI::App* catalog);

}  // namespace glassland::bridge
