#include "md/EamSetfl.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "md/Error.hpp"

namespace glassland::md {

namespace {

std::vector<std::string> split(const std::string& line) {
  const std::string text = line.substr(0, line.find('#'));  // '#' starts a comment
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

// The file as lines of whitespace-separated words, read front to back with line numbers kept
// for messages. Tables start on a fresh line and must end at the end of a line (a table that
// ends mid-line means Nrho or Nr disagrees with the data).
class SetflCursor {
public:
  explicit SetflCursor(const std::string& path) : path_(path) {
    std::ifstream in(path);
    if (!in) throw InputError(path, "cannot open EAM potential file");
    for (std::string line; std::getline(in, line);) lines_.push_back(line);
  }

  std::string where(const std::string& field) const {
    return fmt::format("{}:{}: field '{}'", path_, line_, field);
  }

  /// Words of the next line that has any (numbered from 1); throws at the end of the file.
  std::vector<std::string> next_line(const std::string& field) {
    while (next_ < lines_.size()) {
      line_ = static_cast<long>(++next_);
      auto words = split(lines_[next_ - 1]);
      if (!words.empty()) return words;
    }
    throw InputError(fmt::format("{}:{}: field '{}'", path_, line_, field), "file ends before this field");
  }

  /// Skips the three comment lines of the header (they may be empty).
  void skip_comments() {
    if (lines_.size() < 3) throw InputError(fmt::format("{}:{}", path_, lines_.size()), "file ends in the 3 comment lines");
    next_ = 3;
    line_ = 3;
  }

  /// n numbers starting on a fresh line.
  std::vector<double> table(std::size_t n, const std::string& field) {
    std::vector<double> values;
    values.reserve(n);
    while (values.size() < n) {
      if (at_end())
        throw InputError(where(field), fmt::format("file ends after {} of {} values (truncated table)", values.size(), n));
      const auto words = next_line(field);
      if (values.size() + words.size() > n)
        throw InputError(where(field), fmt::format("line has {} values but the table needs only {} more "
                                                   "(Nrho/Nr do not match the data)", words.size(), n - values.size()));
      for (const auto& w : words) values.push_back(number(w, field, values.size()));
    }
    return values;
  }

  double number(const std::string& word, const std::string& field, std::size_t index) const {
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(word.c_str(), &end);
    const std::string what = index == kNoIndex ? field : fmt::format("{}[{}]", field, index);
    if (end != word.c_str() + word.size() || word.empty())
      throw InputError(where(what), "'" + word + "' is not a number");
    if (!std::isfinite(v)) throw InputError(where(what), "'" + word + "' is not finite");
    return v;
  }

  int count(const std::string& word, const std::string& field, int minimum) const {
    char* end = nullptr;
    const long v = std::strtol(word.c_str(), &end, 10);
    if (end != word.c_str() + word.size() || word.empty())
      throw InputError(where(field), "'" + word + "' is not an integer");
    if (v < minimum || v > 100000000)
      throw InputError(where(field), fmt::format("{} is out of range (>= {} required)", v, minimum));
    return static_cast<int>(v);
  }

  bool at_end() {
    while (next_ < lines_.size() && split(lines_[next_]).empty()) ++next_;
    return next_ >= lines_.size();
  }
  long line() const { return line_; }

  static constexpr std::size_t kNoIndex = static_cast<std::size_t>(-1);

private:
  std::string path_;
  std::vector<std::string> lines_;
  std::size_t next_ = 0;  // index of the next line to read
  long line_ = 0;         // number of the line last read
};

void read_grid(SetflCursor& in, EamSetfl& f) {
  const auto grid = in.next_line("Nrho");
  const char* names[5] = {"Nrho", "drho", "Nr", "dr", "cutoff"};
  if (grid.size() != 5)
    throw InputError(in.where(grid.size() < 5 ? names[grid.size()] : "cutoff"),
                     fmt::format("line 5 must hold 5 values (Nrho drho Nr dr cutoff), found {}", grid.size()));
  // At least 5 grid points: the spline's end formulas use the points m-2..m+2.
  f.nrho = in.count(grid[0], "Nrho", 5);
  f.drho = in.number(grid[1], "drho", SetflCursor::kNoIndex);
  f.nr = in.count(grid[2], "Nr", 5);
  f.dr = in.number(grid[3], "dr", SetflCursor::kNoIndex);
  f.cutoff = in.number(grid[4], "cutoff", SetflCursor::kNoIndex);
  if (f.drho <= 0) throw InputError(in.where("drho"), "must be > 0");
  if (f.dr <= 0) throw InputError(in.where("dr"), "must be > 0");
  if (f.cutoff <= 0) throw InputError(in.where("cutoff"), "must be > 0");
}

}  // namespace

int EamSetfl::element_index(const std::string& name) const {
  for (std::size_t e = 0; e < elements.size(); ++e)
    if (elements[e] == name) return static_cast<int>(e);
  return -1;
}

EamSetfl read_eam_setfl(const std::string& path, bool finnis_sinclair) {
  SetflCursor in(path);
  EamSetfl f;
  f.path = path;
  f.finnis_sinclair = finnis_sinclair;
  in.skip_comments();
  const auto header = in.next_line("Nelements");
  const int n = in.count(header[0], "Nelements", 1);
  if (static_cast<int>(header.size()) != n + 1)
    throw InputError(in.where("elements"), fmt::format("Nelements is {} but {} element names follow", n, header.size() - 1));
  f.elements.assign(header.begin() + 1, header.end());
  read_grid(in, f);
  const auto N = static_cast<std::size_t>(n);
  f.mass.resize(N);
  f.embedding.resize(N);
  f.density.resize(N * N);
  f.r_phi.resize(N * N);
  for (std::size_t i = 0; i < N; ++i) {
    const std::string& el = f.elements[i];
    const auto line = in.next_line("mass of " + el);
    if (line.size() < 2) throw InputError(in.where("mass of " + el), "element line needs 'Z mass [a lattice]'");
    f.mass[i] = in.number(line[1], "mass of " + el, SetflCursor::kNoIndex);
    if (f.mass[i] <= 0) throw InputError(in.where("mass of " + el), "must be > 0");
    f.embedding[i] = in.table(static_cast<std::size_t>(f.nrho), "F(rho) of " + el);
    if (finnis_sinclair) {
      for (std::size_t j = 0; j < N; ++j)
        f.density[i * N + j] = in.table(static_cast<std::size_t>(f.nr), "rho(r) of " + el + " at " + f.elements[j]);
    } else {
      const auto rho = in.table(static_cast<std::size_t>(f.nr), "rho(r) of " + el);
      for (std::size_t j = 0; j < N; ++j) f.density[i * N + j] = rho;
    }
  }
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j <= i; ++j) {
      f.r_phi[i * N + j] = in.table(static_cast<std::size_t>(f.nr), "r*phi(r) of " + f.elements[i] + "-" + f.elements[j]);
      f.r_phi[j * N + i] = f.r_phi[i * N + j];
    }
  if (!in.at_end()) {
    in.next_line("end of file");
    throw InputError(in.where("end of file"), "extra values after the last r*phi table (Nelements, Nrho or Nr wrong?)");
  }
  return f;
}

}  // namespace glassland::md
