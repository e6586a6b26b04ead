#include "landscape/CatalogFile.hpp"

#include "landscape/Fnv1a.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "catalog.pb.h"
#include "md/AtomicFile.hpp"
#include "md/Error.hpp"

namespace glassland::landscape {

namespace {

constexpr char kMagic[8] = {'G', 'L', 'C', 'A', 'T', 'L', 'G', '\n'};
constexpr std::size_t kHeaderSize = 28;


void put_le(std::string& out, std::uint64_t value, int nbytes) {
  for (int i = 0; i < nbytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xff));
}

std::uint64_t get_le(const std::string& in, std::size_t offset, int nbytes) {
  std::uint64_t value = 0;
  for (int i = 0; i < nbytes; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[offset + i])) << (8 * i);
  return value;
}

void to_proto(const Discovery& d, proto::Discovery* p) {
  p->set_method(d.method);
  p->set_temperature(d.temperature);
  p->set_seed(d.seed);
  p->set_md_step(d.md_step);
}

Discovery from_proto(const proto::Discovery& p) {
  return Discovery{p.method(), p.temperature(), p.seed(), p.md_step()};
}

void add_vec3(const md::Vec3& v, google::protobuf::RepeatedField<double>* out) {
  out->Add(v.x());
  out->Add(v.y());
  out->Add(v.z());
}

void to_proto(const CompactCoordinates& from, proto::Coordinates* c) {
  c->set_parent(from.parent);
  c->mutable_atoms()->Add(from.atoms.begin(), from.atoms.end());
  for (const auto& r : from.positions) add_vec3(r, c->mutable_positions());
}

CompactCoordinates from_proto(const proto::Coordinates& c, const std::string& where, const std::string& owner) {
  CompactCoordinates out;
  out.parent = c.parent();
  out.atoms.assign(c.atoms().begin(), c.atoms().end());
  if (c.positions_size() != 3 * c.atoms_size()) throw InputError(where, owner + ": coordinates have the wrong length");
  for (int k = 0; k < c.atoms_size(); ++k)
    out.positions.emplace_back(c.positions(3 * k), c.positions(3 * k + 1), c.positions(3 * k + 2));
  return out;
}

void to_proto(const Minimum& m, proto::Minimum* p) {
  p->set_id(m.id);
  p->set_energy(m.energy);
  p->set_volume(m.volume);
  p->set_fingerprint(m.fingerprint);
  to_proto(m.coordinates, p->mutable_coordinates());
  to_proto(m.found, p->mutable_found());
}

void to_proto(const Saddle& s, proto::Saddle* p) {
  p->set_from(s.from);
  p->set_to(s.to);
  p->set_energy(s.energy);
  p->set_barrier_forward(s.barrier_forward);
  p->set_barrier_backward(s.barrier_backward);
  p->set_prefactor_forward(s.prefactor_forward);
  p->set_prefactor_backward(s.prefactor_backward);
  p->mutable_atoms()->Add(s.atoms.begin(), s.atoms.end());
  p->set_max_displacement(s.max_displacement);
  p->set_total_displacement(s.total_displacement);
  add_vec3(s.location, p->mutable_location());
  p->set_environment_key(s.environment_key);
  p->set_activation_volume(s.activation_volume);
  p->set_activation_strain(s.activation_strain);
  to_proto(s.found, p->mutable_found());
  if (!s.coordinates.empty()) to_proto(s.coordinates, p->mutable_coordinates());
}

Minimum from_proto(const proto::Minimum& p, const std::string& where) {
  Minimum m;
  m.id = p.id();
  m.energy = p.energy();
  m.volume = p.volume();
  m.fingerprint = p.fingerprint();
  m.coordinates = from_proto(p.coordinates(), where, "minimum " + std::to_string(m.id));
  m.found = from_proto(p.found());
  return m;
}

