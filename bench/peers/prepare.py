#!/usr/bin/python3
# Writes the files every system of the intents comparison trains and is scored
# on, into the scratch directory (never into the repository):
#
#   <scratch>/data/<task>/train.jsonl      the shared train split, shuffled with a fixed seed
#                                           (a label-sorted file ruins fastText's SGD; every
#                                           system gets the same shuffled file)
#   <scratch>/data/<task>/test.jsonl       the shared dev/val split, as it is
#   <scratch>/data/<task>/tune_train.jsonl 80 % of train (stratified by intent, fixed seed)
#   <scratch>/data/<task>/tune_held.jsonl  the other 20 %: fastText's grid and the
#                                           out-of-scope thresholds are chosen on it
#
# Tasks: bitext (27 intents, no out-of-scope), clinc150 (150 intents + an `oos`
# class trained from CLINC150's out-of-scope train examples) and clinc150_thr
# (150 intents trained on in-scope examples only; out of scope is a confidence
# threshold; its tune_held is the 20 % in-scope part plus the 100 out-of-scope
# train examples, which are not trained on). Every file has "text" and "intent".
#
# Usage: prepare.py DATA_DIR SCRATCH_DIR [--limit N]   (--limit: N train rows per task, for
# quick development runs; the test split is cut to N/5)

import argparse
import os
import random

from common import OOS, read_rows, write_rows

SEED = 20261122


def shuffled(rows, seed):
    rows = list(rows)
    random.Random(seed).shuffle(rows)
    return rows


def stratified_split(rows, held_share, seed):
    by_label = {}
    for row in rows:
        by_label.setdefault(row[1], []).append(row)
    keep, held = [], []
    rng = random.Random(seed)
    for label in sorted(by_label):
        group = list(by_label[label])
        rng.shuffle(group)
        n_held = round(held_share * len(group))
        held += group[:n_held]
        keep += group[n_held:]
    return shuffled(keep, seed + 1), shuffled(held, seed + 2)


def write_task(out_dir, train, test, tune_train, tune_held):
    os.makedirs(out_dir, exist_ok=True)
    write_rows(os.path.join(out_dir, "train.jsonl"), train)
    write_rows(os.path.join(out_dir, "test.jsonl"), test)
    write_rows(os.path.join(out_dir, "tune_train.jsonl"), tune_train)
    write_rows(os.path.join(out_dir, "tune_held.jsonl"), tune_held)


def cut(rows, n):
    return rows if n is None else shuffled(rows, SEED)[:n]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("scratch_dir")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    out = os.path.join(args.scratch_dir, "data")
    n_test = None if args.limit is None else max(1, args.limit // 5)

    train = cut(read_rows(os.path.join(args.data_dir, "bitext/train.jsonl")), args.limit)
    test = cut(read_rows(os.path.join(args.data_dir, "bitext/dev.jsonl")), n_test)
    write_task(os.path.join(out, "bitext"), shuffled(train, SEED), test,
               *stratified_split(train, 0.2, SEED))

    train = cut(read_rows(os.path.join(args.data_dir, "clinc150/train.jsonl")), args.limit)
    test = cut(read_rows(os.path.join(args.data_dir, "clinc150/val.jsonl")), n_test)
    write_task(os.path.join(out, "clinc150"), shuffled(train, SEED), test,
               *stratified_split(train, 0.2, SEED))

    in_scope = [r for r in train if r[1] != OOS]
    oos = [r for r in train if r[1] == OOS]
    tune_train, tune_held = stratified_split(in_scope, 0.2, SEED)
    write_task(os.path.join(out, "clinc150_thr"), shuffled(in_scope, SEED), test, tune_train,
               shuffled(tune_held + oos, SEED))


if __name__ == "__main__":
    main()
