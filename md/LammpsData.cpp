#include "md/LammpsData.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "md/AtomicFile.hpp"
#include "md/Error.hpp"
#include "md/NeighborList.hpp"

namespace glassland::md {

namespace {

constexpr double kMaxBoxLength = 1e15;  // length units

struct Line {
  long number;
  std::vector<std::string> tokens;
  std::string comment;  // text after '#'
};

std::vector<Line> tokenize(const std::string& text) {
  std::vector<Line> lines;
  std::istringstream in(text);
  std::string raw;
  long number = 0;
  while (std::getline(in, raw)) {
    ++number;
    Line line{number, {}, {}};
    if (const auto hash = raw.find('#'); hash != std::string::npos) {
      line.comment = raw.substr(hash + 1);
      raw.erase(hash);
    }
    std::istringstream words(raw);
    std::string word;
    while (words >> word) line.tokens.push_back(word);
    lines.push_back(std::move(line));
  }
  return lines;
}

class Parser {
public:
  Parser(const std::string& source) : source_(source) {}

  std::string at(const Line& line) const { return file_line(source_, line.number); }

  double real(const Line& line, std::size_t k, const char* field) const {
    const std::string& t = token(line, k, field);
    const char* begin = t.data() + (t[0] == '+' ? 1 : 0);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(begin, t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size())
      throw InputError(at(line), fmt::format("field '{}': '{}' is not a number", field, t));
    if (!std::isfinite(value)) throw InputError(at(line), fmt::format("field '{}': '{}' is not finite", field, t));
    return value;
  }

  long integer(const Line& line, std::size_t k, const char* field) const {
    const std::string& t = token(line, k, field);
    const char* begin = t.data() + (t[0] == '+' ? 1 : 0);
    long value = 0;
    const auto [end, ec] = std::from_chars(begin, t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size())
      throw InputError(at(line), fmt::format("field '{}': '{}' is not an integer", field, t));
    return value;
  }

