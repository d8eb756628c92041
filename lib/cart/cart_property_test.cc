// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Randomized property test: random command sequences, valid and invalid,
// against a catalog whose prices and stock move. After every command:
//  - a failed command left the cart byte-identical;
//  - totals add up (subtotal, discounts, tax, shipping, grand total);
//  - the snapshot round-trips byte for byte;
//  - an idempotent retry is answered from memory and applies nothing.
// At the end, replaying the event log (through its proto form) rebuilds the
// cart byte for byte.

#include <random>
#include <string>
#include <vector>

#include "cart/cart_testing.h"
#include "chatcart/cart.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "common/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

using ::chatcart::testing::Add;
using ::chatcart::testing::FillCatalog;
using ::chatcart::testing::PolicyFromJson;
using ::chatcart::testing::T;
using ::chatcart::testing::Usd;

constexpr std::string_view kPolicy = R"json({
  "currency": "USD",
  "tax": {"calculation": "PER_UNIT",
          "rates": [{"region": "US-NY", "percent": "8.875"},
                    {"region": "US-NY", "category": "books", "percent": "0"},
                    {"region": "DE", "percent": "19"}]},
  "discount_codes": [
    {"code": "TEN", "percent": "10", "stackable": true, "sort_order": 2},
    {"code": "FIVEOFF", "amount": {"minor_units": "500", "currency": "USD"}, "stackable": true,
     "min_subtotal": {"minor_units": "3000", "currency": "USD"}},
    {"code": "SHIRTS20", "percent": "20", "categories": ["apparel"], "stackable": true},
    {"code": "SOLO", "percent": "33.3"},
    {"code": "LATE", "percent": "5", "expires_at": "2026-01-01T06:00:00Z", "stackable": true}
  ],
  "max_codes_per_cart": 3,
  "shipping_methods": [
    {"id": "standard", "price": {"minor_units": "599", "currency": "USD"},
     "free_above": {"minor_units": "5000", "currency": "USD"}},
    {"id": "express", "price": {"minor_units": "1500", "currency": "USD"},
     "regions": ["US-NY"]}
  ],
  "guardrails": {"max_quantity_per_line": 6, "max_lines": 5,
                 "spending_cap": {"minor_units": "40000", "currency": "USD"},
                 "confirmation_threshold": {"minor_units": "3000", "currency": "USD"}},
  "idempotency_window": 4
})json";

struct Variant {
  const char* product;
  const char* sku;
};
constexpr Variant kVariants[] = {{"shirt", "shirt-m"},
                                 {"shirt", "shirt-l"},
                                 {"mug", ""},
                                 {"book", "book-pb"},
                                 {"ghost", "none"}};

class Fuzzer {
 public:
  explicit Fuzzer(uint64_t seed) : rng_(seed) {}

  uint64_t Next(uint64_t n) { return rng_() % n; }

