// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/features.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "intent/hash.h"
#include "text/stem.h"

namespace chatcart::intent {
namespace {

// Feature families: the same string in two families is two features.
constexpr uint64_t kWordSeed = 0x776f7264;     // "word"
constexpr uint64_t kStemSeed = 0x7374656d;     // "stem"
constexpr uint64_t kCharSeed = 0x63686172;     // "char"
constexpr uint64_t kBoundary = 0x2f2f2f2f2f;   // sentence start/end in bigrams
constexpr uint64_t kPrime = 0x100000001B3ULL;  // FNV-1a's 64-bit prime

void MapDigits(std::string* s) {
  for (char& c : *s) {
    if (c >= '1' && c <= '9') c = '0';
  }
}

}  // namespace

size_t FeatureExtractor::Extract(const std::vector<text::Token>& tokens, text::Language language,
                                 std::vector<uint64_t>* out, const StemCache* cache,
                                 StemCache* fill) const {
  thread_local std::string joined;
  thread_local std::string word;
  const size_t first = out->size();
  joined.assign(1, ' ');
  uint64_t prev = kBoundary;
  for (const text::Token& token : tokens) {
    if (token.kind == text::TokenKind::kSymbol) continue;
    word = token.text;
    MapDigits(&word);
    const uint64_t w = HashBytes(word, kWordSeed);
    out->push_back(w);
    if (options_.word_ngram_max >= 2) out->push_back(HashPair(prev, w));
    prev = w;
    if (options_.stems && token.kind == text::TokenKind::kWord) {
      std::optional<uint64_t> stem_hash;
      if (cache != nullptr) stem_hash = cache->Find(w, language);
      if (!stem_hash.has_value()) {
        const std::string_view stem = text::ThreadLocalStemmer(language).Stem(word);
        stem_hash = stem == word ? 0 : HashBytes(stem, kStemSeed);
        if (fill != nullptr) fill->Insert(w, language, *stem_hash);
      }
      if (*stem_hash != 0) out->push_back(*stem_hash);
    }
    joined += word;
    joined += ' ';
  }
  if (options_.word_ngram_max >= 2 && prev != kBoundary) out->push_back(HashPair(prev, kBoundary));
  const size_t word_features = out->size() - first;

  if (options_.char_ngram_max <= 0 || joined.size() <= 1) return word_features;
  // Character n-grams, hashed incrementally: from each start, one code point
  // at a time (its UTF-8 bytes as one value), FNV-style, mixed on output.
  thread_local std::vector<uint32_t> cps;
  cps.clear();
  for (size_t i = 0; i < joined.size();) {
    const unsigned char lead = static_cast<unsigned char>(joined[i]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    uint32_t packed = 0;
    std::memcpy(&packed, joined.data() + i, std::min(n, joined.size() - i));
    cps.push_back(packed);
    i += n;
  }
  const size_t count = cps.size();
  const size_t min_n = static_cast<size_t>(std::max(1, options_.char_ngram_min));
  const size_t max_n = static_cast<size_t>(options_.char_ngram_max);
  for (size_t start = 0; start + min_n <= count; ++start) {
    uint64_t h = kCharSeed;
    const size_t end = std::min(count, start + max_n);
    for (size_t k = start; k < end; ++k) {
      h = (h ^ cps[k]) * kPrime;
      if (k - start + 1 >= min_n) out->push_back(Mix64(h + (k - start)));
    }
  }
  return word_features;
}

}  // namespace chatcart::intent
