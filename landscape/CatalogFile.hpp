#pragma once
// Catalog persistence: a small binary header followed by the protobuf message of
// landscape/proto/catalog.proto.
//   bytes 0-7   magic "GLCATLG\n"
//   bytes 8-11  schema version (uint32, little endian)
//   bytes 12-19 payload length in bytes (uint64, little endian)
//   bytes 20-27 FNV-1a 64-bit checksum of the payload (uint64, little endian)
//   bytes 28-   payload (serialized glassland.landscape.proto.Catalog)
// The header lets a reader refuse truncated, corrupted or newer-schema files with a clear
// message before touching the payload.
#include <string>

#include "landscape/Catalog.hpp"

namespace glassland::landscape {

/// Serialized file contents (header + payload).
std::string catalog_to_bytes(const Catalog& catalog);
/// Parses file contents; `where` names the source in errors. Throws InputError for a bad magic,
/// a truncated or over-long file, a checksum mismatch, a newer schema ("schema version 7 is newer
/// than this glassland (1)"), an unparsable payload or inconsistent records.
Catalog catalog_from_bytes(const std::string& bytes, const std::string& where);

/// Writes atomically (never a partial file; an existing file is replaced only on success).
void save_catalog(const std::string& path, const Catalog& catalog);
/// Reads a catalog file; errors name the path.
Catalog load_catalog(const std::string& path);

}  // namespace glassland::landscape
