// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The words of a turn that point at a product or may name one, for
// CommerceExecutor::ResolveReference (references.cc) and SearchCatalog
// (catalog_search.cc). Pure functions of the turn's words; thread-safe.

#ifndef CHATCART_ENGINE_REFERENCE_WORDS_H_
#define CHATCART_ENGINE_REFERENCE_WORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "dialogue/runtime.h"

namespace chatcart::engine {

// Words that name no product: function words (IsFunctionWord), verbs of
// choosing, fillers and units of quantity.
bool NamesNoProduct(std::string_view w);

// Words of cart and shop commands that name no product either.
bool IsCommandWord(std::string_view w);

// A clitic that points at the product in focus with a verb of choosing
// ("li prendo", "ne prendo 2", "je le prends").
bool SaysClitic(const dialogue::Understanding& u);

// A verb of adding and nothing else that could name a product: "aggiungi",
// "add it please", "ok je prends".
bool BareCommand(const dialogue::Understanding& u);

// A pointer word: "it", "that", "questo", "celui-ci", "prendila"...
bool SaysPointer(const dialogue::Understanding& u);

// The words of the text that may name a product: not function or command
// words, not sizes, colours, amounts or numbers said with it. `named` gets
// those that are no category word either.
std::vector<std::string> NameWords(const dialogue::Understanding& u,
                                   std::vector<std::string>* named);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_REFERENCE_WORDS_H_
