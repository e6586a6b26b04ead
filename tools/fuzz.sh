#!/usr/bin/env bash
# Coverage-guided fuzzing (libFuzzer + ASan + UBSan, Debian's clang-14) of the parsers of user
# files: LAMMPS data, potential TOML, landscape-model and protocol TOML, network JSON, catalogs.
#   tools/fuzz.sh [SECONDS_PER_PARSER]     (default 60)
# Seeds: tests/fuzz/corpus/<parser>/ (kept in the repository); inputs libFuzzer finds are kept in
# build-fuzz/corpus/<parser>/, crashes in build-fuzz/found/<parser>/ (the run then fails).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
parsers=(data potential model protocol network catalog)
# -O1 -g1: libFuzzer's usual optimisation level, reports keep file:line, quick to compile.
CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DGLASSLAND_FUZZ=ON \
  -DGLASSLAND_BUILD_TESTS=OFF -DGLASSLAND_BUILD_BENCHMARKS=OFF -DGLASSLAND_PYTHON=OFF -DGLASSLAND_MPI=OFF \
  -DGLASSLAND_OPENMP=OFF
cmake --build build-fuzz -j "$(nproc)" --target "${parsers[@]/#/fuzz_}"
export ASAN_OPTIONS="detect_leaks=0"  # parsers keep no state; leaks are not what is looked for
status=0
for p in "${parsers[@]}"; do
  mkdir -p "build-fuzz/corpus/$p" "build-fuzz/found/$p"
  echo "fuzz: $p for $seconds s"
  "build-fuzz/tests/fuzz/targets/fuzz_$p" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="build-fuzz/found/$p/" -print_final_stats=1 "build-fuzz/corpus/$p" "tests/fuzz/corpus/$p" \
    2>&1 | grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::new_units_added|==[0-9]+==ERROR|SUMMARY)" || true
  if ls "build-fuzz/found/$p/"* > /dev/null 2>&1; then echo "fuzz: $p FOUND a failing input in build-fuzz/found/$p"; status=1; fi
done
exit $status
