#!/usr/bin/python3
# The turns comparison, one job at a time, each repeated; medians to
# <scratch>/results/turns.json:
#   - the demo's gift finder as an XState v5 machine (xstate_gift.js) against
#     chatcart on the same conversations in words (chatcart_gift.cc: turns per
#     second over whole conversations, bytes per session waiting for the budget,
#     its snapshot) and turn_bench's qualify workload (bench/turn_bench.cc);
#   - a bare RE2::Set over the demo bundle's patterns against chatcart's pattern
#     tier (patterns_peer.cc).
#
#   turns.py SCRATCH REPO BUILD [--reps 3] [--no-xstate]
#
# turn_bench runs as `turn_bench --bundle=<demo> --workloads=qualify,
# snapshot_restore,idle_memory --json` (a JSON array, one object per workload):
# turns per second is 1e6 / qualify's mean_us (XState's figure is a mean too),
# bytes per idle session is idle_memory_cart's bytes_per_session (mallinfo2
# over 1,000 restored sessions with a 3-line cart; the idle_memory row is a
# session idle mid-flow with no cart), the stored session is
# snapshot_restore's snapshot_bytes. --no-xstate: xstate is not installed.

import json
import os
import subprocess
import sys

import common


def run_json(cmd, env=None):
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        sys.exit(f"turns.py: {' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def medians(rows):
    out = {}
    for key in rows[0]:
        values = [r[key] for r in rows]
        out[key] = common.median(values) if all(isinstance(v, (int, float)) for v in values) \
            else values[0]
    out["repetitions"] = len(rows)
    return out


def turn_bench_row(turn_bench, bundle):
    """turn_bench's qualify, snapshot_restore and idle_memory workloads as one row."""
    by_name = {w["workload"]: w for w in run_json(
        [turn_bench, "--bundle=" + bundle, "--workloads=qualify,snapshot_restore,idle_memory",
         "--json"])}
    qualify = by_name["qualify"]
    return {"turns_per_s": 1e6 / qualify["mean_us"], "qualify_us_p50": qualify["p50_us"],
            "qualify_us_mean": qualify["mean_us"], "qualify_turns": qualify["n"],
            "bytes_per_idle_session": by_name["idle_memory_cart"]["bytes_per_session"],
            "snapshot_bytes": by_name["snapshot_restore"]["snapshot_bytes"]}


def main():
    scratch, repo, build = sys.argv[1:4]
    reps = int(sys.argv[sys.argv.index("--reps") + 1]) if "--reps" in sys.argv else 3
    xstate = "--no-xstate" not in sys.argv
    env = dict(os.environ, NODE_PATH=os.path.join(scratch, "npm/node_modules"))
    bundle = os.path.join(repo, "examples/bundles/demo")
    runs = {"xstate": [], "patterns": [], "turn_bench": [], "chatcart_gift": []}
    turn_bench = os.path.join(build, "bin/turn_bench")
    for rep in range(reps):
        runs["patterns"].append(run_json([os.path.join(build, "bin/peers_patterns"), bundle]))
        if xstate:
            runs["xstate"].append(run_json(
                ["node", "--expose-gc", os.path.join(os.path.dirname(__file__), "xstate_gift.js"),
                 os.path.join(bundle, "products.jsonl")], env))
        runs["chatcart_gift"].append(run_json([os.path.join(build, "bin/peers_chatcart_gift"),
                                               bundle]))
        runs["turn_bench"].append(turn_bench_row(turn_bench, bundle))
        print(f"  rep {rep + 1}/{reps} turns done", flush=True)
    result = {name: medians(rows) for name, rows in runs.items() if rows}
    result["not_measured"] = [] if xstate else ["xstate"]
    result["runs"] = runs
    with open(os.path.join(scratch, "results", "setup.json")) as f:
        result["setup"] = json.load(f)
    os.makedirs(os.path.join(scratch, "results"), exist_ok=True)
    with open(os.path.join(scratch, "results", "turns.json"), "w") as f:
        json.dump(result, f, indent=1)


if __name__ == "__main__":
    main()
