# Shared by scripts/demo.sh and scripts/test.sh. Source it; do not run it.

# The repository root, whatever the caller's working directory.
CHATCART_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Debian's interpreter: `python3` on PATH may be a pyenv one without pytest.
CHATCART_PYTHON=/usr/bin/python3
CHATCART_JOBS="${CHATCART_JOBS:-$(nproc 2>/dev/null || echo 2)}"

die() {
  echo "$(basename "$0"): $*" >&2
  exit 1
}

# ccache, when installed (it is optional: install-deps.sh does not install it),
# makes rebuilds cheap. Paths are made relative to the checkout so that
# several checkouts of the repository share one cache.
CHATCART_LAUNCHER_ARGS=()
if command -v ccache >/dev/null 2>&1 && [ "${CHATCART_NO_CCACHE:-0}" != 1 ]; then
  export CCACHE_BASEDIR="$CHATCART_ROOT"
  export CCACHE_NOHASHDIR=1
  CHATCART_LAUNCHER_ARGS=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi

# configure_build DIR [cmake args...]: configures DIR from the repository. A
# failed configure removes DIR's cache, so the next run starts clean instead of
# tripping over a half-written one; so does a cache from another checkout.
configure_build() {
  local dir="$1"
  shift
  if [ -f "$dir/CMakeCache.txt" ] &&
     ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$CHATCART_ROOT" "$dir/CMakeCache.txt"; then
    rm -rf "$dir"
  fi
  if ! cmake -S "$CHATCART_ROOT" -B "$dir" -DPython_EXECUTABLE="$CHATCART_PYTHON" \
       "${CHATCART_LAUNCHER_ARGS[@]}" "$@" >"$dir.configure.log" 2>&1; then
    cat "$dir.configure.log" >&2
    rm -f "$dir/CMakeCache.txt"
    die "configuring $dir failed (log above)"
  fi
  rm -f "$dir.configure.log"
}

# build DIR [targets...]: builds; on failure says which tree failed.
build() {
  local dir="$1"
  shift
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  cmake --build "$dir" -j "$CHATCART_JOBS" "${targets[@]}" || die "building $dir failed (errors above)"
}
