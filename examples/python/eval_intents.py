#!/usr/bin/env python3
# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Evaluates a bundle's intents on a JSON Lines file and draws the confusion
matrix.

Each line of the file is {"text": "...", "intent": "...", "lang": "it"} ("lang"
optional). Every text is classified with the bundle's engine
(chatcart.Engine.classify); an out-of-scope answer counts as the intent "oos".
Prints a report (accuracy, per-intent precision/recall/F1, the most frequent
confusions) and writes the confusion matrix as a PNG (matplotlib) beside it.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/eval_intents.py \
        --bundle examples/bundles/demo --data lib/intent/testdata/demo_it.jsonl \
        --png /tmp/demo_it_confusion.png

Without matplotlib (Debian: python3-matplotlib) the report is still printed and
the picture is skipped with a note, unless --png was given explicitly.
"""

import argparse
import collections
import json
import os
import sys

import chatcart

OOS = "oos"


def read_examples(path):
    examples = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                row = json.loads(line)
                examples.append((row["text"], row["intent"], row.get("lang")))
            except (ValueError, KeyError, TypeError) as e:
                raise SystemExit("%s:%d: not a {\"text\", \"intent\"} object: %s"
                                 % (path, number, e))
    if not examples:
        raise SystemExit("%s: no examples" % path)
    return examples


def evaluate(engine, examples):
    """[(gold, predicted)] for the examples."""
    pairs = []
    for text, gold, lang in examples:
        r = engine.classify(text, lang)
        pairs.append((gold, OOS if r.out_of_scope else r.intent))
    return pairs


def report(pairs):
    """The figures as a dict (what --json prints)."""
    labels = sorted({g for g, _ in pairs} | {p for _, p in pairs})
    counts = collections.Counter(pairs)
    per_intent = {}
    for label in labels:
        tp = counts[(label, label)]
        predicted = sum(c for (g, p), c in counts.items() if p == label)
        support = sum(c for (g, p), c in counts.items() if g == label)
        precision = tp / predicted if predicted else 0.0
        recall = tp / support if support else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_intent[label] = {"precision": precision, "recall": recall, "f1": f1,
                             "support": support}
    gold_labels = [l for l in labels if per_intent[l]["support"] > 0]
    confusions = sorted(((c, g, p) for (g, p), c in counts.items() if g != p), reverse=True)
    return {
        "examples": len(pairs),
        "accuracy": sum(counts[(l, l)] for l in labels) / len(pairs),
        "macro_f1": sum(per_intent[l]["f1"] for l in gold_labels) / len(gold_labels),
        "labels": labels,
        "matrix": [[counts[(g, p)] for p in labels] for g in labels],
        "per_intent": per_intent,
        "top_confusions": [{"gold": g, "predicted": p, "count": c} for c, g, p in confusions[:10]],
    }


def print_report(figures, out=sys.stdout):
    print("%d examples: accuracy %.3f, macro F1 %.3f" % (
        figures["examples"], figures["accuracy"], figures["macro_f1"]), file=out)
    print("%-22s %9s %9s %9s %8s" % ("intent", "precision", "recall", "F1", "support"), file=out)
    for label in figures["labels"]:
        m = figures["per_intent"][label]
        print("%-22s %9.3f %9.3f %9.3f %8d" % (label, m["precision"], m["recall"], m["f1"],
                                               m["support"]), file=out)
    if figures["top_confusions"]:
        print("most frequent confusions (gold -> predicted):", file=out)
        for c in figures["top_confusions"]:
            print("  %3d  %s -> %s" % (c["count"], c["gold"], c["predicted"]), file=out)


def draw(figures, title, path):
    import matplotlib
    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    labels, matrix = figures["labels"], figures["matrix"]
    size = max(6, 0.45 * len(labels) + 2)
    fig, ax = plt.subplots(figsize=(size, size))
    image = ax.imshow(matrix, cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=90)
    ax.set_yticks(range(len(labels)), labels)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    ax.set_title("%s: accuracy %.3f, macro F1 %.3f" % (title, figures["accuracy"],
                                                      figures["macro_f1"]))
    peak = max(max(row) for row in matrix)
    for i, row in enumerate(matrix):
        for j, count in enumerate(row):
            if count:
                ax.text(j, i, str(count), ha="center", va="center", fontsize=7,
                        color="white" if count > peak / 2 else "black")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", required=True, help="the bundle directory")
    parser.add_argument("--data", required=True, help="JSON Lines: text, intent, lang")
    parser.add_argument("--png", help="the picture (default: DATA with .confusion.png, "
                        "in the current directory)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    try:
        engine = chatcart.Engine.load(args.bundle)
    except chatcart.Error as e:
        raise SystemExit("eval_intents: %s" % e)
    figures = report(evaluate(engine, read_examples(args.data)))
    if args.json:
        json.dump(figures, sys.stdout, sort_keys=True)
        print()
    else:
        print_report(figures)

    png = args.png or os.path.splitext(os.path.basename(args.data))[0] + ".confusion.png"
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        if args.png:
            raise SystemExit("eval_intents: --png needs matplotlib (Debian: python3-matplotlib)")
        print("matplotlib is not installed: no picture", file=sys.stderr)
        return 0
    title = "%s on %s" % (engine.name, os.path.basename(args.data))
    draw(figures, title, png)
    print("confusion matrix: %s" % png, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
