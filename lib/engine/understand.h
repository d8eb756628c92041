// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// One turn's text made into the dialogue's terms: the intent (patterns, then
// the classifier, with out-of-scope), the entities as slot values, and the
// folded words. Pure function of the engine and its inputs; thread-safe.

#ifndef CHATCART_ENGINE_UNDERSTAND_H_
#define CHATCART_ENGINE_UNDERSTAND_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatcart/entities.h"
#include "chatcart/intent.h"
#include "chatcart/money.h"
#include "dialogue/runtime.h"
#include "engine/engine_rep.h"

namespace chatcart::engine {

// What understanding read differently from what was said, for the turn to
// tell the shopper.
struct UnderstandNotes {
  // An amount said in another currency, read in the store's ("30 bucks" in a
  // euro store: 30 €): the amount said and the amount read. The first one.
  std::optional<Money> currency_said;
  std::optional<Money> currency_read;
};

// The word that stands for a catalog mention in what the classifier reads.
inline constexpr std::string_view kCatalogWord = "catalogitem";

// `text` without a greeting it starts with ("hi", "bonjour, ", "ciao!")
// when a request of two words or more follows; `text` otherwise.
std::string_view AfterGreeting(std::string_view text);

// `text` with each catalog mention among `entities` (product, brand, model)
// replaced by kCatalogWord, into *out; false (and *out untouched) when there
// is none. The engine trains its intents on examples masked this way.
bool MaskCatalogMentions(std::string_view text, const std::vector<Entity>& entities,
                         std::string* out);

// The intent of `text` read with its catalog mentions masked; its entities
// into *extracted, read in the language the text turned out to speak.
IntentResult ClassifyMasked(const engine_internal::EngineRep& engine, std::string_view text,
                            std::string_view session_language, ExtractResult* extracted);

// Understands `text` (already cut to the engine's maximum and valid UTF-8) in
// a session whose language is `session_language` ("" before the first turn).
//
// Entity shapes for the dialogue (docs/BUNDLES.md, "Slot values"): a list of
// values ("nere o blu") fills a slot with them comma-joined ("black,blue"); a
// negated value ("not red", "niente Brickville") arrives as type
// "not_<type>" ("not_colour") and fills no slot; an amount in another
// currency becomes the same amount in the store's currency, with *notes
// saying so (never an error later: the recommender compares one currency).
dialogue::Understanding Understand(const engine_internal::EngineRep& engine, std::string_view text,
                                   std::string_view session_language,
                                   UnderstandNotes* notes = nullptr);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_UNDERSTAND_H_
