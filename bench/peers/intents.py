#!/usr/bin/python3
# The intents comparison: chatcart eval and every peer trained on the same
# train file and scored on the same dev/val file, one job at a time, each
# repeated; writes the medians to <scratch>/results/intents.json.
#
#   intents.py SCRATCH REPO BUILD [--reps 3] [--systems chatcart,fasttext,...]
#              [--tuning DIR]   (run.sh calls it after prepare.py)
#
# --systems: the systems to run (default all; run.sh leaves out a peer that
# could not be installed). --tuning: where fastText's grid and the peers'
# thresholds are kept between runs (default: work/tuning inside SCRATCH, wiped
# with it); chatcart's threshold is always chosen afresh, in SCRATCH's work/.
#
# Tasks (prepare.py writes their files):
#   bitext        27 intents, no out-of-scope: every system answers its best intent.
#   clinc150      150 intents + an `oos` class trained like any other; best intent.
#   clinc150_thr  150 intents trained on in-scope examples only; out of scope when
#                 the best score is below a threshold. The threshold is chosen for
#                 every system by one rule (common.choose_threshold): train on
#                 tune_train (80 % of in-scope train), score tune_held (the other
#                 20 % + the 100 out-of-scope train examples, never trained on),
#                 take the lowest threshold whose out-of-scope recall there reaches
#                 75 %. Then train on all in-scope train and score val with it.
# chatcart runs as `chatcart eval --threshold T` (T = 0 for the best intent, or
# the rule's threshold); a "chatcart defaults" row is `chatcart eval` as it
# ships (its own fold-chosen threshold), for reference.
#
# Every process runs under /usr/bin/time for its peak resident memory, with
# one BLAS/OpenMP thread (chatcart trains and classifies on one core).

import json
import os
import subprocess
import sys
import time

import common

SYSTEMS = ["chatcart", "fasttext", "sklearn_svm", "sklearn_logreg", "nlpjs"]
TASKS = ["bitext", "clinc150", "clinc150_thr"]
HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"


class Runner:
    def __init__(self, scratch, repo, build, tuning):
        self.scratch, self.repo, self.build, self.tuning = scratch, repo, build, tuning
        self.reused = []  # tuning files found from an earlier run
        self.computed = set()  # tuning files written by this run
        self.env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1",
                        MKL_NUM_THREADS="1", NODE_PATH=os.path.join(scratch, "npm/node_modules"))

    def data(self, task, name):
        return os.path.join(self.scratch, "data", task, name + ".jsonl")

    def work(self, *parts):
        path = os.path.join(self.scratch, "work", *parts)
        os.makedirs(path, exist_ok=True)
        return path

    def timed(self, cmd, rss_file):
        """Runs cmd; returns (its stdout's last line as JSON, peak RSS KiB)."""
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd, env=self.env,
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"intents.py: {' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
        with open(rss_file) as f:
            rss = int(f.read().split()[-1])
        return json.loads(proc.stdout.strip().splitlines()[-1]), rss

    def peer(self, system, task, train, test, tag):
        """Trains `system` on train, predicts test; returns (summary, predictions)."""
        work = self.work(task, system)
        pred = os.path.join(work, tag + ".predictions.jsonl")
        rss_file = os.path.join(work, tag + ".rss")
        if system == "chatcart":
            cmd = [os.path.join(self.build, "bin/peers_chatcart_predict"), train, test, pred]
        elif system == "fasttext":
            cmd = [PY, os.path.join(HERE, "fasttext_peer.py"), "run", self.fasttext_params(task),
                   train, test, pred, self.work(task, system, tag),
                   os.path.join(self.scratch, "bin/fasttext_predict")]
        elif system.startswith("sklearn_"):
            cmd = [PY, os.path.join(HERE, "sklearn_peer.py"), system[len("sklearn_"):], train,
                   test, pred]
        elif system == "nlpjs":
            cmd = ["node", os.path.join(HERE, "nlpjs_peer.js"), train, test, pred]
        summary, rss = self.timed(cmd, rss_file)
        summary.setdefault("peak_rss_kb", rss)
        summary["peak_rss_kb"] = max(summary["peak_rss_kb"], rss)
        return summary, common.read_predictions(pred)

    def fasttext_params(self, task):
        grid_task = "clinc150" if task == "clinc150_thr" else task
        path = os.path.join(self.tuning, grid_task, "fasttext_grid.json")
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if os.path.exists(path):
            self.note_reused(path)
        else:
            print(f"  fastText grid on {grid_task} (tune_train -> tune_held)...", flush=True)
            subprocess.run([PY, os.path.join(HERE, "fasttext_peer.py"), "grid",
                            self.data(grid_task, "tune_train"), self.data(grid_task, "tune_held"),
                            path, self.work(grid_task, "fasttext", "grid")],
                           env=self.env, check=True)
            self.computed.add(path)
        return path

    def note_reused(self, path):
        if path not in self.reused and path not in self.computed:
            self.reused.append(path)
            print(f"  reusing {path}", flush=True)

    def threshold(self, system, task):
        if system == "chatcart":
            path = os.path.join(self.work(task, system), "threshold.json")
        else:
            path = os.path.join(self.tuning, task, system, "threshold.json")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if os.path.exists(path):
                self.note_reused(path)
        if not os.path.exists(path):
            _, preds = self.peer(system, task, self.data(task, "tune_train"),
                                 self.data(task, "tune_held"), "tune")
            gold = [label for _, label in common.read_rows(self.data(task, "tune_held"))]
            t = common.choose_threshold(gold, preds)
            with open(path + ".tmp", "w") as f:
                json.dump({"threshold": t, "tune": common.scores(
                    gold, common.apply_threshold(preds, t), True)}, f)
            os.replace(path + ".tmp", path)  # an interrupted run leaves no half file
            self.computed.add(path)
        with open(path) as f:
            return json.load(f)["threshold"]

    def chatcart_eval(self, task, threshold):
        """`chatcart eval --json` on the task's files; threshold None: as it ships."""
        cmd = [os.path.join(self.build, "bin/chatcart"), "eval", "--train",
               self.data(task, "train"), "--test", self.data(task, "test")]
        if task != "bitext":
            cmd += ["--oos-label", common.OOS]
        if threshold is not None:
            cmd += ["--threshold", repr(threshold)]
        # Last: the CLI's parser takes the word after an undeclared switch as its
        # value, so "--json --oos-label oos" would lose --oos-label.
        cmd.append("--json")
        tag = "defaults" if threshold is None else "eval"
        out, rss = self.timed(cmd, os.path.join(self.work(task, "chatcart"), tag + ".rss"))
        row = {k: out[k] for k in ("accuracy", "macro_f1", "in_scope_accuracy", "oos_recall",
                                   "oos_precision")}
        row.update({"train_s": out["train_ms"] / 1000,
                    "train_cpu_s": out["training"]["train_cpu_ms"] / 1000,
                    "us_p50": out["classify_us_p50"],
                    "us_p99": out["classify_us_p99"], "peak_rss_kb": rss,
                    "threshold": out["training"]["oos_threshold"] if threshold is None
                    else threshold})
        return row

    def row(self, system, task):
        has_oos = task != "bitext"
        threshold = self.threshold(system, task) if task == "clinc150_thr" else None
        if system == "chatcart":
            return self.chatcart_eval(task, threshold if threshold is not None else 0.0)
        if system == "chatcart_defaults":
            return self.chatcart_eval(task, None)
        summary, preds = self.peer(system, task, self.data(task, "train"),
                                   self.data(task, "test"), "eval")
        gold = [label for _, label in common.read_rows(self.data(task, "test"))]
        row = common.scores(gold, common.apply_threshold(preds, threshold), has_oos)
        row.update({k: v for k, v in summary.items() if k != "params"})
        if threshold is not None:
            row["threshold"] = threshold
        if "params" in summary:
            row["settings"] = summary["params"]
        return row


