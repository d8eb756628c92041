// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22: a cart command is all or nothing even when its totals overflow
// int64. Without a spending cap the new state used to be committed unpriced,
// so an overflow was applied AND reported as failed. Regression tests for
// each reproducer, then a randomized property test near the int64 limits.

#include <cstdint>
#include <cstdio>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "cart/cart_testing.h"
#include "chatcart/cart.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart.pb.h"
#include "chatcart/v1/cart_apply.pb.h"
#include "common/status_macros.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Cmd;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::T;
using ::chatcart::testing::Usd;
using ::testing::HasSubstr;

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

Money UsdMinor(int64_t minor_units) { return Money::FromMinorUnits(minor_units, "USD").value(); }

commands::AddLine PricedAdd(std::string product_id, int64_t quantity, Money price) {
  commands::AddLine add;
  add.product_id = std::move(product_id);
  add.quantity = quantity;
  add.unit_price = price;
  add.title = "item";
  return add;
}

// Applies `command`, which must fail, and checks that the cart, its version and
// its printed form did not change; returns the status.
absl::Status ExpectNothingChanges(Cart& cart, const CartCommand& command) {
  const std::string before = cart.Serialize();
  const uint64_t version = cart.version();
  absl::StatusOr<ApplyResult> result = cart.Apply(command);
  EXPECT_FALSE(result.ok()) << "the command was expected to fail";
  EXPECT_EQ(cart.version(), version);
  EXPECT_EQ(cart.Serialize(), before) << "a failed command changed the cart";
  // What a host would print and feed back still prices and restores.
  EXPECT_OK(cart.Totals());
  v1::Cart printed;
  cart.ToProto(&printed);
  EXPECT_OK(Cart::FromProto(cart.policy(), printed));
  return result.ok() ? absl::OkStatus() : result.status();
}

TEST(Issue22CartOverflow, AMillionUnitsAtATrillionDollarsFailsAndChangesNothing) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"({"currency": "USD"})");
  Cart cart = Cart::Create(policy, "c").value();
  CartCommand command = Cmd(PricedAdd("gold", 1'000'000, Usd("1000000000000.00")));
  EXPECT_THAT(ExpectNothingChanges(cart, command),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("overflows")));
  EXPECT_EQ(cart.version(), 0u);
  EXPECT_TRUE(cart.state().lines.empty());
  // The cart keeps working: later commands are not reported as failed.
  ASSERT_OK(cart.Apply(Cmd(PricedAdd("mug", 1, Usd("8.50")))));
  EXPECT_EQ(cart.version(), 1u);
}

TEST(Issue22CartOverflow, ASecondLinePushingTheSubtotalPastInt64FailsAndChangesNothing) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"({"currency": "USD"})");
  Cart cart = Cart::Create(policy, "c").value();
  ASSERT_OK(cart.Apply(Cmd(PricedAdd("a", 1, UsdMinor(kInt64Max - 10)))));
  EXPECT_THAT(ExpectNothingChanges(cart, Cmd(PricedAdd("b", 1, UsdMinor(11)))),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_EQ(cart.version(), 1u);
  // Growing the first line or changing its quantity overflows the same way.
  EXPECT_THAT(ExpectNothingChanges(cart, Cmd(commands::ChangeQuantity{1, 2})),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(ExpectNothingChanges(cart, Cmd(PricedAdd("a", 1, UsdMinor(kInt64Max - 10)))),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Issue22CartOverflow, TaxOrShippingPushingTheGrandTotalPastInt64FailsAndChangesNothing) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"json({
    "currency": "USD",
    "tax": {"rates": [{"region": "DE", "percent": "19"}]},
    "shipping_methods": [{"id": "freight",
                          "price": {"minor_units": "1000", "currency": "USD"}}]})json");
  Cart cart = Cart::Create(policy, "c").value();
  ASSERT_OK(cart.Apply(Cmd(PricedAdd("a", 1, UsdMinor(kInt64Max - 10)))));
  EXPECT_THAT(ExpectNothingChanges(cart, Cmd(commands::SetRegion{"DE"})),
              StatusIs(absl::StatusCode::kOutOfRange));
  EXPECT_THAT(ExpectNothingChanges(cart, Cmd(commands::SetShippingMethod{"freight"})),
              StatusIs(absl::StatusCode::kOutOfRange));
}

