// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The machinery behind Cart::Apply: the context a command handler sees and the
// handlers, by responsibility (line_commands.cc, checkout.cc). A handler
// mutates `next`, a copy of the cart's state that replaces it only when every
// check passed, so a handler may fail at any point without undoing anything.

#ifndef CHATCART_CART_APPLY_H_
#define CHATCART_CART_APPLY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "cart/policy.h"
#include "chatcart/cart.h"

namespace chatcart::cart_internal {

struct ApplyContext {
  const CompiledPolicy& policy;
  const CartSources& sources;
  const CartCommand& command;
  absl::Time time;
  // Replaying an event: captured values come from it; no source is consulted
  // and stock is not checked.
  const CartEvent* replay = nullptr;
  size_t replay_captured_next = 0;
  // Outputs.
  CartEvent* event = nullptr;
  std::shared_ptr<const Order> order;
  std::string order_reference;

  bool replaying() const { return replay != nullptr; }
};

// Applies one command's action to `next`.
absl::Status ApplyAction(ApplyContext& ctx, CartState& next);

// line_commands.cc
absl::Status ApplyAddLine(ApplyContext& ctx, const commands::AddLine& c, CartState& next);
absl::Status ApplyRemoveLine(ApplyContext& ctx, const commands::RemoveLine& c, CartState& next);
absl::Status ApplyChangeQuantity(ApplyContext& ctx, const commands::ChangeQuantity& c,
                                 CartState& next);
absl::Status ApplyChangeVariant(ApplyContext& ctx, const commands::ChangeVariant& c,
                                CartState& next);
absl::Status ApplyRefreshPrices(ApplyContext& ctx, CartState& next);
absl::Status ApplyAddDiscountCode(ApplyContext& ctx, const commands::AddDiscountCode& c,
                                  CartState& next);
absl::Status ApplyRemoveDiscountCode(ApplyContext& ctx, const commands::RemoveDiscountCode& c,
                                     CartState& next);
absl::Status ApplySetShippingMethod(ApplyContext& ctx, const commands::SetShippingMethod& c,
                                    CartState& next);
absl::Status ApplySetRegion(ApplyContext& ctx, const commands::SetRegion& c, CartState& next);
absl::Status ApplySetBuyer(ApplyContext& ctx, const commands::SetBuyer& c, CartState& next);
absl::Status ApplyClear(ApplyContext& ctx, CartState& next);

// checkout.cc
absl::Status ApplyRequestConfirmation(ApplyContext& ctx, const commands::RequestConfirmation& c,
                                      CartState& next);
absl::Status ApplyConfirmPurchase(ApplyContext& ctx, const commands::ConfirmPurchase& c,
                                  CartState& next);
absl::Status ApplyPlaceOrder(ApplyContext& ctx, const commands::PlaceOrder& c, CartState& next);

// The price, title and category for a line: from the event being replayed,
// else from sources.prices, else from the command (`unit_price` required then).
// Appends what it captured to the event, as line `line_id` (0 when not known
// yet: the caller sets it with SetCapturedLineId()).
absl::StatusOr<CapturedQuote> Capture(ApplyContext& ctx, std::string_view product_id,
                                      std::string_view sku,
                                      const std::optional<Money>& command_price,
                                      std::string_view command_title,
                                      std::string_view command_category, uint32_t line_id);
// Sets the line id of the last captured quote; in a replay, checks it.
absl::Status SetCapturedLineId(ApplyContext& ctx, uint32_t line_id);

// FAILED_PRECONDITION when fewer than `wanted` units of the variant are
// available (naming how many are). No-op in a replay or without a StockSource.
absl::Status CheckStock(const ApplyContext& ctx, std::string_view product_id, std::string_view sku,
                        int64_t wanted);

// The line with `line_id`, or NOT_FOUND naming it.
absl::StatusOr<CartLine*> FindLine(CartState& state, uint32_t line_id);

// Units of the variant across all lines of `state`.
int64_t QuantityOf(const CartState& state, std::string_view product_id, std::string_view sku);

// guardrails.cc
// FAILED_PRECONDITION when `quantity` exceeds the per-line limit.
absl::Status CheckQuantityLimit(const CompiledPolicy& policy, int64_t quantity,
                                std::string_view what);
// FAILED_PRECONDITION when one more line would exceed the line limit.
absl::Status CheckRoomForLine(const CompiledPolicy& policy, const CartState& state);
// PERMISSION_DENIED for a purchase-blocked buyer.
absl::Status CheckPurchaseAllowed(const CartState& state);
// Checks the state a command produced before it is committed: OUT_OF_RANGE
// when its totals (or, with a spending cap, its spending) overflow int64;
// FAILED_PRECONDITION when it spends beyond the session cap and spends more
// than `before` did (a command that lowers the total is never refused).
absl::Status CheckNewState(const CompiledPolicy& policy, const CartState& before,
                           const CartState& next);
// FAILED_PRECONDITION when an applied code has expired at `time`.
absl::Status CheckCodesUnexpired(const CompiledPolicy& policy, const CartState& state,
                                 absl::Time time);

// The totals of a state.
absl::StatusOr<CartTotals> TotalsOf(const CompiledPolicy& policy, const CartState& state);

// checkout.cc: the hash a confirmation binds to.
absl::StatusOr<uint64_t> ContentHashOf(const CompiledPolicy& policy, const CartState& state,
                                       int64_t* grand_total);

// idempotency.cc
// The record fingerprint of a keyed command: 32 bits of the key's hash, then
// 32 bits of the hash of what a retry must repeat (action, expected_version).
uint64_t IdempotencyFingerprint(const CartCommand& command);
// The record whose key half matches `fingerprint`'s, or null.
const IdempotencyRecord* FindRecord(const CartState& state, uint64_t fingerprint);
// Appends a record, dropping the oldest beyond `window`.
void Remember(CartState& state, IdempotencyRecord record, uint32_t window);

// Time as text for messages: "2026-01-05T10:00:00Z".
std::string TimeText(absl::Time time);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_APPLY_H_
