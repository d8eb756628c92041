// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22: a cart command is all or nothing even when its totals overflow
// int64. Without a spending cap the new state used to be committed unpriced,
// so an overflow was applied AND reported as failed. Regression tests for
// each reproducer.

#include <cstdint>
#include <limits>
#include <string>

#include "cart/cart_testing.h"
#include "chatcart/cart.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart.pb.h"
#include "common/status_macros.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Cmd;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::StatusIs;
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
        cart.Apply(Cmd(commands::ConfirmPurchase{cart.state().confirmation->token},
                       Actor::Shopper()))
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
  for (absl::Time time : {absl::FromUnixSeconds(std::numeric_limits<int64_t>::min()),
                          absl::InfinitePast()}) {
    CartCommand command = Cmd(commands::ClearCart{});
    command.time = time;
    EXPECT_THAT(ExpectNothingChanges(cart, command),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("time")));
  }
  absl::StatusOr<Cart> restored = Cart::Parse(policy, cart.Serialize());
  ASSERT_OK(restored);
}

}  // namespace
}  // namespace chatcart
