// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Feature extraction for the intent classifier: hashed word n-grams, stems
// and character n-grams of a tokenized utterance (text/tokenize.h). Every
// feature is a stable 64-bit hash (intent/hash.h); repeats are kept, so the
// caller can count term frequencies.
//
// Digits are mapped to '0' first: "order 113542617735902" and "order
// 732201349959" share their shape, not their noise.
//
// A FeatureExtractor is immutable and thread-safe; Extract() uses the calling
// thread's stemmer (text::ThreadLocalStemmer).

#ifndef CHATCART_INTENT_FEATURES_H_
#define CHATCART_INTENT_FEATURES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "text/language.h"
#include "text/tokenize.h"

namespace chatcart::intent {

struct FeatureOptions {
  // Word n-grams up to this length (1: unigrams; 2: and bigrams, with
  // sentence-boundary markers). Default: 2.
  int word_ngram_max = 2;
  // Snowball stems of words, in the utterance's language. Default: true.
  bool stems = true;
  // Character n-grams of the space-joined folded tokens (" track my order "),
  // lengths [char_ngram_min, char_ngram_max] in code points; 0 disables.
  int char_ngram_min = 2;
  int char_ngram_max = 5;
};

class FeatureExtractor {
 public:
  explicit FeatureExtractor(const FeatureOptions& options) : options_(options) {}

  const FeatureOptions& options() const { return options_; }

  // Appends the feature hashes of `tokens` (in `language`) to *out.
  void Extract(const std::vector<text::Token>& tokens, text::Language language,
               std::vector<uint64_t>* out) const;

 private:
  FeatureOptions options_;
};

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_FEATURES_H_
