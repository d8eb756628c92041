#!/usr/bin/env bash
# Runs one fuzz target under libFuzzer (clang-14, ASan + UBSan) for a while.
#   scripts/fuzz.sh --list                       the targets and their seed corpora
#   scripts/fuzz.sh --build                      configures build-fuzz/, builds every target
#   scripts/fuzz.sh [--update-corpus] [--keep-corpus] [--runs N] TARGET MINUTES
# Configures build-fuzz/ (-DCHATCART_LIBFUZZER=ON: the fuzz targets and the
# libraries they link, nothing else), builds TARGET, and fuzzes a copy of its
# seed corpus in build-fuzz/runs/TARGET/ (the repository's corpus is only
# written with --update-corpus, which merges in what added coverage). MINUTES
# may be a fraction (0.5). --runs N also stops at N executions (libFuzzer's
# -runs), whichever comes first. --keep-corpus starts from the corpus the last
# run of TARGET left in build-fuzz/runs/TARGET/ (with the seeds added) instead
# of the seeds alone, so that successive runs (a nightly job) build on each
# other. CHATCART_FUZZ_FLAGS adds libFuzzer flags (-max_len=N, ...). Prints
# wall time, executions, exec/s, cov/ft, the corpus and any crash file, then
# one line `summary: TARGET SECONDS EXECUTIONS EXEC/S COV FT FILES
# RESULT` (RESULT: ok, crash, leak, timeout, oom or protobuf-log;
# scripts/fuzz-nightly.sh reads it); exits non-zero when the target
# crashed, leaked, timed out, ran out of memory, or protobuf logged an ERROR
# line (issue #22: no target may make it log). No network: every target works
# on bytes and the demo bundle.
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
usage() { die "usage: $0 --list | --build | [--update-corpus] [--keep-corpus] [--runs N] TARGET MINUTES"; }

build_all=0
update=0
keep=0
runs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --list) for t in "${TARGETS[@]}"; do echo "${t%%:*} ${t#*:}"; done; exit 0 ;;
    --build) build_all=1; shift ;;
    --update-corpus) update=1; shift ;;
    --keep-corpus) keep=1; shift ;;
    --runs) [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || usage; runs="$2"; shift 2 ;;
    -*) usage ;;
    *) break ;;
  esac
