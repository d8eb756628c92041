#!/usr/bin/env python3
# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""BM_Python_TurnOverhead: what Python adds to one turn over the C++ call.

For each scenario a session is brought to a steady state on the demo bundle,
then the same turn is repeated (its result is the same each time):

  cpp      Session::HandleTurn alone, timed in C++ with the GIL released
           (_chatcart.Session.time_turns: no Python per turn at all)
  native   + the Python call, the GIL handling and the TurnResult converted
           to dicts by reflection (chatcart._chatcart.Session.turn)
  python   + the chatcart classes (chatcart.Session.turn): what users call;
           nested parts are converted when first read
  render   python + reading what a host shows: every reply's text, its
           quick replies' titles and payloads, its cards' names and prices,
           the cart's lines and total (everything converted)
  json     Session.turn_json, the protobuf JSON mapping in and out, for
           comparison (hosts that want wire formats)

Each figure is process CPU time per turn (on a shared machine wall time
mostly measures the neighbours), the median of --repeats rounds of --turns
turns, the rounds of the five kinds interleaved so load hits them alike. The overhead
is python - cpp; the budget is 10 us. Run manually (not in ctest):

    PYTHONPATH=build/python /usr/bin/python3 bench/python_turn_overhead.py
"""

import argparse
import os
import statistics
import sys
import time

import chatcart

HERE = os.path.dirname(os.path.abspath(__file__))
DEMO = os.path.join(HERE, "..", "examples", "bundles", "demo")
T0 = 1795000000

# (name, turns to reach the state, the repeated turn)
SCENARIOS = [
    ("show_cart", ["I need a gift for my 6 year old under 40 euros", "she loves lego",
                   "add the second one"], "show my cart"),
    ("gift_cards", ["I need a gift for my 6 year old under 40 euros"], "she loves lego"),
    ("greeting", [], "hi"),
]


def turn_input_bytes(text):
    """A serialized chatcart.v1.TurnInput {text: 1, time: 4 {seconds: 1}}
    without the protobuf module: field 1 (string) and field 4 (message)."""
    def varint(n):
        out = bytearray()
        while True:
            b = n & 0x7F
            n >>= 7
            out.append(b | (0x80 if n else 0))
            if not n:
                return bytes(out)
    data = text.encode()
    timestamp = b"\x08" + varint(T0)
    return (b"\x0a" + varint(len(data)) + data + b"\x22" + varint(len(timestamp)) + timestamp)


def measure(engine, setup, text, turns, repeats):
    session = engine.session("bench", seed=42)
    for i, t in enumerate(setup):
        session.turn(t, at=T0 + i)
    native = session._native
    wire = turn_input_bytes(text)
    as_json = '{"text": %s, "time": "2026-11-17T19:06:40Z"}' % ('"%s"' % text)
    result = session.turn(text, at=T0)  # warm up; the steady state
    kinds = {
        "cpp": lambda: native.time_turns(wire, turns),
        "native": lambda: _timed(lambda: native.turn(text, None, None, [], T0, 0, None, None,
                                                     None), turns),
        "python": lambda: _timed(lambda: session.turn(text, at=T0), turns),
        "render": lambda: _timed(lambda: _render(session.turn(text, at=T0)), turns),
        "json": lambda: _timed(lambda: session.turn_json(as_json), turns),
    }
    seconds = {k: [] for k in kinds}
    for _ in range(repeats):
        for kind, run in kinds.items():
            seconds[kind].append(run() / turns)
    return result, {k: statistics.median(v) * 1e6 for k, v in seconds.items()}


def _render(result):
    shown = []
    for reply in result.replies:
        shown.append(reply.text)
        shown.extend((q.title, q.payload) for q in reply.quick_replies)
        shown.extend((p.name, p.price) for p in reply.products)
        if reply.cart is not None:
            shown.extend((l.title, l.quantity, l.line_total) for l in reply.cart.lines)
            shown.append(reply.cart.total)
    return shown


def _timed(call, turns):
    start = time.process_time()
    for _ in range(turns):
        call()
    return time.process_time() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", default=DEMO)
    parser.add_argument("--turns", type=int, default=200, help="turns per round")
    parser.add_argument("--repeats", type=int, default=15, help="rounds per kind")
    args = parser.parse_args()

    engine = chatcart.Engine.load(args.bundle)
    print("%-22s %7s %9s %9s %9s %9s %11s %11s %7s" % (
        "BM_Python_TurnOverhead", "cpp us", "native us", "python us", "render us", "json us",
        "overhead us", "w/ render", "budget"))
    worst = 0.0
    for name, setup, text in SCENARIOS:
        result, us = measure(engine, setup, text, args.turns, args.repeats)
        overhead = us["python"] - us["cpp"]
        worst = max(worst, overhead)
        print("%-22s %7.2f %9.2f %9.2f %9.2f %9.2f %11.2f %11.2f %7s   (%d replies, %d cards, "
              "cart: %s)" % (
                  name, us["cpp"], us["native"], us["python"], us["render"], us["json"],
                  overhead, us["render"] - us["cpp"], "ok" if overhead <= 10 else "MISSED",
                  len(result.replies), len(result.products), result.cart is not None))
    print("worst overhead: %.2f us (budget 10 us)" % worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
