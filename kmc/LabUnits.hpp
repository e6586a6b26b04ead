#pragma once
// Laboratory units used by landscape-model protocols (K, s, K/min, kJ/mol, Hz, MPa) and their
// conversions. Conversions are code so that no protocol file carries a silent factor.
namespace glassland::kmc::lab {

inline constexpr double kBoltzmannEvPerK = 8.617333262e-5;     ///< eV/K (CODATA 2018)
inline constexpr double kGasConstantKJPerMolK = 8.314462618e-3;  ///< kJ/(mol K)
inline constexpr double kEvToKJPerMol = 96.48533212;            ///< 1 eV per particle in kJ/mol

inline constexpr double kelvin_per_minute_to_per_second(double rate) { return rate / 60.0; }
inline constexpr double ev_to_kj_per_mol(double energy_ev) { return energy_ev * kEvToKJPerMol; }
inline constexpr double kj_per_mol_to_ev(double energy) { return energy / kEvToKJPerMol; }
/// Thermal energy k_B T in eV.
inline constexpr double thermal_energy_ev(double kelvin) { return kBoltzmannEvPerK * kelvin; }

}  // namespace glassland::kmc::lab
