// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What a shopper asks for in words that no question of the flow holds:
// "decaf" (a yes/no attribute), "in pelle", "bianche", "6 tazze" (values of
// the catalog's attributes, by value or label in any language, or a word of
// the glossary meaning the same), "something from Brickville" (a brand), and
// what they do not want ("nothing too dark", "ma nn scarponi"). Each becomes
// a where-clause a recommend action tries on top of its own (WishesIn), kept
// only while products still fit: a wish narrows, it never empties a search.
//
// Pure functions of the catalog; thread-safe.

#ifndef CHATCART_ENGINE_WISHES_H_
#define CHATCART_ENGINE_WISHES_H_

#include <string>
#include <string_view>
#include <vector>

#include "dialogue/runtime.h"
#include "engine/product_words.h"

namespace chatcart::engine {

// Marks a wish said "if possible" ("bio si possible", "preferably red"): it
// is kept only while it leaves the search a full choice (Recommend's top).
inline constexpr std::string_view kSoftWish = "~";

// The most wishes kept for one search; later ones replace the oldest.
inline constexpr size_t kMaxWishes = 6;

// The where-clauses the turn's words ask for ("decaf=true",
// "material=leather", "colour=white|black", "roast!=dark", "brand=Acme"), in
// the order of the catalog's attributes; empty when the words name no value.
// A number with the unit or the name of a number attribute beside it is a
// minimum ("almeno 16 giga di ram" -> "memory>=16 GB"), or a maximum after
// "max", "under", "moins de". Size attributes, ages and prices are left to
// the flow's questions. Wishes said "if possible" start with kSoftWish.
std::vector<std::string> WishesIn(const CatalogWords& catalog,
                                  const dialogue::Understanding& understanding);

// `wishes` with `more` (a later turn's) added: what a later turn says of a
// field replaces what earlier ones said ("roast=dark", then "roast!=dark"); at most kMaxWishes, the
// newest kept.
std::vector<std::string> MergeWishes(std::vector<std::string> wishes,
                                     const std::vector<std::string>& more);

// The field of a where-clause ("roast" of "roast!=dark").
std::string WishField(const std::string& clause);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_WISHES_H_
