// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Orders: references, the lifecycle, fulfilment, amendments, proto round trip.

#include "chatcart/order.h"

#include <set>
#include <string>

#include "cart/cart_testing.h"
#include "chatcart/v1/order.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Add;
using ::chatcart::testing::Cmd;
using ::chatcart::testing::FillCatalog;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::T;
using ::chatcart::testing::Usd;
using ::testing::HasSubstr;
using ::testing::SizeIs;

// --- references ---------------------------------------------------------------

TEST(OrderReference, IsShortReadableAndDistinctPerSeed) {
  std::set<std::string> seen;
  for (uint64_t seed = 0; seed < 20000; ++seed) {
    const std::string ref = OrderReferenceFromSeed(seed);
    ASSERT_THAT(ref, ::testing::MatchesRegex("[0-9A-HJKMNP-TV-Z]{3}-[0-9A-HJKMNP-TV-Z]{4}"));
    EXPECT_TRUE(seen.insert(ref).second) << "seed " << seed << " repeats " << ref;
    EXPECT_THAT(CanonicalOrderReference(ref), IsOkAndHolds(ref));
  }
  // Consecutive seeds do not give consecutive-looking references.
  EXPECT_NE(OrderReferenceFromSeed(1).substr(0, 3), OrderReferenceFromSeed(2).substr(0, 3));
}

TEST(OrderReference, ReadsWhatPeopleTypeAndCatchesTypos) {
  const std::string ref = OrderReferenceFromSeed(424242);
  std::string typed = ref;
  for (char& c : typed) c = static_cast<char>(std::tolower(c));
  typed.erase(3, 1);
  EXPECT_THAT(CanonicalOrderReference(typed), IsOkAndHolds(ref));
  EXPECT_THAT(CanonicalOrderReference(" " + ref.substr(0, 3) + " " + ref.substr(4) + " "),
              IsOkAndHolds(ref));
  // Every single mistyped character fails the check.
  static constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  for (size_t pos : {0u, 1u, 2u, 4u, 5u, 6u, 7u}) {
    for (char c : std::string_view(kAlphabet)) {
      if (c == ref[pos]) continue;
      std::string wrong = ref;
      wrong[pos] = c;
      EXPECT_THAT(CanonicalOrderReference(wrong),
                  StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("check character")))
          << wrong;
    }
  }
  EXPECT_THAT(CanonicalOrderReference("7K3-9QX"), StatusIs(absl::StatusCode::kInvalidArgument));
  EXPECT_THAT(CanonicalOrderReference("7K3-9QXU"), StatusIs(absl::StatusCode::kInvalidArgument));
}

TEST(OrderReference, ReadsOAsZeroAndIOrLAsOne) {
  // Find a reference holding a 0 and a 1, then type them as letters.
  for (uint64_t seed = 0; seed < 1000; ++seed) {
    const std::string ref = OrderReferenceFromSeed(seed);
    if (ref.find('0') == std::string::npos || ref.find('1') == std::string::npos) continue;
    std::string typed = ref;
    for (char& c : typed) {
      if (c == '0') c = 'o';
      if (c == '1') c = 'L';
    }
    EXPECT_THAT(CanonicalOrderReference(typed), IsOkAndHolds(ref));
    return;
  }
  FAIL() << "no reference with both 0 and 1 among 1000 seeds";
}

// --- lifecycle and amendments -------------------------------------------------

constexpr std::string_view kPolicy = R"json({
  "currency": "USD",
  "tax": {"rates": [{"percent": "10"}]},
  "discount_codes": [{"code": "TEN", "percent": "10",
                      "expires_at": "2026-01-01T02:00:00Z"}],
  "guardrails": {"confirmation_threshold": {"minor_units": "1000000", "currency": "USD"},
                 "max_quantity_per_line": 5}
})json";

class OrderTest : public ::testing::Test {
 protected:
  OrderTest() { FillCatalog(catalog_); }

