// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// "Reply OK to buy" and placing orders.

#include <memory>
#include <string>

#include "cart/cart_testing.h"
#include "chatcart/cart.h"
#include "chatcart/order.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Add;
using ::chatcart::testing::Cmd;
using ::chatcart::testing::FillCatalog;
using ::chatcart::testing::kStorePolicy;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::T;
using ::chatcart::testing::Usd;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::MatchesRegex;
using ::testing::SizeIs;

class CheckoutTest : public ::testing::Test {
 protected:
  CheckoutTest() { FillCatalog(catalog_); }

  void SetUp() override { Reset(kStorePolicy); }

  void Reset(std::string_view policy_json) {
    policy_ = PolicyFromJson(policy_json);
    ASSERT_NE(policy_, nullptr);
    cart_ = std::make_unique<Cart>(Cart::Create(policy_, "cart-1").value());
  }

  absl::StatusOr<ApplyResult> Apply(CartCommand command) { return cart_->Apply(command, sources_); }
  absl::StatusOr<ApplyResult> Apply(CartAction action) { return Apply(Cmd(std::move(action))); }

  absl::Status ApplyFailing(CartCommand command) {
    const std::string before = cart_->Serialize();
    absl::StatusOr<ApplyResult> result = Apply(std::move(command));
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(cart_->Serialize(), before) << "a failed command changed the cart";
    return result.status();
  }
  absl::Status ApplyFailing(CartAction action) { return ApplyFailing(Cmd(std::move(action))); }

  // A two-line cart with shipping, ready for checkout.
  void FillCart() {
    ASSERT_OK(Apply(commands::SetRegion{"US-NY"}));
    ASSERT_OK(Apply(commands::SetShippingMethod{"standard"}));
    ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
    ASSERT_OK(Apply(Add("mug", "", 1)));
  }

  // Requests a confirmation at T(3600) and returns its token.
  std::string Request(absl::Duration ttl = absl::Minutes(15)) {
    absl::StatusOr<ApplyResult> r = Apply(commands::RequestConfirmation{ttl});
    EXPECT_OK(r);
    return cart_->state().confirmation.has_value() ? cart_->state().confirmation->token : "";
  }

  CartCommand Confirm(std::string token, absl::Time time = T(3660)) {
    return Cmd(commands::ConfirmPurchase{std::move(token)}, Actor::Shopper(), time);
  }

  CartCommand Place(uint64_t seed = 7) {
    commands::PlaceOrder place;
    place.reference_seed = seed;
    place.source = {"whatsapp", "spring-ads"};
    return Cmd(place, Actor::Agent("nick-42"), T(3700));
  }

  std::shared_ptr<const CartPolicy> policy_;
  InMemoryCatalog catalog_;
  CartSources sources_{&catalog_, &catalog_};
  std::unique_ptr<Cart> cart_;
};

TEST_F(CheckoutTest, AConfirmationIsBoundToTheCartAndExpires) {
  FillCart();
  const std::string token = Request();
  EXPECT_THAT(token, MatchesRegex("[0-9A-Z]{6}"));
  const PendingConfirmation& p = *cart_->state().confirmation;
  EXPECT_EQ(p.expires_at, T(3600) + absl::Minutes(15));
  // 2 x 19.99 + 8.50 = 48.48, tax 8.875 % = 4.30, shipping 5.99.
  EXPECT_EQ(p.grand_total, 5877);
  EXPECT_FALSE(p.confirmed);
  EXPECT_EQ(p.cart_hash, cart_->ContentHash().value());
}

TEST_F(CheckoutTest, ConfirmationNeedsACartAShippingMethodAndAnAllowedBuyer) {
  EXPECT_THAT(ApplyFailing(commands::RequestConfirmation{}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("empty")));
  ASSERT_OK(Apply(Add("mug", "", 1)));
  EXPECT_THAT(ApplyFailing(commands::RequestConfirmation{}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("shipping method")));
  ASSERT_OK(Apply(commands::SetShippingMethod{"standard"}));
  EXPECT_THAT(ApplyFailing(commands::RequestConfirmation{absl::Hours(48)}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("24 hours")));
  ASSERT_OK(Apply(commands::SetBuyer{{"", "kid-1", true}}));
  EXPECT_THAT(ApplyFailing(commands::RequestConfirmation{}),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("blocked")));
}

