#!/usr/bin/env bash
# Builds glassland with AddressSanitizer + UndefinedBehaviorSanitizer into build-asan and runs
# the tests there. Any sanitizer report makes the reporting program fail, so a clean run means
# no report.
#   tools/sanitize.sh            the fast part: md-core, kmc, model and catalog unit tests, CLI bad options, the corpus
#   tools/sanitize.sh all        every test (slow: the sanitized build runs ~2-5x slower)
#   tools/sanitize.sh REGEX      the tests whose name matches REGEX
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-fast}"
jobs="${JOBS:-$(nproc)}"
# Leaks are not checked: OpenMPI and OpenMP keep process-lifetime allocations that LeakSanitizer
# reports as leaks. halt_on_error makes the first report fail the test.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:abort_on_error=0:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
# -O1 -g1 (line tables): sanitizer reports keep file:line, and the Eigen-heavy sources compile
# several times faster than at -O2 -g.
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DGLASSLAND_SANITIZE=ON -DGLASSLAND_PYTHON=OFF -DGLASSLAND_BUILD_BENCHMARKS=OFF
# The fast part: the unit tests of the core areas, the CLI's bad-option test and the corpus
# (the slow end-to-end tests -- pipeline, studies, validate's MD runs -- are left to `all`).
fast_tests=(test_md_core test_kmc test_model test_catalog test_cli_bad_options)
case "$what" in
  all) regex="."; targets=() ;;
  fast) regex="^($(IFS='|'; echo "${fast_tests[*]}")|fuzz_corpus)$"; targets=(--target glassland "${fast_tests[@]}") ;;
  *) regex="$what"; targets=() ;;
esac
cmake --build build-asan -j "$jobs" "${targets[@]}"
OMP_NUM_THREADS=1 ctest --test-dir build-asan --output-on-failure -j "$jobs" -R "$regex"
