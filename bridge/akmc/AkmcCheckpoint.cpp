#include "bridge/akmc/AkmcCheckpoint.hpp"

#include <fstream>
#include <sstream>

#include "landscape/CatalogFile.hpp"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"

namespace glassland::bridge {

namespace {
constexpr char kMagic[8] = {'G', 'L', 'A', 'K', 'M', 'C', '1', '\n'};
}

void save_akmc_checkpoint(const std::string& path, const nlohmann::json& state, const landscape::Catalog& catalog) {
  const std::string text = state.dump();
  std::string bytes(kMagic, sizeof kMagic);
  const std::uint64_t length = text.size();
  for (int i = 0; i < 8; ++i) bytes.push_back(static_cast<char>((length >> (8 * i)) & 0xff));
  bytes += text;
  bytes += landscape::catalog_to_bytes(catalog);
  write_bytes_atomically(path, bytes);
}

AkmcCheckpoint load_akmc_checkpoint(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "no checkpoint to resume from");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  if (bytes.size() < 16 || bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0)
    throw InputError(path, "not an akmc checkpoint");
  std::uint64_t length = 0;
  for (int i = 0; i < 8; ++i) length |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[8 + i])) << (8 * i);
  if (bytes.size() - 16 < length) throw InputError(path, "truncated akmc checkpoint");
  AkmcCheckpoint checkpoint;
  try {
    checkpoint.state = nlohmann::json::parse(bytes.substr(16, length));
  } catch (const nlohmann::json::exception&) {
    throw InputError(path, "corrupt akmc checkpoint (run state)");
  }
  checkpoint.catalog = landscape::catalog_from_bytes(bytes.substr(16 + length), path);
  return checkpoint;
}

}  // namespace glassland::bridge
