#!/usr/bin/env bash
# Checks `chatcart cart apply` and `chatcart cart replay` on the example in
# this folder, and the JSON errors of `chatcart channel render`: usage:
# cli_test.sh path/to/chatcart
set -euo pipefail
chatcart="$1"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "cli_test.sh: $*" >&2; exit 1; }

"$chatcart" cart apply --policy "$here/policy.json" --catalog "$here/catalog.jsonl" \
  --events "$work/events.jsonl" <"$here/commands.jsonl" >"$work/out.jsonl" ||
  fail "cart apply exited $?"
[ "$(wc -l <"$work/out.jsonl")" -eq 10 ] || fail "expected 10 output lines"
sed -n 3p "$work/out.jsonl" | grep -q '"replayed":true' || fail "line 3 is not a replayed retry"
sed -n 4p "$work/out.jsonl" | grep -q '"code":"FAILED_PRECONDITION".*only 3 of product shirt' ||
  fail "line 4 is not the stock error"
sed -n 7p "$work/out.jsonl" | grep -q '"grand_total":{"minor_units":"5596"' ||
  fail "line 7 does not total 55.96"
sed -n 10p "$work/out.jsonl" | grep -q '"order_reference":"64M-PYR2"' || fail "no order placed"
[ "$(wc -l <"$work/events.jsonl")" -eq 8 ] || fail "expected 8 events"

# Replaying the events rebuilds the same cart.
"$chatcart" cart replay --policy "$here/policy.json" --events "$work/events.jsonl" \
  >"$work/replayed.json" || fail "cart replay exited $?"
/usr/bin/python3 - "$work/out.jsonl" "$work/replayed.json" <<'PY' || fail "the replayed cart differs"
import json, sys
applied = [json.loads(line) for line in open(sys.argv[1])][-1]["cart"]
replayed = json.load(open(sys.argv[2]))["cart"]
sys.exit(0 if applied == replayed else 1)
PY

# Issue #22: without a spending cap, a command whose totals overflow int64 is
# an error that changes nothing (it was applied and reported as failed), and
# the cart the CLI prints is accepted back by --cart.
printf '%s\n' \
  '{"add_line": {"product_id": "gold", "quantity": 1000000, "unit_price": {"minor_units": "100000000000000", "currency": "USD"}}}' \
  '{"add_line": {"product_id": "a", "quantity": 1, "unit_price": {"minor_units": "9223372036854775000", "currency": "USD"}}}' \
  '{"add_line": {"product_id": "b", "quantity": 1, "unit_price": {"minor_units": "1000", "currency": "USD"}}}' |
  "$chatcart" cart apply >"$work/overflow.jsonl" || fail "cart apply (overflow) exited $?"
/usr/bin/python3 - "$work/overflow.jsonl" "$work/printed.json" <<'PY' || fail "an overflow changed the cart"
import json, sys
lines = [json.loads(line) for line in open(sys.argv[1])]
assert lines[0]["error"]["code"] == "OUT_OF_RANGE" and "cart" not in lines[0], lines[0]
assert lines[0].get("version", "0") == "0", lines[0]
assert "error" not in lines[1] and lines[1]["version"] == "1", lines[1]
assert lines[2]["error"]["code"] == "OUT_OF_RANGE" and lines[2]["version"] == "1", lines[2]
json.dump(lines[1]["cart"], open(sys.argv[2], "w"))
PY
echo '{"clear": {}}' | "$chatcart" cart apply --cart "$work/printed.json" >"$work/again.jsonl" ||
  fail "cart apply --cart refused the cart it printed"
grep -q '"version":"2"' "$work/again.jsonl" || fail "the printed cart did not apply a command"

# Issue #22: limits of chatcart/limits.h, each refusal naming its limit and
# short: a 10 MB product id makes a command line over kMaxJsonBytes; a
# 1,000,000-byte one (under it) an error quoting 64 bytes of it; a --cart
# file over kMaxCartJsonBytes is refused without being read whole.
/usr/bin/python3 - "$work" <<'PY' || fail "could not write the large inputs"
import json, sys
work = sys.argv[1]
open(work + "/huge_id.jsonl", "w").write(
    json.dumps({"add_line": {"product_id": "p" * (10 << 20), "quantity": 1}}) + "\n")
open(work + "/long_id.jsonl", "w").write(
    json.dumps({"add_line": {"product_id": "q" * 1000000, "quantity": 1}}) + "\n")
open(work + "/long_value.jsonl", "w").write(
    json.dumps({"remove_line": {"line_id": "q" * 1000000}}) + "\n")
with open(work + "/huge_cart.json", "w") as f:
    f.write('{"id": "' + "c" * ((16 << 20) + 1) + '"}')
PY
set +e
"$chatcart" cart apply <"$work/huge_id.jsonl" >"$work/huge.out" 2>"$work/huge.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "a 10 MB command line exited $status, expected 2"
grep -qE "stdin:1: not a CartCommand: 10485807 bytes, over the limit of 1048576 \(kMaxJsonBytes\)" \
  "$work/huge.err" || fail "the 10 MB line's refusal does not name kMaxJsonBytes: $(head -c 300 "$work/huge.err")"