TEST(Issue22CartOverflow, OrdersWhoseSpendingOverflowsFailAndChangeNothing) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"({"currency": "USD"})");
  Cart cart = Cart::Create(policy, "c").value();
  auto buy = [&](int64_t price) -> absl::Status {
    CHATCART_RETURN_IF_ERROR(cart.Apply(Cmd(PricedAdd("a", 1, UsdMinor(price)))).status());
    CHATCART_RETURN_IF_ERROR(
        cart.Apply(Cmd(commands::RequestConfirmation{absl::Minutes(5)})).status());
    CHATCART_RETURN_IF_ERROR(
        cart.Apply(
                Cmd(commands::ConfirmPurchase{cart.state().confirmation->token}, Actor::Shopper()))
            .status());
    return absl::OkStatus();
  };
  ASSERT_OK(buy(kInt64Max / 4 * 3));
  ASSERT_OK(cart.Apply(Cmd(commands::PlaceOrder{})));
  ASSERT_OK(buy(kInt64Max / 4 * 3));
  EXPECT_THAT(ExpectNothingChanges(cart, Cmd(commands::PlaceOrder{})),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("spending")));
  EXPECT_GT(cart.state().spent, 0);
}

TEST(Issue22CartOverflow, AConfirmationExpiringBeyondTimestampRangeFailsAndChangesNothing) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(R"({"currency": "USD"})");
  Cart cart = Cart::Create(policy, "c").value();
  ASSERT_OK(cart.Apply(Cmd(PricedAdd("a", 1, Usd("1.00")))));
  for (absl::Time time : {absl::FromUnixSeconds(kInt64Max - 10), absl::InfiniteFuture(),
                          absl::FromUnixSeconds(253402300799)}) {  // 9999-12-31T23:59:59Z
    CartCommand command = Cmd(commands::RequestConfirmation{absl::Minutes(5)});
    command.time = time;
    EXPECT_THAT(ExpectNothingChanges(cart, command),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("time")));
  }
  for (absl::Time time :
       {absl::FromUnixSeconds(std::numeric_limits<int64_t>::min()), absl::InfinitePast()}) {
    CartCommand command = Cmd(commands::ClearCart{});
    command.time = time;
    EXPECT_THAT(ExpectNothingChanges(cart, command),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("time")));
  }
  absl::StatusOr<Cart> restored = Cart::Parse(policy, cart.Serialize());
  ASSERT_OK(restored);
}

// --- The property: random sequences near the int64 limits, no spending cap --

constexpr std::string_view kNoCapPolicy = R"json({
  "currency": "USD",
  "tax": {"rates": [{"region": "DE", "percent": "19"},
                    {"region": "US-NY", "percent": "8.875"},
                    {"region": "US-NY", "category": "books", "percent": "0"}]},
  "discount_codes": [
    {"code": "TEN", "percent": "10", "stackable": true},
    {"code": "HUGE", "amount": {"minor_units": "9223372036854775000", "currency": "USD"},
     "stackable": true},
    {"code": "MIN", "amount": {"minor_units": "100", "currency": "USD"}, "stackable": true,
     "min_subtotal": {"minor_units": "9000000000000000000", "currency": "USD"}}
  ],
  "shipping_methods": [
    {"id": "standard", "price": {"minor_units": "599", "currency": "USD"}},
    {"id": "freight", "price": {"minor_units": "9223372036854775000", "currency": "USD"},
     "free_above": {"minor_units": "9223372036854775807", "currency": "USD"}}
  ],
  "guardrails": {"confirmation_threshold": {"minor_units": "0", "currency": "USD"}},
  "idempotency_window": 4
})json";

