#!/usr/bin/env bash
# Side by side with what users would pick instead: fastText, scikit-learn,
# NLP.js, XState and RE2, measured in one run beside chatcart (see
# bench/README.md, "Peers"). Not part of scripts/test.sh: it takes about 40
# minutes on the shared 2-core machine (15 of them tuning, then kept), --quick 3.
#
#   bench/peers/run.sh [--reps N] [--quick] [--intents-only | --turns-only] [--retune]
#
# 1. Installs the peers by package name when missing: Debian's fasttext,
#    libfasttext-dev, python3-sklearn and time with apt-get (as root, like
#    scripts/install-deps.sh), npm's node-nlp@4 and xstate@5 into the scratch
#    directory with the machine's Node.js. A peer that cannot be installed (not
#    root, no network for npm, ...) is reported as not measured, in the log and
#    in the table, and the others still run. PEERS_SKIP="nlpjs xstate ..." leaves
#    peers out on purpose (fasttext, sklearn_svm, sklearn_logreg, nlpjs, xstate).
# 2. Builds chatcart (RelWithDebInfo, in $CHATCART_BUILD_DIR, default build/):
#    the CLI, turn_bench and the peer programs; compiles fasttext_predict.cc
#    against libfasttext into the scratch directory.
# 3. Runs one job at a time, --reps times (default 3, the median is reported):
#    the intents comparison (intents.py) and the turns comparison (turns.py),
#    then report.py, which prints the markdown table and writes
#    results/peers.{md,json}. Tuning (fastText's grid, the peers' thresholds) is
#    kept between runs while the files, scripts and versions are unchanged;
#    --retune recomputes it.
# --quick: 1,500 train rows per task and one repetition (development only).
# Scratch directory: $PEERS_SCRATCH, default build/peers (never the data folder).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../../scripts/common.sh"
cd "$CHATCART_ROOT"

ARGS="$*"
REPS=3
LIMIT=()
JOBS=(intents turns)
RETUNE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift ;;
    --quick) REPS=1; LIMIT=(--limit 1500) ;;
    --intents-only) JOBS=(intents) ;;
    --turns-only) JOBS=(turns) ;;
    --retune) RETUNE=1 ;;
    *) die "unknown argument $1 (see the header for usage)" ;;
  esac
  shift
done
BUILD="${CHATCART_BUILD_DIR:-$CHATCART_ROOT/build}"
SCRATCH="${PEERS_SCRATCH:-$BUILD/peers}"
DATA="${CHATCART_DATA_DIR:-$CHATCART_ROOT/../shared/data}"
[ -f "$DATA/clinc150/train.jsonl" ] || die "no data in $DATA (set CHATCART_DATA_DIR)"
mkdir -p "$SCRATCH/bin" "$SCRATCH/npm" "$SCRATCH/results"

# 1. Peers. A peer that cannot be installed or built is left out with its
# reason (printed now, and in the table); the others still run.
UNAVAILABLE=()  # "system<TAB>reason"
unavailable() {
  local reason="$2"
  local system
  for system in $1; do UNAVAILABLE+=("$system	$reason"); done
  echo "run.sh: NOT MEASURED: $1: $reason" >&2
}
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
apt_install() {  # apt_install PACKAGE...: installs the missing ones; fails if any stays missing
  local missing=() p
  for p in "$@"; do is_installed "$p" || missing+=("$p"); done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "run.sh: not root: cannot apt-get install ${missing[*]}" >&2
    return 1
  fi
  echo "run.sh: apt-get install ${missing[*]}" >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null &&
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
      --no-install-recommends "${missing[@]}" >/dev/null
}
for system in ${PEERS_SKIP:-}; do unavailable "$system" "skipped (PEERS_SKIP)"; done
apt_install time || die "needs /usr/bin/time (Debian package time) for peak RSS"
apt_install fasttext libfasttext-dev ||
  unavailable fasttext "Debian's fasttext/libfasttext-dev could not be installed"
apt_install python3-sklearn ||
  unavailable "sklearn_svm sklearn_logreg" "Debian's python3-sklearn could not be installed"
npm_install() {  # npm_install PACKAGE@RANGE: into the scratch directory, once
  local name="${1%@*}"
  [ -d "$SCRATCH/npm/node_modules/$name" ] && return 0
  command -v node >/dev/null && command -v npm >/dev/null || return 1
  [ -f "$SCRATCH/npm/package.json" ] || echo '{"private": true}' >"$SCRATCH/npm/package.json"
  echo "run.sh: npm install $1 into $SCRATCH/npm" >&2
  npm install --prefix "$SCRATCH/npm" --no-audit --no-fund --loglevel=error "$1" >/dev/null
}
npm_install node-nlp@4 ||
  unavailable nlpjs "npm's node-nlp@4 could not be installed (Node.js/npm missing or no network)"