Saddle from_proto(const proto::Saddle& p, const std::string& where) {
  Saddle s;
  s.from = p.from();
  s.to = p.to();
  s.energy = p.energy();
  s.prefactor_forward = p.prefactor_forward();
  s.prefactor_backward = p.prefactor_backward();
  s.atoms.assign(p.atoms().begin(), p.atoms().end());
  s.max_displacement = p.max_displacement();
  s.total_displacement = p.total_displacement();
  if (p.location_size() != 3) throw InputError(where, "saddle location must have 3 components");
  s.location = md::Vec3(p.location(0), p.location(1), p.location(2));
  s.environment_key = p.environment_key();
  s.activation_volume = p.activation_volume();
  s.activation_strain = p.activation_strain();
  s.found = from_proto(p.found());
  if (p.has_coordinates())  // schema 2; a schema-1 file has none
    s.coordinates = from_proto(p.coordinates(), where, "saddle " + std::to_string(s.from) + "->" + std::to_string(s.to));
  return s;
}

}  // namespace

std::string catalog_to_bytes(const Catalog& catalog) {
  proto::Catalog message;
  message.set_schema_version(kCatalogSchemaVersion);
  const Provenance& pv = catalog.provenance();
  auto* p = message.mutable_provenance();
  p->set_potential(pv.potential);
  p->set_units(pv.units);
  p->set_temperature(pv.temperature);
  p->set_seed(pv.seed);
  p->set_program_version(pv.program_version);
  p->set_created_by(pv.created_by);
  for (std::size_t i = 0; i < catalog.minimum_count(); ++i) to_proto(catalog.minimum_at(i), message.add_minima());
  for (std::size_t k = 0; k < catalog.saddle_count(); ++k) to_proto(catalog.saddle(k), message.add_saddles());
  std::string payload;
  if (!message.SerializeToString(&payload)) throw InputError("catalog", "cannot serialize (too large?)");
  std::string out(kMagic, sizeof kMagic);
  put_le(out, kCatalogSchemaVersion, 4);
  put_le(out, payload.size(), 8);
  put_le(out, fnv1a(payload), 8);
  return out + payload;
}

Catalog catalog_from_bytes(const std::string& bytes, const std::string& where) {
  if (bytes.size() < kHeaderSize || bytes.compare(0, sizeof kMagic, kMagic, sizeof kMagic) != 0)
    throw InputError(where, "not a glassland catalog (bad or missing header)");
  const auto version = static_cast<std::uint32_t>(get_le(bytes, 8, 4));
  if (version > kCatalogSchemaVersion)
    throw InputError(where, "schema version " + std::to_string(version) + " is newer than this glassland (" +
                                std::to_string(kCatalogSchemaVersion) + ")");
  const std::uint64_t length = get_le(bytes, 12, 8);
  if (bytes.size() - kHeaderSize < length)
    throw InputError(where, "truncated catalog (" + std::to_string(bytes.size() - kHeaderSize) + " of " +
                                std::to_string(length) + " payload bytes)");
  if (bytes.size() - kHeaderSize > length) throw InputError(where, "trailing bytes after the catalog payload");
  const std::string payload = bytes.substr(kHeaderSize);
  if (fnv1a(payload) != get_le(bytes, 20, 8)) throw InputError(where, "corrupt catalog (checksum mismatch)");
  proto::Catalog message;
  // libprotobuf logs parse problems (e.g. invalid UTF-8) on stderr itself; the InputError below
  // is the one line the user gets.
  google::protobuf::SetLogHandler(nullptr);
  if (!message.ParseFromString(payload)) throw InputError(where, "corrupt catalog (unparsable payload)");
  if (message.schema_version() != version) throw InputError(where, "corrupt catalog (schema versions disagree)");
  const auto& p = message.provenance();
  Catalog catalog(Provenance{p.potential(), p.units(), p.temperature(), p.seed(), p.program_version(), p.created_by()});
  catalog.set_schema_version(version);
  try {
    for (const auto& m : message.minima()) catalog.add_minimum(from_proto(m, where));
    for (const auto& s : message.saddles()) catalog.add_saddle(from_proto(s, where));
  } catch (const InputError& e) {
    throw InputError(where, e.what());
  }
  return catalog;
}

void save_catalog(const std::string& path, const Catalog& catalog) {
  write_bytes_atomically(path, catalog_to_bytes(catalog));
}

Catalog load_catalog(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open catalog");
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return catalog_from_bytes(buffer.str(), path);
}

}  // namespace glassland::landscape
