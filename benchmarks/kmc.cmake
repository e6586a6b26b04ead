# kMC engine benchmarks (Google Benchmark): events/s, superbasin speed-up, memory per record.
add_executable(bench_kmc ${CMAKE_CURRENT_SOURCE_DIR}/BenchKmc.cpp)
target_link_libraries(bench_kmc PRIVATE glassland_kmc benchmark::benchmark)
