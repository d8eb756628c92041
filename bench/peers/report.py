#!/usr/bin/python3
# Turns <scratch>/results/{intents,turns,setup}.json into the comparison's
# table: <scratch>/results/peers.md (markdown, also printed) and peers.json.
#
#   report.py SCRATCH
#
# Ratios are peer / chatcart on the same task and out-of-scope mode. For
# accuracy a ratio above 1 favours the peer; for time and memory a ratio above
# 1 favours chatcart (the peer costs that many times more).

import json
import os
import sys

TASK_TITLES = {
    "bitext": "Bitext dev (27 intents)",
    "clinc150": "CLINC150 val, `oos` as a class",
    "clinc150_thr": "CLINC150 val, out of scope by threshold",
}
SYSTEM_TITLES = {
    "chatcart": "chatcart eval",
    "chatcart_defaults": "chatcart eval, as shipped (its fold threshold)",
    "fasttext": "fastText",
    "sklearn_svm": "scikit-learn LinearSVC",
    "sklearn_logreg": "scikit-learn LogisticRegression",
    "nlpjs": "NLP.js NlpManager",
    "xstate": "XState",
}
LATENCY_NOTES = {
    "fasttext": "library predictLine",
    "nlpjs": "classify(); process() {process:.0f}",
}


def pct(v):
    return "n/a" if v is None else f"{100 * v:.2f} %"


def ratio(peer, base):
    if peer is None or base in (None, 0):
        return None
    return peer / base


def fmt_ratio(r):
    return "n/a" if r is None else (f"{r:.3g}" if r < 10 else f"{r:.0f}")


def intents_rows(intents):
    rows = []
    for task, by_system in intents["medians"].items():
        base = by_system["chatcart"]
        for system, m in by_system.items():
            row = {"task": task, "system": system, **m}
            if system not in ("chatcart", "chatcart_defaults"):
                row["ratio_to_chatcart"] = {
                    k: ratio(m.get(k), base.get(k))
                    for k in ("accuracy", "macro_f1", "in_scope_accuracy", "oos_recall",
                              "oos_precision", "train_s", "train_cpu_s", "us_p50", "us_p99",
                              "peak_rss_kb")}
            rows.append(row)
    return rows


