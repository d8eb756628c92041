// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What the library's fuzz targets share: a failed check that aborts (as
// libFuzzer expects) and the demo bundle loaded once.

#ifndef CHATCART_TESTS_FUZZ_FUZZ_DEMO_H_
#define CHATCART_TESTS_FUZZ_FUZZ_DEMO_H_

#include <cstdio>
#include <cstdlib>
#include <memory>

#include "chatcart/engine.h"
#include "common/testing/data.h"

// Aborts with `what` when `cond` does not hold; `target` names the fuzzer.
#define FUZZ_CHECK(cond, what)                                           \
  do {                                                                   \
    if (!(cond)) {                                                       \
      std::fprintf(stderr, "%s: %s\n", ::chatcart::fuzz::kTarget, what); \
      std::abort();                                                      \
    }                                                                    \
  } while (0)

namespace chatcart::fuzz {

// Defined by each target: its name, for FUZZ_CHECK's message.
extern const char kTarget[];

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
