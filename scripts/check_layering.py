#!/usr/bin/env python3
# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Fails on an arrow docs/ARCHITECTURE.md does not allow.

Reads the "Components" and "Faces" tables of docs/ARCHITECTURE.md, then every
#include of lib/, include/chatcart/, bindings/, examples/ and tests/ (C and
C++), and every chatcart::<component> a component's CMakeLists.txt links.
An include of "chatcart/<name>.h" is an arrow to the component that owns that
public header; of "<component>/..." an arrow into that component's private
headers; of "chatcart/v1/*.pb.h" none (the schemas are open to all).

Exits 0 when every arrow is allowed, 1 with one line per forbidden arrow
("file:line: ..."), 2 when the tables cannot be read.

  scripts/check_layering.py [--root DIR]
  scripts/check_layering.py --self-test   # plants forbidden arrows in a copy
"""

import argparse
import os
import re
import shutil
import sys
import tempfile

INCLUDE_RE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
SOURCE_SUFFIXES = (".h", ".hh", ".hpp", ".c", ".cc", ".cpp")
CODE_RE = re.compile(r"`([^`]+)`")


class Rules:
    def __init__(self):
        self.allowed = {}  # component -> {component: public_only}
        self.header_owner = {}  # "cart.h" -> "cart"
        self.faces = {}  # folder -> set of components of lib/ it may include


def parse_tables(path):
    """The component and face tables of ARCHITECTURE.md, as Rules."""
    rules = Rules()
    section = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("## "):
                section = line[3:].strip().lower()
                continue
            if not line.startswith("| `"):
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if section == "components" and len(cells) >= 3:
                name = CODE_RE.findall(cells[0])[0]
                for header in CODE_RE.findall(cells[1]):
                    rules.header_owner[header] = name
                allowed = {}
                for m in CODE_RE.finditer(cells[2]):
                    public_only = cells[2][m.end():].lstrip().startswith("(public")
                    allowed[m.group(1)] = public_only
                rules.allowed[name] = allowed
            elif section == "faces" and len(cells) >= 3:
                folder = CODE_RE.findall(cells[0])[0]
                for header in CODE_RE.findall(cells[1]):
                    rules.header_owner[header] = folder
                rules.faces[folder] = set(CODE_RE.findall(cells[2]))
    if not rules.allowed or not rules.faces:
        raise ValueError(f"{path}: no Components or Faces table")
    return rules


def source_files(root, top):
    base = os.path.join(root, top)
    if not os.path.isdir(base):
        return
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if d not in ("testdata", "node_modules"))
        for name in sorted(filenames):
            if name.endswith(SOURCE_SUFFIXES):
                yield os.path.relpath(os.path.join(dirpath, name), root)


def header_owner(rules, name):
    """The component owning public header `name`, or None."""
    if name in rules.header_owner:
        return rules.header_owner[name]
    stem = name[:-2] if name.endswith(".h") else name
    # A new header named after its component ("desk_store.h") needs no row.
    for component in sorted(rules.allowed, key=len, reverse=True):
        if stem == component or stem.startswith(component + "_"):
            return component
    return None


def classify(rules, components, include):
    """(component, is_public) an include points into, or None for none."""
    if include.startswith("chatcart/v1/"):
        return None
    if include.startswith("chatcart/"):
        name = include[len("chatcart/"):]
        if "/" in name:
            return None
        return (header_owner(rules, name) or "?" + name, True)
    first = include.split("/", 1)[0]
    if "/" in include and first in components:
        return (first, False)
    return None


def check(root):
    rules = parse_tables(os.path.join(root, "docs", "ARCHITECTURE.md"))
    problems = []
    lib = os.path.join(root, "lib")
    folders = sorted(d for d in os.listdir(lib) if os.path.isdir(os.path.join(lib, d)))
    components = sorted(set(folders) | set(rules.allowed))
    faces = sorted(rules.faces, key=len, reverse=True)

    def face_of(path):
        for face in faces:
            if path == face or path.startswith(face + "/"):
                return face
        return None

    for component in folders:
        if component not in rules.allowed and face_of(f"lib/{component}") is None:
            problems.append(f"lib/{component}: a component with no row in docs/ARCHITECTURE.md "
                            "(add its arrows there)")

    files = []
    for top in ("lib", "include/chatcart", "bindings", "examples", "tests"):
        files.extend(source_files(root, top))
    arrows = 0
    for path in files:
        face = face_of(path)
        if path.startswith("include/chatcart/"):
            owner = header_owner(rules, os.path.basename(path))
            if owner is None:
                problems.append(f"{path}: a public header no component owns (name it in the "
                                "public headers column of docs/ARCHITECTURE.md)")
                continue
            if owner in rules.faces:
                face, owner = owner, None
        elif path.startswith("lib/") and face is None:
            owner = path.split("/")[1]
        elif face is not None:
            owner = None
        else:
            continue  # tests/ outside the faces: cross-component tests
        with open(os.path.join(root, path), encoding="utf-8", errors="replace") as f:
            for number, line in enumerate(f, 1):
                m = INCLUDE_RE.match(line)
                if not m:
                    continue
                target = classify(rules, components, m.group(1))
                if target is None:
                    continue
                to, public = target
                where = f'{path}:{number}: "{m.group(1)}"'
                if to.startswith("?"):
                    problems.append(f"{where}: a public header no component owns")
                    continue
                arrows += 1
                if path.startswith("include/chatcart/") and not public:
                    problems.append(f"{where}: a public header includes a private one")
                    continue
                if owner is None:
                    own = face.startswith("lib/") and to == face[len("lib/"):]
                    if not public and not own and to not in rules.faces[face]:
                        problems.append(f"{where}: the face {face} reaches into lib/{to} "
                                        "(use include/chatcart/)")
                    continue
                if to == owner:
                    continue
                if to in rules.faces:
                    if not path.startswith("include/chatcart/"):
                        problems.append(f"{where}: {owner} includes the header of the face {to}")
                    continue
                if to not in rules.allowed.get(owner, {}):
                    problems.append(f"{where}: {owner} -> {to} is not an arrow of "
                                    "docs/ARCHITECTURE.md")
                elif rules.allowed[owner][to] and not public:
                    problems.append(f"{where}: {owner} may use {to} through include/chatcart/ "
                                    "only")

    link_re = re.compile(r"chatcart::([a-z_]+)")
    for component in folders:
        cmake = os.path.join(lib, component, "CMakeLists.txt")
        if component not in rules.allowed or not os.path.exists(cmake):
            continue
        with open(cmake, encoding="utf-8") as f:
            text = f.read()
        m = re.search(r"chatcart_cc_library\((.*?)\)", text, re.S)
        if not m:
            continue
        for dep in sorted(set(link_re.findall(m.group(1)))):
            if dep in ("proto", component) or dep not in rules.allowed:
                continue
            arrows += 1
            if dep not in rules.allowed[component]:
                problems.append(f"lib/{component}/CMakeLists.txt: {component} links "
                                f"chatcart::{dep}, not an arrow of docs/ARCHITECTURE.md")
    return problems, len(files), arrows


def self_test(root):
    """Copies the tables into a scratch tree, plants one arrow of each kind
    the check must refuse, and expects each to be reported."""
    planted = {
        "lib/cart/planted.cc": ('#include "chatcart/catalog.h"\n', "cart -> catalog"),
        "lib/text/planted.cc": ('#include "dialogue/runtime.h"\n', "text -> dialogue"),
        "lib/catalog/planted.cc": ('#include "engine/engine_rep.h"\n', "catalog -> engine"),
        "lib/dialogue/planted.cc": ('#include "chatcart/recommend.h"\n', "dialogue -> recommend"),
        "lib/c_api/planted.cc": ('#include "engine/wire.h"\n', "the face lib/c_api"),
        "examples/cli/planted.cc": ('#include "common/strings.h"\n', "the face examples"),
        "include/chatcart/cart.h": ('#include "cart/pricing.h"\n', "includes a private one"),
        "lib/desk/planted.cc": ('#include "engine/engine_rep.h"\n', "include/chatcart/ only"),
        "lib/nowhere/planted.cc": ("", "lib/nowhere: a component with no row"),
        "lib/engine/planted.cc": ('#include "chatcart/c.h"\n', "the header of the face lib/c_api"),
    }
    allowed = {
        "lib/engine/fine.cc": '#include "dialogue/runtime.h"\n#include "chatcart/cart.h"\n',
        "lib/catalog/fine.cc": '#include "chatcart/cart.h"\n#include "text/fold.h"\n',
        "lib/desk/fine.cc": '#include "chatcart/engine.h"\n',
        "lib/c_api/fine.cc": '#include "common/status_macros.h"\n#include "chatcart/session.h"\n',
        "examples/cli/fine.cc": '#include "chatcart/engine.h"\n#include "command.h"\n',
    }
    with tempfile.TemporaryDirectory() as scratch:
        os.makedirs(os.path.join(scratch, "docs"))
        shutil.copy(os.path.join(root, "docs", "ARCHITECTURE.md"), os.path.join(scratch, "docs"))
        for path, text in list(allowed.items()) + [(p, t) for p, (t, _) in planted.items()]:
            full = os.path.join(scratch, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "w", encoding="utf-8") as f:
                f.write(text)
        problems, _, _ = check(scratch)
    failures = []
    for path, (_, expected) in planted.items():
        if not any(p.startswith(path.split("/planted")[0]) and expected in p for p in problems):
            failures.append(f"self-test: {path} ({expected}) was not reported")
    for path in allowed:
        for p in problems:
            if p.startswith(path):
                failures.append(f"self-test: an allowed arrow was refused: {p}")
    expected_count = len(planted)
    if len(problems) != expected_count:
        failures.append(f"self-test: {len(problems)} problems reported, {expected_count} planted:\n  "
                        + "\n  ".join(problems))
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), ".."))
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    root = os.path.abspath(args.root)
    try:
        if args.self_test:
            failures = self_test(root)
            for line in failures:
                print(line)
            if not failures:
                print("layering self-test: every planted arrow refused, every allowed one kept")
            return 1 if failures else 0
        problems, files, arrows = check(root)
    except (OSError, ValueError, IndexError) as e:
        print(f"check_layering: {e}", file=sys.stderr)
        return 2
    for line in problems:
        print(line)
    print(f"layering: {files} files, {arrows} arrows between components, "
          f"{len(problems)} forbidden")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
