#!/usr/bin/env bash
# Fails when libchatcart_c.so exports a dynamic symbol that is not chatcart_*,
# or lacks its SONAME from the C-ABI major version.
set -euo pipefail
lib="$1"
soname_expected="$2"
others=$(nm -D --defined-only "$lib" | awk '{print $NF}' | grep -v '^chatcart_' || true)
if [ -n "$others" ]; then
  echo "$lib exports symbols outside chatcart_*:" >&2
  echo "$others" | head -20 >&2
  exit 1
fi
count=$(nm -D --defined-only "$lib" | grep -c ' chatcart_' || true)
[ "$count" -gt 0 ] || { echo "$lib exports no chatcart_ symbols" >&2; exit 1; }
soname=$(objdump -p "$lib" | awk '/SONAME/{print $2}')
[ "$soname" = "$soname_expected" ] || { echo "SONAME is '$soname', expected '$soname_expected'" >&2; exit 1; }
echo "$lib: $count chatcart_ symbols, nothing else; SONAME $soname"
