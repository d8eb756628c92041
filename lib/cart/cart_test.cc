// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// One test group per cart command, and the envelope every command shares:
// versions, idempotency keys, events, all-or-nothing failures, snapshots.

#include "chatcart/cart.h"

#include <string>

#include "cart/cart_testing.h"
#include "chatcart/v1/cart.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Add;
using ::chatcart::testing::Cmd;
using ::chatcart::testing::FillCatalog;
using ::chatcart::testing::IsOkAndHolds;
using ::chatcart::testing::kStorePolicy;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::StatusIs;
using ::chatcart::testing::T;
using ::chatcart::testing::Usd;
using ::testing::ElementsAre;
using ::testing::Field;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::SizeIs;

class CartTest : public ::testing::Test {
 protected:
  void SetUp() override { Reset(kStorePolicy); }

  void Reset(std::string_view policy_json) {
    policy_ = PolicyFromJson(policy_json);
    ASSERT_NE(policy_, nullptr);
    absl::StatusOr<Cart> cart = Cart::Create(policy_, "cart-1");
    ASSERT_OK(cart);
    cart_ = std::make_unique<Cart>(*std::move(cart));
  }

  absl::StatusOr<ApplyResult> Apply(CartCommand command) { return cart_->Apply(command, sources_); }
  absl::StatusOr<ApplyResult> Apply(CartAction action) { return Apply(Cmd(std::move(action))); }

  // Applies `command`, which must fail, and checks the cart did not change.
  absl::Status ApplyFailing(CartCommand command) {
    const std::string before = cart_->Serialize();
    absl::StatusOr<ApplyResult> result = Apply(std::move(command));
    EXPECT_FALSE(result.ok());
    EXPECT_EQ(cart_->Serialize(), before) << "a failed command changed the cart";
    return result.status();
  }
  absl::Status ApplyFailing(CartAction action) { return ApplyFailing(Cmd(std::move(action))); }

  const CartLine& Line(size_t i) { return cart_->state().lines.at(i); }

  std::shared_ptr<const CartPolicy> policy_;
  InMemoryCatalog catalog_;
  CartSources sources_{&catalog_, &catalog_};
  std::unique_ptr<Cart> cart_;

 public:
  CartTest() { FillCatalog(catalog_); }
};

// --- add_line -------------------------------------------------------------

TEST_F(CartTest, AddingALineCapturesPriceTitleAndCategoryFromThePriceSource) {
  absl::StatusOr<ApplyResult> r = Apply(Add("shirt", "shirt-m", 2));
  ASSERT_OK(r);
  EXPECT_EQ(r->version, 1u);
  ASSERT_THAT(cart_->state().lines, SizeIs(1));
  EXPECT_EQ(Line(0), (CartLine{1, "shirt", "shirt-m", 2, 1999, "Linen shirt, M", "apparel"}));
  ASSERT_TRUE(r->event.has_value());
  ASSERT_THAT(r->event->captured, SizeIs(1));
  EXPECT_EQ(r->event->captured[0].line_id, 1u);
  EXPECT_EQ(r->event->captured[0].unit_price, Usd("19.99"));
}

TEST_F(CartTest, AddingTheSameVariantAtTheSamePriceGrowsItsLine) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 3)));
  ASSERT_THAT(cart_->state().lines, SizeIs(1));
  EXPECT_EQ(Line(0).quantity, 5);
}

TEST_F(CartTest, AddingAVariantWhosePriceChangedStartsANewLine) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 1)));
  ASSERT_OK(catalog_.SetPrice("shirt", "shirt-m", Usd("17.99")));
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 1)));
  ASSERT_THAT(cart_->state().lines, SizeIs(2));
  EXPECT_EQ(Line(0).unit_price, 1999);
  EXPECT_EQ(Line(1).unit_price, 1799);
  EXPECT_EQ(Line(1).line_id, 2u);
}

