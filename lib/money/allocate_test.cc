// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <cstdint>
#include <limits>
#include <numeric>
#include <random>
#include <vector>

#include "chatcart/money.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::ElementsAreArray;
using ::testing::HasSubstr;

std::vector<int64_t> Parts(int64_t total, std::vector<int64_t> weights) {
  std::vector<int64_t> parts(weights.size());
  EXPECT_OK(AllocateMinorUnits(total, weights, parts));
  return parts;
}

struct AllocateCase {
  int64_t total;
  std::vector<int64_t> weights;
  std::vector<int64_t> parts;
};

class AllocateByLargestRemainder : public ::testing::TestWithParam<AllocateCase> {};

TEST_P(AllocateByLargestRemainder, GivesTheExpectedParts) {
  const AllocateCase& c = GetParam();
  EXPECT_THAT(Parts(c.total, c.weights), ElementsAreArray(c.parts));
}

INSTANTIATE_TEST_SUITE_P(Money, AllocateByLargestRemainder,
                         ::testing::Values(
                             // 10.00 over three equal lines: the first tie wins the spare cent.
                             AllocateCase{1000, {1, 1, 1}, {334, 333, 333}},
                             // 0.05 over 1:1 is 2.5 each: one cent goes to the earlier part.
                             AllocateCase{5, {100, 100}, {3, 2}},
                             // The largest remainder wins, not the earliest: 10 over 3:7:... shares
                             // 3.33 / 6.67 -> 3 / 7.
                             AllocateCase{10, {30, 70}, {3, 7}},
                             AllocateCase{100, {1, 2, 3, 4}, {10, 20, 30, 40}},
                             // 1 cent over 3 weights: it goes to the largest share.
                             AllocateCase{1, {1, 5, 2}, {0, 1, 0}},
                             // Zero weights get nothing.
                             AllocateCase{7, {0, 3, 0, 4}, {0, 3, 0, 4}},
                             // Negative totals (refunds) mirror positive ones.
                             AllocateCase{-1000, {1, 1, 1}, {-334, -333, -333}},
                             AllocateCase{0, {1, 2}, {0, 0}},
                             // Huge amounts stay exact (128-bit intermediates).
                             AllocateCase{std::numeric_limits<int64_t>::max(),
                                          {3, 1},
                                          {6917529027641081855, 2305843009213693952}}));

TEST(Allocate, PartsAlwaysAddUpAndStayWithinOneUnitOfTheExactShare) {
  std::mt19937_64 rng(42);
  for (int round = 0; round < 2000; ++round) {
    const size_t n = 1 + rng() % 60;
    std::vector<int64_t> weights(n);
    for (int64_t& w : weights) w = static_cast<int64_t>(rng() % 100000);
    weights[rng() % n] += 1;  // not all zero
    const int64_t total = static_cast<int64_t>(rng() % 10'000'000) - 5'000'000;
    std::vector<int64_t> parts = Parts(total, weights);
    EXPECT_EQ(std::accumulate(parts.begin(), parts.end(), int64_t{0}), total);
    const long double sum = std::accumulate(weights.begin(), weights.end(), 0.0L);
    for (size_t i = 0; i < n; ++i) {
      const long double exact = static_cast<long double>(total) * weights[i] / sum;
      EXPECT_LT(std::abs(static_cast<long double>(parts[i]) - exact), 1.0L) << i;
    }
  }
}

TEST(Allocate, RejectsBadWeights) {
  std::vector<int64_t> parts(2);
  EXPECT_THAT(AllocateMinorUnits(10, std::vector<int64_t>{1, -1}, parts),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("weight 1 is negative")));
  EXPECT_THAT(AllocateMinorUnits(10, std::vector<int64_t>{0, 0}, parts),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("all zero")));
  EXPECT_THAT(AllocateMinorUnits(10, std::vector<int64_t>{1}, parts),
              StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(
      AllocateMinorUnits(10, std::vector<int64_t>{std::numeric_limits<int64_t>::max(), 1}, parts),
      StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Allocate, ReturnsMoneyInTheTotalsCurrency) {
  absl::StatusOr<Money> total = Money::Parse("10", "EUR");
  ASSERT_OK(total);
  absl::StatusOr<std::vector<Money>> parts = Allocate(*total, std::vector<int64_t>{1, 1, 1});
  ASSERT_OK(parts);
  EXPECT_THAT(*parts, ElementsAre(*Money::Parse("3.34", "EUR"), *Money::Parse("3.33", "EUR"),
                                  *Money::Parse("3.33", "EUR")));
  EXPECT_THAT(Allocate(Money(), std::vector<int64_t>{1}),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(MoneyWithMinorUnits, KeepsTheCurrency) {
  absl::StatusOr<Money> kwd = Money::Parse("1", "KWD");
  ASSERT_OK(kwd);
  Money other = kwd->WithMinorUnits(1250);
  EXPECT_EQ(other.ToString(), "1.250 KWD");
}

}  // namespace
}  // namespace chatcart

namespace chatcart {
namespace {

// The fast paths (double reciprocal, 64-bit) against plain 128-bit arithmetic,
// across magnitudes around the 2^53 and 2^64 boundaries.
TEST(MoneyDivision, FastPathsAgreeWithExact128BitArithmetic) {
  std::mt19937_64 rng(7);
  auto random_magnitude = [&rng]() -> int64_t {
    const int bits = 1 + static_cast<int>(rng() % 62);
    return static_cast<int64_t>(rng() >> (64 - bits));
  };
  for (int i = 0; i < 200000; ++i) {
    const int64_t value = random_magnitude() * (rng() % 2 ? 1 : -1);
    const int64_t num = random_magnitude() % 1'000'000'000 + 1;
    const int64_t den = random_magnitude() % 1'000'000'000 + 1;
    const __int128 product = static_cast<__int128>(value) * num;
    __int128 q = product / den;  // toward zero
    if (q > std::numeric_limits<int64_t>::max() || q < std::numeric_limits<int64_t>::min()) {
      continue;
    }
    absl::StatusOr<Money> m =
        Money::FromMinorUnits(value, "USD")->TimesRatio(num, den, RoundingMode::kDown);
    ASSERT_TRUE(m.ok()) << value << " * " << num << " / " << den;
    ASSERT_EQ(m->minor_units(), static_cast<int64_t>(q)) << value << " * " << num << " / " << den;
  }
  for (int i = 0; i < 20000; ++i) {
    const size_t n = 1 + rng() % 8;
    std::vector<int64_t> weights(n);
    for (int64_t& w : weights) w = random_magnitude() >> (rng() % 60) >> 3;
    weights[0] += 1;
    const int64_t total = random_magnitude() >> (rng() % 40);
    std::vector<int64_t> parts(n);
    ASSERT_OK(AllocateMinorUnits(total, weights, parts));
    __int128 sum = 0, allocated = 0;
    for (int64_t w : weights) sum += w;
    for (size_t k = 0; k < n; ++k) {
      const __int128 exact_floor = static_cast<__int128>(total) * weights[k] / sum;
      ASSERT_TRUE(parts[k] == exact_floor || parts[k] == exact_floor + 1) << k;
      allocated += parts[k];
    }
    ASSERT_EQ(allocated, total);
  }
}

}  // namespace
}  // namespace chatcart
