#pragma once
// nlohmann's exception texts start with an internal tag ("[json.exception.parse_error.101] parse
// error at line 1, column 5: ..."). Users get the part after the tag, behind the file's name.
#include <string>

namespace glassland::kmc {

/// The message of a nlohmann::json exception without its "[json.exception.*] " tag.
inline std::string json_error_text(const std::exception& e) {
  std::string text = e.what();
  if (text.rfind("[json.exception.", 0) == 0) {
    const auto end = text.find("] ");
    if (end != std::string::npos) text.erase(0, end + 2);
  }
  return text;
}

}  // namespace glassland::kmc
