#include "md/MinimizerRegistry.hpp"

#include "md/ConjugateGradient.hpp"
#include "md/Fire.hpp"
#include "md/Lbfgs.hpp"

namespace glassland::md {

void register_minimizers(Registry<MinimizerFactory>& registry) {
  registry.add("fire", [](const MinimizerOptions& o) { return std::make_unique<Fire>(o); });
  registry.add("cg", [](const MinimizerOptions& o) { return std::make_unique<ConjugateGradient>(o); });
  registry.add("lbfgs", [](const MinimizerOptions& o) { return std::make_unique<Lbfgs>(o); });
}

const Registry<MinimizerFactory>& minimizers() {
  static const Registry<MinimizerFactory> registry = [] {
    Registry<MinimizerFactory> r("minimizer", "minimizer");
    register_minimizers(r);
    return r;
  }();
  return registry;
}

std::vector<std::string> minimizer_names() { return minimizers().names(); }

std::unique_ptr<Minimizer> make_minimizer(const std::string& name, const MinimizerOptions& options) {
  return minimizers().at(name)(options);
}

}  // namespace glassland::md
