// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The demo bundle, loaded once, for the fuzz targets that run it (with what
// every target checks with, fuzz_check.h).

#ifndef CHATCART_TESTS_FUZZ_FUZZ_DEMO_H_
#define CHATCART_TESTS_FUZZ_FUZZ_DEMO_H_

#include <memory>

#include "chatcart/engine.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_check.h"

namespace chatcart::fuzz {

// The demo bundle (examples/bundles/demo), loaded on first use.
inline const Engine& Demo() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::Create(testing::SourceDir() + "/examples/bundles/demo");
    FUZZ_CHECK(e.ok(), "the demo bundle does not load");
    return *e;
  }();
  return *engine;
}

}  // namespace chatcart::fuzz

#endif  // CHATCART_TESTS_FUZZ_FUZZ_DEMO_H_