  void expect_count(const Line& line, std::size_t min, std::size_t max, const char* what) const {
    const std::size_t n = line.tokens.size();
    if (n < min || n > max)
      throw InputError(at(line), fmt::format("{} line has {} fields, expected {}", what, n,
                                             min == max ? std::to_string(min) : fmt::format("{} or {}", min, max)));
  }

private:
  const std::string& token(const Line& line, std::size_t k, const char* field) const {
    if (k >= line.tokens.size()) throw InputError(at(line), fmt::format("field '{}' is missing", field));
    return line.tokens[k];
  }
  std::string source_;
};

bool is_coeff_section(const Line& line) {
  return line.tokens.size() == 2 && (line.tokens[0] == "Pair" || line.tokens[0] == "PairIJ") && line.tokens[1] == "Coeffs";
}

bool is_section(const Line& line) {
  if (is_coeff_section(line)) return true;
  if (line.tokens.size() != 1) return false;
  const std::string& w = line.tokens[0];
  return !w.empty() && std::isalpha(static_cast<unsigned char>(w[0]));
}

struct Header {
  long natoms = -1, ntypes = -1;
  double lo[3] = {0, 0, 0}, hi[3] = {0, 0, 0};
  bool has_bounds[3] = {false, false, false};
  double tilt[3] = {0, 0, 0};
  long box_line = 0;
};

void parse_header_line(const Parser& p, const Line& line, Header& h) {
  const auto& t = line.tokens;
  const auto ends_with = [&](std::initializer_list<const char*> words) {
    if (t.size() < words.size()) return false;
    std::size_t k = t.size() - words.size();
    for (const char* w : words)
      if (t[k++] != w) return false;
    return true;
  };
  if (ends_with({"atom", "types"})) {
    p.expect_count(line, 3, 3, "'atom types'");
    h.ntypes = p.integer(line, 0, "atom types");
    if (h.ntypes < 1) throw InputError(p.at(line), "field 'atom types' must be >= 1");
  } else if (ends_with({"atoms"})) {
    p.expect_count(line, 2, 2, "'atoms'");
    h.natoms = p.integer(line, 0, "atoms");
    if (h.natoms < 1) throw InputError(p.at(line), "field 'atoms' must be >= 1");
  } else if (ends_with({"xy", "xz", "yz"})) {
    p.expect_count(line, 6, 6, "'xy xz yz'");
    const char* names[3] = {"xy", "xz", "yz"};
    for (int k = 0; k < 3; ++k) h.tilt[k] = p.real(line, static_cast<std::size_t>(k), names[k]);
  } else {
    const char* lo_names[3] = {"xlo", "ylo", "zlo"};
    const char* hi_names[3] = {"xhi", "yhi", "zhi"};
    for (int d = 0; d < 3; ++d)
      if (ends_with({lo_names[d], hi_names[d]})) {
        p.expect_count(line, 4, 4, fmt::format("'{} {}'", lo_names[d], hi_names[d]).c_str());
        h.lo[d] = p.real(line, 0, lo_names[d]);
        h.hi[d] = p.real(line, 1, hi_names[d]);
        if (!(h.hi[d] > h.lo[d]))
          throw InputError(p.at(line), fmt::format("field '{}': box length {} - {} is not positive", hi_names[d],
                                                   h.hi[d], h.lo[d]));
        // Beyond this the volume and the cell grid overflow (a typo such as 1e300, not a system).
        if (!(h.hi[d] - h.lo[d] <= kMaxBoxLength))
          throw InputError(p.at(line), fmt::format("field '{}': box length {} exceeds {}", hi_names[d],
                                                   h.hi[d] - h.lo[d], kMaxBoxLength));
        h.has_bounds[d] = true;
        h.box_line = line.number;
        return;
      }
    throw InputError(p.at(line), "unknown header line (atom_style atomic knows: atoms, atom types, "
                                 "xlo xhi, ylo yhi, zlo zhi, xy xz yz)");
  }
}

}  // namespace

namespace {

// Reads the `count` non-blank lines after a section keyword at lines[k]; returns their indices.
std::vector<std::size_t> section_lines(const Parser& p, const std::vector<Line>& lines, std::size_t& k,
                                       long count, const char* section) {
  const Line& keyword = lines[k];
  std::vector<std::size_t> out;
  ++k;
  while (k < lines.size() && static_cast<long>(out.size()) < count) {
    if (lines[k].tokens.empty()) {
      ++k;
      continue;
    }
    if (is_section(lines[k]))
      throw InputError(p.at(lines[k]), fmt::format("section '{}' ends after {} of {} lines", section, out.size(), count));
    out.push_back(k++);
  }
  if (static_cast<long>(out.size()) < count)
    throw InputError(p.at(keyword), fmt::format("section '{}' is truncated: {} of {} lines", section, out.size(), count));
  return out;
}

// Files written by LAMMPS or glassland hold wrapped positions (plus image flags); unwrapped ones
// lie a few box lengths out at most. A coordinate thousands of box lengths away is a typo: wrapping
// it would lose its digits (x = 1e12 keeps no significant figure inside a 6-length box) and its
// image count would overflow the int image flags written back by --write-data.
void check_near_box(const Parser& p, const Line& line, const Box& box, const Vec3& r) {
  constexpr double kMaxBoxLengths = 1000.0;
  const Vec3 f = box.to_fractional(r);
  for (int d = 0; d < 3; ++d)
    if (!(std::abs(f[d]) <= kMaxBoxLengths))
      throw InputError(p.at(line), fmt::format("atom position ({} {} {}) lies more than {} box lengths outside the box",
                                               r.x(), r.y(), r.z(), kMaxBoxLengths));
}

}  // namespace

System parse_lammps_data(const std::string& text, const std::string& source, UnitSystem units) {
  const Parser p(source);
  const std::vector<Line> lines = tokenize(text);
  if (lines.empty()) throw InputError(source, "empty data file");
  Header h;
  std::size_t k = 1;  // line 1 is the title
  for (; k < lines.size() && !is_section(lines[k]); ++k)
    if (!lines[k].tokens.empty()) parse_header_line(p, lines[k], h);
  const std::string header_at = file_line(source, 1);
  if (h.natoms < 0) throw InputError(source, "header field 'atoms' is missing");
  if (h.ntypes < 0) throw InputError(source, "header field 'atom types' is missing");
  // Per-type arrays are sized by 'atom types' before any section is read: a typo such as
  // 1000000000 must be refused here, not after allocating gigabytes. A real file with more
  // types than atoms still lists one Masses line per type, so it has at least that many lines.
  if (h.ntypes > h.natoms && h.ntypes > static_cast<long>(lines.size()))
    throw InputError(source, fmt::format("header field 'atom types': {} types for {} atoms in a {}-line file", h.ntypes,
                                         h.natoms, lines.size()));
  const char* bounds[3] = {"xlo xhi", "ylo yhi", "zlo zhi"};
  for (int d = 0; d < 3; ++d)
    if (!h.has_bounds[d]) throw InputError(source, fmt::format("header field '{}' is missing", bounds[d]));

  System s;
  s.units = units;
  s.box = Box(Vec3(h.lo[0], h.lo[1], h.lo[2]), Vec3(h.hi[0], h.hi[1], h.hi[2]), h.tilt[0], h.tilt[1], h.tilt[2]);
  s.type_mass.assign(static_cast<std::size_t>(h.ntypes) + 1, 0.0);
  bool seen_masses = false, seen_atoms = false, seen_velocities = false;
  std::unordered_map<long, std::size_t> index_of_id;
  std::vector<long> atom_line;
  while (k < lines.size()) {
    if (lines[k].tokens.empty()) {
      ++k;
      continue;
    }
    const Line& keyword = lines[k];
    const std::string& name = keyword.tokens[0];
    if (!is_section(keyword)) throw InputError(p.at(keyword), "expected a section keyword (Masses, Atoms, Velocities)");
    if (is_coeff_section(keyword)) {
      // LAMMPS' write_data adds the pair coefficients; glassland takes the potential from
      // --potential, so these lines are skipped (after checking the section is complete).
      const long count = name == "Pair" ? h.ntypes : h.ntypes * (h.ntypes + 1) / 2;
      section_lines(p, lines, k, count, name == "Pair" ? "Pair Coeffs" : "PairIJ Coeffs");
    } else if (name == "Masses") {
      if (seen_masses) throw InputError(p.at(keyword), "second 'Masses' section");
      seen_masses = true;
      std::vector<char> given(s.type_mass.size(), 0);
      for (std::size_t li : section_lines(p, lines, k, h.ntypes, "Masses")) {
        const Line& line = lines[li];
        p.expect_count(line, 2, 2, "Masses");
        const long type = p.integer(line, 0, "type");
        if (type < 1 || type > h.ntypes) throw InputError(p.at(line), fmt::format("field 'type': {} is not in 1..{}", type, h.ntypes));
        if (given[static_cast<std::size_t>(type)]) throw InputError(p.at(line), fmt::format("field 'type': mass of type {} given twice", type));
        const double m = p.real(line, 1, "mass");
        if (!(m > 0.0)) throw InputError(p.at(line), "field 'mass' must be > 0");
        s.type_mass[static_cast<std::size_t>(type)] = m;
        given[static_cast<std::size_t>(type)] = 1;
      }
    } else if (name == "Atoms") {
      if (seen_atoms) throw InputError(p.at(keyword), "second 'Atoms' section");
      seen_atoms = true;
      std::string style = keyword.comment;
      style.erase(0, style.find_first_not_of(" \t"));
      style.erase(style.find_last_not_of(" \t\r") + 1);
      if (!style.empty() && style != "atomic")
        throw InputError(p.at(keyword), "atom style '" + style + "' is not supported (only atomic)");
      for (std::size_t li : section_lines(p, lines, k, h.natoms, "Atoms")) {
        const Line& line = lines[li];
        p.expect_count(line, 5, 8, "Atoms (id type x y z [ix iy iz])");
        if (line.tokens.size() != 5 && line.tokens.size() != 8)
          throw InputError(p.at(line), "Atoms line needs 5 fields (id type x y z) or 8 (with ix iy iz)");
        const long id = p.integer(line, 0, "id");
        if (id < 1 || id > 2147483647L) throw InputError(p.at(line), fmt::format("field 'id': {} is not a positive atom id", id));
        if (!index_of_id.emplace(id, s.size()).second)
          throw InputError(p.at(line), fmt::format("field 'id': atom {} appears twice", id));
        const long type = p.integer(line, 1, "type");
        if (type < 1 || type > h.ntypes) throw InputError(p.at(line), fmt::format("field 'type': {} is not in 1..{}", type, h.ntypes));
        const Vec3 r(p.real(line, 2, "x"), p.real(line, 3, "y"), p.real(line, 4, "z"));
        check_near_box(p, line, s.box, r);
        s.add_atom(static_cast<int>(id), static_cast<int>(type), r);
        if (line.tokens.size() == 8) {
          const char* names[3] = {"ix", "iy", "iz"};
          for (int d = 0; d < 3; ++d) {
            const long flag = p.integer(line, static_cast<std::size_t>(5 + d), names[d]);
            if (std::labs(flag) > 1000000000L) throw InputError(p.at(line), fmt::format("field '{}' is out of range", names[d]));
            s.image.back()[static_cast<std::size_t>(d)] = static_cast<int>(flag);
          }
        }
        atom_line.push_back(line.number);
      }
    } else if (name == "Velocities") {
      if (seen_velocities) throw InputError(p.at(keyword), "second 'Velocities' section");
      if (!seen_atoms) throw InputError(p.at(keyword), "'Velocities' must come after 'Atoms'");
      seen_velocities = true;
      std::vector<char> given(s.size(), 0);
      for (std::size_t li : section_lines(p, lines, k, h.natoms, "Velocities")) {
        const Line& line = lines[li];
        p.expect_count(line, 4, 4, "Velocities (id vx vy vz)");
        const long id = p.integer(line, 0, "id");
        const auto it = index_of_id.find(id);
        if (it == index_of_id.end()) throw InputError(p.at(line), fmt::format("field 'id': atom {} is not in 'Atoms'", id));
        if (given[it->second]) throw InputError(p.at(line), fmt::format("field 'id': velocity of atom {} given twice", id));
        given[it->second] = 1;
        s.velocity[it->second] = Vec3(p.real(line, 1, "vx"), p.real(line, 2, "vy"), p.real(line, 3, "vz"));
      }
    } else {
      throw InputError(p.at(keyword), "unknown section '" + name + "' (atom_style atomic knows Masses, Atoms, Velocities)");
    }
  }
  if (!seen_atoms) throw InputError(source, "section 'Atoms' is missing");
  check_no_overlaps(s, source);
  return s;
}

System read_lammps_data(const std::string& path, UnitSystem units) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError(path, "is a directory, not a data file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "cannot open data file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse_lammps_data(buffer.str(), path, units);
}

void check_no_overlaps(const System& system, const std::string& where) {
  if (system.size() < 2) return;
  // A neighbour list with range kOverlapDistance finds every close pair in O(N).
  NeighborList list(kOverlapDistance, 0.0);
  list.update(system);
  const auto& first = list.first();
  const auto& nb = list.neighbors();
  const auto& sites = list.sites();
  const std::size_t n = list.local_count();
  for (std::size_t a = 0; a < n; ++a)
    for (int jj = first[a]; jj < first[a + 1]; ++jj) {
      const std::size_t b = static_cast<std::size_t>(nb[static_cast<std::size_t>(jj)]);
      const std::size_t lb = b < n ? b : static_cast<std::size_t>(list.ghost_source()[b - n]);
      const Vec3 d(sites[a].x - sites[b].x, sites[a].y - sites[b].y, sites[a].z - sites[b].z);
      const int ia = system.id[static_cast<std::size_t>(list.system_index()[a])];
      const int ib = system.id[static_cast<std::size_t>(list.system_index()[lb])];
      throw InputError(where, fmt::format("atoms {} and {} overlap (distance {:.3g} < {:g} length units)", ia, ib,
                                          d.norm(), kOverlapDistance));
    }
}

std::string format_lammps_data(const System& s) {
  std::string out = fmt::format("LAMMPS data file written by glassland (units {})\n\n", unit_name(s.units));
  out += fmt::format("{} atoms\n{} atom types\n\n", s.size(), s.ntypes());
  const Vec3& lo = s.box.lo();
  const Vec3& hi = s.box.hi();
  const char* names[3] = {"xlo xhi", "ylo yhi", "zlo zhi"};
  for (int d = 0; d < 3; ++d) out += fmt::format("{:.17g} {:.17g} {}\n", lo[d], hi[d], names[d]);
  if (s.box.is_triclinic()) out += fmt::format("{:.17g} {:.17g} {:.17g} xy xz yz\n", s.box.xy(), s.box.xz(), s.box.yz());
  bool has_masses = false;
  for (int t = 1; t <= s.ntypes(); ++t) has_masses = has_masses || s.type_mass[static_cast<std::size_t>(t)] > 0.0;
  if (has_masses) {
    out += "\nMasses\n\n";
    for (int t = 1; t <= s.ntypes(); ++t) out += fmt::format("{} {:.17g}\n", t, s.type_mass[static_cast<std::size_t>(t)]);
  }
  out += "\nAtoms # atomic\n\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const Vec3& r = s.position[i];
    out += fmt::format("{} {} {:.17g} {:.17g} {:.17g} {} {} {}\n", s.id[i], s.type[i], r.x(), r.y(), r.z(), s.image[i][0],
                       s.image[i][1], s.image[i][2]);
  }
  out += "\nVelocities\n\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const Vec3& v = s.velocity[i];
    out += fmt::format("{} {:.17g} {:.17g} {:.17g}\n", s.id[i], v.x(), v.y(), v.z());
  }
  return out;
}

void write_lammps_data(const std::string& path, const System& system) {
  const std::string text = format_lammps_data(system);
  write_file_atomically(path, [&](std::ostream& out) { out << text; });
}

void apply_default_masses(System& system, const std::vector<double>& type_mass) {
  for (int t = 1; t <= system.ntypes(); ++t) {
    double& m = system.type_mass[static_cast<std::size_t>(t)];
    if (m > 0.0) continue;
    if (static_cast<std::size_t>(t) < type_mass.size() && type_mass[static_cast<std::size_t>(t)] > 0.0)
      m = type_mass[static_cast<std::size_t>(t)];
    else
      throw InputError("masses", fmt::format("atom type {} has no mass (no Masses entry and no default)", t));
  }
}

}  // namespace glassland::md
