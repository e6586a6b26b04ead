// `glassland dma --data F --potential P --temperature T --amplitude 0.02 --period P --cycles 10
// --out DIR`: molecular-dynamics dynamic-mechanical analysis (Wakeda & Saida 2024, Fig. 4): a
// sinusoidal simple shear γ(t) = γ0 sin(2πt/P) of the box (xy tilt) under the thermostat
// (md/ShearDrivenDynamics). Per cycle: the mean atomic displacement Δr between the cycle's start
// and end (both at zero strain; rigid drift removed) and its histogram p(Δr); the storage and
// loss moduli G', G'' and tan δ = G''/G' from a least-squares fit of the shear stress to
// γ0 (G' sin ωt + G'' cos ωt) + c, per cycle and over all cycles after --discard-cycles.
// Writes DIR/dma_cycles.csv, DIR/dma_stress.csv, DIR/displacement_histogram.csv, DIR/summary.json.
#include <cmath>
#include <memory>
#include <numbers>
#include <optional>

#include <fmt/format.h>

#include "bridge/cli/CommandSupport.hpp"
#include "bridge/cli/StrainedMdSetup.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/ShearDrivenDynamics.hpp"
#include "md/StrainResponseFit.hpp"

namespace glassland::bridge {

namespace {

struct DmaOptions {
  StrainedMdOptions md;
  double amplitude = 0.02, period = 0.0;
  int cycles = 10, discard_cycles = 1, bins = 50;
  long samples_per_cycle = 100;
};

/// Stress samples and displacements of every cycle.
struct DmaRecord {
  std::vector<double> time, stress;
  std::vector<std::vector<double>> displacements;  // per cycle, per atom (length)
  std::string csv = "step,time,strain,shear_stress,temperature,potential_energy_per_atom\n";
};

struct Moduli {
  double storage = 0.0, loss = 0.0;
  double tan_delta() const { return loss / storage; }
  double phase_degrees() const { return std::atan2(loss, storage) * 180.0 / std::numbers::pi; }
};

Moduli fit_moduli(const DmaRecord& r, double omega, double amplitude, double t_begin, double t_end) {
  std::vector<double> t, y;
  for (std::size_t k = 0; k < r.time.size(); ++k)
    if (r.time[k] >= t_begin - 1e-9 && r.time[k] <= t_end + 1e-9) {
      t.push_back(r.time[k]);
      y.push_back(r.stress[k]);
    }
  const md::OscillationFit fit = md::fit_oscillation(t, y, omega);
  return {fit.in_phase / amplitude, fit.out_of_phase / amplitude};
}

double mean_of(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return v.empty() ? 0.0 : s / static_cast<double>(v.size());
}

void validate(const DmaOptions& o) {
  require_positive("--amplitude", o.amplitude);
  require_positive("--period", o.period);
  if (o.cycles < 1) throw InputError("--cycles", "must be >= 1");
  if (o.discard_cycles < 0 || o.discard_cycles >= o.cycles)
    throw InputError("--discard-cycles", "must be >= 0 and below --cycles");
  if (o.bins < 1) throw InputError("--bins", "must be >= 1");
  if (o.samples_per_cycle < 8) throw InputError("--samples-per-cycle", "must be >= 8");
}

std::string histogram_csv(const DmaRecord& r, int first_cycle, int bins) {
  double top = 0.0;
  for (const auto& c : r.displacements)
    for (double d : c) top = std::max(top, d);
  const double width = (top > 0.0 ? top : 1.0) * 1.000001 / bins;
  std::vector<std::vector<double>> p(r.displacements.size(), std::vector<double>(static_cast<std::size_t>(bins), 0.0));
  std::vector<double> pooled(static_cast<std::size_t>(bins), 0.0);
  double pooled_count = 0.0;
  for (std::size_t c = 0; c < r.displacements.size(); ++c) {
    const double norm = 1.0 / (static_cast<double>(r.displacements[c].size()) * width);
    for (double d : r.displacements[c]) {
      const auto b = static_cast<std::size_t>(d / width);
      p[c][b] += norm;
      if (static_cast<int>(c) >= first_cycle) pooled[b] += 1.0, pooled_count += 1.0;
    }
  }
  std::string text = "displacement,p_pooled";
  for (std::size_t c = 0; c < p.size(); ++c) text += fmt::format(",p_cycle{}", c + 1);
  text += "\n";
  for (int b = 0; b < bins; ++b) {
    const auto k = static_cast<std::size_t>(b);
    text += fmt::format("{},{}", (b + 0.5) * width, pooled_count > 0 ? pooled[k] / (pooled_count * width) : 0.0);
    for (const auto& pc : p) text += fmt::format(",{}", pc[k]);
    text += "\n";
  }
  return text;
}

/// The sinusoidal run: stress samples and the displacements of every cycle.
DmaRecord record_dma(const DmaOptions& o, StrainedMd& md, long steps_per_cycle, double omega) {
  md::SimpleShear shear(md.system);
  if (o.amplitude > shear.max_strain())
    throw InputError("--amplitude", fmt::format("exceeds the tilt limit of this box ({:.4g})", shear.max_strain()));
  md::ShearDrivenRun run;
  run.timestep = md.timestep;
  run.steps = steps_per_cycle * o.cycles;
  run.sample_every = std::max(1L, steps_per_cycle / o.samples_per_cycle);
  run.strain_at = [&](double t) { return o.amplitude * std::sin(omega * t); };
  DmaRecord record;
  std::optional<md::SimpleShear> cycle_start;
  const double n = static_cast<double>(md.system.size());
  md::run_shear_driven(md.system, *md.integrator, *md.forces, shear, run, [&](const md::StrainSample& s, const md::System& system) {
    record.time.push_back(s.time);
    record.stress.push_back(s.shear_stress);
    record.csv += fmt::format("{},{},{},{},{},{}\n", s.step, s.time, s.strain, s.shear_stress, s.thermo.temperature,
                              s.thermo.potential_energy / n);
    if (s.step % steps_per_cycle != 0) return;
    // Cycle boundaries are at zero strain; the displacement is measured against the box there.
    if (cycle_start) record.displacements.push_back(cycle_start->nonaffine_displacements(system));
    cycle_start.emplace(system);
  });
  return record;
}

/// Per-cycle moduli and mean displacement: a JSON list and the dma_cycles.csv text.
std::pair<nlohmann::json, std::string> per_cycle(const DmaOptions& o, const DmaRecord& record, double period) {
  const double omega = 2.0 * std::numbers::pi / period;
  nlohmann::json cycles = nlohmann::json::array();
  std::string csv = "cycle,mean_displacement,storage_modulus,loss_modulus,tan_delta\n";
  for (int c = 0; c < o.cycles; ++c) {
    const Moduli m = fit_moduli(record, omega, o.amplitude, c * period, (c + 1) * period);
    const double dr = mean_of(record.displacements[static_cast<std::size_t>(c)]);
    csv += fmt::format("{},{},{},{},{}\n", c + 1, dr, m.storage, m.loss, m.tan_delta());
    cycles.push_back({{"cycle", c + 1}, {"mean_displacement", dr}, {"storage_modulus", m.storage},
                      {"loss_modulus", m.loss}, {"tan_delta", m.tan_delta()}});
  }
  return {cycles, csv};
}

void run_dma(const DmaOptions& o) {
  validate(o);
  StrainedMd md = prepare_strained_md(o.md);
  const long steps_per_cycle = std::lround(o.period / md.timestep);
  if (steps_per_cycle < o.samples_per_cycle)
    throw InputError("--period", "must span at least --samples-per-cycle time steps");
  const double period = static_cast<double>(steps_per_cycle) * md.timestep;  // whole number of steps
  const double omega = 2.0 * std::numbers::pi / period;
  equilibrate(md, o.md.equilibrate_steps);
  const DmaRecord record = record_dma(o, md, steps_per_cycle, omega);
  // Not a structured binding: clang 14 (the sanitizer build) cannot capture one in a lambda.
  const auto cycle_table = per_cycle(o, record, period);
  const nlohmann::json& cycles = cycle_table.first;
  const std::string& cycles_csv = cycle_table.second;
  const Moduli all = fit_moduli(record, omega, o.amplitude, o.discard_cycles * period, o.cycles * period);
  double displacement = 0.0;
  for (int c = o.discard_cycles; c < o.cycles; ++c) displacement += cycles[static_cast<std::size_t>(c)]["mean_displacement"].get<double>();
  displacement /= o.cycles - o.discard_cycles;
  create_output_directory(o.md.out);
  write_file_atomically(o.md.out + "/dma_stress.csv", [&](std::ostream& out) { out << record.csv; });
  write_file_atomically(o.md.out + "/dma_cycles.csv", [&](std::ostream& out) { out << cycles_csv; });
  write_file_atomically(o.md.out + "/displacement_histogram.csv",
                        [&](std::ostream& out) { out << histogram_csv(record, o.discard_cycles, o.bins); });
  const double gpa = md::pressure_to_gpa(md.spec.units);
  nlohmann::json j = strained_md_summary(o.md, md);
  j.update({{"amplitude", o.amplitude}, {"period", period}, {"cycles", o.cycles}, {"discard_cycles", o.discard_cycles},
            {"storage_modulus", all.storage}, {"loss_modulus", all.loss}, {"storage_modulus_GPa", all.storage * gpa},
            {"loss_modulus_GPa", all.loss * gpa}, {"tan_delta", all.tan_delta()}, {"phase_degrees", all.phase_degrees()},
            {"mean_displacement", displacement}, {"per_cycle", cycles}});
  write_summary(o.md, j,
                fmt::format("storage_modulus {}\nloss_modulus {}\ntan_delta {}\nmean_displacement {}\n", all.storage,
                            all.loss, all.tan_delta(), displacement));
}

}  // namespace

void register_dma_command(CLI::App& app) {
  auto o = std::make_shared<DmaOptions>();
  CLI::App* cmd = app.add_subcommand(
      "dma", "MD dynamic-mechanical analysis: sinusoidal xy shear under a thermostat; storage/loss moduli, tan delta, "
             "per-cycle mean atomic displacement and its histogram");
  add_strained_md_options(*cmd, o->md);
  cmd->add_option("--amplitude", o->amplitude, "shear strain amplitude gamma0")->capture_default_str();
  cmd->add_option("--period", o->period, "period of the strain (time: ps metal, tau lj; rounded to whole steps)")
      ->required();
  cmd->add_option("--cycles", o->cycles, "number of cycles")->capture_default_str();
  cmd->add_option("--discard-cycles", o->discard_cycles,
                  "first cycles left out of the overall moduli and mean displacement (start-up transient)")
      ->capture_default_str();
  cmd->add_option("--samples-per-cycle", o->samples_per_cycle, "stress samples per cycle")->capture_default_str();
  cmd->add_option("--bins", o->bins, "bins of the displacement histogram")->capture_default_str();
  cmd->callback([o] { run_dma(*o); });
}

}  // namespace glassland::bridge
