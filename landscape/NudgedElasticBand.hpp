#pragma once
// Climbing-image nudged elastic band (Henkelman, Uberuaga, Jonsson, J. Chem. Phys. 113, 9901
// (2000)) with the improved tangent (Henkelman & Jonsson, J. Chem. Phys. 113, 9978 (2000)) and
// optional energy-weighted springs (Asgeirsson et al., JCTC 17, 4929 (2021), eq. for k_i).
//
// The band is itself an md::Objective over the concatenated interior images, whose
// "gradient" is minus the NEB force, so any registered minimizer (FIRE by default) relaxes it
// unchanged (the eOn design). Convergence is on the largest per-atom perpendicular force of
// all images and, when climbing, the climbing image's full force.
//
// Units: those of the image objective: energy, length, energy/length; spring constants in
// energy/length^2.
#include <string>
#include <vector>

#include <Eigen/Core>

#include "landscape/ConfigurationSpace.hpp"
#include "md/Minimizer.hpp"
#include "md/Objective.hpp"

namespace glassland::landscape {

struct NebOptions {
  int images = 7;                ///< interior (movable) images, >= 1
  double spring = 5.0;           ///< k (energy/length^2); k_max when energy-weighted
  bool energy_weighted = false;  ///< k_i between spring_min and spring by image energy
  double spring_min = 1.0;       ///< k_min for energy-weighted springs (energy/length^2)
  bool climb = true;             ///< climbing image
  /// Climbing starts once the perpendicular force falls below this (energy/length); 0 = at
  /// once. A short plain-NEB phase places the climbing image near the saddle first.
  double climb_start_fmax = 0.0;
  double fmax = 1e-3;            ///< convergence threshold (energy/length)
  long max_iterations = 5000;    ///< minimizer iterations on the band
  std::string minimizer = "fire";
  /// If not empty and `minimizer` stops unconverged, continue from its band with this one
  /// (e.g. fast "lbfgs" first, robust "fire" after).
  std::string fallback_minimizer;
  double max_step = 0.1;         ///< largest per-atom move per iteration (length)
  double timestep = 0.05;        ///< FIRE's initial time step (see MinimizerOptions)

  /// Throws InputError naming the field.
  void validate() const;
};

struct NebResult {
  bool converged = false;
  long iterations = 0;
  long force_calls = 0;               ///< image-objective evaluations, endpoints included
  std::vector<Eigen::VectorXd> path;  ///< images 0..M+1 (unwrapped, continuous)
  std::vector<double> energies;       ///< energy profile along the path (energy)
  std::vector<double> arc_length;     ///< cumulative distance along the path (length)
  int saddle_image = 0;               ///< index of the highest image (the climbing image)
  double saddle_energy = 0.0;         ///< energy of the highest image (energy)
  double barrier_forward = 0.0;       ///< saddle_energy - energies.front()
  double barrier_reverse = 0.0;       ///< saddle_energy - energies.back()
  double max_perpendicular_force = 0.0;  ///< convergence measure at the end (energy/length)
};

class NudgedElasticBand : public md::Objective {
public:
  /// `image_objective` evaluates one configuration (energy, gradient); the band is linearly
  /// interpolated between `initial` and `final` (difference under `space`). The endpoints are
  /// evaluated once here and stay fixed.
  NudgedElasticBand(md::Objective& image_objective, ConfigurationSpace space,
                    const Eigen::VectorXd& initial, const Eigen::VectorXd& final, NebOptions options);
  /// Same with a given initial path (images 0..M+1, M = options.images).
  NudgedElasticBand(md::Objective& image_objective, ConfigurationSpace space,
                    std::vector<Eigen::VectorXd> path, NebOptions options);
  /// One objective per interior image (objective k evaluates image k+1 and, for k = 0, the
  /// endpoints), so that each image keeps its own neighbour list between evaluations. All must
  /// describe the same model; the pointers must outlive the band.
  NudgedElasticBand(std::vector<md::Objective*> image_objectives, ConfigurationSpace space,
                    std::vector<Eigen::VectorXd> path, NebOptions options);

  Eigen::Index dimension() const override { return interior_dimension() ; }
  /// value: sum of interior image energies; gradient: minus the NEB force.
  double value_and_gradient(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) override;

  /// Relaxes the band with the chosen minimizer and returns the converged path.
  NebResult run();
  /// Current interior images as one vector.
  Eigen::VectorXd band() const;

private:
  Eigen::Index interior_dimension() const { return static_cast<Eigen::Index>(options_.images) * d_; }
  void evaluate_images(const Eigen::VectorXd& x);
  Eigen::VectorXd tangent(int i) const;
  std::vector<double> spring_constants() const;
  NebResult make_result(const md::MinimizerResult& minimized) const;
  md::MinimizerResult relax(const std::string& minimizer, Eigen::VectorXd& x);

  long total_image_calls() const;

  std::vector<md::Objective*> objectives_;  // objective of interior image i is [(i-1) % size]
  ConfigurationSpace space_;
  NebOptions options_;
  Eigen::Index d_ = 0;                 // coordinates per image
  std::vector<Eigen::VectorXd> path_;  // images 0..M+1
  std::vector<Eigen::VectorXd> forces_;  // true forces on the images
  std::vector<double> energies_;
  int climbing_ = -1;                  // climbing image index (-1 = none)
  bool climbing_on_ = false;
  double measure_ = 0.0;               // convergence measure of the last evaluation
  long endpoint_calls_ = 0;
};

/// Linear interpolation of `images` interior images between two configurations (the final
/// end made continuous with the initial one through the minimum image).
std::vector<Eigen::VectorXd> interpolate_path(const ConfigurationSpace& space, const Eigen::VectorXd& initial,
                                              const Eigen::VectorXd& final, int images);

/// Indices of interior local minima of an energy profile deeper than `depth` on both sides.
std::vector<int> profile_local_minima(const std::vector<double>& energies, double depth);

}  // namespace glassland::landscape