TEST_F(CartTest, AddingMoreThanIsAvailableFailsSayingHowManyAre) {
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-l", 3)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("only 2 of product shirt variant shirt-l available")));
  // Stock counts what the cart already holds.
  ASSERT_OK(Apply(Add("shirt", "shirt-l", 2)));
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-l", 1)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("would hold 3")));
}

TEST_F(CartTest, AddingAnUnknownProductIsNotFound) {
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-xxl", 1)),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("shirt-xxl")));
}

TEST_F(CartTest, AddLineRejectsBadArguments) {
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-m", 0)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("at least 1")));
  EXPECT_THAT(ApplyFailing(Add("", "x", 1)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("empty product_id")));
  commands::AddLine priced = Add("shirt", "shirt-m", 1);
  priced.unit_price = Usd("0.01");
  EXPECT_THAT(ApplyFailing(priced),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("come from the PriceSource")));
}

TEST_F(CartTest, WithoutAPriceSourceTheCommandCarriesThePrice) {
  sources_ = {};
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-m", 1)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("needs a unit_price")));
  commands::AddLine add = Add("gift", "", 1);
  add.unit_price = Money::Parse("5", "EUR").value();
  EXPECT_THAT(ApplyFailing(add), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr("not in the cart's currency")));
  add.unit_price = Usd("5");
  add.title = "Gift card";
  ASSERT_OK(Apply(add));
  EXPECT_EQ(Line(0).title, "Gift card");
  EXPECT_EQ(Line(0).unit_price, 500);
}

// --- remove_line, change_quantity, change_variant, refresh_prices -----------

TEST_F(CartTest, RemovingTheLastLineLeavesAnEmptyCart) {
  ASSERT_OK(Apply(Add("mug", "", 1)));
  ASSERT_OK(Apply(commands::RemoveLine{1}));
  EXPECT_THAT(cart_->state().lines, IsEmpty());
  EXPECT_EQ(cart_->version(), 2u);
  EXPECT_THAT(ApplyFailing(commands::RemoveLine{1}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("no line 1")));
  // Line ids are never reused.
  ASSERT_OK(Apply(Add("mug", "", 1)));
  EXPECT_EQ(Line(0).line_id, 2u);
}

TEST_F(CartTest, ChangingTheQuantityChecksStockOnlyWhenItGrows) {
  ASSERT_OK(Apply(Add("shirt", "shirt-l", 2)));
  ASSERT_OK(catalog_.SetAvailable("shirt", "shirt-l", 1));
  EXPECT_THAT(ApplyFailing(commands::ChangeQuantity{1, 3}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only 1")));
  ASSERT_OK(Apply(commands::ChangeQuantity{1, 1}));
  EXPECT_EQ(Line(0).quantity, 1);
  EXPECT_THAT(ApplyFailing(commands::ChangeQuantity{1, 0}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("use remove_line")));
  EXPECT_THAT(ApplyFailing(commands::ChangeQuantity{9, 1}), StatusIs(absl::StatusCode::kNotFound));
}

TEST_F(CartTest, ChangingTheVariantRecapturesItsPrice) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 1)));
  ASSERT_OK(Apply(commands::ChangeVariant{1, "shirt-l", std::nullopt, "", ""}));
  EXPECT_EQ(Line(0), (CartLine{1, "shirt", "shirt-l", 1, 2199, "Linen shirt, L", "apparel"}));
  EXPECT_THAT(ApplyFailing(commands::ChangeVariant{1, "shirt-l", std::nullopt, "", ""}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("already is variant")));
  ASSERT_OK(Apply(commands::ChangeQuantity{1, 2}));
  ASSERT_OK(catalog_.SetAvailable("shirt", "shirt-m", 1));
  EXPECT_THAT(ApplyFailing(commands::ChangeVariant{1, "shirt-m", std::nullopt, "", ""}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("only 1")));
}

