// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/features.h"

#include <string_view>

#include "intent/hash.h"
#include "text/stem.h"

namespace chatcart::intent {
namespace {

// Feature families: the same string in two families is two features.
constexpr uint64_t kWordSeed = 0x776f7264;    // "word"
constexpr uint64_t kStemSeed = 0x7374656d;    // "stem"
constexpr uint64_t kCharSeed = 0x63686172;    // "char"
constexpr uint64_t kBoundary = 0x2f2f2f2f2f;  // sentence start/end in bigrams

void MapDigits(std::string* s) {
  for (char& c : *s) {
    if (c >= '1' && c <= '9') c = '0';
  }
}

}  // namespace

void FeatureExtractor::Extract(const std::vector<text::Token>& tokens, text::Language language,
                               std::vector<uint64_t>* out) const {
  std::string joined = " ";
  uint64_t prev = kBoundary;
  std::string word;
  for (const text::Token& token : tokens) {
    if (token.kind == text::TokenKind::kSymbol) continue;
    word = token.text;
    MapDigits(&word);
    const uint64_t w = HashBytes(word, kWordSeed);
    out->push_back(w);
    if (options_.word_ngram_max >= 2) out->push_back(HashPair(prev, w));
    prev = w;
    if (options_.stems && token.kind == text::TokenKind::kWord) {
      const std::string_view stem = text::ThreadLocalStemmer(language).Stem(word);
      if (stem != word) out->push_back(HashBytes(stem, kStemSeed));
    }
    joined += word;
    joined += ' ';
  }
  if (options_.word_ngram_max >= 2 && prev != kBoundary) out->push_back(HashPair(prev, kBoundary));

  if (options_.char_ngram_max <= 0 || joined.size() <= 1) return;
  // Code point starts, so an n-gram never splits a character.
  thread_local std::vector<uint32_t> starts;
  starts.clear();
  for (uint32_t i = 0; i < joined.size(); ++i) {
    if ((static_cast<unsigned char>(joined[i]) & 0xC0) != 0x80) starts.push_back(i);
  }
  const size_t count = starts.size();
  starts.push_back(static_cast<uint32_t>(joined.size()));
  for (int n = options_.char_ngram_min; n <= options_.char_ngram_max; ++n) {
    if (static_cast<size_t>(n) > count) break;
    for (size_t i = 0; i + n <= count; ++i) {
      const std::string_view gram(joined.data() + starts[i], starts[i + n] - starts[i]);
      out->push_back(HashBytes(gram, kCharSeed));
    }
  }
}

}  // namespace chatcart::intent
