# Landscape-model benchmarks (Google Benchmark): the full DSC experiment (cool at 20 K/min from
# above Tg, reheat at 20 K/min) with the master equation and with kMC over explicit units.
add_executable(bench_model ${CMAKE_CURRENT_SOURCE_DIR}/BenchModel.cpp)
target_link_libraries(bench_model PRIVATE glassland_model benchmark::benchmark)
target_compile_definitions(bench_model PRIVATE GLASSLAND_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
