#pragma once
// Parsers of every protocol step kind (ThermalSteps.cpp, InstrumentSteps.cpp); the registry in
// ProtocolRegistry.cpp maps kind names to them.
#include <filesystem>
#include <memory>
#include <string>

#include "kmc/model/Protocol.hpp"

namespace glassland::model {

std::unique_ptr<ProtocolStep> parse_ramp(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_cyclic_ramp(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_hold(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_two_step_ramp(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_schedule(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_schedule_file(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_creep(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_dsc(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_kissinger(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_dma(TomlFields& f, const std::string& base_dir);
std::unique_ptr<ProtocolStep> parse_frequency_sweep(TomlFields& f, const std::string& base_dir);

}  // namespace glassland::model
