# landscape benchmarks: force calls of minimum-mode saddle searches on a glass (plain program).
add_executable(bench_min_mode_search ${CMAKE_CURRENT_SOURCE_DIR}/BenchMinModeSearch.cpp)
target_link_libraries(bench_min_mode_search PRIVATE glassland_landscape fmt::fmt)
