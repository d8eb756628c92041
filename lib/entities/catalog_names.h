// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Brands and products from a catalog (include/chatcart/catalog.h).
//
// Brands are the catalog's brand names, matched as whole phrases (case- and
// accent-insensitive), value: the brand as the catalog writes it. Category
// names join the category vocabulary (category.h).
//
// Products: the words of the utterance that no other entity explains and
// that are not function words ("do you have the canora photozen 6 in
// black?" -> "canora photozen 6") are looked up with Catalog::FindByName,
// which forgives typos and unfinished words. The best match is a "product"
// (value: the product id, confidence: the match score) when
//   - it scores at least `min_score` and clearly above the runner-up, and
//   - the words that match its name include a distinctive one: a word found
//     in few product names (at most max(3, 1 %) of them), not a category,
//     colour or size word ("photozen", "cp-400", "7800x3d"; not "16" in a
//     catalog of memory sticks), so "a photo printer" or "canora" alone is
//     not a product, and
//   - they include a word with letters that is no category, colour or size
//     word: a number alone ("2") is no product;
//   - two words match, or one with a digit.
// A count said right before a product is a "quantity" ("due Dodo Family").
// The span is the run of words trimmed to those that match the product's
// name or brand (exactly or within one or two typos).
//
// CatalogNames is immutable once built and safe for concurrent use; the
// catalog must outlive it.

#ifndef CHATCART_ENTITIES_CATALOG_NAMES_H_
#define CHATCART_ENTITIES_CATALOG_NAMES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "entities/category.h"
#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart {
class Catalog;
}  // namespace chatcart

namespace chatcart::entities {

class CatalogNames {
 public:
  // Indexes the words of `catalog`'s product names (how many names hold
  // each). REQUIRES: catalog outlives this object.
  CatalogNames(const Catalog& catalog, double min_score);

  // Adds the brands to *lexicon and, when `categories` is not null, the
  // category names to *categories.
  void AddWords(text::Language language, LexiconBuilder* lexicon, CategoryTable* categories) const;

  // Proposes "brand" candidates, and a "product" candidate from the words
  // not claimed by `candidates` so far.
  void Find(const Scan& scan, std::vector<Candidate>* candidates) const;

  const Catalog& catalog() const { return catalog_; }

 private:
  // Whether folded `word` is in few product names (a distinctive word).
  bool Distinctive(std::string_view word) const;

  const Catalog& catalog_;
  double min_score_;
  uint32_t rare_limit_;  // at most this many names hold a distinctive word
  absl::flat_hash_map<std::string, uint32_t> name_words_;  // folded word -> names holding it
};

// Whether `a` and `b` differ by at most `max_edits` insertions, deletions or
// substitutions of bytes (bounded Levenshtein).
bool WithinEdits(std::string_view a, std::string_view b, int max_edits);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_CATALOG_NAMES_H_
