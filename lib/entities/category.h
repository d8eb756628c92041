// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Category words: phrases of the store's vocabulary (EntityExtractorOptions::
// categories and, by default, the catalog's category names), reported with
// the vocabulary's value ("photo printers" -> "Photo Printers").
//
// Matching is by whole phrase, case- and accent-insensitive, and tolerant of
// plurals: each word of a phrase is entered with its regular inflections
// (English -s/-es/-ies, Italian final vowel a/e/i/o with -chi/-ghi, French
// -s/-x/-aux), so "printer" and "printers", "stampante" and "stampanti",
// "chaussure" and "chaussures" match each other. Irregular forms need their
// own entry. The longest phrase wins.
//
// A CategoryTable is immutable once built and safe for concurrent use.

#ifndef CHATCART_ENTITIES_CATEGORY_H_
#define CHATCART_ENTITIES_CATEGORY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

class CategoryTable {
 public:
  // Adds `phrase` -> `value`, giving its words lemmas in *lexicon.
  void Add(std::string_view phrase, std::string_view value, text::Language language,
           LexiconBuilder* lexicon);
  // Sorts phrases longest first; call once, after the last Add.
  void Finish();
  bool empty() const { return phrases_.empty(); }

  // Proposes "category" candidates.
  void Find(const Scan& scan, std::vector<Candidate>* out) const;

 private:
  struct Entry {
    std::vector<uint32_t> rest;  // lemmas after the first
    std::string value;
  };
  uint32_t next_lemma_ = 1;
  absl::flat_hash_map<uint32_t, std::vector<Entry>> phrases_;  // by first lemma
};

// The regular inflections of the folded word `word` in `language`, itself
// first ("printer" -> printer, printers, printeres...).
std::vector<std::string> Inflections(std::string_view word, text::Language language);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_CATEGORY_H_