  void SetUp() override {
    policy_ = PolicyFromJson(kPolicy);
    Cart cart = Cart::Create(policy_, "cart-9").value();
    ASSERT_OK(cart.Apply(Cmd(Add("shirt", "shirt-m", 2)), sources_));
    ASSERT_OK(cart.Apply(Cmd(Add("mug", "", 1)), sources_));
    ASSERT_OK(cart.Apply(Cmd(commands::AddDiscountCode{"TEN"}), sources_));
    commands::PlaceOrder place;
    place.reference_seed = 99;
    absl::StatusOr<ApplyResult> r = cart.Apply(Cmd(place, Actor::Shopper()), sources_);
    ASSERT_OK(r);
    order_ = std::make_unique<Order>(*r->order);
  }

  // Runs an order operation that must fail, checking the order is unchanged.
  template <typename F>
  absl::Status Failing(F f) {
    const std::string before = order_->Serialize();
    absl::Status status = f();
    EXPECT_FALSE(status.ok());
    EXPECT_EQ(order_->Serialize(), before) << "a failed operation changed the order";
    return status;
  }

  absl::StatusOr<OrderAmendment> Stage(std::vector<OrderChange> changes,
                                       absl::Time time = T(7200)) {
    return order_->StageAmendment(changes, *policy_, sources_, Actor::Bot(), time);
  }

  std::shared_ptr<const CartPolicy> policy_;
  InMemoryCatalog catalog_;
  CartSources sources_{&catalog_, &catalog_};
  std::unique_ptr<Order> order_;
};

TEST_F(OrderTest, MovesAlongItsLifecycleAndRefusesIllegalTransitions) {
  EXPECT_THAT(
      Failing([&] { return order_->Transition(OrderStatus::kShipped, Actor::Bot(), T(1)); }),
      StatusIs(absl::StatusCode::kFailedPrecondition,
               HasSubstr("is placed; it cannot become shipped")));
  ASSERT_OK(order_->Transition(OrderStatus::kPaid, Actor::Bot(), T(4000)));
  ASSERT_OK(order_->Transition(OrderStatus::kShipped, Actor::Agent("nick-42"), T(5000)));
  for (const OrderLine& line : order_->state().lines) EXPECT_TRUE(line.fulfilled);
  EXPECT_THAT(
      Failing([&] { return order_->Transition(OrderStatus::kCancelled, Actor::Bot(), T(1)); }),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("cannot become cancelled")));
  ASSERT_OK(order_->Transition(OrderStatus::kDelivered, Actor::Bot(), T(6000)));
  EXPECT_EQ(order_->version(), 4u);
  ASSERT_THAT(order_->state().history, SizeIs(4));
  EXPECT_EQ(order_->state().history[2].actor, Actor::Agent("nick-42"));
}

TEST_F(OrderTest, AnAmendmentPreviewsTheDifferenceAndCommitsOnTheShoppersOk) {
  // Before: (39.98 + 8.50) - 10 % = 43.63 (4.85 off), tax 4.36 -> 47.99.
  EXPECT_EQ(order_->state().totals.grand_total, Usd("47.99"));
  absl::StatusOr<OrderAmendment> preview =
      Stage({Add("book", "book-pb", 1), commands::ChangeQuantity{1, 1}});
  ASSERT_OK(preview);
  // After: (19.99 + 8.50 + 12.00) = 40.49 - 4.05 = 36.44 + 3.64 tax = 40.08.
  EXPECT_EQ(preview->totals.grand_total, Usd("40.08"));
  EXPECT_EQ(preview->difference, Usd("-7.91"));
  ASSERT_THAT(preview->lines, SizeIs(3));
  EXPECT_EQ(preview->lines[2].line_id, 3u);
  // Staged, not applied.
  EXPECT_THAT(order_->state().lines, SizeIs(2));
  EXPECT_THAT(Failing([&] {
                return order_->ConfirmAmendment(preview->token, *policy_, sources_, Actor::Bot(),
                                                T(7300));
              }),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("only the shopper")));
  ASSERT_OK(
      order_->ConfirmAmendment(preview->token, *policy_, sources_, Actor::Shopper(), T(7300)));
  EXPECT_THAT(order_->state().lines, SizeIs(3));
  EXPECT_EQ(order_->state().totals.grand_total, Usd("40.08"));
  ASSERT_THAT(order_->state().amendments, SizeIs(1));
  EXPECT_EQ(order_->state().amendments[0].confirmed_by, Actor::Shopper());
  EXPECT_FALSE(order_->state().pending_amendment.has_value());
}

