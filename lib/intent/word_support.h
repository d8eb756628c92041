// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Which intents a text's own words speak for. The classifier reads
// character n-grams and can be sure of an intent no word of the text was
// ever said for ("parfait, mets-le moi" heard as forget_me through "moi";
// "vous répondez le samedi ?" as apply_code). WordSupport keeps, per
// language, the stems of each intent's examples and patterns' literal words
// and answers whether a text shares a distinctive one with an intent: a
// stem at least a quarter of whose uses are the intent's, and that not
// every other intent uses, matched exactly or, for stems of five letters or
// more, within one edit (a typo).
//
// Thread safety: const methods are safe to call concurrently once Finish()
// returned.

#ifndef CHATCART_INTENT_WORD_SUPPORT_H_
#define CHATCART_INTENT_WORD_SUPPORT_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "text/language.h"
#include "text/tokenize.h"

namespace chatcart::intent {

class WordSupport {
 public:
  // Records the words of `text` (an example) as said for `label`.
  void Add(text::Language language, std::string_view text, int32_t label);

  // Keeps, for each intent, its distinctive stems: words every kind of
  // request uses are no evidence. Call once, after every Add.
  void Finish(int32_t labels);

  // Whether a word of `tokens` (folded, as Tokenize makes them) is a
  // distinctive stem of `label` in `language`.
  bool Supports(text::Language language, const std::vector<text::Token>& tokens,
                int32_t label) const;

  // The tokens of `tokens` that are distinctive words of `label` (their
  // folded text), in order.
  std::vector<std::string> Supporting(text::Language language,
                                      const std::vector<text::Token>& tokens, int32_t label) const;

 private:
  struct PerLanguage {
    // (intent, uses) of each stem, until Finish.
    absl::flat_hash_map<std::string, std::vector<std::pair<int32_t, int>>> counts_of_stem;
    std::vector<std::vector<std::string>> stems_of_label;  // after Finish
  };
  std::array<PerLanguage, text::kNumLanguages> languages_;
};

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_WORD_SUPPORT_H_
