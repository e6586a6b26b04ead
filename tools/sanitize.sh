#!/usr/bin/env bash
# One checking build with Debian's clang-14 in build-san: AddressSanitizer + UndefinedBehavior-
# Sanitizer on every library, `glassland` and the tests, plus the libFuzzer targets of the file
# parsers (-DGLASSLAND_FUZZ=ON). Any sanitizer report fails the program that made it.
#   tools/sanitize.sh ci           (default) builds only glassland, the fuzz targets and the unit
#                                  tests; runs the unit tests and the bad-input corpus, then fuzzes
#                                  each parser for 10 s (not in CI: too long, docs/reliability.md)
#   tools/sanitize.sh all          builds and runs every test (the end-to-end ones take minutes each)
#   tools/sanitize.sh fuzz [S]     fuzz each parser for S seconds (default 60)
#   tools/sanitize.sh REGEX        builds everything, runs the tests whose name matches REGEX
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-ci}"
# End-to-end runs (pipeline, studies, validate, akmc CLI, harvest, MD dynamics, fault
# injection): minutes each under ASan; `tools/sanitize.sh all` runs them (docs/reliability.md).
end_to_end="pipeline|study|validate|akmc_cli|akmc_kill|harvest|atomic|md_dynamics|fault"
jobs="${JOBS:-$(nproc)}"
read -r -a packages <<< "$(sed -e '/^#/d' -e 's/^sanitize://' tools/debian-packages.txt | tr '\n' ' ')"
tools/install-packages.sh "${packages[@]}"
# Leaks are not checked: OpenMPI and OpenMP keep process-lifetime allocations that LeakSanitizer
# reports. The first report ends the program with a failure.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
# -O2 without debug information: reports name functions (symbolizer); -O1 compiles only ~7 %
# faster and runs the MD kernels far slower. Unity batches of 16 files (cmake/Unity.cmake) parse
# the shared headers once per batch instead of once per file: most of a file's compile time.
CXX=clang++-14 cmake -S . -B build-san -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" -DGLASSLAND_FUZZ=ON \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 \
  -DGLASSLAND_BUILD_BENCHMARKS=OFF -DGLASSLAND_PYTHON=OFF > build-san.configure.log

parsers=(data potential model protocol network catalog)
fuzz() {  # fuzz SECONDS: each parser from the kept corpus; a finding is saved and fails the run
  local seconds="$1" status=0
  for p in "${parsers[@]}"; do
    mkdir -p "build-san/fuzz-corpus/$p" "build-san/fuzz-found/$p"
    echo "fuzz: $p for $seconds s"
    "build-san/tests/fuzz/targets/fuzz_$p" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="build-san/fuzz-found/$p/" -print_final_stats=1 \
      "build-san/fuzz-corpus/$p" "tests/fuzz/corpus/$p" 2>&1 |
      grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY)" || true
    if ls "build-san/fuzz-found/$p/"* > /dev/null 2>&1; then
      echo "fuzz: $p FOUND a failing input in build-san/fuzz-found/$p"; status=1
    fi
  done
  return $status
}
run_tests() { GLASSLAND_CORPUS_JOBS="$jobs" ctest --test-dir build-san --output-on-failure -j "$jobs" "$@"; }
# The executables of the tests `ci` runs (test_md_core_avx2 runs test_md_core; fuzz_corpus and
# install_without_source_tree run glassland), glassland and the fuzz targets.
ci_targets() {
  local known tests t
  known="$(cmake --build build-san --target help | sed -n 's/^\.\.\. \([a-z0-9_]*\).*/\1/p')"
  tests="$(ctest --test-dir build-san -N -E "$end_to_end" | sed -n 's/^ *Test *#[0-9]*: *//p' |
           sed 's/_\(avx2\|scalar\)$//' | sort -u)"
  for t in glassland $(printf 'fuzz_%s\n' "${parsers[@]}") $tests; do
    if grep -qx "$t" <<< "$known"; then echo "$t"; fi
  done
}

case "$what" in
  ci) # shellcheck disable=SC2046
      cmake --build build-san -j "$jobs" --target $(ci_targets)
      run_tests -E "$end_to_end" && fuzz "${FUZZ_SECONDS:-10}" ;;
  fuzz) cmake --build build-san -j "$jobs" --target $(printf 'fuzz_%s ' "${parsers[@]}")
        fuzz "${2:-60}" ;;
  all) cmake --build build-san -j "$jobs" && run_tests ;;
  *) cmake --build build-san -j "$jobs" && run_tests -R "$what" ;;
esac