def intents_markdown(rows):
    out = ["| task | system | accuracy | macro-F1 | in-scope acc. | OOS recall | OOS precision "
           "| train CPU s | µs per utterance (p50, one call at a time) | peak RSS MiB "
           "| ratio to chatcart: accuracy / µs / train CPU s / RSS |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        latency = f"{r['us_p50']:.1f}"
        if r["system"] == "nlpjs":
            latency += f" (process(): {r['process_us_p50']:.0f})"
        ratios = r.get("ratio_to_chatcart")
        ratio_cell = "1 (reference)" if r["system"] == "chatcart" else (
            "—" if ratios is None else " / ".join(
                fmt_ratio(ratios[k]) for k in ("accuracy", "us_p50", "train_cpu_s", "peak_rss_kb")))
        out.append(
            f"| {TASK_TITLES[r['task']]} | {SYSTEM_TITLES[r['system']]} | {pct(r['accuracy'])} "
            f"| {pct(r['macro_f1'])} | {pct(r['in_scope_accuracy'])} | {pct(r['oos_recall'])} "
            f"| {pct(r['oos_precision'])} | {r['train_cpu_s']:.2f} | {latency} "
            f"| {r['peak_rss_kb'] / 1024:.0f} | {ratio_cell} |")
    return out


def turns_rows(turns):
    rows = []
    p = turns.get("patterns")
    if p:
        rows.append({"what": "pattern match, ns per utterance (demo bundle's patterns, "
                     f"{p['utterances']} example utterances)",
                     "peer": "bare RE2::Set", "peer_value": p["re2_set_ns"],
                     "chatcart": "PatternSet::Match (folded text)",
                     "chatcart_value": p["tier_match_ns"],
                     "ratio": ratio(p["re2_set_ns"], p["tier_match_ns"])})
        rows.append({"what": "pattern tier as a turn pays it, ns per utterance",
                     "peer": "bare RE2::Set (raw text)", "peer_value": p["re2_set_ns"],
                     "chatcart": "IntentModel::Classify, patterns only (fold, language, set)",
                     "chatcart_value": p["tier_classify_ns"],
                     "ratio": ratio(p["re2_set_ns"], p["tier_classify_ns"])})
    x, t = turns.get("xstate") or {}, turns.get("turn_bench") or {}
    g = turns.get("chatcart_gift") or {}
    for what, peer, pv, chatcart, cv, higher_is_better in (
            ("gift finder, whole conversations: turns per second (mean)",
             "XState v5 machine, events already parsed", x.get("transitions_per_s"),
             "peers_chatcart_gift: the same 3 conversations in words", g.get("turns_per_s"), True),
            ("one gift-finder answer: turns per second (mean)",
             "XState v5 machine (as above)", x.get("transitions_per_s"),
             "turn_bench qualify: \"she is 6\" on a prepared session", t.get("turns_per_s"),
             True),
            ("bytes per idle session in memory, waiting for the budget",
             "XState actor, V8 heap after a full GC", x.get("heap_bytes_per_idle_session"),
             "peers_chatcart_gift: restored sessions, malloc heap",
             g.get("bytes_per_idle_session"), False),
            ("bytes per idle session in memory, 3-line cart (no XState equivalent)",
             "XState actor waiting for the budget (as above)", x.get("heap_bytes_per_idle_session"),
             "turn_bench idle_memory, malloc heap", t.get("bytes_per_idle_session"), False),
            ("bytes per stored session, waiting for the budget",
             "XState getPersistedSnapshot() as JSON", x.get("snapshot_bytes"),
             "Session::Snapshot()", g.get("snapshot_bytes"), False)):
        rows.append({"what": what, "peer": peer, "peer_value": pv, "chatcart": chatcart,
                     "chatcart_value": cv,
                     "ratio": ratio(cv, pv) if higher_is_better else ratio(pv, cv)})
    return rows


def turns_markdown(rows):
    out = ["| measure | peer | peer figure | chatcart | chatcart figure | ratio (> 1 favours "
           "chatcart) |", "|---|---|---|---|---|---|"]
    for r in rows:
        pv = "not measured" if r["peer_value"] is None else f"{r['peer_value']:,.0f}"
        cv = "not measured" if r["chatcart_value"] is None else f"{r['chatcart_value']:,.0f}"
        out.append(f"| {r['what']} | {r['peer']} | {pv} | {r['chatcart']} "
                   f"| {cv} | {fmt_ratio(r['ratio'])} |")
    return out


def main():
    results = os.path.join(sys.argv[1], "results")

    def load(name):
        path = os.path.join(results, name + ".json")
        return json.load(open(path)) if os.path.exists(path) else None

    intents, turns = load("intents"), load("turns")
    unavailable = load("unavailable") or {}
    md, out = [], {}
    if unavailable:
        md += ["**Not measured** (could not be installed or built; the others ran):", ""] + [
            f"- {SYSTEM_TITLES.get(k, k)}: {v}" for k, v in unavailable.items()] + [""]
        out["not_measured"] = unavailable

    def setup_block(setup):
        return ["```"] + [f"{k + ':':14} {v}" for k, v in setup.items()] + ["```", ""]

    if intents:
        rows = intents_rows(intents)
        setup = dict(intents["setup"])
        tuning = intents.get("tuning", {})
        setup["Tuning"] = (
            f"{len(tuning['reused'])} tuning files (fastText grid, peer thresholds) reused from "
            f"an earlier run on byte-identical files, scripts and versions ({tuning['dir']}); "
            "chatcart's threshold chosen afresh" if tuning.get("reused") else
            "fastText grid and every threshold chosen in this run")
        md += ["Intents (median of %d):" % rows[0]["repetitions"], ""] + \
            setup_block(setup) + intents_markdown(rows) + [""]
        out["intents"] = {"setup": intents["setup"], "rows": rows}
    if turns:
        rows = turns_rows(turns)
        md += ["Turns (median of %d):" % turns["turn_bench"]["repetitions"], ""]
        if not intents or turns["setup"] != intents["setup"]:
            md += setup_block(turns["setup"])
        md += turns_markdown(rows)
        out["turns"] = {"setup": turns["setup"], "rows": rows}
    text = "\n".join(md) + "\n"
    with open(os.path.join(results, "peers.md"), "w") as f:
        f.write(text)
    with open(os.path.join(results, "peers.json"), "w") as f:
        json.dump(out, f, indent=1)
    print(text)


if __name__ == "__main__":
    main()
