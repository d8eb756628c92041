// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The word tables of the entity extractors: for each folded, accent-stripped
// word, the roles it can play (a currency name, the start of a budget cue
// such as "less than" or "moins de", a colour, a device, an ordinal...), each
// for some of the three languages and possibly as the first word of a
// longer phrase. One hash lookup per token finds every role.
//
// The table is built once and immutable; thread-safe.

#ifndef CHATCART_INTENT_ENTITY_WORDS_H_
#define CHATCART_INTENT_ENTITY_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/language.h"

namespace chatcart::intent {

enum class Role : uint8_t {
  kCurrency,        // value: ISO code, or "$" for the dollar of the store
  kCueUnder,        // before an amount: "under", "less than", "sotto", "moins de"
  kCueOver,         // "over", "more than", "almeno", "plus de"
  kCueAround,       // "around", "about", "circa", "environ"
  kCueExact,        // "exactly", "esattamente", "exactement"
  kCueBetween,      // "between", "tra", "entre" (then amount, joiner, amount)
  kCueFrom,         // "from", "da", "de" (then amount, "to", amount)
  kRangeJoin,       // "and", "to", "e", "a", "et", "à", "-"
  kPostUnder,       // after an amount: "max", "or less", "al massimo"
  kPostOver,        // "or more", "and up", "+", "o più", "ou plus"
  kPostAround,      // "ish", "or so", "circa", "environ"
  kBudgetWord,      // "budget", "spend", "price", "prezzo", "prix"
  kColour,          // value: English colour name
  kSizeCue,         // "size", "taglia", "taille", "pointure" (value: system or "")
  kSizeSystem,      // "eu", "us", "uk" (value: system)
  kSizeLetter,      // "xs", "xl", "xxl" (value: canonical letters)
  kSizeWord,        // "small", "medium" (only after a size cue; value: letter)
  kAgeYears,        // "year(s)", "anni", "ans"
  kAgeMonths,       // "month(s)", "mesi", "mois"
  kAgeOld,          // "old"
  kAgePrefix,       // "aged", "age", "età", "âge"
  kDevice,          // value: platform id
  kModelWord,       // "pro", "max", "mini", "plus", "ultra", "se"
  kCompatCue,       // "for", "with", "compatible", "per", "con", "pour", "avec", "my"
  kOrdinal,         // number: 1, 2, ... or -1 for "last"
  kArticle,         // "the", "a", "il", "la", "le", "les", "i"
  kQuantityAfter,   // after a number: "pieces", "pairs", "x", "pezzi", "pièces", "of"
  kQuantityBefore,  // before a number: "qty", "add", "aggiungi", "ajoute"
  kCategory,        // value: English category name (built-in category words)
};

struct WordRole {
  Role role;
  uint8_t languages;              // bit (1 << Language) for each language it is in
  std::vector<std::string> rest;  // the phrase's following words ("than" for "less than")
  std::string value;
  int number = 0;
};

// The roles of `bare` (folded, accents stripped), or null when it has none.
const std::vector<WordRole>* RolesOf(std::string_view bare);

inline bool InLanguage(const WordRole& r, text::Language language) {
  return (r.languages >> static_cast<int>(language)) & 1;
}

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_ENTITY_WORDS_H_
