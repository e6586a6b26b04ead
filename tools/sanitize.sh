#!/usr/bin/env bash
# Debian's clang-14 builds for checking: AddressSanitizer + UndefinedBehaviorSanitizer on every
# library, `glassland` and the tests (build-asan), and the same plus the libFuzzer targets of the
# file parsers (build-san, -DGLASSLAND_FUZZ=ON). Any sanitizer report fails the program that made it.
#   tools/sanitize.sh ci           (default; CI runs it from tools/setup.sh test) builds only
#                                  glassland, the fuzz targets and the unit tests; runs the tests not
#                                  labelled end_to_end (the bad-input corpus included), then fuzzes
#                                  each parser for 10 s (FUZZ_SECONDS) from the fixed seed 1
#                                  (FUZZ_SEED), so a CI run replays a prefix of what ran here
#   tools/sanitize.sh all          builds and runs every test in build-asan (ASan + UBSan without the
#                                  fuzzers' coverage instrumentation): the end-to-end ones (minutes
#                                  each) and the Python ones (python with the ASan runtime preloaded)
#   tools/sanitize.sh fuzz [S]     fuzz each parser for S seconds (default 60) from a random seed
#                                  (FUZZ_SEED=0), to explore beyond what CI replays
#   tools/sanitize.sh REGEX        builds build-asan, runs the tests whose name matches REGEX
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-ci}"
# End-to-end tests (CTest label end_to_end: pipeline, studies, validate, akmc CLI, harvest, MD
# dynamics, fault injection, the Python package) take minutes each under ASan: CI runs them on the
# Release build; `tools/sanitize.sh all` runs them here too (docs/reliability.md). Every test's
# TIMEOUT, set for the Release build, is multiplied by TIMEOUT_FACTOR (default 10): study 1 and
# test_md_dynamics ran past theirs sanitized.
# The Python module is built too (not by `ci`, whose target leaves it out): the tests that import it
# run python with the ASan runtime preloaded, and glassland links that runtime as a shared library
# (CMakeLists.txt, tests/CMakeLists.txt). Leak checking is off, so python's own allocations pass.
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
# Two trees: build-san (ci, fuzz) adds libFuzzer's coverage instrumentation (-fsanitize=
# fuzzer-no-link, needed by the fuzz targets) to every library, which made the end-to-end tests
# 2.3-6.3x slower than build-asan (all, REGEX), which has ASan + UBSan only (study 5: 1,617 s
# against 442 s; docs/reliability.md): the whole suite runs there.
case "$what" in ci | fuzz) tree=build-san; tree_options=(-DGLASSLAND_FUZZ=ON) ;;
                *) tree=build-asan; tree_options=(-DGLASSLAND_SANITIZE=ON) ;; esac
# A new tree uses Ninja (independent targets build in parallel); an existing one keeps its generator.
cmake_options=(); [ -f "$tree/CMakeCache.txt" ] || cmake_options=(-G Ninja)
# ccache, where installed (a developer's machine; CI builds once and has none), shares compiled
# units between worktrees.
command -v ccache > /dev/null && cmake_options+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mkdir -p "$tree"
if ! CXX=clang++-14 cmake "${cmake_options[@]}" "${tree_options[@]}" -S . -B "$tree" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -DNDEBUG" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16 \
  -DGLASSLAND_BUILD_BENCHMARKS=OFF -DGLASSLAND_PYTHON=ON \
  -DGLASSLAND_TEST_TIMEOUT_FACTOR="${TIMEOUT_FACTOR:-10}" > "$tree/configure.log" 2>&1; then
  tail -n 20 "$tree/configure.log"; echo "sanitize: configuring $tree failed" >&2; exit 1
fi

parsers=(data potential model protocol network catalog)
fuzz_targets=("${parsers[@]/#/fuzz_}")
fuzz_one() {  # fuzz_one PARSER SECONDS: libFuzzer's exit status; its output in build-san/fuzz-PARSER.log
  mkdir -p "build-san/fuzz-corpus/$1" "build-san/fuzz-found/$1"
  "build-san/tests/fuzz/targets/fuzz_$1" -seed="$fuzz_seed" -max_total_time="$2" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build-san/fuzz-found/$1/" -print_final_stats=1 \
    "build-san/fuzz-corpus/$1" "tests/fuzz/corpus/$1" > "build-san/fuzz-$1.log" 2>&1
}
fuzz() {  # fuzz SECONDS: each parser from the kept corpus, $jobs at a time; a finding fails the run
  local seconds="$1" status=0 i k p rc pids
  echo "fuzz: ${parsers[*]}: $seconds s each, $jobs at a time, seed $fuzz_seed (0: random)"
  for ((i = 0; i < ${#parsers[@]}; i += jobs)); do
    pids=()
    for p in "${parsers[@]:i:jobs}"; do fuzz_one "$p" "$seconds" & pids+=("$!"); done
    k=0
    for p in "${parsers[@]:i:jobs}"; do
      # libFuzzer exits 0 only when the time ran out without a finding (a crash, sanitizer report,
      # timeout or out-of-memory input is saved under fuzz-found and exits non-zero); a missing
      # or broken target fails too.
      rc=0; wait "${pids[k]}" || rc=$?; k=$((k + 1))
      echo "fuzz: $p"
      grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY)" \
        "build-san/fuzz-$p.log" || true
      if [ "$rc" -ne 0 ]; then
        tail -n 40 "build-san/fuzz-$p.log"; echo "fuzz: $p FAILED (exit status $rc; log build-san/fuzz-$p.log)"; status=1
      fi
      if ls "build-san/fuzz-found/$p/"* > /dev/null 2>&1; then
        echo "fuzz: $p FOUND a failing input in build-san/fuzz-found/$p"; status=1
      fi
    done
  done
  return $status
}
# Every sanitizer report is also written to TREE/sanitizer-reports/ (log_path): a report from
# a glassland run whose failure a test expects (bad input) fails the run as well.
reports="$PWD/$tree/sanitizer-reports"
run_tests() {
  local status=0
  rm -rf "$reports"; mkdir -p "$reports"
  ASAN_OPTIONS="$ASAN_OPTIONS:log_path=$reports/asan" UBSAN_OPTIONS="$UBSAN_OPTIONS:log_path=$reports/ubsan" \
    GLASSLAND_CORPUS_JOBS="$jobs" ctest --test-dir "$tree" --output-on-failure -j "$jobs" "$@" || status=1
  if ls "$reports"/* > /dev/null 2>&1; then
    head -n 60 "$reports"/*; echo "sanitize: sanitizer reports in $reports"; status=1
  fi
  return $status
}

status=0
case "$what" in
  ci) # unit_tests: the executables of the tests not labelled end_to_end, and glassland.
      cmake --build build-san -j "$jobs" --target unit_tests "${fuzz_targets[@]}"
      run_tests -LE end_to_end || status=1
      # A fixed seed: the same mutations on every run, so CI cannot turn red on a chance finding
      # that nobody can replay (a finding here is replayed with the same FUZZ_SEED).
      fuzz_seed="${FUZZ_SEED:-1}"
      fuzz "${FUZZ_SECONDS:-10}" || status=1 ;;
  fuzz) fuzz_seed="${FUZZ_SEED:-0}"
        cmake --build build-san -j "$jobs" --target "${fuzz_targets[@]}"
        fuzz "${2:-60}" || status=1 ;;
  all) cmake --build "$tree" -j "$jobs" && run_tests || status=1 ;;
  *) cmake --build "$tree" -j "$jobs" && run_tests -R "$what" || status=1 ;;
esac
exit "$status"
