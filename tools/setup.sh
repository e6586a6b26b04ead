#!/usr/bin/env bash
# One-command set-up for a fresh Debian 12 machine.
#   tools/setup.sh demo   install what is missing, build, run the default pipeline into out/demo
#   tools/setup.sh test   install what is missing, build, run the whole test suite (CI: .ci/run):
#                         end-to-end tests on the Release build, unit tests sanitized
#   tools/setup.sh build  install and build only
#   tools/setup.sh bench  install and build, benchmarks included (build/benchmarks/)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"

# Lines marked sanitize: are the sanitized build's (clang; tools/sanitize.sh installs them).
read -r -a packages <<< "$(grep -v -e '^#' -e '^sanitize:' tools/debian-packages.txt | tr '\n' ' ')"
tools/install-packages.sh "${packages[@]}"

jobs="$(nproc)"
# Benchmarks are built on request (tools/setup.sh bench); tests and the demo do not need them.
benchmarks=OFF; [ "$mode" = bench ] && benchmarks=ON
# A new build tree uses Ninja (it builds independent targets in parallel, unlike make); an
# existing one keeps its generator. Unity batches of 16 files (cmake/Unity.cmake) parse the shared
# headers once per batch instead of once per file: most of a whole build's time.
cmake_options=(); [ -f build/CMakeCache.txt ] || cmake_options=(-G Ninja)
# ccache, where installed (a developer's machine; CI builds once and has none), shares compiled
# units between checkouts.
command -v ccache > /dev/null && cmake_options+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake "${cmake_options[@]}" -S . -B build -DCMAKE_BUILD_TYPE=Release -DGLASSLAND_BUILD_BENCHMARKS="$benchmarks" \
  -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16
# The demo needs only the `glassland` executable; `test` builds what the end-to-end tests run
# (the unit tests are built and run by the sanitized build below).
targets=()
case "$mode" in
  demo) targets=(--target glassland) ;;
  test) targets=(--target end_to_end_tests) ;;
esac
cmake --build build -j "$jobs" "${targets[@]}"

case "$mode" in
  demo) ./build/bridge/glassland pipeline --out out/demo ;;
  test) # The whole suite, each test once (label end_to_end, tests/CMakeLists.txt): the end-to-end
        # tests on this Release build, then the unit tests, the bad-input corpus and 10 s of
        # libFuzzer per parser on the ASan + UBSan build (build-san). Both run; either failing
        # fails the command.
        status=0
        echo "setup: end-to-end tests on the Release build (ctest -L end_to_end)"
        ctest --test-dir build --output-on-failure -j "$jobs" -L end_to_end || status=1
        echo "setup: unit tests, bad-input corpus and fuzzing on the sanitized build (tools/sanitize.sh ci)"
        tools/sanitize.sh ci || status=1
        exit "$status" ;;
  build | bench) ;;
  *) echo "usage: tools/setup.sh demo|test|build|bench" >&2; exit 2 ;;
esac
