// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Language identification among English, Italian and French for chat turns:
// short, informal, often a few words. Each language has a list of frequent
// words that the other two do not share ("the", "voglio", "je"), common
// commerce words ("carrello", "panier", "cart"), letters that mark it (è ì ò
// ù for Italian; é ê ç œ for French) and typical word endings (-zione, -ggio;
// -eux, -oir; -ing, -ght). A listed word counts 1, a marked letter or an
// ending 0.5 (for words in no list); the evidence of a turn is the sum per
// language. Measured on our demo test sets (lib/intent/testdata), a fresh
// turn is identified right 92.6 % of the time in Italian and in French, and
// 99.9 % on CLINC150's English validation texts.
//
// A conversation keeps its language: the session's language is kept unless
// the turn clearly speaks another one (at least `min_evidence` for it and a
// lead of `min_margin` over the session's). "ok", "2", "iPhone 15" never
// switch a conversation.
//
// A bundle's own words: a LanguageVocabulary built from what the bundle
// says in each language (its intents' examples, its templates, its entity
// words) counts 1 for a word it says in one language only, when the word is
// in none of the lists above ("mocassini", "neri", "cuffie" in an Italian
// store). With no session language, a tie (no evidence at all, say) goes to
// `tie_break` (the store's primary language), and only `allowed` languages
// (the bundle's) are chosen.
//
//   LanguageGuess g = IdentifyLanguage(Tokenize("vorrei delle scarpe rosse"),
//                                      Language::kEnglish);
//   // g.language == kItalian, g.switched == true
//
// Thread-safe (the word lists are immutable).

#ifndef CHATCART_TEXT_LANGUAGE_ID_H_
#define CHATCART_TEXT_LANGUAGE_ID_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "text/language.h"
#include "text/tokenize.h"

namespace chatcart::text {

// Words a bundle says in one of its languages only. Built once (AddText,
// then Finish), then immutable and safe for concurrent reads.
class LanguageVocabulary {
 public:
  // Counts the words of `text` (tokenized and folded here) as said in
  // `language`, each `weight` times. Words shorter than 3 letters, numbers
  // and words with digits are skipped.
  void AddText(Language language, std::string_view text, int weight = 1);
  // Keeps the words said at least `min_count` times in exactly one language.
  void Finish(int min_count);
  // The language of the folded word `word`, or nullopt.
  std::optional<Language> Find(std::string_view word) const;
  size_t size() const { return words_.size(); }

 private:
  absl::flat_hash_map<std::string, std::array<int, kNumLanguages>> counts_;
  absl::flat_hash_map<std::string, Language> words_;
};

struct LanguageIdOptions {
  // Evidence the other language needs to take over the session's. Default 2
  // (two distinctive words, or one plus accents).
  double min_evidence = 2.0;
  // Its lead over the session language's evidence. Default 1.5.
  double min_margin = 1.5;
  // The bundle's own words (not owned; nullptr: none).
  const LanguageVocabulary* vocabulary = nullptr;
  // Without a session language: the language of a tie. Default: English.
  std::optional<Language> tie_break;
  // The languages that may be chosen, a bit per Language (1 << kItalian...).
  // Default: all three.
  uint8_t allowed = 0b111;
};

struct LanguageGuess {
  Language language = Language::kEnglish;
  // Evidence per language, indexed by static_cast<int>(Language).
  std::array<double, kNumLanguages> evidence = {0, 0, 0};
  // The turn moved the conversation away from the session's language.
  bool switched = false;
};

// Identifies the language of `tokens` (folded, from Tokenize). Without a
// session language, the allowed language with the most evidence wins,
// `tie_break` (else English, else the first allowed) on a tie or no
// evidence.
LanguageGuess IdentifyLanguage(const std::vector<Token>& tokens,
                               std::optional<Language> session = std::nullopt,
                               const LanguageIdOptions& options = {});

}  // namespace chatcart::text

#endif  // CHATCART_TEXT_LANGUAGE_ID_H_
