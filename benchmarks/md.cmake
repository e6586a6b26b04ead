# md-core benchmarks (Google Benchmark): force kernel and neighbour build.
add_executable(bench_md_force ${CMAKE_CURRENT_SOURCE_DIR}/BenchForce.cpp)
target_link_libraries(bench_md_force PRIVATE glassland_md benchmark::benchmark)
