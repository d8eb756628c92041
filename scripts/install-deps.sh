#!/usr/bin/env bash
# Installs, with apt-get, the Debian 12 packages that chatcart's build, tests and
# benchmarks need and that are missing. Idempotent: when everything is present it
# does nothing, and it runs `apt-get update` at most once, only when something is
# missing. Prints one clear line and exits non-zero when it cannot install.
set -euo pipefail

PACKAGES=(
  cmake g++ make pkg-config clang-format
  libabsl-dev libre2-dev libprotobuf-dev protobuf-compiler
  libgtest-dev libgmock-dev libbenchmark-dev
  pybind11-dev python3-dev python3-pytest
  libicu-dev libsimdjson-dev libstemmer-dev libsqlite3-dev libxxhash-dev libssl-dev
  libhiredis-dev redis-server
  python3-matplotlib
  libcpp-httplib-dev chromium chromium-driver python3-selenium
  libcli11-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps.sh: missing Debian packages (${missing[*]}); run as root or install them with apt-get" >&2
  exit 1
fi

echo "install-deps.sh: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get -o DPkg::Lock::Timeout=600 update -qq >/dev/null; then
  echo "install-deps.sh: 'apt-get update' failed; check the network or the apt sources" >&2
  exit 1
fi
if ! apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
  echo "install-deps.sh: 'apt-get install' failed for: ${missing[*]}" >&2
  exit 1
fi
