// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/understand.h"

#include "chatcart/entities.h"
#include "text/tokenize.h"

namespace chatcart::engine {
namespace {

dialogue::Budget::Kind KindOf(BudgetKind kind) {
  switch (kind) {
    case BudgetKind::kExact: return dialogue::Budget::Kind::kExact;
    case BudgetKind::kUnder: return dialogue::Budget::Kind::kUnder;
    case BudgetKind::kOver: return dialogue::Budget::Kind::kOver;
    case BudgetKind::kBetween: return dialogue::Budget::Kind::kBetween;
    case BudgetKind::kAround: return dialogue::Budget::Kind::kAround;
  }
  return dialogue::Budget::Kind::kUnder;
}

// An extracted entity in the dialogue's terms: a slot value ready to fill.
dialogue::Entity ToDialogue(const Entity& e) {
  dialogue::Entity out;
  out.type = e.type;
  out.start = e.start;
  out.end = e.end;
  out.text = e.text;
  out.confidence = e.confidence;
  out.value.display = e.text;
  if (e.type == "money") {
    out.value.type = dialogue::SlotType::kMoney;
    out.value.budget.kind = KindOf(e.money.kind);
    out.value.budget.min = e.money.min;
    out.value.budget.max = e.money.max;
  } else if (e.type == "number" || e.type == "quantity" || e.type == "ordinal" ||
             e.type == "age") {
    out.value.number = e.number;
  } else {
    out.value.text = e.value;
  }
  return out;
}

}  // namespace

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
  if (engine.entities != nullptr) {
    ExtractResult extracted;
    engine.entities->Extract(text, u.language, &extracted);
    u.entities.reserve(extracted.entities.size());
    for (const Entity& e : extracted.entities) u.entities.push_back(ToDialogue(e));
  }
  for (const text::Token& token : text::Tokenize(text)) {
    if (token.kind != text::TokenKind::kSymbol) {
      u.words.push_back(token.text);
    }
  }
  return u;
}

}  // namespace chatcart::engine
