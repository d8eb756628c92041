# Shared by the peer comparison (bench/peers/run.sh): reading the JSON Lines
# files, the scores every system is judged by, and the one rule that picks an
# out-of-scope confidence threshold for every system.
#
# A peer writes one prediction per test utterance, in file order:
#   {"pred": "<argmax label>", "score": <its confidence>, "us": <call time>}
# and the functions below turn predictions into the table's figures. The
# figures are defined as in `chatcart eval` (examples/cli/cmd_eval.cc): macro-F1
# over every label that occurs as gold or predicted, in-scope accuracy over the
# utterances whose gold label is not out of scope.

import json
import math
import statistics

OOS = "oos"
# The out-of-fold target chatcart uses by default (IntentModelOptions::
# oos_target_recall), applied here to every system alike.
OOS_TARGET_RECALL = 0.75


def read_rows(path):
    """Returns [(text, label)] from a JSON Lines file with text/utterance and intent."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            obj = json.loads(line)
            text = obj.get("text", obj.get("utterance"))
            rows.append((text, obj["intent"]))
    return rows


def write_rows(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for text, label in rows:
            f.write(json.dumps({"text": text, "intent": label}, ensure_ascii=False) + "\n")


def read_predictions(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def apply_threshold(preds, threshold):
    """Labels: the argmax, or OOS where its score is below `threshold` (None: argmax)."""
    if threshold is None:
        return [p["pred"] for p in preds]
    return [p["pred"] if p["score"] >= threshold else OOS for p in preds]


def scores(gold, predicted, has_oos):
    """accuracy, macro_f1, in_scope_accuracy, oos_recall, oos_precision (the last two None without OOS)."""
    counts = {}  # label -> [tp, fp, fn]
    right = in_scope = in_scope_right = oos = oos_caught = oos_said = 0
    for g, p in zip(gold, predicted):
        if g == p:
            right += 1
            counts.setdefault(g, [0, 0, 0])[0] += 1
        else:
            counts.setdefault(p, [0, 0, 0])[1] += 1
            counts.setdefault(g, [0, 0, 0])[2] += 1
        if has_oos and g == OOS:
            oos += 1
            oos_caught += p == OOS
        else:
            in_scope += 1
            in_scope_right += g == p
        oos_said += has_oos and p == OOS
    f1 = [2 * tp / (2 * tp + fp + fn) for tp, fp, fn in counts.values() if 2 * tp + fp + fn]
    out = {
        "accuracy": right / len(gold),
        "macro_f1": sum(f1) / len(counts) if counts else 0.0,
        "in_scope_accuracy": in_scope_right / in_scope if in_scope else None,
        "oos_recall": None,
        "oos_precision": None,
    }
    if has_oos:
        out["oos_recall"] = oos_caught / oos if oos else 0.0
        out["oos_precision"] = oos_caught / oos_said if oos_said else 0.0
    return out


def choose_threshold(gold, preds, target=OOS_TARGET_RECALL):
    """The lowest score threshold whose out-of-scope recall on (gold, preds) reaches `target`.

    `preds` come from a model trained without out-of-scope examples and scored on
    held-out in-scope utterances plus out-of-scope ones; an utterance is called out
    of scope when its best score is below the threshold. Scores need not be
    probabilities: the rule only orders them, so it is the same for every system.
    """
    oos_scores = sorted(p["score"] for g, p in zip(gold, preds) if g == OOS)
    if not oos_scores:
        raise ValueError("choose_threshold: no out-of-scope utterances to tune on")
    need = max(1, min(len(oos_scores), math.ceil(target * len(oos_scores) - 1e-9)))
    # Recall reaches need/n when every one of the `need` lowest scores is below the
    # threshold: take the smallest float above the need-th lowest score.
    return math.nextafter(oos_scores[need - 1], math.inf)


def latency(us):
    """p50 and p99 of per-call times in microseconds, as chatcart eval computes them."""
    s = sorted(us)
    return s[len(s) // 2], s[min(len(s) - 1, len(s) * 99 // 100)]


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None
