// Instrument steps: dsc, kissinger, dma, frequency_sweep, creep. Each writes its CSV into the
// run's file set and returns a JSON summary.
#include <cmath>

#include "kmc/LabUnits.hpp"
#include "kmc/model/CreepSpectrumFit.hpp"
#include "kmc/model/Instruments.hpp"
#include "kmc/model/ProtocolSteps.hpp"
#include "kmc/model/TomlFields.hpp"
#include "md/Error.hpp"

namespace glassland::model {

namespace {
nlohmann::json peak_json(const PeakShape& p) {
  return {{"found", p.found}, {"temperature_K", p.position}, {"height_kJ_per_mol_K", p.height}, {"fwhm_K", p.fwhm}};
}

DscOptions read_dsc_options(TomlFields& f) {
  DscOptions o;
  o.to_K = f.required_positive("to_K");
  o.where = f.where("to_K");
  o.rate_K_s = kmc::lab::kelvin_per_minute_to_per_second(f.positive("rate_K_per_min", 20.0));
  o.reference_cooling_K_s = kmc::lab::kelvin_per_minute_to_per_second(f.positive("reference_cooling_K_per_min", 20.0, true));
  const auto range = f.numbers("range_K", {});
  if (!range.empty()) {
    if (range.size() != 2 || !(range[1] > range[0]) || !(range[0] > 0.0))
      throw InputError(f.where("range_K"), "must be [low, high] with 0 < low < high");
    o.range_low_K = range[0];
    o.range_high_K = range[1];
  }
  return o;
}

class DscStep : public ProtocolStep {
public:
  explicit DscStep(DscOptions o) : options_(o) {}
  std::string kind() const override { return "dsc"; }
  nlohmann::json run(RunContext& c) const override {
    DscOptions o = options_;
    o.molar_mass_g_mol = c.molar_mass_g_mol;
    const double from = c.temperature_K;
    const DscResult r = run_dsc(c.sample, from, o, c.control);
    const auto& s = r.scan;
    for (std::size_t i = 0; i < s.temperature_K.size(); ++i) {
      char line[160];
      std::snprintf(line, sizeof line, "%.10g,%d,%.8g,%.10g,%.8g\n", c.clock_s + (s.temperature_K[i] - from) / o.rate_K_s,
                    c.step_index, s.temperature_K[i], s.enthalpy[i], s.fictive_K[i]);
      c.trajectory_csv += line;
    }
    c.clock_s += (o.to_K - from) / o.rate_K_s;
    c.temperature_K = o.to_K;
    std::vector<double> ref = r.reference.heat_capacity, excess = r.excess_cp;
    if (ref.empty()) {  // no reference scan requested
      ref.assign(s.temperature_K.size(), NAN);
      excess = ref;
    }
    c.files[c.prefix("dsc") + ".csv"] = csv_table(
        {"T_K", "cp_kJ_per_mol_K", "heat_flow_W_per_g", "H_kJ_per_mol", "Tf_K", "cp_reference_kJ_per_mol_K", "excess_cp_kJ_per_mol_K"},
        {s.temperature_K, s.heat_capacity, s.heat_flow_W_g, s.enthalpy, s.fictive_K, ref, excess});
    return {{"file", c.prefix("dsc") + ".csv"}, {"rate_K_per_min", o.rate_K_s * 60.0},
            {"delta_H_kJ_per_mol", r.delta_H_kj_mol}, {"range_K", {o.range_low_K, o.range_high_K}},
            {"endothermic_peak", peak_json(r.endothermic)}, {"exothermic_peak", peak_json(r.exothermic)}};
  }

private:
  DscOptions options_;
};

class KissingerStep : public ProtocolStep {
public:
  KissingerStep(DscOptions o, std::vector<double> rates) : options_(o), rates_(std::move(rates)) {}
  std::string kind() const override { return "kissinger"; }
  nlohmann::json run(RunContext& c) const override {
    const KissingerResult k = run_kissinger(c.sample, c.temperature_K, rates_, options_, c.control);
    c.files[c.prefix("kissinger") + ".csv"] = csv_table({"rate_K_per_min", "peak_T_K"}, {k.rates_K_per_min, k.peaks_K});
    return {{"file", c.prefix("kissinger") + ".csv"}, {"activation_energy_kJ_per_mol", k.activation_kj_mol},
            {"peaks_K", k.peaks_K}, {"rates_K_per_min", k.rates_K_per_min}, {"peak_class", k.peak_class},
            {"followed_class", k.followed}, {"glass_transition_K", k.glass_transition_K}};
  }

private:
  DscOptions options_;
  std::vector<double> rates_;
};

class DmaStep : public ProtocolStep {
public:
  DmaStep(double to, double rate, std::vector<double> f, std::string where)
      : to_(to), rate_(rate), frequencies_(std::move(f)), where_(std::move(where)) {}
  std::string kind() const override { return "dma"; }
  nlohmann::json run(RunContext& c) const override {
    const DmaScan d = run_dma(c.sample, c.temperature_K, to_, rate_, frequencies_, c.control, where_);
    c.clock_s += (to_ - c.temperature_K) / rate_;
    c.temperature_K = to_;
    std::vector<std::string> header{"T_K"};
    std::vector<std::vector<double>> columns{d.temperature_K};
    for (std::size_t f = 0; f < frequencies_.size(); ++f) {
      char tag[48];
      std::snprintf(tag, sizeof tag, "%gHz", frequencies_[f]);
      std::vector<double> storage, loss, tan_delta;
      for (const auto& m : d.modulus[f]) { storage.push_back(m.real()); loss.push_back(m.imag()); tan_delta.push_back(m.imag() / m.real()); }
      header.insert(header.end(), {std::string("E1_GPa_") + tag, std::string("E2_GPa_") + tag, std::string("tan_delta_") + tag});
      columns.insert(columns.end(), {storage, loss, tan_delta});
    }
    c.files[c.prefix("dma") + ".csv"] = csv_table(header, columns);
    return {{"file", c.prefix("dma") + ".csv"}, {"frequencies_Hz", frequencies_}, {"beta_peak_K", d.beta_peak_K},
            {"alpha_peak_K", d.alpha_peak_K}, {"beta_arrhenius_energy_eV", d.beta_energy_eV},
            {"alpha_vft", {{"tau0_s", d.alpha_vft.tau0_s}, {"B_K", d.alpha_vft.B_K}, {"T0_K", d.alpha_vft.T0_K}}}};
  }

private:
  double to_, rate_;
  std::vector<double> frequencies_;
  std::string where_;
};

class FrequencySweepStep : public ProtocolStep {
public:
  FrequencySweepStep(std::vector<double> t, std::vector<double> f, double hold, double ref, std::string where)
      : temperatures_(std::move(t)), frequencies_(std::move(f)), hold_(hold), reference_(ref), where_(std::move(where)) {}
  std::string kind() const override { return "frequency_sweep"; }
  nlohmann::json run(RunContext& c) const override {
    const FrequencySweep s = run_frequency_sweep(c.sample, temperatures_, frequencies_, hold_, reference_, c.control, where_);
    std::vector<double> t, f, shift, reduced, storage, loss;
    for (std::size_t i = 0; i < temperatures_.size(); ++i)
      for (std::size_t j = 0; j < frequencies_.size(); ++j) {
        t.push_back(temperatures_[i]); f.push_back(frequencies_[j]); shift.push_back(s.shift_factor[i]);
        reduced.push_back(frequencies_[j] * s.shift_factor[i]);
        storage.push_back(s.modulus[i][j].real()); loss.push_back(s.modulus[i][j].imag());
      }
    c.files[c.prefix("sweep") + ".csv"] = csv_table({"T_K", "f_Hz", "a_T", "reduced_f_Hz", "E1_GPa", "E2_GPa"}, {t, f, shift, reduced, storage, loss});
    return {{"file", c.prefix("sweep") + ".csv"}, {"reference_K", reference_}, {"shift_factors", s.shift_factor}};
  }

private:
  std::vector<double> temperatures_, frequencies_;
  double hold_, reference_;
  std::string where_;
};

class CreepStep : public ProtocolStep {
public:
  CreepStep(double t, double stress, double duration, int gumbel_families, std::string where)
      : temperature_(t), stress_(stress), duration_(duration), gumbel_families_(gumbel_families), where_(std::move(where)) {}
  std::string kind() const override { return "creep"; }
  nlohmann::json run(RunContext& c) const override {
    const CreepResult r = run_creep(c.sample, temperature_, stress_, duration_, c.control, where_);
    c.clock_s += duration_;
    c.temperature_K = temperature_;
    c.files[c.prefix("creep") + ".csv"] = csv_table({"time_s", "J_per_GPa", "J_beta_per_GPa", "J_flow_per_GPa"},
                                                   {r.time_s, r.compliance_per_GPa, r.beta_part, r.flow_part});
    c.files[c.prefix("creep_spectrum") + ".csv"] = csv_table({"log10_tau_s", "beta_weight_per_GPa", "flow_weight_per_GPa"},
                                                            {r.spectrum_log10_tau, r.spectrum_beta, r.spectrum_flow});
    nlohmann::json out = {{"file", c.prefix("creep") + ".csv"}, {"final_compliance_per_GPa", r.compliance_per_GPa.back()},
                          {"final_strain", r.compliance_per_GPa.back() * stress_ * 1e-3},
                          {"log_mean_tau_beta_s", r.log_mean_tau_beta_s}, {"log_mean_tau_flow_s", r.log_mean_tau_flow_s}};
    if (gumbel_families_ > 0) {  // the paper's analysis of the curve (CreepSpectrumFit.hpp)
      CreepFitOptions options;
      options.families = gumbel_families_;
      const CreepCurve curve{r.time_s, r.compliance_per_GPa};
      const auto fit = fit_creep_spectrum(curve, options, where_ + " (gumbel_families)");
      out["gumbel_fit"] = creep_spectrum_json(fit);
      out["gumbel_fit"]["file"] = c.prefix("creep_gumbel") + ".csv";
      c.files[c.prefix("creep_gumbel") + ".csv"] = creep_spectrum_csv(curve, fit);
    }
    return out;
  }

private:
  double temperature_, stress_, duration_;
  int gumbel_families_;
  std::string where_;
};

std::vector<double> positive_list(TomlFields& f, const std::string& key) {
  auto values = f.required_numbers(key);
  for (double v : values)
    if (!(v > 0.0)) throw InputError(f.where(key), "entries must be > 0");
  return values;
}
}  // namespace

std::unique_ptr<ProtocolStep> parse_dsc(TomlFields& f, const std::string&) { return std::make_unique<DscStep>(read_dsc_options(f)); }

std::unique_ptr<ProtocolStep> parse_kissinger(TomlFields& f, const std::string&) {
  auto rates = positive_list(f, "rates_K_per_min");
  if (rates.size() < 2) throw InputError(f.where("rates_K_per_min"), "needs at least two heating rates");
  DscOptions o = read_dsc_options(f);
  if (f.has("rate_K_per_min")) throw InputError(f.where("rate_K_per_min"), "use rates_K_per_min for kissinger");
  if (!(o.reference_cooling_K_s > 0.0)) throw InputError(f.where("reference_cooling_K_per_min"), "must be > 0 for kissinger");
  return std::make_unique<KissingerStep>(o, rates);
}

std::unique_ptr<ProtocolStep> parse_dma(TomlFields& f, const std::string&) {
  const double to = f.required_positive("to_K");
  const double rate = kmc::lab::kelvin_per_minute_to_per_second(f.positive("rate_K_per_min", 2.0));
  return std::make_unique<DmaStep>(to, rate, positive_list(f, "frequencies_Hz"), f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_frequency_sweep(TomlFields& f, const std::string&) {
  auto temperatures = positive_list(f, "temperatures_K");
  const double low = f.positive("min_Hz", 0.01), high = f.positive("max_Hz", 100.0);
  if (!(high > low)) throw InputError(f.where("max_Hz"), "must exceed min_Hz");
  const double per_decade = f.positive("points_per_decade", 10.0);
  const double hold = f.positive("hold_s", 0.0, true);
  const double reference = f.positive("reference_K", temperatures.front());
  std::vector<double> frequencies;
  const int n = static_cast<int>(std::ceil(std::log10(high / low) * per_decade));
  for (int i = 0; i <= n; ++i) frequencies.push_back(low * std::pow(high / low, static_cast<double>(i) / n));
  return std::make_unique<FrequencySweepStep>(temperatures, frequencies, hold, reference, f.where("kind"));
}

std::unique_ptr<ProtocolStep> parse_creep(TomlFields& f, const std::string&) {
  const double t = f.required_positive("temperature_K");
  const double stress = f.required_positive("stress_MPa");
  const double duration = f.required_positive("duration_s");
  const int families = static_cast<int>(f.integer("gumbel_families", 0, 0, 4));
  return std::make_unique<CreepStep>(t, stress, duration, families, f.where("kind"));
}

}  // namespace glassland::model
