# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""The .pyi stubs declare what the package defines: every public class, its
public methods and properties, and every function of the native module."""

import ast
import inspect
import os

import pytest

import chatcart
from chatcart import _chatcart, _desk, _engine, _money, _results, _runtime

PACKAGE_DIR = os.path.dirname(chatcart.__file__)


def stub_names(module_name):
    """{class name: set of member names} and top-level names of a stub."""
    with open(os.path.join(PACKAGE_DIR, module_name + ".pyi"), encoding="utf-8") as f:
        tree = ast.parse(f.read())
    classes, top = {}, set()
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = set()
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign):
                    members.add(item.target.id)
            classes[node.name] = members
        elif isinstance(node, ast.FunctionDef):
            top.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            top.add(node.target.id)
    return classes, top


def public_members(cls):
    names = set()
    for name, _ in inspect.getmembers(cls):
        if not name.startswith("_") or name in ("__len__", "__getitem__"):
            names.add(name)
    names |= {n for n, _ in getattr(cls, "_FIELDS", ())}
    return names - {"mro"}


@pytest.mark.parametrize("module", [_engine, _results, _money, _chatcart, _runtime, _desk],
                         ids=lambda m: m.__name__)
def test_stub_declares_every_public_member(module):
    classes, top = stub_names(module.__name__.split(".")[-1])
    exported = getattr(module, "__all__", None)
    for name, obj in vars(module).items():
        if name.startswith("_") or (exported is not None and name not in exported):
            continue
        if inspect.isclass(obj) and obj.__module__ == module.__name__:
            assert name in classes, "%s.pyi lacks class %s" % (module.__name__, name)
            missing = public_members(obj) - classes[name] - {"to_dict"}
            assert not missing, "%s.pyi: %s lacks %s" % (module.__name__, name, sorted(missing))
        elif callable(obj) and module is _chatcart:
            assert name in top, "_chatcart.pyi lacks %s" % name
