// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// BM_Cart_*: commands on a small cart, totals of a big one, snapshots, replay.
// Budgets (bench/README.md): one command on a 3-line cart <= 1 us; totals of a
// 50-line cart with 3 codes and tax <= 5 us; a 3-line cart <= 300 bytes.

#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "chatcart/cart.h"
#include "chatcart/money.h"

namespace chatcart {
namespace {

constexpr std::string_view kPolicy = R"json({
  "currency": "USD",
  "tax": {"rates": [{"region": "US-NY", "percent": "8.875"},
                    {"region": "US-NY", "category": "books", "percent": "0"},
                    {"region": "US-NY", "category": "food", "percent": "4"}]},
  "discount_codes": [
    {"code": "TEN", "percent": "10", "stackable": true, "sort_order": 2},
    {"code": "FIVEOFF", "amount": {"minor_units": "500", "currency": "USD"}, "stackable": true,
     "min_subtotal": {"minor_units": "3000", "currency": "USD"}},
    {"code": "SHIRTS20", "percent": "20", "categories": ["apparel"], "stackable": true}
  ],
  "shipping_methods": [
    {"id": "standard", "price": {"minor_units": "599", "currency": "USD"},
     "free_above": {"minor_units": "5000", "currency": "USD"}}
  ]
})json";

constexpr std::string_view kPolicyWithCap = R"json({
  "currency": "USD",
  "tax": {"rates": [{"region": "US-NY", "percent": "8.875"}]},
  "shipping_methods": [{"id": "standard", "price": {"minor_units": "599", "currency": "USD"}}],
  "guardrails": {"spending_cap": {"minor_units": "10000000", "currency": "USD"},
                 "max_quantity_per_line": 10, "max_lines": 20}
})json";

Money Usd(int64_t cents) { return Money::FromMinorUnits(cents, "USD").value(); }

const char* kCategories[] = {"apparel", "books", "food", "kitchen", "toys"};

struct Fixture {
  explicit Fixture(std::string_view policy_json, int lines) {
    policy = CartPolicy::FromJson(policy_json).value();
    for (int i = 0; i < 60; ++i) {
      const std::string id = "p" + std::to_string(i);
      catalog.Set(
          id, id + "-m",
          PriceQuote{Usd(999 + 137 * i), "Product " + std::to_string(i), kCategories[i % 5]}, 1000);
    }
    cart = std::make_unique<Cart>(Cart::Create(policy, "bench-cart").value());
    Must(commands::SetRegion{"US-NY"});
    Must(commands::SetShippingMethod{"standard"});
    for (int i = 0; i < lines; ++i) {
      const std::string id = "p" + std::to_string(i);
      Must(commands::AddLine{id, id + "-m", 1 + i % 3, std::nullopt, "", ""});
    }
  }

  void Must(CartAction action) {
    CartCommand command;
    command.action = std::move(action);
    command.actor = Actor::Bot();
    if (!cart->Apply(command, sources).ok()) std::abort();
  }

  std::shared_ptr<const CartPolicy> policy;
  InMemoryCatalog catalog;
  CartSources sources{&catalog, &catalog};
  std::unique_ptr<Cart> cart;
};

