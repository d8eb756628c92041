#!/usr/bin/env python3
# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Runs docs/BUNDLES.md's "Your first store" as a new user would type it.

Every ```sh block of the section runs, in order, in one bash shell (set -e)
started in an empty temporary folder, with the chatcart binary given first on
PATH. A bare ``` block right after an ```sh block is that block's expected
output, compared exactly once times are made "N ms" and trailing blanks
removed. Exits 1 with a diff when
a command fails or an output differs, so the walkthrough cannot drift from
what chatcart does.

Usage: first_store_test.py --doc docs/BUNDLES.md --chatcart build/bin/chatcart
       (--print shows what each block printed, to update the section)
"""
import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile

SECTION = "## Your first store"
MARK = "@@first-store-block {}@@"


def blocks(doc):
    """(commands, expected output or None) for each ```sh block of the section."""
    start = doc.find("\n" + SECTION + "\n")
    if start < 0:
        sys.exit(f"first_store_test: no section '{SECTION}'")
    end = doc.find("\n## ", start + 1)
    section = doc[start:end if end >= 0 else len(doc)]
    fences = re.finditer(r"^```(\w*)\n(.*?)^```\n", section, re.M | re.S)
    result = []
    last_end = None
    for fence in fences:
        kind, body = fence.group(1), fence.group(2)
        if kind == "sh":
            result.append([body, None])
        elif kind == "" and result and result[-1][1] is None and \
                section[last_end:fence.start()].strip() == "":
            result[-1][1] = body
        last_end = fence.end()
    if not result:
        sys.exit("first_store_test: the section has no ```sh block")
    return result


def normalize(text):
    """Times as "N ms", and no trailing blanks (editors strip them from docs)."""
    text = re.sub(r"\b\d+ ms\b", "N ms", text)
    return "".join(line.rstrip() + "\n" for line in text.splitlines())


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--doc", required=True)
    p.add_argument("--chatcart", required=True)
    p.add_argument("--print", action="store_true", dest="print_only")
    args = p.parse_args()
    with open(args.doc, encoding="utf-8") as f:
        steps = blocks(f.read())
    script = ["set -e"]
    for i, (commands, _) in enumerate(steps):
        script.append(f"echo '{MARK.format(i)}'")
        script.append(commands)
    script.append(f"echo '{MARK.format(len(steps))}'")
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(os.path.abspath(args.chatcart)) + os.pathsep + env["PATH"]
    chatcart = os.path.basename(args.chatcart)
    if chatcart != "chatcart":
        sys.exit(f"first_store_test: --chatcart must name a binary called chatcart, not {chatcart}")
    with tempfile.TemporaryDirectory(prefix="first_store_") as folder:
        run = subprocess.run(["bash", "-c", "\n".join(script)], cwd=folder, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    pieces = re.split(r"^@@first-store-block (\d+)@@\n", run.stdout, flags=re.M)
    printed = {int(pieces[k]): pieces[k + 1] for k in range(1, len(pieces) - 1, 2)}
    failed = False
    if run.returncode != 0 or len(printed) != len(steps) + 1:
        done = max(printed) if printed else 0
        print(f"first_store_test: block {done + 1} of {len(steps)} failed "
              f"(exit {run.returncode}):\n{steps[min(done, len(steps) - 1)][0]}\nit printed:\n"
              f"{printed.get(done, run.stdout)}")
        return 1
    for i, (commands, expected) in enumerate(steps):
        have = normalize(printed.get(i, ""))
        if args.print_only:
            print(f"--- block {i + 1}:\n{commands}--- printed:\n{have}")
            continue
        if expected is not None and have != normalize(expected):
            failed = True
            print(f"first_store_test: block {i + 1} printed something else:\n{commands}")
            sys.stdout.writelines(difflib.unified_diff(
                normalize(expected).splitlines(True), have.splitlines(True),
                "docs/BUNDLES.md", "printed"))
    if not failed and not args.print_only:
        print(f"first_store_test: {len(steps)} blocks ran as written")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