TEST_F(CartTest, RefreshingPricesRecapturesEveryLine) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 1)));
  ASSERT_OK(Apply(Add("mug", "", 2)));
  ASSERT_OK(catalog_.SetPrice("mug", "", Usd("9.00")));
  absl::StatusOr<ApplyResult> r = Apply(commands::RefreshPrices{});
  ASSERT_OK(r);
  EXPECT_EQ(Line(1).unit_price, 900);
  EXPECT_THAT(r->event->captured, SizeIs(2));
  sources_.prices = nullptr;
  EXPECT_THAT(ApplyFailing(commands::RefreshPrices{}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("needs a PriceSource")));
}

// --- discount codes ----------------------------------------------------------

TEST_F(CartTest, DiscountCodesAreMatchedIgnoringCaseAndRemovable) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
  ASSERT_OK(Apply(commands::AddDiscountCode{"ten"}));
  EXPECT_THAT(cart_->state().discount_codes, ElementsAre("TEN"));
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"Ten"}),
              StatusIs(absl::StatusCode::kAlreadyExists));
  ASSERT_OK(Apply(commands::RemoveDiscountCode{"TEN"}));
  EXPECT_THAT(cart_->state().discount_codes, IsEmpty());
  EXPECT_THAT(ApplyFailing(commands::RemoveDiscountCode{"TEN"}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("not on the cart")));
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"NOPE"}),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("unknown discount code \"NOPE\"")));
}

TEST_F(CartTest, ExpiredCodesAreRefused) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 1)));
  // T(3600) is after OLD's expiry at 2026-01-01T00:00:00Z.
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"old"}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("expired at 2026-01-01T00:00:00Z")));
  ASSERT_OK(Apply(Cmd(commands::AddDiscountCode{"old"}, Actor::Bot(), T(-60))));
}

TEST_F(CartTest, StackingRulesAndTheCodeCapAreEnforced) {
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
  ASSERT_OK(Apply(commands::AddDiscountCode{"SOLO"}));
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"TEN"}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("SOLO on the cart cannot be combined")));
  ASSERT_OK(Apply(commands::RemoveDiscountCode{"SOLO"}));
  ASSERT_OK(Apply(commands::AddDiscountCode{"TEN"}));
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"SOLO"}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("SOLO cannot be combined with other codes")));
  ASSERT_OK(Apply(commands::AddDiscountCode{"SHIRTS20"}));
  ASSERT_OK(Apply(commands::AddDiscountCode{"FIVEOFF"}));
  ASSERT_OK(Apply(Cmd(commands::RemoveDiscountCode{"SHIRTS20"})));
  Reset(R"({"currency": "USD", "max_codes_per_cart": 1, "discount_codes": [
              {"code": "A", "percent": "1", "stackable": true},
              {"code": "B", "percent": "1", "stackable": true}]})");
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
  ASSERT_OK(Apply(commands::AddDiscountCode{"A"}));
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"B"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("at most 1 discount")));
}

TEST_F(CartTest, ACodeThatWouldGiveNothingIsRefusedWithTheReason) {
  ASSERT_OK(Apply(Add("mug", "", 1)));  // 8.50 < FIVEOFF's minimum of 30.00
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"FIVEOFF"}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("needs eligible items worth at least 30.00 USD (the cart has "
                                 "8.50 USD)")));
  EXPECT_THAT(ApplyFailing(commands::AddDiscountCode{"SHIRTS20"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("no item")));
}

// --- shipping, region, buyer, clear -----------------------------------------