npm_install xstate@5 ||
  unavailable xstate "npm's xstate@5 could not be installed (Node.js/npm missing or no network)"
has() {  # has SYSTEM: not marked unavailable (nor skipped)
  local u
  for u in "${UNAVAILABLE[@]}"; do [ "${u%%	*}" = "$1" ] && return 1; done
  return 0
}

# 2. Builds.
configure_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo
build "$BUILD" chatcart_cli peers_chatcart_predict peers_patterns peers_chatcart_gift turn_bench
if has fasttext; then
  g++ -O2 -std=c++17 -o "$SCRATCH/bin/fasttext_predict" "$HERE/fasttext_predict.cc" -lfasttext \
    -lpthread || unavailable fasttext "compiling fasttext_predict.cc against libfasttext failed"
fi
SYSTEMS=chatcart
for s in fasttext sklearn_svm sklearn_logreg nlpjs; do has "$s" && SYSTEMS+=",$s"; done
/usr/bin/python3 -c 'import json, sys
print(json.dumps(dict(line.split("\t", 1) for line in sys.argv[1:]), indent=1))' \
  "${UNAVAILABLE[@]}" >"$SCRATCH/results/unavailable.json"

# Setup block: the machine, versions, the command.
npm_version() {
  node -p "require('$SCRATCH/npm/node_modules/$1/package.json').version" 2>/dev/null ||
    echo "not installed"
}
deb_version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "not installed"; }
/usr/bin/python3 - "$SCRATCH/results/setup.json" <<EOF
import json, sys
json.dump({
  "CPU": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores",
  "Load": "$(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average at start); the 2 cores are shared with other engineers' builds, so wall-clock figures (latency, turns/s) are noisy; training is CPU time",
  "OS": "$(. /etc/os-release; echo "$PRETTY_NAME")",
  "chatcart": "$(git rev-parse --short HEAD), $(g++ -dumpfullversion) RelWithDebInfo",
  "fastText": "Debian $(deb_version fasttext)",
  "scikit-learn": "Debian $(deb_version python3-sklearn), Python $(/usr/bin/python3 -c 'import platform; print(platform.python_version())')",
  "NLP.js": "node-nlp $(npm_version node-nlp)",
  "XState": "xstate $(npm_version xstate), Node.js $(node --version)",
  "RE2": "Debian libre2 $(deb_version libre2-dev)",
  "Command": "bench/peers/run.sh${ARGS:+ $ARGS} (repetitions: $REPS${LIMIT:+, quick: ${LIMIT[*]}})",
}, open(sys.argv[1], "w"), indent=1)
EOF

# 3. One job at a time. Tuning (fastText's grid, the peers' out-of-scope
# thresholds; about 15 minutes here) depends only on the prepared files, the
# peer scripts and the peer versions: it is kept in $SCRATCH/tuning/<their
# hash> and reused while they are unchanged (--retune recomputes it).
# chatcart's own threshold is chosen afresh on every run.
rm -rf "$SCRATCH/work" "$SCRATCH/data"
rm -f "$SCRATCH/results/intents.json" "$SCRATCH/results/turns.json"  # the table is this run's
/usr/bin/python3 "$HERE/prepare.py" "$DATA" "$SCRATCH" "${LIMIT[@]}"
TUNING_KEY="$(
  {
    find "$SCRATCH/data" -type f -name '*.jsonl' | LC_ALL=C sort | xargs cat
    cat "$HERE/common.py" "$HERE/prepare.py" "$HERE/fasttext_peer.py" "$HERE/fasttext_predict.cc" \
      "$HERE/sklearn_peer.py" "$HERE/nlpjs_peer.js"
    deb_version fasttext; deb_version python3-sklearn; npm_version node-nlp
    node --version 2>/dev/null || true
  } | sha256sum | cut -c1-16
)"
TUNING="$SCRATCH/tuning/$TUNING_KEY"
[ "$RETUNE" = 1 ] && rm -rf "$TUNING"
if [ -d "$TUNING" ]; then
  echo "run.sh: reusing the tuning in $TUNING (same files, scripts and versions)" >&2
else
  echo "run.sh: tuning afresh into $TUNING" >&2
fi
mkdir -p "$TUNING"
for job in "${JOBS[@]}"; do
  echo "run.sh: $job (median of $REPS)" >&2
  case "$job" in
    intents) args=(--systems "$SYSTEMS" --tuning "$TUNING") ;;
    turns) args=(); has xstate || args=(--no-xstate) ;;
  esac
  /usr/bin/python3 "$HERE/$job.py" "$SCRATCH" "$CHATCART_ROOT" "$BUILD" --reps "$REPS" "${args[@]}"
done
/usr/bin/python3 "$HERE/report.py" "$SCRATCH"
