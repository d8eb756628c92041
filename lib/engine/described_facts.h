// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What a question's plain words (PlainWord) ask of a product's name and
// description: a count, a measure, a countable noun. The facts themselves
// are read by CommerceExecutor::DescribedFact and DescriptionSaying
// (described_facts.cc). Pure functions; thread-safe.

#ifndef CHATCART_ENGINE_DESCRIBED_FACTS_H_
#define CHATCART_ENGINE_DESCRIBED_FACTS_H_

#include <string>
#include <string_view>
#include <vector>

namespace chatcart::engine {

// Whether the words ask how many ("how many", "quanti", "combien de").
bool AsksHowMany(const std::vector<std::string>& plain);

// The plain word right after the words that ask how many ("cups" of "how
// many cups does it make"); empty when none asks.
std::string CountedNoun(const std::vector<std::string>& plain);

// What the first word that asks a measure measures: "height", "weight",
// "temperature", "time", "brewing", "capacity", "size", "length" or "noise" ("alta",
// "pesano", "température", "infuse", "ml"); empty when no word does. The
// built-in template "chatcart.measure_<what>" names it to the shopper.
std::string_view MeasureAsked(const std::vector<std::string>& plain);

// Whether plain word `plain` is a noun counted in names and descriptions
// ("pieces", "perline", "tasses").
bool IsCountable(std::string_view plain);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_DESCRIBED_FACTS_H_
