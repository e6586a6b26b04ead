#pragma once
// Which atoms enter the Hessians of an event's Vineyard prefactor: chosen from how far each atom
// moves in the event, as eOn does (its [Prefactor] section, filter_scheme "fraction":
// the atoms that make up a fraction of the total motion, plus every atom within a radius of
// them; github.com/TheochemUI/eOn, client/Prefactor.cpp). The same atoms are used at the
// saddle and at both minima, the rest held fixed, so forward and backward prefactors keep
// detailed balance.
//   d_a = max(|saddle_a - minimum_a|, |saddle_a - product_a|)   (minimum image)
// Core: the atoms of largest d_a, taken in decreasing order until they carry `fraction` of
// sum_a d_a^2. Unlike eOn (sum of d_a), squares: the elastic far field of a glass event decays
// as 1/r^2, so sum_a d_a grows with the box and a fixed fraction of it would take in a growing
// part of the box, while sum_a d_a^2 converges.
// Region: the core and every atom within `radius` of a core atom at the saddle.
// Units: length.
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"

namespace glassland::bridge {

/// The core atoms of an event (ascending indices); `fraction` in (0, 1].
std::vector<int> displacement_core(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& minimum,
                                   const Eigen::VectorXd& saddle, const Eigen::VectorXd& product, double fraction);

/// `atoms` and every atom within `radius` of one of them in configuration `x` (ascending).
std::vector<int> with_neighbours(const landscape::ConfigurationSpace& space, const Eigen::VectorXd& x,
                                 const std::vector<int>& atoms, double radius);

}  // namespace glassland::bridge
