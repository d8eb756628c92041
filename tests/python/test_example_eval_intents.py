# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""examples/python/eval_intents.py: its report agrees with the engine and its
picture is a PNG. Skips without matplotlib (Debian: python3-matplotlib)."""

import json
import os
import subprocess
import sys

import pytest

import chatcart
from conftest import DEMO_BUNDLE, SOURCE_DIR

SCRIPT = os.path.join(SOURCE_DIR, "examples", "python", "eval_intents.py")
TESTDATA = os.path.join(SOURCE_DIR, "lib", "intent", "testdata")


# The package this test imports, wherever the script runs from.
ENV = dict(os.environ, PYTHONPATH=os.path.dirname(os.path.dirname(chatcart.__file__)))


def run(*args, cwd=None):
    return subprocess.run([sys.executable, SCRIPT, "--bundle", DEMO_BUNDLE] + list(args),
                          capture_output=True, text=True, cwd=cwd, env=ENV)


@pytest.mark.parametrize("data", ["demo_fr.jsonl"])
def test_report_and_picture(engine, tmp_path, data):
    pytest.importorskip("matplotlib")
    path = os.path.join(TESTDATA, data)
    png = tmp_path / "confusion.png"
    done = run("--data", path, "--png", str(png), "--json")
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)

    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    right = 0
    for row in rows:
        r = engine.classify(row["text"], row.get("lang"))
        right += (("oos" if r.out_of_scope else r.intent) == row["intent"])
    assert figures["examples"] == len(rows)
    assert figures["accuracy"] == pytest.approx(right / len(rows))
    assert sum(map(sum, figures["matrix"])) == len(rows)
    assert figures["accuracy"] > 0.8  # the demo's intents, well above chance

    with open(png, "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def test_text_report_writes_picture_beside(tmp_path):
    pytest.importorskip("matplotlib")
    done = run("--data", os.path.join(TESTDATA, "demo_it.jsonl"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("307 examples: accuracy ")
    assert "most frequent confusions" in done.stdout
    assert (tmp_path / "demo_it.confusion.png").stat().st_size > 1000


def test_bad_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "hi", "intent": "greet"}\n{"text": "no intent"}\n')
    done = run("--data", str(bad), cwd=tmp_path)
    assert done.returncode != 0
    assert "bad.jsonl:2:" in done.stderr
    done = subprocess.run([sys.executable, SCRIPT, "--bundle", str(tmp_path), "--data", str(bad)],
                          capture_output=True, text=True, env=ENV)
    assert done.returncode != 0 and "no bundle here" in done.stderr
