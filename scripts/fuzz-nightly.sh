#!/usr/bin/env bash
# The nightly fuzzing job (issue #22): builds build-fuzz/ (scripts/fuzz.sh
# --build) and runs every libFuzzer target, one at a time, each for
# CHATCART_FUZZ_SECONDS (default 600) or until CHATCART_FUZZ_RUNS executions
# when that is set (10000000 is the issue's long run), then prints a summary
# table (also written to build-fuzz/runs/nightly-summary.md). Exits non-zero
# when any target crashed, leaked, timed out, ran out of memory, made protobuf
# log, or could not be built or run; every target runs even after one failed.
#   scripts/fuzz-nightly.sh                    every target, CHATCART_FUZZ_SECONDS each
#   scripts/fuzz-nightly.sh TARGET[=SECONDS]...  those targets, with their own budgets
# Each target continues from the corpus its last run left in
# build-fuzz/runs/TARGET/ (scripts/fuzz.sh --keep-corpus), so on a machine that
# keeps build-fuzz/ the nights build on each other; the repository's corpora
# are never written. A finding's input stays in build-fuzz/runs/TARGET/artifacts/
# until the next run of TARGET: keep it as tests/fuzz/README.md says.
# Run it under `nice -n 19` on a shared machine. Not part of scripts/test.sh or
# .ci/run; CHATCART_JOBS bounds the build's parallelism as elsewhere.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CHATCART_ROOT" || exit 1

budget="${CHATCART_FUZZ_SECONDS:-600}"
[[ "$budget" =~ ^[1-9][0-9]*$ ]] || die "CHATCART_FUZZ_SECONDS must be a whole number of seconds above 0"
runs="${CHATCART_FUZZ_RUNS:-}"
[ -z "$runs" ] || [[ "$runs" =~ ^[1-9][0-9]*$ ]] || die "CHATCART_FUZZ_RUNS must be a number above 0"

all=$(scripts/fuzz.sh --list | cut -d' ' -f1)
plan=()
if [ $# -eq 0 ]; then
  for t in $all; do plan+=("$t=$budget"); done
else
  for a in "$@"; do
    t="${a%%=*}"
    s="$budget"
    [ "$a" != "$t" ] && s="${a#*=}"
    grep -qxF "$t" <<<"$all" || die "unknown target '$t' (scripts/fuzz.sh --list)"
    [[ "$s" =~ ^[1-9][0-9]*$ ]] || die "'$a': the budget is a whole number of seconds"
    plan+=("$t=$s")
  done
fi

started=$(date +%s)
echo "==> building build-fuzz/ ($(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo '?'))"
scripts/fuzz.sh --build || die "building the fuzz targets failed"

rows=()
failed=0
for p in "${plan[@]}"; do
  t="${p%%=*}"
  s="${p#*=}"
  echo
  echo "==> $t: $s s${runs:+ or $runs executions} ($(( $(date +%s) - started )) s)"
  out=$(mktemp)
  status=0
  scripts/fuzz.sh --keep-corpus ${runs:+--runs "$runs"} "$t" "$(awk -v s="$s" 'BEGIN { print s / 60 }')" 2>&1 |
    tee "$out" || status=$?
  line=$(sed -n 's/^summary: //p' "$out" | tail -1)
  crash=$(sed -n 's/^crash file: *//p' "$out" | paste -sd ' ')
  rm -f "$out"
  if [ -z "$line" ]; then
    line="$t ? ? ? ? ? ? error"
  fi
  read -r _ wall execs rate cov ft files result <<<"$line"
  if [ "$status" -ne 0 ] || [ "$result" != ok ]; then
    failed=$((failed + 1))
    [ "$result" = ok ] && result=error
  fi
  rows+=("| \`$t\` | $wall | $execs | $rate | $cov / $ft | $files | $result${crash:+ ($crash)} |")
done

summary=build-fuzz/runs/nightly-summary.md
{
  echo "Fuzzing of $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u '+%Y-%m-%d %H:%M UTC'): ${#plan[@]} targets, $(( $(date +%s) - started )) s in all"
  echo
  echo "| target | seconds | executions | exec/s | cov / ft | corpus files | result |"
  echo "|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$summary"
echo
cat "$summary"
if [ "$failed" -gt 0 ]; then
  die "$failed of ${#plan[@]} targets failed (logs: build-fuzz/runs/TARGET/fuzz.log)"
fi
echo "no finding"
