#!/usr/bin/env bash
# One-command set-up for a fresh Debian 12 machine.
#   tools/setup.sh demo   install what is missing, build, run the default pipeline into out/demo
#   tools/setup.sh test   install what is missing, build, run the whole test suite (CI: .ci/run)
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
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DGLASSLAND_BUILD_BENCHMARKS="$benchmarks"
# The demo needs only the `glassland` executable; tests and benchmarks are built by their modes.
targets=(); [ "$mode" = demo ] && targets=(--target glassland)
cmake --build build -j "$jobs" "${targets[@]}"

case "$mode" in
  demo) ./build/bridge/glassland pipeline --out out/demo ;;
  test) ctest --test-dir build --output-on-failure -j "$jobs" ;;
  build | bench) ;;
  *) echo "usage: tools/setup.sh demo|test|build|bench" >&2; exit 2 ;;
esac