  CartAction RandomAction(const Cart& cart) {
    const CartState& s = cart.state();
    // A line id that exists most of the time.
    auto line_id = [&]() -> uint32_t {
      if (!s.lines.empty() && Next(5) != 0) return s.lines[Next(s.lines.size())].line_id;
      return static_cast<uint32_t>(Next(s.last_line_id + 3));
    };
    static const char* kCodes[] = {"ten", "FIVEOFF", "SHIRTS20", "SOLO", "LATE", "NOPE"};
    // Walk towards checkout often enough that orders get placed.
    if (s.confirmation.has_value() && Next(5) < 2) {
      if (!s.confirmation->confirmed) return commands::ConfirmPurchase{s.confirmation->token};
      commands::PlaceOrder place;
      place.reference_seed = Next(1u << 30);
      return place;
    }
    if (!s.lines.empty() && !s.confirmation.has_value() && Next(8) == 0) {
      return commands::RequestConfirmation{absl::Minutes(10)};
    }
    switch (Next(16)) {
      case 0:
      case 1:
      case 2: {
        const Variant& v = kVariants[Next(std::size(kVariants))];
        return Add(v.product, v.sku, static_cast<int64_t>(Next(5)));
      }
      case 3:
        return commands::RemoveLine{line_id()};
      case 4:
      case 5:
        return commands::ChangeQuantity{line_id(), static_cast<int64_t>(Next(8))};
      case 6:
        return commands::ChangeVariant{line_id(), Next(2) ? "shirt-m" : "shirt-l", std::nullopt, "",
                                       ""};
      case 7:
        return commands::AddDiscountCode{kCodes[Next(std::size(kCodes))]};
      case 8:
        return commands::RemoveDiscountCode{kCodes[Next(std::size(kCodes))]};
      case 9: {
        static const char* kMethods[] = {"standard", "express", "", "drone"};
        return commands::SetShippingMethod{kMethods[Next(4)]};
      }
      case 10: {
        static const char* kRegions[] = {"US-NY", "DE", "US-CA", ""};
        return commands::SetRegion{kRegions[Next(4)]};
      }
      case 11:
        return commands::SetBuyer{{"", Next(2) ? "cust-1" : "", Next(4) == 0}};
      case 12:
        return Next(4) == 0 ? CartAction(commands::ClearCart{})
                            : CartAction(commands::RefreshPrices{});
      case 13:
        return commands::RequestConfirmation{absl::Minutes(static_cast<int64_t>(Next(20)))};
      case 14: {
        std::string token = s.confirmation.has_value() ? s.confirmation->token : "NOPE00";
        if (Next(6) == 0) token = "WRONG0";
        return commands::ConfirmPurchase{token};
      }
      default: {
        commands::PlaceOrder place;
        place.reference_seed = Next(1u << 30);
        place.source = {"web", Next(2) ? "ads" : ""};
        return place;
      }
    }
  }

  Actor RandomActor() {
    switch (Next(4)) {
      case 0:
        return Actor::Bot();
      case 1:
        return Actor::Agent("nick-42");
      default:
        return Actor::Shopper();
    }
  }

 private:
  std::mt19937_64 rng_;
};

void ExpectTotalsAddUp(const Cart& cart) {
  absl::StatusOr<CartTotals> t = cart.Totals();
  ASSERT_OK(t);
  int64_t amount = 0, discount = 0, tax = 0, total = 0, codes = 0;
  ASSERT_EQ(t->lines.size(), cart.state().lines.size());
  for (size_t i = 0; i < t->lines.size(); ++i) {
    const LineTotals& l = t->lines[i];
    const CartLine& line = cart.state().lines[i];
    EXPECT_EQ(l.amount.minor_units(), line.quantity * line.unit_price);
    EXPECT_GE(l.discount.minor_units(), 0);
    EXPECT_LE(l.discount.minor_units(), l.amount.minor_units());
    EXPECT_GE(l.tax.minor_units(), 0);
    amount += l.amount.minor_units();
    discount += l.discount.minor_units();
    tax += l.tax.minor_units();
    total += l.total.minor_units();
  }
  for (const DiscountTotals& d : t->discounts) codes += d.amount.minor_units();
  EXPECT_EQ(amount, t->subtotal.minor_units());
  EXPECT_EQ(discount, t->discount.minor_units());
  EXPECT_EQ(codes, discount);
  EXPECT_EQ(tax, t->tax.minor_units());
  EXPECT_EQ(total + t->shipping.minor_units(), t->grand_total.minor_units());
  EXPECT_EQ(t->subtotal.minor_units() - discount + tax + t->shipping.minor_units(),
            t->grand_total.minor_units());
}

struct Outcomes {
  int applied = 0;
  int failed = 0;
  int replayed = 0;
  int orders = 0;
};

