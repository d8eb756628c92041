// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Any bytes as a shopper's text on the demo bundle, through the entity
// extractor (with the demo catalog) in English, Italian and French and
// through Engine::ClassifyTurn. Checks: every entity's span lies inside the
// text and its text is the span's bytes as typed; confidences are in (0, 1];
// the classifier's answer names a language and a confidence in [0, 1].
// Replayed by channels_replay_main.cc over tests/fuzz/corpus/text.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "chatcart/engine.h"
#include "chatcart/entities.h"
#include "chatcart/intent.h"
#include "common/testing/data.h"
#include "fuzz/fuzz_demo.h"

const char chatcart::fuzz::kTarget[] = "free_text_fuzzer";

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const chatcart::EntityExtractor* extractor = chatcart::fuzz::Demo().entity_extractor();
  FUZZ_CHECK(extractor != nullptr, "the demo has no entity extractor");
  for (const char* language : {"en", "it", "fr"}) {
    for (const chatcart::Entity& e : extractor->Extract(text, language)) {
      FUZZ_CHECK(e.start >= 0 && e.start <= e.end && static_cast<size_t>(e.end) <= text.size(),
                 "an entity's span is outside the text");
      FUZZ_CHECK(e.text == text.substr(e.start, e.end - e.start),
                 "an entity's text is not its span");
      FUZZ_CHECK(e.confidence > 0 && e.confidence <= 1, "an entity's confidence is out of range");
    }
  }
  const chatcart::IntentResult intent = chatcart::fuzz::Demo().ClassifyTurn(text);
  FUZZ_CHECK(intent.confidence >= 0 && intent.confidence <= 1,
             "an intent confidence is out of range");
  FUZZ_CHECK(intent.language == "en" || intent.language == "it" || intent.language == "fr",
             "the classifier names no language");
  return 0;
}