TEST_F(OrderTest, AFulfilledLineCannotBeAmended) {
  const uint32_t first = 1;
  ASSERT_OK(order_->MarkFulfilled(std::span<const uint32_t>(&first, 1)));
  EXPECT_THAT(Failing([&] {
                return Stage({commands::ChangeQuantity{1, 1}}).status();
              }),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("line 1 (Linen shirt, M) of order")));
  EXPECT_THAT(Failing([&] { return Stage({commands::RemoveLine{1}}).status(); }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("already fulfilled")));
  // Adding items to the order still works.
  EXPECT_OK(Stage({Add("mug", "", 1)}));
}

TEST_F(OrderTest, AmendmentsAreRefusedWhenTheyCannotHold) {
  EXPECT_THAT(Failing([&] {
                return Stage({commands::RemoveLine{1}, commands::RemoveLine{2}}).status();
              }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("cancel the order")));
  EXPECT_THAT(Failing([&] { return Stage({Add("shirt", "shirt-l", 3)}).status(); }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only 2 more")));
  EXPECT_THAT(Failing([&] {
                return Stage({commands::ChangeQuantity{1, 6}}).status();
              }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("outside 1..5")));
  EXPECT_THAT(Failing([&] { return Stage({commands::RemoveLine{7}}).status(); }),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("change 0")));
  EXPECT_THAT(Failing([&] { return Stage({}).status(); }),
              StatusIs(absl::StatusCode::kInvalidArgument));
  ASSERT_OK(order_->Transition(OrderStatus::kCancelled, Actor::Bot(), T(4000)));
  EXPECT_THAT(Failing([&] { return Stage({Add("mug", "", 1)}).status(); }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("is cancelled")));
}

TEST_F(OrderTest, AStalePreviewMustBeStagedAgain) {
  absl::StatusOr<OrderAmendment> preview = Stage({Add("book", "book-pb", 1)});
  ASSERT_OK(preview);
  EXPECT_THAT(Failing([&] {
                return order_->ConfirmAmendment(preview->token, *policy_, sources_,
                                                Actor::Shopper(), T(7200) + absl::Minutes(15));
              }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("expired")));
  ASSERT_OK(catalog_.SetPrice("book", "book-pb", Usd("13.00")));
  EXPECT_THAT(Failing([&] {
                return order_->ConfirmAmendment(preview->token, *policy_, sources_,
                                                Actor::Shopper(), T(7300));
              }),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("since the preview")));
  ASSERT_OK(order_->Transition(OrderStatus::kPaid, Actor::Bot(), T(7250)));
  EXPECT_THAT(
      order_->ConfirmAmendment(preview->token, *policy_, sources_, Actor::Shopper(), T(7300)),
      StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_OK(order_->DiscardAmendment());
  EXPECT_FALSE(order_->state().pending_amendment.has_value());
  EXPECT_THAT(Failing([&] { return order_->DiscardAmendment(); }),
              StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(OrderTest, RoundTripsThroughItsProtoByteForByte) {
  ASSERT_OK(order_->Transition(OrderStatus::kPaid, Actor::Bot(), T(4000)));
  absl::StatusOr<OrderAmendment> preview = Stage({Add("mug", "", 2)});
  ASSERT_OK(preview);
  ASSERT_OK(
      order_->ConfirmAmendment(preview->token, *policy_, sources_, Actor::Shopper(), T(7300)));
  ASSERT_OK(Stage({commands::RemoveLine{3}}));
  v1::Order proto;
  order_->ToProto(&proto);
  absl::StatusOr<Order> restored = Order::FromProto(proto);
  ASSERT_OK(restored);
  EXPECT_EQ(restored->Serialize(), order_->Serialize());
  proto.set_reference("7K3-9QX5");
  EXPECT_THAT(Order::FromProto(proto),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("reference")));
}

}  // namespace
}  // namespace chatcart