done
if [ "$build_all" = 1 ]; then
  [ $# -eq 0 ] || usage
else
  [ $# -eq 2 ] || usage
  target="$1"
  seed=""
  for t in "${TARGETS[@]}"; do [ "${t%%:*}" = "$target" ] && seed="${t#*:}"; done
  [ -n "$seed" ] || die "unknown target '$target' (scripts/fuzz.sh --list)"
  seconds=$(awk -v m="$2" 'BEGIN { if (m !~ /^[0-9]*\.?[0-9]+$/) exit 1; s = int(m * 60 + 0.5); print (s < 1 ? 1 : s) }') ||
    usage
fi

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
if [ "$build_all" = 1 ]; then
  cmake --build "$dir" -j "$CHATCART_JOBS" --target fuzzers >"$dir/build-all.log" 2>&1 ||
    { tail -40 "$dir/build-all.log" >&2; die "building the fuzz targets failed (log $dir/build-all.log)"; }
  echo "built every fuzz target in $dir/fuzz/"
  exit 0
fi
cmake --build "$dir" -j "$CHATCART_JOBS" --target "${target}_fuzzer" >"$dir/build-$target.log" 2>&1 ||
  { tail -40 "$dir/build-$target.log" >&2; die "building ${target}_fuzzer failed"; }

run="$dir/runs/$target"
if [ "$keep" = 1 ] && [ -d "$run/corpus" ]; then
  rm -rf "$run/artifacts"
else
  rm -rf "$run"
fi
mkdir -p "$run/corpus" "$run/artifacts"
cp -r "$seed/." "$run/corpus/"
args=(-max_total_time="$seconds" -print_final_stats=1 -timeout=30 -rss_limit_mb=2560
      -artifact_prefix="$run/artifacts/")
[ -n "$runs" ] && args+=(-runs="$runs")
# shellcheck disable=SC2206 # flags are words
[ -n "${CHATCART_FUZZ_FLAGS:-}" ] && args+=(${CHATCART_FUZZ_FLAGS})
[ -f "tests/fuzz/dict/$target.dict" ] && args+=(-dict="tests/fuzz/dict/$target.dict")

echo "fuzzing $target for ${seconds} s${runs:+ or $runs executions} (seed $seed; log $run/fuzz.log)"
echo "command:     $dir/fuzz/${target}_fuzzer ${args[*]} $run/corpus"
status=0
started=$(date +%s)
"$dir/fuzz/${target}_fuzzer" "${args[@]}" "$run/corpus" >"$run/fuzz.log" 2>&1 || status=$?
wall=$(( $(date +%s) - started ))

last=$(grep -E '^#[0-9]+.*cov: ' "$run/fuzz.log" | tail -1 || true)
stat() { sed -n "s/^stat::$1: *//p" "$run/fuzz.log" | tail -1; }
executions=$(stat number_of_executed_units)
# A crash stops libFuzzer before its final stats: the last status line's count.
[ -n "$executions" ] || executions=$(sed -n 's/^#\([0-9]*\).*/\1/p' <<<"$last")
execs_per_s=$(stat average_exec_per_sec)
[ -n "$execs_per_s" ] || execs_per_s=$(sed -n 's/.* exec\/s: \([0-9]*\).*/\1/p' <<<"$last")
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
files=$(find "$run/corpus" -type f | wc -l)
protobuf_lines=$(grep -c '^\[libprotobuf ERROR' "$run/fuzz.log" || true)
echo "target:      $target"
echo "wall time:   $wall s"
echo "executions:  ${executions:-?}"
echo "exec/s:      ${execs_per_s:-?}"
echo "coverage:    cov: ${cov:-?} ft: ${ft:-?}"
echo "corpus:      $files files ($(stat new_units_added) new)"
echo "peak RSS:    $(stat peak_rss_mb) MB"
echo "last status: $last"
crashes=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$run/fuzz.log")
result=ok
if [ "$status" -ne 0 ] || [ -n "$crashes" ]; then
  # libFuzzer names the file for what happened: crash-, leak-, timeout-, oom-.
  result=$(basename "$(head -1 <<<"$crashes")" | sed -n 's/^\([a-z]*\)-.*/\1/p')
  result=${result:-crash}
elif [ "$protobuf_lines" -gt 0 ]; then
  result=protobuf-log
fi
echo "summary: $target $wall ${executions:-?} ${execs_per_s:-?} ${cov:-?} ${ft:-?} $files $result"
if [ "$result" != ok ] && [ "$result" != protobuf-log ]; then
  grep -m1 -E 'ERROR: |runtime error|deadly signal|: .*FUZZ|==[0-9]+==' "$run/fuzz.log" >&2 || true
  for c in $crashes; do echo "crash file:  $c" >&2; done
  die "$target failed (exit $status); reproduce: $dir/fuzz/${target}_fuzzer FILE; log $run/fuzz.log"
fi
if [ "$result" = protobuf-log ]; then
  grep -m1 '^\[libprotobuf ERROR' "$run/fuzz.log" >&2
  die "$target made protobuf log $protobuf_lines ERROR line(s) (log $run/fuzz.log)"
fi
if [ "$update" = 1 ]; then
  "$dir/fuzz/${target}_fuzzer" -merge=1 "$seed" "$run/corpus" >"$run/merge.log" 2>&1 ||
    die "merging into $seed failed (log $run/merge.log)"
  echo "merged into $seed: $(sed -n 's/.*MERGE-OUTER: \([0-9]*\) new files.*/\1/p' "$run/merge.log") new files"
fi
echo "no crash"