TEST_F(CartTest, ShippingMethodsMustExistAndServeTheRegion) {
  EXPECT_THAT(
      ApplyFailing(commands::SetShippingMethod{"drone"}),
      StatusIs(absl::StatusCode::kNotFound, HasSubstr("the policy has: standard, express")));
  ASSERT_OK(Apply(commands::SetRegion{"US-CA"}));
  EXPECT_THAT(
      ApplyFailing(commands::SetShippingMethod{"express"}),
      StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("does not serve region US-CA")));
  ASSERT_OK(Apply(commands::SetRegion{"US-NY"}));
  ASSERT_OK(Apply(commands::SetShippingMethod{"express"}));
  EXPECT_THAT(ApplyFailing(commands::SetRegion{"US-CA"}),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("choose another")));
  ASSERT_OK(Apply(commands::SetShippingMethod{""}));
  EXPECT_EQ(cart_->state().shipping_method, "");
}

TEST_F(CartTest, OnlyABotOrAnAgentLiftsAPurchaseBlock) {
  ASSERT_OK(Apply(commands::SetBuyer{{"", "cust-7", true}}));
  EXPECT_THAT(ApplyFailing(Cmd(commands::SetBuyer{{"", "cust-7", false}}, Actor::Shopper())),
              StatusIs(absl::StatusCode::kPermissionDenied, HasSubstr("not the shopper")));
  ASSERT_OK(Apply(Cmd(commands::SetBuyer{{"", "cust-7", false}}, Actor::Agent("nick-42"))));
  EXPECT_FALSE(cart_->state().buyer.purchase_blocked);
  EXPECT_THAT(ApplyFailing(commands::SetBuyer{{"anon-1", "cust-7", false}}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not both")));
}

TEST_F(CartTest, ClearingEmptiesLinesAndCodesButKeepsBuyerAndShipping) {
  ASSERT_OK(Apply(commands::SetBuyer{{"anon-1", "", false}}));
  ASSERT_OK(Apply(commands::SetShippingMethod{"standard"}));
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
  ASSERT_OK(Apply(commands::AddDiscountCode{"TEN"}));
  ASSERT_OK(Apply(commands::ClearCart{}));
  EXPECT_THAT(cart_->state().lines, IsEmpty());
  EXPECT_THAT(cart_->state().discount_codes, IsEmpty());
  EXPECT_EQ(cart_->state().buyer.anonymous_id, "anon-1");
  EXPECT_EQ(cart_->state().shipping_method, "standard");
}

// --- guardrails --------------------------------------------------------------

TEST_F(CartTest, GuardrailsRefuseClearlyAndNeverChangeSilently) {
  Reset(R"({"currency": "USD", "guardrails": {
              "max_quantity_per_line": 3, "max_lines": 2,
              "spending_cap": {"minor_units": "5000", "currency": "USD"}}})");
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-m", 4)),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("guardrail: at most 3 units per line (asked for 4)")));
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));  // 39.98
  EXPECT_THAT(ApplyFailing(Add("shirt", "shirt-m", 2)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("asked for 4")));
  ASSERT_OK(Apply(Add("mug", "", 1)));  // 48.48
  EXPECT_THAT(ApplyFailing(Add("book", "book-pb", 1)),
              StatusIs(absl::StatusCode::kFailedPrecondition, HasSubstr("at most 2 lines")));
  EXPECT_THAT(ApplyFailing(commands::ChangeQuantity{2, 2}),
              StatusIs(absl::StatusCode::kFailedPrecondition,
                       HasSubstr("spending cap is 50.00 USD; this would bring it to 56.98 USD")));
  // Lowering the total is never refused.
  ASSERT_OK(Apply(commands::ChangeQuantity{1, 1}));
}

// --- the envelope: versions, idempotency, time, actors, events ---------------

TEST_F(CartTest, AVersionMismatchIsAbortedNamingBothVersions) {
  ASSERT_OK(Apply(Add("mug", "", 1)));
  CartCommand command = Cmd(Add("mug", "", 1));
  command.expected_version = 0;
  EXPECT_THAT(ApplyFailing(command),
              StatusIs(absl::StatusCode::kAborted,
                       HasSubstr("the cart is at version 1, the command expected version 0")));
  command.expected_version = 1;
  EXPECT_THAT(Apply(command), IsOkAndHolds(Field(&ApplyResult::version, 2u)));
}

