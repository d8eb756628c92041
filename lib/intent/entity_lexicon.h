// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The lexicon matcher: phrases naming categories, brands and products (from
// the catalog, or the built-in category words), found in a tokenized text.
// A text word matches a phrase word when their folded, accent-stripped forms
// are equal, when their Snowball stems are (in the text's language:
// "stampanti" finds "stampante"), or, with fuzzy matching, when both have
// five letters or more and are one edit apart ("canora" finds "Canora",
// "photozen" finds "PhotoZen"). Candidates are found by hash lookups of the
// first word, its stem and its one-deletion variants (the symmetric
// deletion method), then checked word by word.
//
// Immutable after Build(); thread-safe (stems of the text come from the
// caller).

#ifndef CHATCART_INTENT_ENTITY_LEXICON_H_
#define CHATCART_INTENT_ENTITY_LEXICON_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "text/language.h"

namespace chatcart::intent {

// A word of the text, as the matcher sees it.
struct LexWord {
  std::string_view bare;  // folded, accents stripped
  std::string_view stem;  // Snowball stem of `bare` in the text's language
  bool usable = true;     // false once another entity took it
};

struct LexMatch {
  int entry = -1;     // index given to Add()
  size_t length = 0;  // words of the text
  double confidence = 0;
};

class Lexicon {
 public:
  // Adds a phrase (any case, accents) under `entry`, for `languages` (a bit
  // per text::Language). Phrases without words are ignored.
  void Add(std::string_view phrase, int entry, uint8_t languages);
  void Build(bool fuzzy);

  bool empty() const { return entries_.empty(); }

  // The longest phrase matching the words starting at words[i] (ties: the one
  // added first), or nullopt.
  std::optional<LexMatch> MatchAt(const std::vector<LexWord>& words, size_t i,
                                  text::Language language) const;

 private:
  struct Phrase {
    std::vector<std::string> bare;
    std::array<std::vector<std::string>, text::kNumLanguages> stems;
    uint8_t languages = 0;
    int entry = -1;
  };
  // 0 no match, 1 fuzzy, 2 stem, 3 exact.
  int WordMatch(const LexWord& word, const Phrase& phrase, size_t k, text::Language language) const;

  std::vector<Phrase> entries_;
  absl::flat_hash_map<std::string, std::vector<int>> index_;  // first-word keys -> phrases
  bool fuzzy_ = true;
};

// Whether `a` and `b` (ASCII or UTF-8 bytes) are at most one edit
// (insertion, deletion, substitution or adjacent swap) apart.
bool WithinOneEdit(std::string_view a, std::string_view b);

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_ENTITY_LEXICON_H_