// Runs one random sequence, checking every promise on the way (gtest
// assertions); returns how the commands fared.
void RunSequence(uint64_t seed, Outcomes* outcomes) {
  Fuzzer fuzz(seed);
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(kPolicy);
  ASSERT_NE(policy, nullptr);
  InMemoryCatalog catalog;
  FillCatalog(catalog);
  CartSources sources{&catalog, &catalog};
  Cart cart = Cart::Create(policy, "prop-cart").value();
  std::vector<CartEvent> log;
  std::vector<CartCommand> keyed;  // applied commands with a key, for retries
  int& applied = outcomes->applied;
  int& failed = outcomes->failed;
  int& replayed = outcomes->replayed;
  int& orders = outcomes->orders;
  absl::Time now = T(0);

  for (int step = 0; step < 400; ++step) {
    // The world moves: prices and stock change now and then.
    if (fuzz.Next(10) == 0) {
      const Variant& v = kVariants[fuzz.Next(4)];
      if (fuzz.Next(2)) {
        ASSERT_OK(
            catalog.SetPrice(v.product, v.sku, Usd("1").WithMinorUnits(500 + fuzz.Next(3000))));
      } else {
        ASSERT_OK(catalog.SetAvailable(v.product, v.sku, static_cast<int64_t>(fuzz.Next(12))));
      }
    }
    now += absl::Seconds(static_cast<int64_t>(fuzz.Next(120)));

    CartCommand command;
    const bool retry = !keyed.empty() && fuzz.Next(8) == 0;
    if (retry) {
      command = keyed[fuzz.Next(keyed.size())];
      command.time = now;
      if (fuzz.Next(3) == 0) command.action = commands::ClearCart{};  // reused key
    } else {
      command.action = fuzz.RandomAction(cart);
      command.actor = fuzz.RandomActor();
      if (std::holds_alternative<commands::ConfirmPurchase>(command.action) && fuzz.Next(5) != 0) {
        command.actor = Actor::Shopper();
      }
      command.time = now;
      if (fuzz.Next(4) == 0) {
        command.expected_version = fuzz.Next(5) == 0 ? cart.version() + 1 : cart.version();
      }
      if (fuzz.Next(2) == 0) command.idempotency_key = "k" + std::to_string(step);
    }

    const std::string before = cart.Serialize();
    const uint64_t version_before = cart.version();
    absl::StatusOr<ApplyResult> r = cart.Apply(command, sources);
    if (!r.ok()) {
      ++failed;
      ASSERT_EQ(cart.Serialize(), before) << "step " << step << ": " << r.status();
    } else if (r->replayed) {
      ++replayed;
      ASSERT_TRUE(retry) << "step " << step << ": a fresh key was answered from memory";
      ASSERT_EQ(cart.Serialize(), before) << "step " << step << ": a retry changed the cart";
      ASSERT_LE(r->version, version_before);
    } else {
      ++applied;
      ASSERT_EQ(cart.version(), version_before + 1);
      ASSERT_TRUE(r->event.has_value());
      ASSERT_EQ(r->event->version, cart.version());
      if (r->order != nullptr) ++orders;
      // The ledger keeps events in their proto form.
      v1::CartEvent proto;
      CartEventToProto(*r->event, &proto);
      absl::StatusOr<CartEvent> event = CartEventFromProto(proto);
      ASSERT_OK(event);
      log.push_back(*std::move(event));
      if (!command.idempotency_key.empty()) {
        keyed.push_back(command);
        // An immediate retry applies nothing and returns the same version.
        absl::StatusOr<ApplyResult> again = cart.Apply(command, sources);
        ASSERT_OK(again);
        ASSERT_TRUE(again->replayed);
        ASSERT_EQ(again->version, r->version);
        ASSERT_EQ(again->order_reference, r->order_reference);
      }
    }
    ExpectTotalsAddUp(cart);
    absl::StatusOr<Cart> restored = Cart::Parse(policy, cart.Serialize());
    ASSERT_OK(restored);
    ASSERT_EQ(restored->Serialize(), cart.Serialize());
  }
  absl::StatusOr<Cart> replay = Cart::Replay(policy, "prop-cart", log);
  ASSERT_OK(replay);
  EXPECT_EQ(replay->Serialize(), cart.Serialize());
}

class CartProperty : public ::testing::TestWithParam<uint64_t> {};

TEST_P(CartProperty, RandomCommandSequencesKeepEveryPromise) {
  Outcomes outcomes;
  RunSequence(GetParam(), &outcomes);
  // Every sequence exercises successes, failures and retries.
  EXPECT_GT(outcomes.applied, 100);
  EXPECT_GT(outcomes.failed, 50);
  EXPECT_GT(outcomes.replayed, 0);
}

INSTANTIATE_TEST_SUITE_P(Seeds, CartProperty, ::testing::Range<uint64_t>(1, 21));

TEST(CartPropertyCoverage, SequencesReachPlacedOrders) {
  Outcomes outcomes;
  for (uint64_t seed = 101; seed <= 110; ++seed) RunSequence(seed, &outcomes);
  EXPECT_GT(outcomes.orders, 5);
}

