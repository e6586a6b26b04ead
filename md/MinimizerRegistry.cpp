#include "md/MinimizerRegistry.hpp"

#include "md/ConjugateGradient.hpp"
#include "md/Error.hpp"
#include "md/Fire.hpp"
#include "md/Lbfgs.hpp"

namespace glassland::md {

std::map<std::string, MinimizerFactory> register_minimizers() {
  std::map<std::string, MinimizerFactory> registry;
  registry["fire"] = [](const MinimizerOptions& o) { return std::make_unique<Fire>(o); };
  registry["cg"] = [](const MinimizerOptions& o) { return std::make_unique<ConjugateGradient>(o); };
  registry["lbfgs"] = [](const MinimizerOptions& o) { return std::make_unique<Lbfgs>(o); };
  return registry;
}

std::vector<std::string> minimizer_names() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : register_minimizers()) names.push_back(name);
  return names;
}

std::unique_ptr<Minimizer> make_minimizer(const std::string& name, const MinimizerOptions& options) {
  const auto registry = register_minimizers();
  const auto found = registry.find(name);
  if (found == registry.end()) {
    std::string known;
    for (const auto& [known_name, factory] : registry) known += (known.empty() ? "" : ", ") + known_name;
    throw InputError("minimizer", "unknown minimizer '" + name + "' (known: " + known + ")");
  }
  return found->second(options);
}

}  // namespace glassland::md
