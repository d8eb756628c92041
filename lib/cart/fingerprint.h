// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Stable 64-bit fingerprints (XXH3-64 of a canonical byte encoding) for what
// the cart persists: idempotency payloads, confirmation bindings, tokens. The
// encoding is ours and fixed (a tag per value, strings length-prefixed,
// integers as 8 little-endian bytes), so fingerprints are equal across
// processes, builds and machines. Not a cryptographic hash. Thread-compatible.

#ifndef CHATCART_CART_FINGERPRINT_H_
#define CHATCART_CART_FINGERPRINT_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/container/inlined_vector.h"

namespace chatcart::cart_internal {

class Fingerprint {
 public:
  Fingerprint& Int(int64_t value) {
    uint64_t v = static_cast<uint64_t>(value);
    for (int i = 0; i < 8; ++i) bytes_.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    return *this;
  }
  Fingerprint& Bool(bool value) {
    bytes_.push_back(value ? 1 : 0);
    return *this;
  }
  Fingerprint& Str(std::string_view s) {
    Int(static_cast<int64_t>(s.size()));
    bytes_.insert(bytes_.end(), s.begin(), s.end());
    return *this;
  }
  uint64_t Hash() const;

 private:
  absl::InlinedVector<char, 192> bytes_;
};

// XXH3-64 of `bytes` (seed 0).
uint64_t HashBytes(std::string_view bytes);

// `n` Crockford base-32 characters (0-9, A-Z without I, L, O, U) of `value`.
std::string Base32(uint64_t value, int n);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_FINGERPRINT_H_
