#pragma once
// The settings `glassland harvest` starts from, written once: the command registers its flags on
// them and glassland.harvest (Python) takes its defaults from them. Units: the potential's
// (time for dt and damping, length for radii and skin, energy/length for forces).
#include "landscape/Harvester.hpp"

namespace glassland::bridge {

/// MD, NEB, identity, prefactor and environment-key options of `glassland harvest`; temperature,
/// steps, seed and checkpoints (an output of the command) are left for the caller.
landscape::HarvestOptions harvest_command_defaults();

}  // namespace glassland::bridge
