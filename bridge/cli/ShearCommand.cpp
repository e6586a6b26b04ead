// `glassland shear --data F --potential P --temperature T --rate R --max-strain 0.05 --out DIR`:
// a quasi-static-rate simple shear test (Wakeda & Saida 2024, Fig. 5): the box is sheared in xy
// at constant engineering strain rate under the thermostat (md/ShearDrivenDynamics), giving
// the stress–strain curve, the shear modulus G from a line fit below --fit-strain, and fD,
// the fraction of atoms whose non-affine displacement |H0 (s - s0)| exceeds --nonaffine-threshold
// at the largest strain. Writes DIR/stress_strain.csv, DIR/nonaffine.csv, DIR/summary.json.
#include <cmath>
#include <memory>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/StrainedMdSetup.hpp"
#include "bridge/cli/StrictOptions.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/ShearDrivenDynamics.hpp"
#include "md/StrainResponseFit.hpp"

namespace glassland::bridge {

namespace {

struct ShearOptions {
  StrainedMdOptions md;
  double rate = 0.0, max_strain = 0.05, fit_strain = 0.01, nonaffine_threshold = 0.2;
  long sample_every = 0;
};

struct ShearCurve {
  std::vector<double> strain, stress, fd;
  std::string csv = "step,time,strain,shear_stress,shear_stress_GPa,temperature,potential_energy_per_atom,pressure,fD\n";
};

md::LineFit small_strain_fit(const ShearOptions& o, const ShearCurve& curve) {
  std::vector<double> x, y;
  for (std::size_t k = 0; k < curve.strain.size(); ++k)
    if (curve.strain[k] <= o.fit_strain + 1e-12) {
      x.push_back(curve.strain[k]);
      y.push_back(curve.stress[k]);
    }
  if (x.size() < 3) throw InputError("--fit-strain", "fewer than 3 stress samples below it; lower --sample-every");
  return md::fit_line(x, y);
}

void run_shear(const ShearOptions& o) {
  require_positive("--rate", o.rate);
  require_positive("--max-strain", o.max_strain);
  require_positive("--fit-strain", o.fit_strain);
  require_positive("--nonaffine-threshold", o.nonaffine_threshold);
  if (o.fit_strain > o.max_strain) throw InputError("--fit-strain", "must not exceed --max-strain");
  if (o.sample_every < 0) throw InputError("--sample-every", "must be >= 0");
  StrainedMd md = prepare_strained_md(o.md);
  equilibrate(md, o.md.equilibrate_steps);
  md::SimpleShear shear(md.system);
  if (o.max_strain > shear.max_strain())
    throw InputError("--max-strain", fmt::format("exceeds the tilt limit of this box ({:.4g})", shear.max_strain()));
  md::ShearDrivenRun run;
  run.timestep = md.timestep;
  run.steps = static_cast<long>(std::ceil(o.max_strain / (o.rate * md.timestep) - 1e-9));
  run.sample_every = o.sample_every > 0 ? o.sample_every : std::max(1L, run.steps / 500);
  run.strain_at = [&](double t) { return std::min(o.max_strain, o.rate * t); };
  const double gpa = md::pressure_to_gpa(md.spec.units);
  const double n = static_cast<double>(md.system.size());
  ShearCurve curve;
  std::vector<double> last_nonaffine;
  md::run_shear_driven(md.system, *md.integrator, *md.forces, shear, run, [&](const md::StrainSample& s, const md::System& system) {
    last_nonaffine = shear.nonaffine_displacements(system);
    const double fd = md::fraction_above(last_nonaffine, o.nonaffine_threshold);
    curve.strain.push_back(s.strain);
    curve.stress.push_back(s.shear_stress);
    curve.fd.push_back(fd);
    curve.csv += fmt::format("{},{},{},{},{},{},{},{},{}\n", s.step, s.time, s.strain, s.shear_stress, s.shear_stress * gpa,
                             s.thermo.temperature, s.thermo.potential_energy / n, s.thermo.pressure, fd);
  });
  const md::LineFit fit = small_strain_fit(o, curve);
  create_output_directory(o.md.out);
  write_file_atomically(o.md.out + "/stress_strain.csv", [&](std::ostream& out) { out << curve.csv; });
  write_file_atomically(o.md.out + "/nonaffine.csv", [&](std::ostream& out) {
    out << "id,type,nonaffine_displacement\n";
    for (std::size_t i = 0; i < md.system.size(); ++i)
      out << fmt::format("{},{},{}\n", md.system.id[i], md.system.type[i], last_nonaffine[i]);
  });
  nlohmann::json j = strained_md_summary(o.md, md);
  j["rate"] = o.rate;
  j["max_strain"] = curve.strain.back();
  j["steps"] = run.steps;
  j["fit_strain"] = o.fit_strain;
  j["fit_points"] = fit.points;
  j["shear_modulus"] = fit.slope;
  j["shear_modulus_stderr"] = fit.slope_stderr;
  j["shear_modulus_GPa"] = fit.slope * gpa;
  j["nonaffine_threshold"] = o.nonaffine_threshold;
  j["fD"] = curve.fd.back();
  j["max_stress"] = *std::max_element(curve.stress.begin(), curve.stress.end());
  write_summary(o.md, j,
                fmt::format("shear_modulus {} (+- {}) {}\nfD {}\n", fit.slope, fit.slope_stderr,
                            j["stress_unit"].get<std::string>(), curve.fd.back()));
}

}  // namespace

void register_shear_command(CLI::App& app) {
  auto o = std::make_shared<ShearOptions>();
  CLI::App* cmd = app.add_subcommand(
      "shear", "simple shear (xy) at constant strain rate under a thermostat: stress-strain curve, shear modulus, "
               "fraction fD of atoms with large non-affine displacement");
  add_strained_md_options(*cmd, o->md);
  cmd->add_option("--rate", o->rate, "engineering shear strain rate (1/time: 1/ps metal, 1/tau lj)")->required();
  cmd->add_option("--max-strain", o->max_strain, "final shear strain")->capture_default_str();
  cmd->add_option("--fit-strain", o->fit_strain, "shear modulus from a line fit of stress vs strain up to this strain")
      ->capture_default_str();
  cmd->add_option("--nonaffine-threshold", o->nonaffine_threshold,
                  "fD counts atoms whose non-affine displacement exceeds this (length: Angstrom metal, sigma lj)")
      ->capture_default_str()
      ->check(positive());
  cmd->add_option("--sample-every", o->sample_every, "steps between stress samples (default: steps/500)")
      ->check(positive());
  cmd->callback([o] { run_shear(*o); });
}

}  // namespace glassland::bridge