// One command on a 3-line cart (store policy: tax, codes, shipping; price and
// stock sources consulted where the command needs them).
void BM_Cart_ChangeQuantity(benchmark::State& state) {
  Fixture f(kPolicy, 3);
  CartCommand command;
  command.actor = Actor::Bot();
  int64_t quantity = 1;
  for (auto _ : state) {
    quantity = 3 - quantity;  // 1, 2, 1, 2, ...
    command.action = commands::ChangeQuantity{2, quantity};
    absl::StatusOr<ApplyResult> r = f.cart->Apply(command, f.sources);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Cart_ChangeQuantity);

// The same with an idempotency key and an expected version on every command.
void BM_Cart_ChangeQuantityKeyed(benchmark::State& state) {
  Fixture f(kPolicy, 3);
  std::vector<std::string> keys;
  for (int i = 0; i < 4096; ++i) keys.push_back("turn-" + std::to_string(i) + "-cart");
  CartCommand command;
  command.actor = Actor::Bot();
  int64_t quantity = 1;
  size_t i = 0;
  for (auto _ : state) {
    quantity = 3 - quantity;
    command.action = commands::ChangeQuantity{2, quantity};
    command.expected_version = f.cart->version();
    command.idempotency_key = keys[i++ & 4095];
    absl::StatusOr<ApplyResult> r = f.cart->Apply(command, f.sources);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Cart_ChangeQuantityKeyed);

// add_line (price and stock from the sources) then remove_line: two commands
// per iteration on a cart of 3 and 4 lines.
void BM_Cart_AddThenRemoveLine(benchmark::State& state) {
  Fixture f(kPolicy, 3);
  CartCommand add, remove;
  add.action = commands::AddLine{"p10", "p10-m", 1, std::nullopt, "", ""};
  for (auto _ : state) {
    absl::StatusOr<ApplyResult> r = f.cart->Apply(add, f.sources);
    remove.action = commands::RemoveLine{f.cart->state().last_line_id};
    absl::StatusOr<ApplyResult> r2 = f.cart->Apply(remove, f.sources);
    benchmark::DoNotOptimize(r);
    benchmark::DoNotOptimize(r2);
  }
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(BM_Cart_AddThenRemoveLine);

// One command with a spending cap: every command prices the cart it would
// leave.
void BM_Cart_ChangeQuantityWithSpendingCap(benchmark::State& state) {
  Fixture f(kPolicyWithCap, 3);
  CartCommand command;
  int64_t quantity = 1;
  for (auto _ : state) {
    quantity = 3 - quantity;
    command.action = commands::ChangeQuantity{2, quantity};
    absl::StatusOr<ApplyResult> r = f.cart->Apply(command, f.sources);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Cart_ChangeQuantityWithSpendingCap);

// A failing command (stale expected_version): the cost of a refusal.
void BM_Cart_RefusedCommand(benchmark::State& state) {
  Fixture f(kPolicy, 3);
  CartCommand command;
  command.action = commands::ChangeQuantity{2, 2};
  command.expected_version = 0;
  for (auto _ : state) {
    absl::StatusOr<ApplyResult> r = f.cart->Apply(command, f.sources);
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Cart_RefusedCommand);

// Totals of an N-line cart with 3 codes (10 %, 5.00 off, 20 % on apparel),
// tax by region and category, shipping.
void BM_Cart_Totals(benchmark::State& state) {
  Fixture f(kPolicy, static_cast<int>(state.range(0)));
  for (const char* code : {"TEN", "FIVEOFF", "SHIRTS20"}) f.Must(commands::AddDiscountCode{code});
  for (auto _ : state) {
    absl::StatusOr<CartTotals> totals = f.cart->Totals();
    benchmark::DoNotOptimize(totals);
  }
}
BENCHMARK(BM_Cart_Totals)->Arg(3)->Arg(50);

// The same into a CartTotals reused across calls (Cart::TotalsInto).
void BM_Cart_TotalsInto(benchmark::State& state) {
  Fixture f(kPolicy, static_cast<int>(state.range(0)));
  for (const char* code : {"TEN", "FIVEOFF", "SHIRTS20"}) f.Must(commands::AddDiscountCode{code});
  CartTotals totals;
  for (auto _ : state) {
    absl::Status status = f.cart->TotalsInto(&totals);
    benchmark::DoNotOptimize(status);
    benchmark::DoNotOptimize(totals);
  }
}
BENCHMARK(BM_Cart_TotalsInto)->Arg(3)->Arg(50);

void BM_Cart_Serialize(benchmark::State& state) {
  Fixture f(kPolicy, 3);
  f.Must(commands::AddDiscountCode{"TEN"});
  std::string bytes;
  for (auto _ : state) {
    bytes = f.cart->Serialize();
    benchmark::DoNotOptimize(bytes);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_Cart_Serialize);

void BM_Cart_Parse(benchmark::State& state) {
  Fixture f(kPolicy, 3);
  f.Must(commands::AddDiscountCode{"TEN"});
  const std::string bytes = f.cart->Serialize();
  for (auto _ : state) {
    absl::StatusOr<Cart> cart = Cart::Parse(f.policy, bytes);
    benchmark::DoNotOptimize(cart);
  }
  state.counters["bytes"] = static_cast<double>(bytes.size());
}
BENCHMARK(BM_Cart_Parse);

// Rebuilding a cart from 100 events.
void BM_Cart_Replay100(benchmark::State& state) {
  Fixture f(kPolicy, 0);
  f.cart = std::make_unique<Cart>(Cart::Create(f.policy, "bench-cart").value());
  std::vector<CartEvent> log;
  for (int i = 0; i < 100; ++i) {
    CartCommand command;
    command.actor = Actor::Bot();
    const std::string id = "p" + std::to_string(i % 8);
    if (i % 4 == 3) {
      command.action = commands::RemoveLine{f.cart->state().lines.front().line_id};
    } else {
      command.action = commands::AddLine{id, id + "-m", 1, std::nullopt, "", ""};
    }
    absl::StatusOr<ApplyResult> r = f.cart->Apply(command, f.sources);
    if (!r.ok()) std::abort();
    log.push_back(*r->event);
  }
  if (!Cart::Replay(f.policy, "bench-cart", log).ok()) std::abort();
  for (auto _ : state) {
    absl::StatusOr<Cart> cart = Cart::Replay(f.policy, "bench-cart", log);
    benchmark::DoNotOptimize(cart);
  }
  state.SetItemsProcessed(state.iterations() * 100);
}
BENCHMARK(BM_Cart_Replay100);

}  // namespace
}  // namespace chatcart
