// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The words of the lexicon (lexicon.h) as its build and its typo lookups both
// spell them: code points, their hashes, bit filters over hashes, letter and
// digit parts, and the lengths a word is looked up by typos within. Stateless
// and inline (the typo lookup calls these for every deletion of a query word).

#ifndef CHATCART_CATALOG_LEXICON_TERMS_H_
#define CHATCART_CATALOG_LEXICON_TERMS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/utf8.h"

namespace chatcart::catalog::lexicon_terms {

constexpr size_t kMinFuzzyChars = 4;
// Longer words are looked up exactly only: the deletion neighbourhood grows
// with the cube of the length (a 2,000-letter word took 11 s), and no
// product word is that long.
constexpr size_t kMaxFuzzyChars = 40;

inline bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

inline std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t pos = 0;
  while (pos < s.size()) out.push_back(text::DecodeUtf8(s, &pos));
  return out;
}

inline std::string Encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) text::AppendUtf8(c, &out);
  return out;
}

inline uint64_t HashOf(std::u32string_view s) {
  return std::hash<std::string_view>()(
      std::string_view(reinterpret_cast<const char*>(s.data()), s.size() * sizeof(char32_t)));
}

// A bit filter of `hashes`: 16 bits per hash (a power of two, 64 or more).
inline std::vector<uint64_t> BitsOf(const std::vector<uint64_t>& hashes) {
  size_t bits = 64;
  while (bits < 16 * hashes.size()) bits *= 2;
  std::vector<uint64_t> out(bits / 64, 0);
  for (uint64_t h : hashes) {
    const uint64_t b = h & (bits - 1);
    out[b / 64] |= uint64_t{1} << (b % 64);
  }
  return out;
}

inline bool MayHold(const std::vector<uint64_t>& filter, uint64_t h) {
  if (filter.empty()) return true;
  const uint64_t b = h & (filter.size() * 64 - 1);
  return (filter[b / 64] >> (b % 64)) & 1;
}

inline bool LettersOnly(std::u32string_view s) {
  for (char32_t c : s) {
    if (IsDigit(c)) return false;
  }
  return true;
}

// Splits "rtx3060" into "rtx", "3060" at letter/digit boundaries.
inline void SplitAlnum(std::string_view word, std::vector<std::string>* parts) {
  std::u32string w = Decode(word);
  size_t start = 0;
  for (size_t k = 1; k <= w.size(); ++k) {
    if (k == w.size() || IsDigit(w[k]) != IsDigit(w[k - 1])) {
      parts->push_back(Encode(std::u32string_view(w).substr(start, k - start)));
      start = k;
    }
  }
}

}  // namespace chatcart::catalog::lexicon_terms

#endif  // CHATCART_CATALOG_LEXICON_TERMS_H_
