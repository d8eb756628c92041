#!/usr/bin/env bash
# Builds and runs every test: build/ (release with debug info) and build-asan/
# (AddressSanitizer + UndefinedBehaviorSanitizer), ctest in both (GoogleTest,
# the C test, pytest with Debian's /usr/bin/python3), then an install of
# build/ and a consumer built against it. Exits non-zero on any failure.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CHATCART_ROOT"
start=$(date +%s)

"$CHATCART_ROOT/scripts/install-deps.sh" || die "installing dependencies failed"

step() { echo; echo "==> $* ($(( $(date +%s) - start )) s)"; }

step "build/ (RelWithDebInfo)"
configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
build build
step "ctest build/"
ctest --test-dir build --output-on-failure -j "$CHATCART_JOBS" || die "tests failed in build/"

step "build-asan/ (ASan + UBSan)"
configure_build build-asan -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" \
  -DCMAKE_C_FLAGS_DEBUG="-g -O1" -DCHATCART_SANITIZE=ON -DCHATCART_BUILD_BENCHMARKS=OFF
build build-asan
step "ctest build-asan/"
ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}" \
  ctest --test-dir build-asan --output-on-failure -j "$CHATCART_JOBS" || die "tests failed in build-asan/"

step "install of build/ and a consumer built against it"
rm -rf build/_install build/install-test
cmake --install build --prefix "$CHATCART_ROOT/build/_install" >/dev/null || die "cmake --install failed"
configure_install_test() {
  cmake -S tests/install -B build/install-test -DCMAKE_PREFIX_PATH="$CHATCART_ROOT/build/_install" \
    >build/install-test.log 2>&1 || { cat build/install-test.log >&2; die "configuring tests/install failed"; }
}
configure_install_test
cmake --build build/install-test -j "$CHATCART_JOBS" >/dev/null || die "building tests/install failed"
build/install-test/consumer_cc || die "the installed C++ library failed its consumer"
build/install-test/consumer_c || die "the installed C library failed its consumer"
PKG_CONFIG_PATH="$CHATCART_ROOT/build/_install/lib/pkgconfig" pkg-config --exists chatcart ||
  die "chatcart.pc was not installed"

step "all tests passed"
