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
//   - two words match, or one with a digit, or one coined word only this
//     product's name holds, written with a capital inside ("QuietOne",
//     "KidSafe"; not "robot" or "fox").
// A count said right before a product is a "quantity" ("due Dodo Family").
// The span is the run of words trimmed to those that match the product's
// name or brand (exactly or within one or two typos).
//
// Models (catalog_models.cc): when several products fit the words equally
// well, the words may still name what those products share, a "model"
// (value: the model as the catalog writes it; number: how many products
// carry it):
//   - a product line: the first words of the names after the brand, shared
//     by two or more product groups of one brand ("photozen" -> "PhotoZen",
//     Canora PhotoZen 6 and 10; "ryzen 7" -> "Ryzen 7"). The words must
//     include a model number or a distinctive word (as above), so "gaming"
//     or "junior" are no model;
//   - a designation in a searchable ENUM attribute, a value with a word
//     with letters and one with a digit ("GeForce RTX 4070" in "chipset"),
//     when the words say all of its words with digits and one with letters
//     ("rtx 4070", "the 4070 ti", "b650"); of several such values, the one with the
//     fewest words left unsaid ("GeForce RTX 4070", not "... 4070 Ti").
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
#include "absl/container/flat_hash_set.h"
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
  // The words of tokens [begin, end) that some product name (or model
  // attribute value) holds, joined by spaces ("nimbus 13" of "nimbus 13 va
  // bene").
  std::string KnownWords(const Scan& scan, size_t begin, size_t end) const;

  // Whether folded `word` is written with a capital inside ("QuietOne") in
  // exactly one product name: a coined name.
  bool Coined(std::string_view word) const;

  // Whether folded `word` is in few product names (a distinctive word).
  bool Distinctive(std::string_view word) const;

  // A searchable ENUM attribute's values that can be models: per code, its
  // folded words (empty: not a designation) and how many products hold it.
  struct ModelAttribute {
    uint32_t attribute = 0;
    std::vector<std::vector<std::string>> words;  // by code
    std::vector<uint32_t> products;               // by code
  };
  void IndexModelAttributes();

  // Proposes a "model" candidate for tokens [begin, end) of `scan` (a run
  // that names no single product; `run_matched_nothing`: no name matched
  // its words, nor those some name holds). Returns whether it did.
  bool FindModel(const Scan& scan, size_t begin, size_t end, bool run_matched_nothing,
                 std::vector<Candidate>* candidates) const;

  const Catalog& catalog_;
  double min_score_;
  uint32_t rare_limit_;  // at most this many names hold a distinctive word
  absl::flat_hash_map<std::string, uint32_t> name_words_;  // folded word -> names holding it
  absl::flat_hash_set<std::string> coined_;                // folded camel-case name words
  absl::flat_hash_set<std::string> model_words_;           // words of ModelAttribute values
  std::vector<ModelAttribute> model_attributes_;
};

// Whether a token of the shopper's matches a word of a product's name:
// equal, or (words of four letters or more without digits) within one typo,
// two from eight letters.
bool NameWordMatches(std::string_view token, std::string_view name_word);

bool HasDigit(std::string_view s);
bool HasLetter(std::string_view s);

// Adds a "quantity" for a count said right before token `first_token`
// ("due Dodo Family", "deux Inkwell Tank 3"), unless there is one.
void AddQuantityBefore(const Scan& scan, uint32_t first_token, std::vector<Candidate>* candidates);

// Whether `a` and `b` differ by at most `max_edits` insertions, deletions or
// substitutions of bytes (bounded Levenshtein).
bool WithinEdits(std::string_view a, std::string_view b, int max_edits);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_CATALOG_NAMES_H_
