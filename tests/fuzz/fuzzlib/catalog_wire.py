"""Catalog (.glcat) files for the corpus: damaged copies of a valid file and crafted payloads.

The header is written here from its documented layout (landscape/CatalogFile.cpp: 8-byte magic,
uint32 schema version, uint64 payload length, uint64 FNV-1a checksum, little endian) and the
payload from the Protocol Buffers wire format (landscape/proto/catalog.proto field numbers), so
crafted payloads pass the checksum and reach the catalog's own validation.
"""
from __future__ import annotations

import random
import struct

MAGIC = b"GLCATLG\n"
HEADER = 28


def fnv1a(data: bytes) -> int:
    h = 14695981039346656037
    for c in data:
        h = ((h ^ c) * 1099511628211) & 0xFFFFFFFFFFFFFFFF
    return h


def with_header(payload: bytes, version: int = 2) -> bytes:
    return MAGIC + struct.pack("<IQQ", version, len(payload), fnv1a(payload)) + payload


def _varint(v: int) -> bytes:
    v &= 0xFFFFFFFFFFFFFFFF
    out = bytearray()
    while True:
        b = v & 0x7F
        v >>= 7
        out.append(b | (0x80 if v else 0))
        if not v:
            return bytes(out)


def field_varint(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def field_double(number: int, value: float) -> bytes:
    return _varint(number << 3 | 1) + struct.pack("<d", value)


def field_bytes(number: int, value: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(value)) + value


def packed_doubles(number: int, values: list[float]) -> bytes:
    return field_bytes(number, b"".join(struct.pack("<d", v) for v in values))


def packed_varints(number: int, values: list[int]) -> bytes:
    return field_bytes(number, b"".join(_varint(v) for v in values))


def minimum(id_: int, energy: float, coords: bytes = b"") -> bytes:
    return field_varint(1, id_) + field_double(2, energy) + field_double(3, 100.0) + (field_bytes(5, coords) if coords else b"")


def saddle(frm: int, to: int, energy: float, e_from: float, e_to: float, nu: float = 1.0) -> bytes:
    return (field_varint(1, frm) + field_varint(2, to) + field_double(3, energy) + field_double(4, energy - e_from) +
            field_double(5, energy - e_to) + field_double(6, nu) + field_double(7, nu))


def catalog(minima: list[bytes], saddles: list[bytes], version: int = 2, units: str = "reduced") -> bytes:
    provenance = field_bytes(2, units.encode()) + field_bytes(6, b"fuzz corpus")
    return with_header(field_varint(1, version) + field_bytes(2, provenance) +
                       b"".join(field_bytes(3, m) for m in minima) + b"".join(field_bytes(4, s) for s in saddles), version)


def crafted_catalogs() -> list[tuple[str, bytes]]:
    """Well-formed files whose content is impossible."""
    ok_min = [minimum(0, 0.0), minimum(1, -0.3)]
    ok_sad = [saddle(0, 1, 0.4, 0.0, -0.3)]
    nan = float("nan")
    coords_short = field_varint(1, (1 << 64) - 1) + packed_varints(2, [0, 1]) + packed_doubles(3, [0.0, 0.0])
    coords_bad_parent = field_varint(1, 77) + packed_varints(2, [0]) + packed_doubles(3, [0.0, 0.0, 0.0])
    return [
        ("minimum energy nan", catalog([minimum(0, nan), ok_min[1]], ok_sad)),
        ("minimum energy inf", catalog([minimum(0, float("inf")), ok_min[1]], ok_sad)),
        ("duplicate minimum id", catalog([minimum(0, 0.0), minimum(0, -0.3)], [])),
        ("negative minimum id", catalog([minimum((1 << 64) - 5, 0.0), ok_min[1]], [])),
        ("saddle to unknown minimum", catalog(ok_min, [saddle(0, 9, 0.4, 0.0, -0.3)])),
        ("saddle below its minimum", catalog(ok_min, [saddle(0, 1, -1.0, 0.0, -0.3)])),
        ("saddle barrier inconsistent", catalog(ok_min, [field_varint(1, 0) + field_varint(2, 1) + field_double(3, 0.4) +
                                                         field_double(4, 7.0) + field_double(5, 0.7)])),
        ("saddle prefactor negative", catalog(ok_min, [saddle(0, 1, 0.4, 0.0, -0.3, -1.0)])),
        ("saddle prefactor nan", catalog(ok_min, [saddle(0, 1, 0.4, 0.0, -0.3, nan)])),
        ("saddle from itself", catalog(ok_min, [saddle(0, 0, 0.4, 0.0, 0.0)])),
        ("coordinates of wrong length", catalog([minimum(0, 0.0, coords_short), ok_min[1]], ok_sad)),
        ("coordinates with unknown parent", catalog([minimum(0, 0.0, coords_bad_parent), ok_min[1]], ok_sad)),
        ("schema versions disagree", with_header(field_varint(1, 1) + field_bytes(3, ok_min[0]), 2)),
        ("unknown wire type", with_header(field_varint(1, 2) + bytes([0x3F, 0x01]), 2)),
        ("length prefix past the end", with_header(field_varint(1, 2) + bytes([0x1A, 0xFF, 0xFF, 0xFF, 0x0F]) + b"x", 2)),
    ]


def damaged_copies(valid: bytes, rng: random.Random, flips: int) -> list[tuple[str, bytes, bool]]:
    """(label, bytes, must_refuse). Payload flips with a fixed-up checksum may stay valid."""
    out = [("empty", b"", True), ("header only", valid[:HEADER], True),
           ("truncated", valid[: rng.randrange(HEADER, len(valid) - 1)], True),
           ("trailing byte", valid + b"\0", True), ("bad magic", b"GLCATLX\n" + valid[8:], True),
           ("schema 99", valid[:8] + struct.pack("<I", 99) + valid[12:], True),
           ("length 2^63", valid[:12] + struct.pack("<Q", 1 << 63) + valid[20:], True),
           ("checksum wrong", valid[:20] + struct.pack("<Q", fnv1a(valid[HEADER:]) ^ 1) + valid[HEADER:], True)]
    for k in range(flips):
        b = bytearray(valid)
        b[rng.randrange(HEADER, len(b))] ^= 1 << rng.randrange(8)
        out.append((f"payload bit flip #{k}", bytes(b), True))
        payload = bytearray(valid[HEADER:])
        for _ in range(rng.randint(1, 3)):
            payload[rng.randrange(len(payload))] = rng.randrange(256)
        out.append((f"payload bytes changed, checksum fixed #{k}", with_header(bytes(payload),
                                                                                struct.unpack("<I", valid[8:12])[0]), False))
    return out
