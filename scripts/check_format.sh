#!/usr/bin/env bash
# Checks that the C and C++ lines changed since a base commit are formatted as
# .clang-format says (Debian's clang-format 14, through git-clang-format). Only
# changed lines are checked: files nobody touched, and the untouched lines of
# the files somebody did, may keep their old layout (143 of 497 files differ
# from .clang-format as a whole; formatting them all at once would bury the
# history of every line).
#
# The base, first that exists:
#   1. $CHATCART_FORMAT_BASE (any revision git understands);
#   2. the merge-base of HEAD with origin/main, then with main (a branch's own
#      commits, in a fresh CI clone of a pull request or in a worktree here);
#   3. HEAD~1 when that merge-base is HEAD itself (CI on main: the last commit).
# A clone without the base's history (git clone --depth 1 on main) has nothing
# to compare: the check says so and passes; fetch with --depth 2 or more, or set
# CHATCART_FORMAT_BASE. Uncommitted changes are checked too.
#
# Usage: scripts/check_format.sh   (exit 1 and the diff that would fix it)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CHATCART_ROOT"

command -v git-clang-format >/dev/null 2>&1 ||
  die "git-clang-format not found (Debian package clang-format)"

rev() { git rev-parse --verify --quiet "$1^{commit}" 2>/dev/null; }

base=""
if [ -n "${CHATCART_FORMAT_BASE:-}" ]; then
  base="$(rev "$CHATCART_FORMAT_BASE")" || die "CHATCART_FORMAT_BASE=$CHATCART_FORMAT_BASE is no commit"
else
  for ref in origin/main main; do
    if rev "$ref" >/dev/null; then
      base="$(git merge-base HEAD "$ref" 2>/dev/null || true)"
      [ -n "$base" ] && break
    fi
  done
  if [ -z "$base" ] || [ "$base" = "$(git rev-parse HEAD)" ]; then
    base="$(rev HEAD~1 || true)"
  fi
fi
if [ -z "$base" ]; then
  echo "check_format.sh: no base commit to compare with (shallow clone?); nothing checked"
  exit 0
fi

# git-clang-format 14 exits 0 whether or not it finds something to change:
# its --diff output is the verdict.
out="$(git clang-format --binary clang-format --style file --diff "$base" -- \
         '*.c' '*.cc' '*.h' 2>&1)" || die "git clang-format failed: $out"
if printf '%s\n' "$out" | grep -q '^diff --git'; then
  printf '%s\n' "$out"
  echo "check_format.sh: lines changed since $(git rev-parse --short "$base") differ from" \
       ".clang-format (the diff above fixes them: git clang-format $(git rev-parse --short "$base"))" >&2
  exit 1
fi
echo "check_format.sh: lines changed since $(git rev-parse --short "$base") are formatted"