[ "$(wc -c <"$work/huge.err")" -lt 400 ] || fail "the 10 MB line's error is $(wc -c <"$work/huge.err") bytes"
"$chatcart" cart apply <"$work/long_id.jsonl" >"$work/long.out" || fail "cart apply (long id) exited $?"
grep -q '"code":"INVALID_ARGUMENT"' "$work/long.out" || fail "adding a 1 MB product id without a price is no error"
[ "$(wc -c <"$work/long.out")" -lt 400 ] || fail "the 1 MB id's error line is $(wc -c <"$work/long.out") bytes"
# A value the JSON parser refuses is quoted short too.
set +e
"$chatcart" cart apply <"$work/long_value.jsonl" >/dev/null 2>"$work/value.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "a 1 MB bad line_id exited $status, expected 2"
[ "$(wc -c <"$work/value.err")" -lt 400 ] || fail "the bad line_id's error is $(wc -c <"$work/value.err") bytes"
set +e
echo '{"clear": {}}' | "$chatcart" cart apply --cart "$work/huge_cart.json" >/dev/null 2>"$work/cart.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "a cart over 16 MiB exited $status, expected 2"
grep -q "over the limit of 16777216 bytes (kMaxCartJsonBytes)" "$work/cart.err" ||
  fail "the large cart's refusal does not name kMaxCartJsonBytes: $(head -c 300 "$work/cart.err")"

# Issue #22: protobuf's JSON parser quotes the input in its complaint (an
# unknown key or a bad value whole, the bytes around a syntax error as they
# are): the error of every JSON input, here and of `chatcart channel render`,
# is short and well-formed UTF-8, and names the input.
/usr/bin/python3 - "$work" <<'PY' || fail "could not write the ill-formed inputs"
import sys
work = sys.argv[1]
big = b"k" * 100000
inputs = {
    "bad_line.jsonl": b'{"add_line": {"product_id": "\xff\xfe"}}\n',
    "big_line.jsonl": b'{"add_line": {"' + big + b'": 1}}\n',
    "bad_cart.json": b'{"id": "c\xff", "version": "1"}',
    "big_cart.json": b'{"id": "c", "' + big + b'": 1}',
    "bad_policy.json": b'{"currency": "US\xff"}',
    "big_policy.json": b'{"currency": "USD", "' + big + b'": 1}',
    "bad_turn.json": b'{"replies": [{"text": "caff\xe8"}]}',
    "big_turn.json": b'{"' + big + b'": 1}',
}
for name, data in inputs.items():
    open(work + "/" + name, "wb").write(data)
PY
# refused WHAT EXPECTED-TEXT COMMAND...: the command fails, and its error
# holds EXPECTED-TEXT, is under 700 bytes and is well-formed UTF-8.
refused() {
  local what="$1" expected="$2"
  shift 2
  set +e
  "$@" >/dev/null 2>"$work/refused.err"
  local status=$?
  set -e
  [ "$status" -ne 0 ] || fail "$what was accepted"
  grep -qF -- "$expected" "$work/refused.err" ||
    fail "$what: the error does not say \"$expected\": $(head -c 300 "$work/refused.err")"
  /usr/bin/python3 -c 'import sys; d = open(sys.argv[1], "rb").read(); d.decode("utf-8"); sys.exit(len(d) >= 700)' \
    "$work/refused.err" ||
    fail "$what: the error is not short, well-formed UTF-8: $(head -c 300 "$work/refused.err" | od -c | head -5)"
}
refused "an ill-formed command line" "stdin:1: not a CartCommand: the JSON is not well-formed UTF-8" \
  "$chatcart" cart apply <"$work/bad_line.jsonl"
refused "a command line with a 100 KB key" "stdin:1: not a CartCommand: " \
  "$chatcart" cart apply <"$work/big_line.jsonl"
refused "an ill-formed --cart" "--cart $work/bad_cart.json: the JSON is not well-formed UTF-8" \
  "$chatcart" cart apply --cart "$work/bad_cart.json" </dev/null
refused "a --cart with a 100 KB key" "--cart $work/big_cart.json: " \
  "$chatcart" cart apply --cart "$work/big_cart.json" </dev/null
refused "an ill-formed --policy" "$work/bad_policy.json: cart policy JSON: " \
  "$chatcart" cart apply --policy "$work/bad_policy.json" </dev/null
refused "a --policy with a 100 KB key" "$work/big_policy.json: cart policy JSON: " \
  "$chatcart" cart apply --policy "$work/big_policy.json" </dev/null
refused "an ill-formed turn result" "stdin: TurnResult JSON: " \
  "$chatcart" channel render --channel web --shopper s <"$work/bad_turn.json"
refused "a turn result with a 100 KB key" "stdin: TurnResult JSON: " \
  "$chatcart" channel render --channel web --shopper s <"$work/big_turn.json"

# Malformed input: exit 2 after the lines before it.
set +e
printf '%s\n' '{"clear": {}}' '{"no_such_command": {}}' | "$chatcart" cart apply >"$work/bad.jsonl" 2>"$work/bad.err"
status=$?
set -e
[ "$status" -eq 2 ] || fail "malformed input exited $status, expected 2"
[ "$(wc -l <"$work/bad.jsonl")" -eq 1 ] || fail "the line before the malformed one was not applied"
grep -q "stdin:2" "$work/bad.err" || fail "the error does not name stdin:2"
echo "cli_test.sh: ok"