class NearLimits {
 public:
  explicit NearLimits(uint64_t seed) : rng_(seed) {}

  uint64_t Next(uint64_t n) { return rng_() % n; }

  // An amount of minor units: small, near a power of two, near the int64
  // maximum or a fraction of it.
  int64_t Amount() {
    switch (Next(6)) {
      case 0:
        return static_cast<int64_t>(Next(10'000));
      case 1:
        return kInt64Max - static_cast<int64_t>(Next(1000));
      case 2:
        return kInt64Max / static_cast<int64_t>(1 + Next(1'000'000));
      case 3:
        return kInt64Max / 2 + static_cast<int64_t>(Next(3)) - 1;
      case 4:
        return static_cast<int64_t>(rng_() >> 1);
      default:
        return static_cast<int64_t>(1) << Next(63);
    }
  }

  int64_t Quantity() {
    switch (Next(5)) {
      case 0:
        return 1;
      case 1:
        return 1'000'000;  // the built-in maximum per line
      case 2:
        return 1 + static_cast<int64_t>(Next(1'000'000));
      case 3:
        return static_cast<int64_t>(Next(4));  // 0 is refused
      default:
        return Next(2) ? kInt64Max : std::numeric_limits<int64_t>::min();
    }
  }

  absl::Time Time() {
    switch (Next(12)) {
      case 0:
        return absl::FromUnixSeconds(kInt64Max - static_cast<int64_t>(Next(100'000)));
      case 1:
        return absl::FromUnixSeconds(std::numeric_limits<int64_t>::min() +
                                     static_cast<int64_t>(Next(100)));
      case 2:
        return absl::FromUnixSeconds(253402300799 - static_cast<int64_t>(Next(3600)));
      default:
        return T(static_cast<int64_t>(Next(86400)));
    }
  }

  CartAction Action(const Cart& cart) {
    const CartState& s = cart.state();
    auto line_id = [&]() -> uint32_t {
      if (!s.lines.empty() && Next(5) != 0) return s.lines[Next(s.lines.size())].line_id;
      return static_cast<uint32_t>(Next(s.last_line_id + 2));
    };
    static const char* kProducts[] = {"a", "b", "c"};
    switch (Next(13)) {
      case 0:
      case 1:
      case 2: {
        commands::AddLine add = PricedAdd(kProducts[Next(3)], Quantity(), UsdMinor(Amount()));
        if (Next(3) == 0) add.category = "books";
        return add;
      }
      case 3:
        return commands::ChangeQuantity{line_id(), Quantity()};
      case 4: {
        commands::ChangeVariant change{line_id(), Next(2) ? "x" : "y", UsdMinor(Amount()), "", ""};
        return change;
      }
      case 5:
        return commands::RemoveLine{line_id()};
      case 6: {
        static const char* kCodes[] = {"TEN", "HUGE", "MIN"};
        if (Next(3) == 0) return commands::RemoveDiscountCode{kCodes[Next(3)]};
        return commands::AddDiscountCode{kCodes[Next(3)]};
      }
      case 7: {
        static const char* kMethods[] = {"standard", "freight", ""};
        return commands::SetShippingMethod{kMethods[Next(3)]};
      }
      case 8: {
        static const char* kRegions[] = {"DE", "US-NY", ""};
        return commands::SetRegion{kRegions[Next(3)]};
      }
      case 9:
        return commands::RequestConfirmation{absl::Minutes(1 + static_cast<int64_t>(Next(60)))};
      case 10:
        return commands::ConfirmPurchase{s.confirmation.has_value() ? s.confirmation->token
                                                                    : "NOPE00"};
      case 11:
        return commands::PlaceOrder{};
      default:
        return Next(4) == 0 ? CartAction(commands::ClearCart{})
                            : CartAction(commands::SetBuyer{{"", "cust-1", false}});
    }
  }

 private:
  std::mt19937_64 rng_;
};

struct Tally {
  int64_t sequences = 0;
  int64_t applied = 0;
  int64_t failed = 0;
  int64_t out_of_range = 0;
};

// One sequence of up to 12 commands; every failure must leave the bytes and
// the version as they were, and every state must price and restore.
void RunNearLimits(const std::shared_ptr<const CartPolicy>& policy, uint64_t seed, Tally* tally) {
  NearLimits gen(seed);
  Cart cart = Cart::Create(policy, "limits").value();
  std::vector<CartEvent> log;
  const int steps = 1 + static_cast<int>(gen.Next(12));
  for (int step = 0; step < steps; ++step) {
    CartCommand command;
    command.action = gen.Action(cart);
    command.actor = gen.Next(3) == 0 ? Actor::Bot() : Actor::Shopper();
    command.time = gen.Time();
    if (gen.Next(4) == 0) command.idempotency_key = "k" + std::to_string(step);
    const std::string before = cart.Serialize();
    const uint64_t version = cart.version();
    absl::StatusOr<ApplyResult> r = cart.Apply(command);
    // What a host sees (the C API and the CLI print this response): an error
    // in it must mean that nothing happened.
    v1::CartApplyResponse response;
    CartApplyResponseToProto(cart, r, &response);
    if (response.has_error()) {
      ++tally->failed;
      if (response.error().code() == "OUT_OF_RANGE") ++tally->out_of_range;
      ASSERT_FALSE(r.ok()) << "seed " << seed << " step " << step
                           << ": applied and reported as failed: " << response.error().message();
      ASSERT_EQ(cart.version(), version)
          << "seed " << seed << " step " << step << ": " << r.status();
      ASSERT_EQ(response.version(), version);
      ASSERT_EQ(cart.Serialize(), before)
          << "seed " << seed << " step " << step << ": " << r.status();
    } else if (!r->replayed) {
      ++tally->applied;
      ASSERT_EQ(cart.version(), version + 1);
      log.push_back(*r->event);
    }
    // Whatever the cart holds prices, and its printed form is accepted back.
    ASSERT_OK(cart.Totals()) << "seed " << seed << " step " << step;
    absl::StatusOr<Cart> restored = Cart::Parse(policy, cart.Serialize());
    ASSERT_OK(restored) << "seed " << seed << " step " << step;
  }
  absl::StatusOr<Cart> replay = Cart::Replay(policy, "limits", log);
  ASSERT_OK(replay) << "seed " << seed;
  ASSERT_EQ(replay->Serialize(), cart.Serialize()) << "seed " << seed;
  ++tally->sequences;
}

TEST(Issue22CartProperty, NoFailedCommandChangesAnythingNearTheInt64Limits) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(kNoCapPolicy);
  ASSERT_NE(policy, nullptr);
  Tally tally;
  constexpr uint64_t kSequences = 100'000;
  for (uint64_t seed = 1; seed <= kSequences; ++seed) {
    RunNearLimits(policy, seed, &tally);
    if (::testing::Test::HasFatalFailure()) return;
  }
  std::printf("%lld sequences: %lld commands applied, %lld failed (%lld OUT_OF_RANGE)\n",
              static_cast<long long>(tally.sequences), static_cast<long long>(tally.applied),
              static_cast<long long>(tally.failed), static_cast<long long>(tally.out_of_range));
  EXPECT_EQ(tally.sequences, static_cast<int64_t>(kSequences));
  // The sequences reach both outcomes, and overflows among the failures.
  EXPECT_GT(tally.applied, 100'000);
  EXPECT_GT(tally.failed, 100'000);
  EXPECT_GT(tally.out_of_range, 10'000);
}

}  // namespace
}  // namespace chatcart
