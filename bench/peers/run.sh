#!/usr/bin/env bash
# Side by side with what users would pick instead: fastText, scikit-learn,
# NLP.js, XState and RE2, measured in one run beside chatcart (see
# bench/README.md, "Peers"). Not part of scripts/test.sh: it takes about an hour
# on the shared 2-core machine.
#
#   bench/peers/run.sh [--reps N] [--quick] [--intents-only | --turns-only]
#
# 1. Installs the peers by package name when missing: Debian's fasttext,
#    libfasttext-dev and python3-sklearn with apt-get (as root, like
#    scripts/install-deps.sh), npm's node-nlp@4 and xstate@5 into the scratch
#    directory with the machine's Node.js.
# 2. Builds chatcart (RelWithDebInfo, in $CHATCART_BUILD_DIR, default build/):
#    the CLI, the peer programs and turn_bench when present; compiles
#    fasttext_predict.cc against libfasttext into the scratch directory.
# 3. Runs one job at a time, --reps times (default 3): the intents comparison
#    (intents.py) and the turns comparison (turns.py), then report.py, which
#    prints the markdown table and writes results/peers.{md,json}.
# --quick: 1,500 train rows per task and one repetition (development only).
# Scratch directory: $PEERS_SCRATCH, default build/peers (never the data folder).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$HERE/../../scripts/common.sh"
cd "$CHATCART_ROOT"

REPS=3
LIMIT=()
JOBS=(intents turns)
while [ $# -gt 0 ]; do
  case "$1" in
    --reps) REPS="$2"; shift ;;
    --quick) REPS=1; LIMIT=(--limit 1500) ;;
    --intents-only) JOBS=(intents) ;;
    --turns-only) JOBS=(turns) ;;
    *) die "unknown argument $1 (see the header for usage)" ;;
  esac
  shift
done
BUILD="${CHATCART_BUILD_DIR:-$CHATCART_ROOT/build}"
SCRATCH="${PEERS_SCRATCH:-$BUILD/peers}"
DATA="${CHATCART_DATA_DIR:-$CHATCART_ROOT/../shared/data}"
[ -f "$DATA/clinc150/train.jsonl" ] || die "no data in $DATA (set CHATCART_DATA_DIR)"
mkdir -p "$SCRATCH/bin" "$SCRATCH/npm" "$SCRATCH/results"

# 1. Peers.
DEBS=(fasttext libfasttext-dev python3-sklearn time)
missing=()
for p in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || die "missing Debian packages (${missing[*]}); install them with apt-get"
  echo "run.sh: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null || die "apt-get update failed"
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" \
    >/dev/null || die "apt-get install failed for ${missing[*]}"
fi
command -v node >/dev/null && command -v npm >/dev/null || die "needs Node.js and npm"
if [ ! -d "$SCRATCH/npm/node_modules/node-nlp" ] || [ ! -d "$SCRATCH/npm/node_modules/xstate" ]; then
  echo "run.sh: npm install node-nlp@4 xstate@5 into $SCRATCH/npm" >&2
  [ -f "$SCRATCH/npm/package.json" ] || echo '{"private": true}' >"$SCRATCH/npm/package.json"
  npm install --prefix "$SCRATCH/npm" --no-audit --no-fund --loglevel=error \
    node-nlp@4 xstate@5 >/dev/null || die "npm install failed"
fi

# 2. Builds.
configure_build "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo
targets=(chatcart_cli peers_chatcart_predict peers_patterns)
[ -f bench/turn_bench.cc ] && targets+=(turn_bench)
build "$BUILD" "${targets[@]}"
g++ -O2 -std=c++17 -o "$SCRATCH/bin/fasttext_predict" "$HERE/fasttext_predict.cc" -lfasttext \
  -lpthread || die "compiling fasttext_predict.cc failed"

# Setup block: the machine, versions, the command.
npm_version() { node -p "require('$SCRATCH/npm/node_modules/$1/package.json').version"; }
/usr/bin/python3 - "$SCRATCH/results/setup.json" <<EOF
import json, sys
json.dump({
  "CPU": "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores",
  "Load": "$(cut -d' ' -f1-3 /proc/loadavg) (1/5/15-min load average at start)",
  "OS": "$(. /etc/os-release; echo "$PRETTY_NAME")",
  "chatcart": "$(git rev-parse --short HEAD), $(g++ -dumpfullversion) RelWithDebInfo",
  "fastText": "Debian $(dpkg-query -W -f='${Version}' fasttext)",
  "scikit-learn": "Debian $(dpkg-query -W -f='${Version}' python3-sklearn), Python $(/usr/bin/python3 -c 'import platform; print(platform.python_version())')",
  "NLP.js": "node-nlp $(npm_version node-nlp)",
  "XState": "xstate $(npm_version xstate), Node.js $(node --version)",
  "RE2": "Debian libre2 $(dpkg-query -W -f='${Version}' libre2-dev)",
  "Command": "bench/peers/run.sh --reps $REPS${LIMIT:+ (quick: ${LIMIT[*]})}",
}, open(sys.argv[1], "w"), indent=1)
EOF

# 3. One job at a time. Cached tuning (fastText's grid, thresholds) goes with the data.
rm -rf "$SCRATCH/work" "$SCRATCH/data"
/usr/bin/python3 "$HERE/prepare.py" "$DATA" "$SCRATCH" "${LIMIT[@]}"
for job in "${JOBS[@]}"; do
  echo "run.sh: $job (median of $REPS)" >&2
  /usr/bin/python3 "$HERE/$job.py" "$SCRATCH" "$CHATCART_ROOT" "$BUILD" --reps "$REPS"
done
/usr/bin/python3 "$HERE/report.py" "$SCRATCH"
