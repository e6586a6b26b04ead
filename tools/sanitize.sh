#!/usr/bin/env bash
# One checking build with Debian's clang-14 in build-san: AddressSanitizer + UndefinedBehavior-
# Sanitizer on every library, `glassland` and the tests, plus the libFuzzer targets of the file
# parsers (-DGLASSLAND_FUZZ=ON). Any sanitizer report fails the program that made it.
#   tools/sanitize.sh ci           the unit tests and the corpus (no end-to-end runs), then 15 s of fuzzing per parser
#   tools/sanitize.sh all          every test
#   tools/sanitize.sh fuzz [S]     fuzz each parser for S seconds (default 60)
#   tools/sanitize.sh REGEX        the tests whose name matches REGEX
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-ci}"
# The end-to-end runs (pipeline, studies, validate, akmc CLI) take 2-3x their Release time here.
end_to_end="pipeline|study|validate|akmc_cli|akmc_kill|harvest|atomic|md_dynamics|fault"
jobs="${JOBS:-$(nproc)}"
read -r -a packages <<< "$(grep -v '^#' tools/debian-packages.txt | tr '\n' ' ')"
tools/install-packages.sh clang-14 libclang-rt-14-dev libomp-14-dev llvm-14 "${packages[@]}"
# Leaks are not checked: OpenMPI and OpenMP keep process-lifetime allocations that LeakSanitizer
# reports. The first report ends the program with a failure.
export ASAN_OPTIONS="detect_leaks=0:halt_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export ASAN_SYMBOLIZER_PATH=/usr/bin/llvm-symbolizer-14
# -O2 without debug information: reports name functions (symbolizer), the build takes about
# as long as the Release one, and the tests run ~2-3x slower than Release instead of 6-15x at -O1.
CXX=clang++-14 cmake -S . -B build-san -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" -DGLASSLAND_FUZZ=ON \
  -DGLASSLAND_BUILD_BENCHMARKS=OFF -DGLASSLAND_PYTHON=OFF > build-san.configure.log
cmake --build build-san -j "$jobs"

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
run_tests() { ctest --test-dir build-san --output-on-failure -j "$jobs" "$@"; }

case "$what" in
  ci) GLASSLAND_CORPUS_JOBS="$jobs" run_tests -E "$end_to_end" && fuzz 15 ;;
  all) run_tests ;;
  fuzz) fuzz "${2:-60}" ;;
  *) run_tests -R "$what" ;;
esac