def main():
    scratch, repo, build = sys.argv[1:4]

    def arg(name, default):
        return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

    reps = int(arg("--reps", 3))
    systems_run = arg("--systems", ",".join(SYSTEMS)).split(",")
    unknown = set(systems_run) - set(SYSTEMS)
    if unknown or "chatcart" not in systems_run:
        sys.exit(f"intents.py: --systems must name chatcart and only {SYSTEMS}")
    runner = Runner(scratch, repo, build, arg("--tuning", os.path.join(scratch, "work", "tuning")))
    runs = {}
    for rep in range(reps):
        for task in TASKS:
            systems = [s for s in SYSTEMS if s in systems_run] + (
                ["chatcart_defaults"] if task != "clinc150_thr" else [])
            for system in systems:
                start = time.perf_counter()
                row = runner.row(system, task)
                runs.setdefault(task, {}).setdefault(system, []).append(row)
                print(f"  rep {rep + 1}/{reps} {task:13} {system:17} acc {row['accuracy']:.4f} "
                      f"({time.perf_counter() - start:.0f} s)", flush=True)
    medians = {}
    for task, by_system in runs.items():
        for system, rows in by_system.items():
            m = {}
            for key in rows[0]:
                values = [r.get(key) for r in rows]
                numeric = all(isinstance(v, (int, float)) or v is None for v in values)
                m[key] = common.median(values) if numeric else values[0]
            m["repetitions"] = len(rows)
            medians.setdefault(task, {})[system] = m
    os.makedirs(os.path.join(scratch, "results"), exist_ok=True)
    with open(os.path.join(scratch, "results", "setup.json")) as f:
        setup = json.load(f)
    with open(os.path.join(scratch, "results", "intents.json"), "w") as f:
        json.dump({"setup": setup, "medians": medians, "runs": runs,
                   "not_measured": [s for s in SYSTEMS if s not in systems_run],
                   "tuning": {"dir": runner.tuning, "reused": runner.reused}}, f, indent=1)


if __name__ == "__main__":
    main()
