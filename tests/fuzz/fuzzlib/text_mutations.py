"""Mutations of valid text inputs (LAMMPS data files, TOML, JSON), each invalid by construction.

Every function takes the valid text and a seeded random.Random and returns (label, text) pairs.
"Invalid by construction" means a careful reader must refuse the result: a count that disagrees
with the lines, a number that is not finite or not a number, a type that does not exist, a
truncation that removes whole records. Byte flips, whose validity nobody can predict, are in
random_byte_flips and judged as robustness cases (success allowed, crash or damage not).
"""
from __future__ import annotations

import random
import re

NOT_FINITE = ["nan", "inf", "-inf", "1e400"]
NOT_NUMBERS = ["abc", "2abc", "0x1p3z", "--1", "1..2"]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _section_range(lines: list[str], title: str) -> tuple[int, int]:
    """First and one-past-last index of the body lines of a data-file section."""
    start = next(i for i, l in enumerate(lines) if l.strip().startswith(title)) + 2
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return start, end


def _replace_field(line: str, index: int, value: str) -> str:
    fields = line.split()
    fields[index] = value
    return " ".join(fields)


def data_file_mutations(text: str, rng: random.Random) -> list[tuple[str, str]]:
    lines = _lines(text)
    natoms = int(next(l for l in lines if l.strip().endswith("atoms")).split()[0])
    a0, a1 = _section_range(lines, "Atoms")
    m0, _ = _section_range(lines, "Masses")
    header = {key: next(i for i, l in enumerate(lines) if l.strip().endswith(key))
              for key in ("atoms", "atom types", "xlo xhi", "ylo yhi", "zlo zhi")}
    out: list[tuple[str, str]] = []

    def with_line(label: str, index: int, new: str | None):
        copy = list(lines)
        if new is None:
            del copy[index]
        else:
            copy[index] = new
        out.append((label, "\n".join(copy)))

    for value in ["0", "-1", "1000000000", "99999999999999999999", str(natoms + 1), str(natoms - 1), "2.5", "abc"]:
        with_line(f"atom count {value}", header["atoms"], f"{value} atoms")
    for value in ["0", "1", "-2", "1000000000", "4294967298", "abc"]:
        with_line(f"atom types {value}", header["atom types"], f"{value} atom types")
    for key in ("xlo xhi", "ylo yhi", "zlo zhi"):
        lo, hi = lines[header[key]].split()[:2]
        for label, pair in [("reversed", (hi, lo)), ("empty", (lo, lo)), ("nan", ("nan", hi)), ("inf", (lo, "inf")),
                            ("huge", ("-1e300", "1e300")), ("junk", (lo, hi + "x"))]:
            with_line(f"box {key} {label}", header[key], f"{pair[0]} {pair[1]} {key}")
        with_line(f"box {key} missing", header[key], None)
    for value in ["0", "-1", "nan", "inf", "abc"]:
        with_line(f"mass {value}", m0, _replace_field(lines[m0], 1, value))
    with_line("mass of type 3", m0, "3 1.0")
    # Atom records: pick a seeded line for each defect.
    defects = [("type 0", 1, "0"), ("type 3", 1, "3"), ("type -1", 1, "-1"), ("type 1.5", 1, "1.5"),
               ("id 0", 0, "0"), ("id -5", 0, "-5"), ("id 99999999999", 0, "99999999999"), ("id abc", 0, "abc"),
               ("id duplicate", 0, "1")]
    for coord in (2, 3, 4):
        defects += [(f"coordinate {coord - 1} {v}", coord, v) for v in NOT_FINITE + ["1e300", "-1e300", "abc", "1.5e"]]
    defects += [(f"image flag {v}", 5, v) for v in ["99999999999", "2147483648", "-2147483649", "1.5", "abc"]]
    for label, field, value in defects:
        index = rng.randrange(a0 + 1 if label == "id duplicate" else a0, a1)
        with_line(f"atom {label}", index, _replace_field(lines[index], field, value))
    index = rng.randrange(a0, a1)
    with_line("atom missing field", index, " ".join(lines[index].split()[:4]))
    with_line("atom extra field", index, lines[index] + " 7")
    with_line("atom junk field", index, lines[index] + " x")
    with_line("atom record removed", index, None)
    with_line("atoms header removed", a0 - 2, None)
    with_line("unknown section", a0 - 2, "Bonds")
    cut = rng.randrange(a0, a1 - 1)
    out.append(("truncated inside Atoms", "\n".join(lines[:cut])))
    out.append(("truncated after header", "\n".join(lines[: header["zlo zhi"] + 1])))
    out.append(("empty", ""))
    out.append(("header only", lines[0] + "\n"))
    out.append(("binary garbage", "".join(chr(rng.randrange(1, 256)) for _ in range(600))))
    velocities = ["", "Velocities", ""] + [f"{i} 0 0 0" for i in range(1, natoms + 1)]
    for label, vel in [("velocity nan", {3: "1 nan 0 0"}), ("velocity missing", {len(velocities) - 1: None}),
                       ("velocity unknown id", {3: f"{natoms + 5} 0 0 0"}), ("velocity inf", {4: "2 0 inf 0"})]:
        copy = list(velocities)
        for k, v in sorted(vel.items(), reverse=True):
            if v is None:
                del copy[k]
            else:
                copy[k] = v
        out.append((label, "\n".join(lines[:a1] + copy) + "\n"))
    return out


