#include "md/PairStyleTable.hpp"

namespace glassland::md {

namespace {
const PairStyleTable& styles() {
  static const PairStyleTable table = [] {
    PairStyleTable t;
    register_pair_styles(t);
    return t;
  }();
  return table;
}
}  // namespace

const PairStyleInfo* find_pair_style(std::string_view name) {
  const auto& table = styles();
  const auto it = table.find(std::string(name));
  return it == table.end() ? nullptr : &it->second;
}

std::vector<std::string> pair_style_names() {
  std::vector<std::string> names;
  for (const auto& [name, info] : styles()) names.push_back(name);
  return names;
}

}  // namespace glassland::md
