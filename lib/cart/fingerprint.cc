// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "cart/fingerprint.h"

#include <string>

// Header-only use of Debian's libxxhash-dev: no link dependency.
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace chatcart::cart_internal {

uint64_t HashBytes(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

uint64_t Fingerprint::Hash() const { return XXH3_64bits(bytes_.data(), bytes_.size()); }

std::string Base32(uint64_t value, int n) {
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out(n, '0');
  for (int i = n - 1; i >= 0; --i) {
    out[i] = kAlphabet[value & 31];
    value >>= 5;
  }
  return out;
}

}  // namespace chatcart::cart_internal
