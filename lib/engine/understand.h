// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// One turn's text made into the dialogue's terms: the intent (patterns, then
// the classifier, with out-of-scope), the entities as slot values, and the
// folded words. Pure function of the engine and its inputs; thread-safe.

#ifndef CHATCART_ENGINE_UNDERSTAND_H_
#define CHATCART_ENGINE_UNDERSTAND_H_

#include <string_view>

#include "dialogue/runtime.h"
#include "engine/engine_rep.h"

namespace chatcart::engine {

// Understands `text` (already cut to the engine's maximum and valid UTF-8) in
// a session whose language is `session_language` ("" before the first turn).
dialogue::Understanding Understand(const engine_internal::EngineRep& engine,
                                   std::string_view text, std::string_view session_language);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_UNDERSTAND_H_