TEST_F(CheckoutTest, OnlyTheShopperConfirmsWithTheRightTokenInTime) {
  FillCart();
  const std::string token = Request();
  CartCommand by_bot = Confirm(token);
  by_bot.actor = Actor::Bot();
  EXPECT_THAT(ApplyFailing(by_bot),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("only the shopper")));
  EXPECT_THAT(ApplyFailing(Confirm("WRONG1")),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("does not match")));
  EXPECT_THAT(ApplyFailing(Confirm(token, T(3600) + absl::Minutes(15))),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("expired")));
  ASSERT_OK(Apply(Confirm(token)));
  EXPECT_TRUE(cart_->state().confirmation->confirmed);
  EXPECT_THAT(ApplyFailing(Confirm(token)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already confirmed")));
}

TEST_F(CheckoutTest, ConfirmingAfterALineChangedAsksForANewConfirmation) {
  FillCart();
  const std::string token = Request();
  ASSERT_OK(Apply(commands::ChangeQuantity{2, 2}));
  EXPECT_THAT(ApplyFailing(Confirm(token)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("the cart changed since the confirmation was requested")));
}

TEST_F(CheckoutTest, ConfirmingAfterAPriceChangedAsksForANewConfirmation) {
  FillCart();
  const std::string token = Request();
  ASSERT_OK(catalog_.SetPrice("mug", "", Usd("9.50")));
  EXPECT_THAT(ApplyFailing(Confirm(token)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("changed from 8.50 USD to 9.50 USD; refresh prices")));
  ASSERT_OK(Apply(commands::RefreshPrices{}));
  EXPECT_THAT(ApplyFailing(Confirm(token)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("changed since")));
  ASSERT_OK(Apply(Confirm(Request())));
}

TEST_F(CheckoutTest, ConfirmingAfterStockRanOutFails) {
  FillCart();
  const std::string token = Request();
  ASSERT_OK(catalog_.SetAvailable("shirt", "shirt-m", 1));
  EXPECT_THAT(ApplyFailing(Confirm(token)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only 1")));
}

TEST_F(CheckoutTest, PlacingAConfirmedCartYieldsAnOrderAndEmptiesTheCart) {
  FillCart();
  ASSERT_OK(Apply(Confirm(Request())));
  absl::StatusOr<ApplyResult> r = Apply(Place());
  ASSERT_OK(r);
  ASSERT_NE(r->order, nullptr);
  const Order& order = *r->order;
  EXPECT_THAT(order.reference(), MatchesRegex("[0-9A-Z]{3}-[0-9A-Z]{4}"));
  EXPECT_EQ(order.reference(), OrderReferenceFromSeed(7));
  EXPECT_EQ(r->order_reference, order.reference());
  EXPECT_EQ(r->event->order_reference, order.reference());
  EXPECT_EQ(order.status(), OrderStatus::kPlaced);
  EXPECT_EQ(order.version(), 1u);
  const OrderState& s = order.state();
  EXPECT_EQ(s.cart_id, "cart-1");
  ASSERT_THAT(s.lines, SizeIs(2));
  EXPECT_EQ(s.lines[0].unit_price, Usd("19.99"));
  EXPECT_EQ(s.totals.grand_total, Usd("58.77"));
  EXPECT_EQ(s.placed_by, Actor::Agent("nick-42"));
  EXPECT_EQ(s.source, (OrderSource{"whatsapp", "spring-ads"}));
  EXPECT_EQ(s.placed_at, T(3700));
  ASSERT_THAT(s.history, SizeIs(1));
  EXPECT_THAT(cart_->state().lines, IsEmpty());
  EXPECT_FALSE(cart_->state().confirmation.has_value());
  EXPECT_EQ(cart_->state().spent, 5877);
  EXPECT_EQ(cart_->state().orders_placed, 1u);
  EXPECT_EQ(s.shipping_method, "standard");
}

TEST_F(CheckoutTest, AfterAnOrderTheNextCartStartsWithoutShippingOrCodes) {
  ASSERT_OK(Apply(commands::SetBuyer{{"anon-1", "", false}}));
  FillCart();
  ASSERT_OK(Apply(commands::AddDiscountCode{"TEN"}));
  ASSERT_OK(Apply(Confirm(Request())));
  absl::StatusOr<ApplyResult> r = Apply(Place());
  ASSERT_OK(r);
  EXPECT_EQ(r->order->state().shipping_method, "standard");
  EXPECT_THAT(r->order->state().discount_codes, ::testing::ElementsAre("TEN"));

  // The first line of the next cart: 8.50 + 8.875 % tax, no shipping, no code.
  ASSERT_OK(Apply(Add("mug", "", 1)));
  EXPECT_EQ(cart_->state().shipping_method, "");
  EXPECT_THAT(cart_->state().discount_codes, IsEmpty());
  absl::StatusOr<CartTotals> totals = cart_->Totals();
  ASSERT_OK(totals);
  EXPECT_EQ(totals->shipping, Usd("0.00"));
  EXPECT_EQ(totals->grand_total, Usd("9.25"));
  // Who buys and where it ships to stay; the next checkout chooses shipping.
  EXPECT_EQ(cart_->state().region, "US-NY");
  EXPECT_EQ(cart_->state().buyer.anonymous_id, "anon-1");
  EXPECT_THAT(ApplyFailing(commands::RequestConfirmation{}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("shipping method")));
}

TEST_F(CheckoutTest, AnOrderNeedsAConfirmationThatStillMatches) {
  FillCart();
  EXPECT_THAT(ApplyFailing(Place()), StatusIs(absl::StatusCode::kFailedPrecondition,
                                              HasSubstr("needs the shopper's confirmation first")));
  ASSERT_OK(Apply(Confirm(Request())));
  ASSERT_OK(Apply(commands::RemoveLine{2}));
  EXPECT_THAT(ApplyFailing(Place()), StatusIs(absl::StatusCode::kFailedPrecondition,
                                              HasSubstr("changed after the shopper confirmed")));
}

TEST_F(CheckoutTest, SmallOrdersBelowTheThresholdNeedNoConfirmation) {
  Reset(R"({"currency": "USD", "guardrails": {
              "confirmation_threshold": {"minor_units": "1000", "currency": "USD"}}})");
  ASSERT_OK(Apply(Add("mug", "", 1)));  // 8.50
  ASSERT_OK(Apply(Place(1)));
  ASSERT_OK(Apply(Add("mug", "", 2)));  // 17.00
  EXPECT_THAT(ApplyFailing(Place(2)), StatusIs(absl::StatusCode::kFailedPrecondition,
                                               HasSubstr("needs the shopper's confirmation")));
}

TEST_F(CheckoutTest, APurchaseBlockedBuyerCannotOrder) {
  Reset(R"({"currency": "USD", "guardrails": {
              "confirmation_threshold": {"minor_units": "100000", "currency": "USD"}}})");
  ASSERT_OK(Apply(commands::SetBuyer{{"", "kid-1", true}}));
  ASSERT_OK(Apply(Add("mug", "", 1)));  // filling a cart is fine
  EXPECT_THAT(ApplyFailing(Place()), StatusIs(absl::StatusCode::kPermissionDenied));
}

