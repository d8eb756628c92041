#!/usr/bin/env bash
# Builds chatcart (build/, release with debug info), runs the scripted demo
# conversations, then serves the storefront and the agent console on
# localhost over SQLite (`chatcart serve`, docs/SERVE.md) until Ctrl-C.
#   --no-serve   stop after the scripted conversations (the old behaviour)
#   --serve      serve even when stdin is not a terminal
# Without a terminal (CI, a pipe) it does not serve unless --serve is given,
# so it always ends there. CHATCART_DEMO_PORT sets the port (default 8080).
# Other arguments go to `chatcart demo`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
cd "$CHATCART_ROOT"

serve=auto
demo_args=()
for a in "$@"; do
  case "$a" in
    --no-serve) serve=no ;;
    --serve) serve=yes ;;
    *) demo_args+=("$a") ;;
  esac
done
if [ "$serve" = auto ]; then
  if [ -t 0 ]; then serve=yes; else serve=no; fi
fi

"$CHATCART_ROOT/scripts/install-deps.sh" || die "installing dependencies failed"
configure_build build -DCMAKE_BUILD_TYPE=RelWithDebInfo
build build chatcart_cli
build/bin/chatcart demo "${demo_args[@]}"
[ "$serve" = yes ] || exit 0

port="${CHATCART_DEMO_PORT:-8080}"
# The demo's one agent, for the console (a demo password: this server
# listens on localhost only).
agents="$CHATCART_ROOT/build/demo-agents.txt"
echo "demo-agent" | build/bin/chatcart agent-password --id nick --name Nick >"$agents"
echo
echo "==> The storefront: open http://127.0.0.1:$port/ in a browser and click \"Chat with us\"."
echo "    The agent console: http://127.0.0.1:$port/console (agent nick, password demo-agent);"
echo "    ask the shop's chat for a person to see it work."
echo "    Conversations are kept in build/demo-sessions.db. Ctrl-C stops the server."
exec build/bin/chatcart serve --bundle examples/bundles/demo --agents "$agents" \
  --desk-policy examples/cli/serve/demo_desk.textproto \
  --store "sqlite:$CHATCART_ROOT/build/demo-sessions.db" --host 127.0.0.1 --port "$port"