// Snapshot restore is a bytes entry point: corrupted bytes either fail
// cleanly or restore a cart whose own snapshot then round-trips exactly.
TEST(CartSnapshot, CorruptedBytesFailCleanlyOrRestoreACanonicalCart) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(kPolicy);
  InMemoryCatalog catalog;
  FillCatalog(catalog);
  Cart cart = Cart::Create(policy, "snap").value();
  for (CartAction action : std::vector<CartAction>{
           commands::SetRegion{"US-NY"}, commands::SetShippingMethod{"standard"},
           Add("shirt", "shirt-m", 2), Add("mug", "", 1), commands::AddDiscountCode{"TEN"},
           commands::RequestConfirmation{absl::Minutes(5)}}) {
    CartCommand command = ::chatcart::testing::Cmd(std::move(action));
    command.idempotency_key = "key-" + std::to_string(cart.version());
    ASSERT_OK(cart.Apply(command, {&catalog, &catalog}));
  }
  const std::string good = cart.Serialize();
  std::mt19937_64 rng(3);
  int restored = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string bytes = good;
    const int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      switch (rng() % 3) {
        case 0:
          bytes[rng() % bytes.size()] = static_cast<char>(rng());
          break;
        case 1:
          bytes.erase(rng() % bytes.size(), 1 + rng() % 4);
          break;
        default:
          bytes.insert(rng() % bytes.size(), 1, static_cast<char>(rng()));
      }
      if (bytes.empty()) bytes = "x";
    }
    absl::StatusOr<Cart> once = Cart::Parse(policy, bytes);
    if (!once.ok()) continue;
    ++restored;
    const std::string canonical = once->Serialize();
    absl::StatusOr<Cart> twice = Cart::Parse(policy, canonical);
    ASSERT_OK(twice);
    ASSERT_EQ(twice->Serialize(), canonical);
    ASSERT_OK(once->Totals());
  }
  EXPECT_GT(restored, 100);  // the test reaches the restore path, not only parse errors
}

TEST(CartSnapshot, AShrunkIdempotencyWindowKeepsTheNewestKeys) {
  std::shared_ptr<const CartPolicy> wide =
      PolicyFromJson(R"({"currency": "USD", "idempotency_window": 8})");
  std::shared_ptr<const CartPolicy> narrow =
      PolicyFromJson(R"({"currency": "USD", "idempotency_window": 2})");
  Cart cart = Cart::Create(wide, "w").value();
  for (int i = 0; i < 5; ++i) {
    CartCommand command = ::chatcart::testing::Cmd(commands::ClearCart{});
    command.idempotency_key = "k" + std::to_string(i);
    ASSERT_OK(cart.Apply(command));
  }
  absl::StatusOr<Cart> restored = Cart::Parse(narrow, cart.Serialize());
  ASSERT_OK(restored);
  ASSERT_EQ(restored->state().idempotency.size(), 2u);
  EXPECT_EQ(restored->state().idempotency[1], cart.state().idempotency[4]);
}

TEST(CartReplay, RejectsEventsOutOfSequenceOrFromAnotherCart) {
  std::shared_ptr<const CartPolicy> policy = PolicyFromJson(kPolicy);
  InMemoryCatalog catalog;
  FillCatalog(catalog);
  Cart cart = Cart::Create(policy, "a").value();
  std::vector<CartEvent> log;
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<ApplyResult> r =
        cart.Apply(::chatcart::testing::Cmd(Add("mug", "", 1)), {&catalog, &catalog});
    ASSERT_OK(r);
    log.push_back(*r->event);
  }
  EXPECT_THAT(Cart::Replay(policy, "b", log),
              ::chatcart::testing::StatusIs(absl::StatusCode::kDataLoss,
                                            ::testing::HasSubstr("belongs to cart \"a\"")));
  std::swap(log[0], log[1]);
  EXPECT_THAT(Cart::Replay(policy, "a", log),
              ::chatcart::testing::StatusIs(absl::StatusCode::kDataLoss,
                                            ::testing::HasSubstr("out of sequence")));
  std::swap(log[0], log[1]);
  log[1].captured.clear();
  EXPECT_THAT(
      Cart::Replay(policy, "a", log),
      ::chatcart::testing::StatusIs(absl::StatusCode::kDataLoss, ::testing::HasSubstr("captured")));
}

}  // namespace
}  // namespace chatcart
