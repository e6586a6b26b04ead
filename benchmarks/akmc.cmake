# aKMC benchmarks: accuracy and cost of local-Hessian prefactors against the full Hessian
# (plain program; akmc_vs_md.py is the side-by-side aKMC/MD script).
add_executable(bench_prefactor_accuracy ${CMAKE_CURRENT_SOURCE_DIR}/PrefactorAccuracy.cpp)
target_link_libraries(bench_prefactor_accuracy PRIVATE glassland_bridge fmt::fmt)