TEST_F(CartTest, ARetryWithTheSameKeyReturnsTheFirstResultAndAppliesNothing) {
  CartCommand command = Cmd(Add("mug", "", 1));
  command.idempotency_key = "turn-1";
  command.expected_version = 0;
  ASSERT_OK(Apply(command));
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 1)));
  const std::string before = cart_->Serialize();
  // The retry comes later, from another actor: still the same command.
  command.time = T(7200);
  command.actor = Actor::Shopper();
  absl::StatusOr<ApplyResult> retry = Apply(command);
  ASSERT_OK(retry);
  EXPECT_TRUE(retry->replayed);
  EXPECT_EQ(retry->version, 1u);
  EXPECT_FALSE(retry->event.has_value());
  EXPECT_EQ(cart_->Serialize(), before);
  EXPECT_EQ(Line(0).quantity, 1);
}

TEST_F(CartTest, TheSameKeyWithAnotherPayloadIsInvalid) {
  CartCommand command = Cmd(Add("mug", "", 1));
  command.idempotency_key = "turn-1";
  ASSERT_OK(Apply(command));
  command.action = Add("mug", "", 2);
  EXPECT_THAT(ApplyFailing(command),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("idempotency key \"turn-1\" was used for another command")));
}

TEST_F(CartTest, KeysOfFailedCommandsAreNotRemembered) {
  CartCommand command = Cmd(Add("shirt", "shirt-l", 3));
  command.idempotency_key = "k";
  EXPECT_THAT(ApplyFailing(command), StatusIs(absl::StatusCode::kFailedPrecondition));
  ASSERT_OK(catalog_.SetAvailable("shirt", "shirt-l", 3));
  absl::StatusOr<ApplyResult> r = Apply(command);
  ASSERT_OK(r);
  EXPECT_FALSE(r->replayed);
}

TEST_F(CartTest, ACartRemembersItsIdempotencyWindowOfKeys) {
  Reset(R"({"currency": "USD", "idempotency_window": 2})");
  for (const char* key : {"a", "b", "c"}) {
    CartCommand command = Cmd(Add("mug", "", 1));
    command.idempotency_key = key;
    ASSERT_OK(Apply(command));
  }
  EXPECT_THAT(cart_->state().idempotency, SizeIs(2));
  CartCommand again = Cmd(Add("mug", "", 1));
  again.idempotency_key = "c";
  EXPECT_THAT(Apply(again), IsOkAndHolds(Field(&ApplyResult::replayed, true)));
  again.idempotency_key = "a";  // forgotten: applies again
  EXPECT_THAT(Apply(again), IsOkAndHolds(Field(&ApplyResult::replayed, false)));
  EXPECT_EQ(Line(0).quantity, 4);
}

TEST_F(CartTest, EventsRecordActorTimeCommandAndVersion) {
  CartCommand command = Cmd(Add("mug", "", 1), Actor::Agent("nick-42"), T(120));
  absl::StatusOr<ApplyResult> r = Apply(command);
  ASSERT_OK(r);
  const CartEvent& e = *r->event;
  EXPECT_EQ(e.cart_id, "cart-1");
  EXPECT_EQ(e.version, 1u);
  EXPECT_EQ(e.actor, Actor::Agent("nick-42"));
  EXPECT_EQ(e.time, T(120));
  EXPECT_EQ(CartActionName(e.command.action), "add_line");
  EXPECT_EQ(cart_->state().updated_at, T(120));
  // A command without a time takes the cart's.
  CartCommand untimed = Cmd(commands::ClearCart{});
  untimed.time.reset();
  r = Apply(untimed);
  ASSERT_OK(r);
  EXPECT_EQ(r->event->time, T(120));
  EXPECT_EQ(Actor::Agent("nick-42").ToString(), "agent:nick-42");
}