TEST_F(CheckoutTest, TheSpendingCapCountsOrdersAlreadyPlaced) {
  Reset(R"({"currency": "USD", "guardrails": {
              "spending_cap": {"minor_units": "2000", "currency": "USD"},
              "confirmation_threshold": {"minor_units": "100000", "currency": "USD"}}})");
  ASSERT_OK(Apply(Add("mug", "", 2)));  // 17.00
  ASSERT_OK(Apply(Place(1)));
  EXPECT_THAT(ApplyFailing(Add("mug", "", 1)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("this would bring it to 25.50 USD (17.00 USD already ordered)")));
}

TEST_F(CheckoutTest, ARetriedPlaceOrderPlacesOneOrderAndReturnsItsReference) {
  FillCart();
  ASSERT_OK(Apply(Confirm(Request())));
  CartCommand place = Place();
  place.idempotency_key = "place-1";
  absl::StatusOr<ApplyResult> first = Apply(place);
  ASSERT_OK(first);
  absl::StatusOr<ApplyResult> retry = Apply(place);
  ASSERT_OK(retry);
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->order, nullptr);
  EXPECT_EQ(retry->order_reference, first->order_reference);
  EXPECT_EQ(cart_->state().orders_placed, 1u);
}

TEST_F(CheckoutTest, WithoutASeedReferencesDeriveFromTheCartAndDiffer) {
  Reset(R"({"currency": "USD", "guardrails": {
              "confirmation_threshold": {"minor_units": "100000", "currency": "USD"}}})");
  ASSERT_OK(Apply(Add("mug", "", 1)));
  absl::StatusOr<ApplyResult> a = Apply(commands::PlaceOrder{});
  ASSERT_OK(a);
  ASSERT_OK(Apply(Add("mug", "", 1)));
  absl::StatusOr<ApplyResult> b = Apply(commands::PlaceOrder{});
  ASSERT_OK(b);
  EXPECT_NE(a->order_reference, b->order_reference);
  EXPECT_OK(CanonicalOrderReference(a->order_reference));
}

}  // namespace
}  // namespace chatcart
