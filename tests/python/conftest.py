# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""Fixtures shared by the Python tests: the demo bundle's engine."""

import os

import pytest

import chatcart

SOURCE_DIR = os.environ.get(
    "CHATCART_SOURCE_DIR",
    os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..")))
DEMO_BUNDLE = os.path.join(SOURCE_DIR, "examples", "bundles", "demo")


@pytest.fixture(scope="session")
def engine():
    return chatcart.Engine.load(DEMO_BUNDLE)
