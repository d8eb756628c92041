// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Idempotency keys: the payload fingerprint and the bounded memory of keys.

#include <type_traits>
#include <variant>

#include "cart/apply.h"
#include "cart/fingerprint.h"

namespace chatcart::cart_internal {
namespace {

void AddMoney(Fingerprint& f, const std::optional<Money>& money) {
  f.Bool(money.has_value());
  if (money.has_value()) f.Str(money->currency()).Int(money->minor_units());
}

void AddAction(Fingerprint& f, const CartAction& action) {
  f.Int(static_cast<int64_t>(action.index()));
  std::visit(
      [&f](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, commands::AddLine>) {
          f.Str(c.product_id).Str(c.sku).Int(c.quantity);
          AddMoney(f, c.unit_price);
          f.Str(c.title).Str(c.category);
        } else if constexpr (std::is_same_v<T, commands::RemoveLine>) {
          f.Int(c.line_id);
        } else if constexpr (std::is_same_v<T, commands::ChangeQuantity>) {
          f.Int(c.line_id).Int(c.quantity);
        } else if constexpr (std::is_same_v<T, commands::ChangeVariant>) {
          f.Int(c.line_id).Str(c.sku);
          AddMoney(f, c.unit_price);
          f.Str(c.title).Str(c.category);
        } else if constexpr (std::is_same_v<T, commands::AddDiscountCode> ||
                             std::is_same_v<T, commands::RemoveDiscountCode>) {
          f.Str(NormalizeCode(c.code));
        } else if constexpr (std::is_same_v<T, commands::SetShippingMethod>) {
          f.Str(c.method);
        } else if constexpr (std::is_same_v<T, commands::SetRegion>) {
          f.Str(c.region);
        } else if constexpr (std::is_same_v<T, commands::SetBuyer>) {
          f.Str(c.buyer.anonymous_id).Str(c.buyer.customer_id).Bool(c.buyer.purchase_blocked);
        } else if constexpr (std::is_same_v<T, commands::RequestConfirmation>) {
          f.Int(absl::ToInt64Nanoseconds(c.ttl));
        } else if constexpr (std::is_same_v<T, commands::ConfirmPurchase>) {
          f.Str(c.token);
        } else if constexpr (std::is_same_v<T, commands::PlaceOrder>) {
          f.Bool(c.reference_seed.has_value())
              .Int(static_cast<int64_t>(c.reference_seed.value_or(0)));
          f.Str(c.source.channel).Str(c.source.campaign);
        } else {
          static_assert(std::is_same_v<T, commands::ClearCart> ||
                        std::is_same_v<T, commands::RefreshPrices>);
        }
      },
      action);
}

}  // namespace

uint64_t IdempotencyFingerprint(const CartCommand& command) {
  Fingerprint f;
  AddAction(f, command.action);
  f.Bool(command.expected_version.has_value())
      .Int(static_cast<int64_t>(command.expected_version.value_or(0)));
  const uint64_t key = HashBytes(command.idempotency_key);
  return (key & 0xffffffff00000000u) | (f.Hash() & 0xffffffffu);
}

const IdempotencyRecord* FindRecord(const CartState& state, uint64_t fingerprint) {
  for (const IdempotencyRecord& record : state.idempotency) {
    if ((record.fingerprint ^ fingerprint) >> 32 == 0) return &record;
  }
  return nullptr;
}

void Remember(CartState& state, IdempotencyRecord record, uint32_t window) {
  if (window == 0) return;
  while (state.idempotency.size() >= window) state.idempotency.erase(state.idempotency.begin());
  state.idempotency.push_back(std::move(record));
}

}  // namespace chatcart::cart_internal
