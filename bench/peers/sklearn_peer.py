#!/usr/bin/python3
# Peer: scikit-learn (Debian's python3-sklearn), a linear model on TF-IDF word
# 1-2 grams + character 3-5 grams (within word boundaries), library defaults
# otherwise. Measures training seconds (vectorizer + fit) and the latency of
# classifying one utterance per call (transform + decision), as a server would.
#
#   sklearn_peer.py {svm|logreg} TRAIN.jsonl TEST.jsonl PREDICTIONS.jsonl
#
# svm: LinearSVC(); the score is the best one-vs-rest decision value.
# logreg: LogisticRegression(solver="liblinear") (one-vs-rest); the score is the
# best class probability. Not the default lbfgs solver: with Debian's reference
# BLAS it took 41 s to fit 1,500 CLINC150 utterances and 23 ms per call (it
# copies its strided coefficient matrix on every call), which no team would
# ship; liblinear is what scikit-learn's documentation suggests for such data.
# Prints one JSON object: train_s (wall), train_cpu_s, us_p50, us_p99.

import json
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline, make_union
from sklearn.svm import LinearSVC

from common import latency, read_rows


def main():
    kind, train_path, test_path, out_path = sys.argv[1:5]
    train = read_rows(train_path)
    test = read_rows(test_path)
    features = make_union(
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
    )
    model = LinearSVC() if kind == "svm" else LogisticRegression(solver="liblinear")
    pipeline = make_pipeline(features, model)

    start, start_cpu = time.perf_counter(), time.process_time()
    pipeline.fit([t for t, _ in train], [label for _, label in train])
    train_s, train_cpu_s = time.perf_counter() - start, time.process_time() - start_cpu

    classes = pipeline.classes_
    score = pipeline.decision_function if kind == "svm" else pipeline.predict_proba
    score([test[0][0]])  # warm up
    predictions, us = [], []
    for text, _ in test:
        t0 = time.perf_counter()
        row = score([text])[0]
        best = int(row.argmax())
        us.append((time.perf_counter() - t0) * 1e6)
        predictions.append({"pred": str(classes[best]), "score": float(row[best])})
    with open(out_path, "w", encoding="utf-8") as f:
        for p, t in zip(predictions, us):
            p["us"] = t
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    p50, p99 = latency(us)
    print(json.dumps({"train_s": train_s, "train_cpu_s": train_cpu_s, "us_p50": p50,
                      "us_p99": p99}))


if __name__ == "__main__":
    main()
