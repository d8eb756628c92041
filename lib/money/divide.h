// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Exact integer division without the integer divide instruction (40 to 90
// cycles on the Xeons we run on) for operands below 2^53: the quotient is
// estimated with a double reciprocal and corrected exactly. Used where the
// same divisor repeats (allocation) or amounts are small (rounding).
// Thread-compatible value type.

#ifndef CHATCART_MONEY_DIVIDE_H_
#define CHATCART_MONEY_DIVIDE_H_

#include <cstdint>

namespace chatcart::money_internal {

class FastDivisor {
 public:
  // Operands must be below this for DivMod().
  static constexpr uint64_t kLimit = uint64_t{1} << 53;

  // REQUIRES: 0 < d < kLimit.
  explicit FastDivisor(uint64_t d)
      : d_(static_cast<int64_t>(d)), inv_(1.0 / static_cast<double>(d)) {}

  // *q = n / d and *r = n % d, exactly. REQUIRES: n < kLimit.
  void DivMod(uint64_t n, uint64_t* q, uint64_t* r) const {
    // n and d are exact doubles; the estimate is off by at most a few units,
    // and q * d <= n + d < 2^54 cannot overflow.
    int64_t quotient = static_cast<int64_t>(static_cast<double>(n) * inv_);
    int64_t remainder = static_cast<int64_t>(n) - quotient * d_;
    while (remainder < 0) {
      --quotient;
      remainder += d_;
    }
    while (remainder >= d_) {
      ++quotient;
      remainder -= d_;
    }
    *q = static_cast<uint64_t>(quotient);
    *r = static_cast<uint64_t>(remainder);
  }

 private:
  int64_t d_;
  double inv_;
};

}  // namespace chatcart::money_internal

#endif  // CHATCART_MONEY_DIVIDE_H_
