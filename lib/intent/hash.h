// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A stable 64-bit hash for feature names. Stable means the same bytes give the
// same hash in every process, build and machine (absl::Hash is salted per
// process), so the same examples train the same model bits. Not
// cryptographic. Thread-safe (pure functions).

#ifndef CHATCART_INTENT_HASH_H_
#define CHATCART_INTENT_HASH_H_

#include <cstdint>
#include <cstring>
#include <string_view>

namespace chatcart::intent {

// Finalizer of MurmurHash3 / SplitMix64: spreads every input bit.
inline uint64_t Mix64(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

// Hashes `bytes` with a `seed` (the feature family), eight bytes at a time.
inline uint64_t HashBytes(std::string_view bytes, uint64_t seed) {
  uint64_t h = Mix64(seed ^ (bytes.size() * 0x9E3779B97F4A7C15ULL));
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    h = Mix64(h ^ w) + 0x9E3779B97F4A7C15ULL;
  }
  if (i < bytes.size()) {
    uint64_t w = 0;
    std::memcpy(&w, bytes.data() + i, bytes.size() - i);
    h = Mix64(h ^ w ^ 0xFF51AFD7ED558CCDULL);
  }
  return h;
}

// Combines two hashes in order (a bigram of two word hashes).
inline uint64_t HashPair(uint64_t a, uint64_t b) {
  return Mix64(a * 0x9E3779B97F4A7C15ULL ^ (b + 0x632BE59BD9B4E019ULL));
}

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_HASH_H_
