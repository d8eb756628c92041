#!/usr/bin/env bash
# Builds chatcart (build/, release with debug info) and runs the demo.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CHATCART_ROOT"

"$CHATCART_ROOT/scripts/install-deps.sh" || die "installing dependencies failed"
configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
build build chatcart_cli
exec build/bin/chatcart demo "$@"