def random_byte_flips(data: bytes, rng: random.Random, count: int) -> list[tuple[str, bytes]]:
    """Robustness cases: a few random bytes replaced (success allowed)."""
    out = []
    for k in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 4)):
            mutated[rng.randrange(len(mutated))] = rng.choice(b"-0123456789.eE+ \nnaifx\x00\xff")
        out.append((f"byte flips #{k}", bytes(mutated)))
    return out


def toml_value_mutations(text: str, rng: random.Random, keys: list[str] | None = None,
                         integer_keys: set[str] = frozenset()) -> list[tuple[str, str, str]]:
    """(label, text, culprit key) with one `key = value` line's value made impossible."""
    lines = _lines(text)
    assignment = re.compile(r"^(\s*)([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*(#.*)?$")
    out = []
    for i, line in enumerate(lines):
        m = assignment.match(line)
        if not m or (keys is not None and m.group(2) not in keys):
            continue
        key, value = m.group(2), m.group(3)
        if value.startswith('"'):
            candidates = ['"no-such-choice"', "3", "[1, 2]"]
        elif value.startswith("["):
            candidates = ["[nan, 1.0]", '"text"', "[]", "[1.0, 2.0, 3.0, 4.0, 5.0]"]
        elif key in integer_keys or re.fullmatch(r"-?\d+", value):
            candidates = ["4294967393", "-1", "2.5", '"7"', "99999999999999999999"]
        elif value in ("true", "false"):
            candidates = ['"yes"', "1"]
        else:
            candidates = ["nan", "inf", "-inf", '"1.0"', "true"]
        for cand in candidates:
            copy = list(lines)
            copy[i] = f"{m.group(1)}{key} = {cand}"
            out.append((f"line {i + 1}: {key} = {cand}", "\n".join(copy), key))
    return out


def toml_structure_mutations(text: str, rng: random.Random) -> list[tuple[str, str, str]]:
    """(label, text, culprit): unknown key, syntax error, truncation, removed table."""
    lines = _lines(text)
    out = [("unknown key", text + "\nno_such_key = 1\n", "no_such_key"),
           ("syntax error", text + "\nthis is not toml\n", ":"),
           ("duplicate key", text + "\n" + next(l for l in lines if "=" in l and not l.startswith("#")) + "\n", ":")]
    keys = [i for i, l in enumerate(lines) if re.match(r"^\s*[A-Za-z_]+\s*=", l)]
    i = rng.choice(keys)
    cut = "\n".join(lines[:i] + [lines[i].split("=")[0] + "="])
    out.append(("truncated mid-assignment", cut, ":"))
    return out
