// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/understand.h"

#include "text/tokenize.h"

namespace chatcart::engine {

dialogue::Understanding Understand(const engine_internal::EngineRep& engine,
                                   std::string_view text, std::string_view session_language) {
  dialogue::Understanding u;
  u.language = std::string(session_language.empty() ? engine.default_language : session_language);
  if (engine.intents != nullptr) {
    IntentResult result = engine.intents->Classify(text, {.language = session_language});
    u.out_of_scope = result.out_of_scope;
    if (!result.out_of_scope) u.intent = std::string(result.intent);
    u.confidence = result.confidence;
    if (!result.language.empty()) u.language = std::string(result.language);
    u.truncated = result.truncated;
  }
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind != text::TokenKind::kSymbol) {
      u.words.push_back(token.text);
    }
  }
  return u;
}

}  // namespace chatcart::engine