TEST_F(CartTest, ActorsAreValidated) {
  EXPECT_THAT(ApplyFailing(Cmd(commands::ClearCart{}, Actor{Actor::Kind::kAgent, ""})),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("needs an agent_id")));
  EXPECT_THAT(ApplyFailing(Cmd(commands::ClearCart{}, Actor{Actor::Kind::kBot, "x"})),
              StatusIs(absl::StatusCode::kInvalidArgument));
}

// Issue #22: a 10 MB product id gave a 20 MB message (the id twice).
TEST_F(CartTest, Issue22ErrorsEchoAShortPrefixOfTheInputOnly) {
  const std::string huge(10 << 20, 'x');
  ASSERT_OK(Apply(Add("mug", "", 1)));
  ASSERT_OK(Apply(commands::SetShippingMethod{"standard"}));
  ASSERT_OK(Apply(commands::RequestConfirmation{absl::Minutes(5)}));
  for (CartAction action : std::vector<CartAction>{
           Add(huge, "", 1), Add("shirt", huge, 1), commands::AddDiscountCode{huge},
           commands::RemoveDiscountCode{huge}, commands::SetShippingMethod{huge},
           commands::ConfirmPurchase{huge}}) {
    absl::Status status = ApplyFailing(Cmd(action, Actor::Shopper()));
    EXPECT_LT(status.message().size(), 400u) << CartActionName(action);
    EXPECT_THAT(status.message(), HasSubstr("\xE2\x80\xA6")) << CartActionName(action);
  }
  CartCommand keyed = Cmd(commands::SetRegion{"US-NY"});
  keyed.idempotency_key = huge;
  ASSERT_OK(Apply(keyed));
  keyed.action = commands::ClearCart{};
  EXPECT_LT(ApplyFailing(keyed).message().size(), 400u);
}

// --- snapshots ---------------------------------------------------------------

TEST_F(CartTest, AThreeLineCartSerializesSmallAndRoundTripsByteForByte) {
  ASSERT_OK(Apply(commands::SetBuyer{{"", "cust-1234", false}}));
  ASSERT_OK(Apply(commands::SetRegion{"US-NY"}));
  ASSERT_OK(Apply(commands::SetShippingMethod{"standard"}));
  ASSERT_OK(Apply(Add("shirt", "shirt-m", 2)));
  ASSERT_OK(Apply(Add("mug", "", 1)));
  ASSERT_OK(Apply(Add("book", "book-pb", 1)));
  ASSERT_OK(Apply(commands::AddDiscountCode{"TEN"}));
  const std::string bytes = cart_->Serialize();
  EXPECT_LE(bytes.size(), 300u);
  absl::StatusOr<Cart> restored = Cart::Parse(policy_, bytes);
  ASSERT_OK(restored);
  EXPECT_EQ(restored->Serialize(), bytes);
  EXPECT_EQ(restored->state(), cart_->state());
}

TEST_F(CartTest, RestoringRejectsInconsistentState) {
  EXPECT_THAT(Cart::Parse(policy_, "\xff\xff garbage"),
              StatusIs(absl::StatusCode::kInvalidArgument));
  CartState state = cart_->state();
  state.currency = "EUR";
  EXPECT_THAT(Cart::FromState(policy_, state),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("currency")));
  state = cart_->state();
  state.lines.push_back(CartLine{3, "mug", "", 1, 850, "Mug", ""});
  EXPECT_THAT(Cart::FromState(policy_, state),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("last_line_id")));
  state.last_line_id = 3;
  state.lines.push_back(state.lines[0]);
  EXPECT_THAT(Cart::FromState(policy_, state),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("appears twice")));
  state.lines.pop_back();
  state.shipping_method = "pigeon";
  EXPECT_THAT(Cart::FromState(policy_, state), StatusIs(absl::StatusCode::kFailedPrecondition));
}

}  // namespace
}  // namespace chatcart
