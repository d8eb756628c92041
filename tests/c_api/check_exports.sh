#!/usr/bin/env bash
# Checks libchatcart_c.so's exports against include/chatcart/c.h and the
# version script:
#  - it exports chatcart_* functions only, and has the SONAME of the C-ABI
#    major version;
#  - the exported functions are exactly those c.h declares with
#    CHATCART_EXPORT, and exactly those the version script lists (so a
#    function cannot be added to one and forgotten in another);
#  - functions declared inside c.h's CHATCART_C_EXPERIMENTAL fence are named
#    chatcart_experimental_*, and no other is.
# Usage: check_exports.sh LIB SONAME C_H VERSION_SCRIPT
set -euo pipefail
lib="$1"
soname_expected="$2"
header="$3"
map="$4"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

nm -D --defined-only "$lib" | awk '{print $NF}' | sort -u >"$tmp/exported"
others=$(grep -v '^chatcart_' "$tmp/exported" || true)
if [ -n "$others" ]; then
  echo "$lib exports symbols outside chatcart_*:" >&2
  echo "$others" | head -20 >&2
  exit 1
fi
[ -s "$tmp/exported" ] || { echo "$lib exports no chatcart_ symbols" >&2; exit 1; }

# Declarations: CHATCART_EXPORT <type> name( ... possibly over several lines.
perl -0777 -ne 'print "$1\n" while /CHATCART_EXPORT[^;(]*?\b(chatcart_\w+)\s*\(/g' "$header" |
  sort -u >"$tmp/declared"
# The same inside the experimental fence only.
perl -0777 -ne 'while (/#ifdef CHATCART_C_EXPERIMENTAL\b(.*?)#endif \/\* CHATCART_C_EXPERIMENTAL \*\//sg) {
                  my $b = $1; print "$1\n" while $b =~ /CHATCART_EXPORT[^;(]*?\b(chatcart_\w+)\s*\(/g }' \
  "$header" | sort -u >"$tmp/experimental"
grep -oE '^[[:space:]]*chatcart_[A-Za-z0-9_]+;' "$map" | tr -d ' \t;' | sort -u >"$tmp/mapped"

status=0
compare() {  # compare NAME_A FILE_A NAME_B FILE_B
  local missing
  missing=$(comm -23 "$2" "$4")
  if [ -n "$missing" ]; then
    echo "in $1 but not in $3:" >&2
    echo "$missing" | sed 's/^/  /' >&2
    status=1
  fi
}
compare "$header" "$tmp/declared" "$lib's exports" "$tmp/exported"
compare "$lib's exports" "$tmp/exported" "$header" "$tmp/declared"
compare "$header" "$tmp/declared" "$map" "$tmp/mapped"
compare "$map" "$tmp/mapped" "$header" "$tmp/declared"
bad=$(grep -v '^chatcart_experimental_' "$tmp/experimental" || true)
[ -z "$bad" ] || { echo "inside the experimental fence without the prefix: $bad" >&2; status=1; }
grep '^chatcart_experimental_' "$tmp/declared" >"$tmp/prefixed" || true
outside=$(comm -23 "$tmp/prefixed" "$tmp/experimental")
[ -z "$outside" ] || { echo "chatcart_experimental_* outside the fence: $outside" >&2; status=1; }
[ "$status" = 0 ] || exit 1

soname=$(objdump -p "$lib" | awk '/SONAME/{print $2}')
[ "$soname" = "$soname_expected" ] || { echo "SONAME is '$soname', expected '$soname_expected'" >&2; exit 1; }
echo "$lib: $(wc -l <"$tmp/exported") chatcart_ functions, as c.h declares and the version" \
     "script lists ($(wc -l <"$tmp/experimental") experimental); nothing else; SONAME $soname"
