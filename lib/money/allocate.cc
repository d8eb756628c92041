// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The largest remainder method, exactly, in 128-bit integers.

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "chatcart/money.h"
#include "money/divide.h"

namespace chatcart {

absl::Status AllocateMinorUnits(int64_t total, std::span<const int64_t> weights,
                                std::span<int64_t> parts) {
  if (parts.size() != weights.size()) {
    return absl::InvalidArgumentError(
        absl::StrCat("allocation into ", parts.size(), " parts with ", weights.size(), " weights"));
  }
  if (weights.empty()) return absl::InvalidArgumentError("allocation over no weights");
  int64_t weight_sum = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    if (weights[i] < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("allocation weight ", i, " is negative (", weights[i], ")"));
    }
    if (__builtin_add_overflow(weight_sum, weights[i], &weight_sum)) {
      return absl::OutOfRangeError("allocation weights overflow int64 when summed");
    }
  }
  if (weight_sum == 0) return absl::InvalidArgumentError("allocation weights are all zero");
  if (total == std::numeric_limits<int64_t>::min()) {
    return absl::OutOfRangeError("cannot allocate the most negative int64 amount");
  }

  // Work on the magnitude; a negative total (a refund) mirrors a positive one.
  const bool negative = total < 0;
  const unsigned __int128 magnitude =
      negative ? static_cast<unsigned __int128>(-static_cast<__int128>(total))
               : static_cast<unsigned __int128>(total);
  const unsigned __int128 sum = static_cast<unsigned __int128>(weight_sum);

  const bool small_sum = static_cast<uint64_t>(weight_sum) < money_internal::FastDivisor::kLimit;
  const money_internal::FastDivisor divisor(small_sum ? static_cast<uint64_t>(weight_sum) : 1);

  // (remainder, index) of every part whose exact share is not whole.
  absl::InlinedVector<std::pair<uint64_t, uint32_t>, 64> remainders;
  unsigned __int128 allocated = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    const unsigned __int128 product = magnitude * static_cast<uint64_t>(weights[i]);
    unsigned __int128 floor;  // <= magnitude: fits int64
    uint64_t remainder;
    if (small_sum && product < money_internal::FastDivisor::kLimit) {
      uint64_t q;
      divisor.DivMod(static_cast<uint64_t>(product), &q, &remainder);
      floor = q;
    } else if ((product >> 64) == 0) {  // 64-bit division: no library call
      floor = static_cast<uint64_t>(product) / static_cast<uint64_t>(weight_sum);
      remainder = static_cast<uint64_t>(product) % static_cast<uint64_t>(weight_sum);
    } else {
      floor = product / sum;
      remainder = static_cast<uint64_t>(product % sum);
    }
    parts[i] = static_cast<int64_t>(floor);
    allocated += floor;
    if (remainder != 0) remainders.emplace_back(remainder, static_cast<uint32_t>(i));
  }
  // The leftover is the sum of the fractional shares, so fewer units than there
  // are non-zero remainders: each goes to a distinct part.
  const size_t leftover = static_cast<size_t>(magnitude - allocated);
  auto larger = [](const std::pair<uint64_t, uint32_t>& a, const std::pair<uint64_t, uint32_t>& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  };
  if (leftover > 0) {
    std::nth_element(remainders.begin(), remainders.begin() + (leftover - 1), remainders.end(),
                     larger);
    for (size_t k = 0; k < leftover; ++k) ++parts[remainders[k].second];
  }
  if (negative) {
    for (int64_t& part : parts) part = -part;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<Money>> Allocate(const Money& total, std::span<const int64_t> weights) {
  if (!total.has_currency()) {
    return absl::InvalidArgumentError("cannot allocate money without a currency");
  }
  std::vector<int64_t> minor(weights.size());
  absl::Status status = AllocateMinorUnits(total.minor_units(), weights, minor);
  if (!status.ok()) return status;
  std::vector<Money> parts;
  parts.reserve(minor.size());
  for (int64_t m : minor) parts.push_back(total.WithMinorUnits(m));
  return parts;
}

}  // namespace chatcart
