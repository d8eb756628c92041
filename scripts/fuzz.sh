#!/usr/bin/env bash
# Runs one fuzz target under libFuzzer (clang-14, ASan + UBSan) for a while.
#   scripts/fuzz.sh --list                       the targets and their seed corpora
#   scripts/fuzz.sh [--update-corpus] TARGET MINUTES
# Configures build-fuzz/ (-DCHATCART_LIBFUZZER=ON: the fuzz targets and the
# libraries they link, nothing else), builds TARGET, and fuzzes a copy of its
# seed corpus in build-fuzz/runs/TARGET/ (the repository's corpus is only
# written with --update-corpus, which merges in what added coverage). MINUTES
# may be a fraction (0.5). Prints executions, exec/s, cov/ft and any crash
# file; exits non-zero when the target crashed, leaked, timed out or ran out of
# memory. No network: every target works on bytes and the demo bundle.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CHATCART_ROOT"

# target:seed corpus, relative to the repository.
TARGETS=(
  session_turns:tests/fuzz/corpus/session snapshot_restore:tests/fuzz/corpus/snapshot
  cart_commands:tests/fuzz/corpus/cart free_text:tests/fuzz/corpus/text
  catalog_jsonl:tests/fuzz/corpus/catalog turn_bytes:tests/fuzz/corpus/turn_bytes
  bundle_file:tests/fuzz/corpus/bundle desk_operations:tests/fuzz/corpus/desk
  store_values:tests/fuzz/corpus/store serve_requests:tests/fuzz/corpus/serve
  channels_messenger:lib/channels/testdata channels_whatsapp:lib/channels/testdata
  channels_sms:lib/channels/testdata channels_web:lib/channels/testdata
  channels_render:lib/channels/testdata
)
usage() { die "usage: $0 --list | [--update-corpus] TARGET MINUTES"; }

update=0
case "${1:-}" in
  --list) for t in "${TARGETS[@]}"; do echo "${t%%:*} ${t#*:}"; done; exit 0 ;;
  --update-corpus) update=1; shift ;;
esac
[ $# -eq 2 ] || usage
target="$1"
seed=""
for t in "${TARGETS[@]}"; do [ "${t%%:*}" = "$target" ] && seed="${t#*:}"; done
[ -n "$seed" ] || die "unknown target '$target' (scripts/fuzz.sh --list)"
seconds=$(awk -v m="$2" 'BEGIN { if (m !~ /^[0-9]*\.?[0-9]+$/) exit 1; s = int(m * 60 + 0.5); print (s < 1 ? 1 : s) }') ||
  usage

# -fsanitize=fuzzer needs clang; the same ccache serves it (the compiler is
# part of the hash).
# A configured tree is reused (cmake --build re-runs CMake when a CMakeLists
# changed): a configure costs up to a minute on a loaded machine.
dir=build-fuzz
if ! grep -qxF "CHATCART_LIBFUZZER:BOOL=ON" "$dir/CMakeCache.txt" 2>/dev/null ||
   ! grep -qxF "CMAKE_HOME_DIRECTORY:INTERNAL=$CHATCART_ROOT" "$dir/CMakeCache.txt"; then
  configure_build "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang-14 \
    -DCMAKE_CXX_COMPILER=clang++-14 -DCHATCART_LIBFUZZER=ON
fi
cmake --build "$dir" -j "$CHATCART_JOBS" --target "${target}_fuzzer" >"$dir/build-$target.log" 2>&1 ||
  { tail -40 "$dir/build-$target.log" >&2; die "building ${target}_fuzzer failed"; }

run="$dir/runs/$target"
rm -rf "$run"
mkdir -p "$run/corpus" "$run/artifacts"
cp -r "$seed/." "$run/corpus/"
args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=2560
      -artifact_prefix="$run/artifacts/")
[ -f "tests/fuzz/dict/$target.dict" ] && args+=(-dict="tests/fuzz/dict/$target.dict")

echo "fuzzing $target for ${seconds} s (seed $seed; log $run/fuzz.log)"
status=0
"$dir/fuzz/${target}_fuzzer" "${args[@]}" "$run/corpus" >"$run/fuzz.log" 2>&1 || status=$?

last=$(grep -E '^#[0-9]+.*cov: ' "$run/fuzz.log" | tail -1 || true)
stat() { sed -n "s/^stat::$1: *//p" "$run/fuzz.log" | tail -1; }
echo "target:      $target"
echo "executions:  $(stat number_of_executed_units)"
echo "exec/s:      $(stat average_exec_per_sec)"
echo "coverage:    $(grep -o 'cov: [0-9]* ft: [0-9]*' <<<"$last" || echo '?')"
echo "corpus:      $(find "$run/corpus" -type f | wc -l) files ($(stat new_units_added) new)"
echo "peak RSS:    $(stat peak_rss_mb) MB"
crashes=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$run/fuzz.log")
if [ "$status" -ne 0 ] || [ -n "$crashes" ]; then
  grep -m1 -E 'ERROR: |runtime error|deadly signal|: .*FUZZ|==[0-9]+==' "$run/fuzz.log" >&2 || true
  for c in $crashes; do echo "crash file:  $c" >&2; done
  die "$target failed (exit $status); reproduce: $dir/fuzz/${target}_fuzzer FILE; log $run/fuzz.log"
fi
if [ "$update" = 1 ]; then
  "$dir/fuzz/${target}_fuzzer" -merge=1 "$seed" "$run/corpus" >"$run/merge.log" 2>&1 ||
    die "merging into $seed failed (log $run/merge.log)"
  echo "merged into $seed: $(sed -n 's/.*MERGE-OUTER: \([0-9]*\) new files.*/\1/p' "$run/merge.log") new files"
fi
echo "no crash"
