#!/usr/bin/python3
# Peer: fastText (Debian's `fasttext` command), supervised classification.
# Text is prepared as fastText's tutorial does (lower case, punctuation split off);
# the training file keeps prepare.py's seeded shuffle. Training runs on one
# thread (reproducible) with 200,000 hash buckets instead of the default
# 2,000,000 (the default makes an 800 MB model for a few thousand sentences).
#
#   fasttext_peer.py grid TUNE_TRAIN.jsonl TUNE_HELD.jsonl PARAMS.json WORKDIR
#       trains every setting of the small grid below on TUNE_TRAIN and keeps the
#       one with the best accuracy (`fasttext test`, P@1) on TUNE_HELD.
#   fasttext_peer.py run PARAMS.json TRAIN.jsonl TEST.jsonl PREDICTIONS.jsonl WORKDIR PREDICTOR
#       trains with PARAMS (training seconds: the `fasttext supervised` process,
#       wall clock and CPU time) and predicts TEST one utterance per call with PREDICTOR
#       (fasttext_predict.cc). Prints train_s, train_cpu_s, us_p50, us_p99, peak_rss_kb (the
#       larger of the training and the predicting process).

import itertools
import json
import os
import re
import subprocess
import sys
import time

from common import read_rows

GRID = {"lr": [0.5, 1.0], "epoch": [25, 50], "wordNgrams": [1, 2], "minn_maxn": [(0, 0), (3, 5)]}
FIXED = ["-thread", "1", "-seed", "0", "-bucket", "200000", "-verbose", "0"]


def prepare(text):
    text = re.sub(r"([.!?,'/()\"])", r" \1 ", text.lower())
    return " ".join(text.split())


def write_labelled(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        for text, label in rows:
            f.write(f"__label__{label} {prepare(text)}\n")


def write_texts(rows, path):
    with open(path, "w", encoding="utf-8") as f:
        for text, _ in rows:
            f.write(prepare(text) + "\n")


def train_args(params):
    minn, maxn = params["minn_maxn"]
    return ["-lr", str(params["lr"]), "-epoch", str(params["epoch"]),
            "-wordNgrams", str(params["wordNgrams"]), "-minn", str(minn), "-maxn", str(maxn)]


def timed(cmd, rss_path):
    """Runs cmd under /usr/bin/time; returns (stdout, wall s, CPU s, peak RSS in KiB)."""
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", rss_path] + cmd, check=True,
                         capture_output=True, text=True).stdout
    wall = time.perf_counter() - start
    with open(rss_path) as f:
        rss, user, system = f.read().split()[-3:]
    return out, wall, float(user) + float(system), int(rss)


def grid(tune_train, tune_held, params_path, work):
    os.makedirs(work, exist_ok=True)
    train_txt, held_txt = os.path.join(work, "tune_train.txt"), os.path.join(work, "tune_held.txt")
    write_labelled(read_rows(tune_train), train_txt)
    write_labelled(read_rows(tune_held), held_txt)
    best, tried = None, []
    keys = list(GRID)
    for values in itertools.product(*(GRID[k] for k in keys)):
        params = dict(zip(keys, values))
        model = os.path.join(work, "grid")
        subprocess.run(["fasttext", "supervised", "-input", train_txt, "-output", model] +
                       train_args(params) + FIXED, check=True, capture_output=True)
        out = subprocess.run(["fasttext", "test", model + ".bin", held_txt], check=True,
                             capture_output=True, text=True).stdout
        accuracy = float(re.search(r"P@1\s+([0-9.]+)", out).group(1))
        tried.append({"params": params, "held_accuracy": accuracy})
        if best is None or accuracy > best["held_accuracy"]:
            best = tried[-1]
    for suffix in (".bin", ".vec"):
        if os.path.exists(os.path.join(work, "grid" + suffix)):
            os.remove(os.path.join(work, "grid" + suffix))
    with open(params_path, "w") as f:
        json.dump({"best": best, "tried": tried}, f, indent=1)


def run(params_path, train_path, test_path, pred_path, work, predictor):
    os.makedirs(work, exist_ok=True)
    with open(params_path) as f:
        params = json.load(f)["best"]["params"]
    train_txt, test_txt = os.path.join(work, "train.txt"), os.path.join(work, "test.txt")
    write_labelled(read_rows(train_path), train_txt)
    write_texts(read_rows(test_path), test_txt)
    model = os.path.join(work, "model")
    _, train_s, train_cpu_s, train_rss = timed(["fasttext", "supervised", "-input", train_txt, "-output",
                                   model] + train_args(params) + FIXED,
                                  os.path.join(work, "train.rss"))
    out, _, _, predict_rss = timed([predictor, model + ".bin", test_txt, pred_path],
                                os.path.join(work, "predict.rss"))
    result = json.loads(out)
    result.update({"train_s": train_s, "train_cpu_s": train_cpu_s,
                   "peak_rss_kb": max(train_rss, predict_rss),
                   "params": params})
    print(json.dumps(result))


if __name__ == "__main__":
    if sys.argv[1] == "grid":
        grid(*sys.argv[2:6])
    elif sys.argv[1] == "run":
        run(*sys.argv[2:8])
    else:
        sys.exit("usage: fasttext_peer.py grid ... | run ... (see the header)")
