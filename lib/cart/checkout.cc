// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// "Reply OK to buy" and placing the order: a confirmation is bound to a hash
// of the exact cart and expires; an order needs one (above the policy's
// threshold) that still matches the cart.

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "cart/apply.h"
#include "cart/fingerprint.h"
#include "chatcart/order.h"
#include "common/echo.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/time.h"

namespace chatcart::cart_internal {
namespace {

constexpr absl::Duration kMaxConfirmationTtl = absl::Hours(24);

absl::Status NeedsShippingMethod(const CompiledPolicy& policy, const CartState& state) {
  if (!policy.shipping.empty() && state.shipping_method.empty()) {
    return absl::FailedPreconditionError("choose a shipping method first");
  }
  return absl::OkStatus();
}

// Every line's price is still the PriceSource's and its stock suffices.
absl::Status CheckPricesAndStockCurrent(const ApplyContext& ctx, const CartState& state) {
  if (ctx.replaying()) return absl::OkStatus();
  for (const CartLine& line : state.lines) {
    if (ctx.sources.prices != nullptr) {
      absl::StatusOr<PriceQuote> quote = ctx.sources.prices->Quote(line.product_id, line.sku);
      if (!quote.ok()) {
        return Annotate(quote.status(), absl::StrCat("line ", line.line_id, " (", line.title, ")"));
      }
      if (quote->unit_price.currency() != ctx.policy.currency ||
          quote->unit_price.minor_units() != line.unit_price) {
        return absl::FailedPreconditionError(absl::StrCat(
            "the price of line ", line.line_id, " (", line.title, ") changed from ",
            ctx.policy.zero.WithMinorUnits(line.unit_price).ToString(), " to ",
            quote->unit_price.ToString(), "; refresh prices and ask for a new confirmation"));
      }
    }
    CHATCART_RETURN_IF_ERROR(
        CheckStock(ctx, line.product_id, line.sku, QuantityOf(state, line.product_id, line.sku)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<uint64_t> ContentHashOf(const CompiledPolicy& policy, const CartState& state,
                                       int64_t* grand_total) {
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, TotalsOf(policy, state));
  Fingerprint f;
  f.Str(state.currency).Int(static_cast<int64_t>(state.lines.size()));
  for (const CartLine& line : state.lines) {
    f.Int(line.line_id).Str(line.product_id).Str(line.sku).Int(line.quantity).Int(line.unit_price);
    f.Str(line.title).Str(line.category);
  }
  f.Int(static_cast<int64_t>(state.discount_codes.size()));
  for (const std::string& code : state.discount_codes) f.Str(code);
  f.Str(state.shipping_method).Str(state.region);
  f.Str(state.buyer.anonymous_id).Str(state.buyer.customer_id);
  f.Int(totals.grand_total.minor_units());
  if (grand_total != nullptr) *grand_total = totals.grand_total.minor_units();
  return f.Hash();
}

absl::Status ApplyRequestConfirmation(ApplyContext& ctx, const commands::RequestConfirmation& c,
                                      CartState& next) {
  CHATCART_RETURN_IF_ERROR(CheckPurchaseAllowed(next));
  if (c.ttl <= absl::ZeroDuration() || c.ttl > kMaxConfirmationTtl) {
    return absl::InvalidArgumentError(
        absl::StrCat("request_confirmation: ttl must be more than 0 and at most 24 hours (got ",
                     absl::FormatDuration(c.ttl), ")"));
  }
  if (next.lines.empty()) return absl::FailedPreconditionError("the cart is empty");
  CHATCART_RETURN_IF_ERROR(NeedsShippingMethod(ctx.policy, next));
  CHATCART_RETURN_IF_ERROR(CheckCodesUnexpired(ctx.policy, next, ctx.time));
  int64_t grand_total = 0;
  CHATCART_ASSIGN_OR_RETURN(uint64_t hash, ContentHashOf(ctx.policy, next, &grand_total));
  const absl::Time expires_at = ctx.time + c.ttl;
  CHATCART_RETURN_IF_ERROR(CheckTimestampRange(expires_at, "request_confirmation: expiry time"));
  PendingConfirmation& p = next.confirmation.emplace();
  p.cart_hash = hash;
  p.version = next.version;
  p.expires_at = expires_at;
  p.grand_total = grand_total;
  p.confirmed = false;
  Fingerprint token;
  token.Str(next.id).Int(static_cast<int64_t>(hash)).Int(static_cast<int64_t>(next.version));
  p.token = Base32(token.Hash(), 6);
  return absl::OkStatus();
}

absl::Status ApplyConfirmPurchase(ApplyContext& ctx, const commands::ConfirmPurchase& c,
                                  CartState& next) {
  if (ctx.command.actor.kind != Actor::Kind::kShopper) {
    return absl::PermissionDeniedError(absl::StrCat("only the shopper can confirm a purchase, not ",
                                                    ctx.command.actor.ToString()));
  }
  CHATCART_RETURN_IF_ERROR(CheckPurchaseAllowed(next));
  if (!next.confirmation.has_value()) {
    return absl::FailedPreconditionError("no confirmation was requested for this cart");
  }
  PendingConfirmation& p = *next.confirmation;
  if (c.token != p.token) {
    return absl::FailedPreconditionError(absl::StrCat(
        "confirmation token \"", Echo(c.token), "\" does not match the pending confirmation"));
  }
  if (p.confirmed) return absl::FailedPreconditionError("the purchase is already confirmed");
  if (ctx.time >= p.expires_at) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the confirmation expired at ", TimeText(p.expires_at), "; ask for a new one"));
  }
  int64_t grand_total = 0;
  CHATCART_ASSIGN_OR_RETURN(uint64_t hash, ContentHashOf(ctx.policy, next, &grand_total));
  if (hash != p.cart_hash) {
    return absl::FailedPreconditionError(absl::StrCat(
        "the cart changed since the confirmation was requested at version ", p.version,
        " (total then ", ctx.policy.zero.WithMinorUnits(p.grand_total).ToString(), ", now ",
        ctx.policy.zero.WithMinorUnits(grand_total).ToString(), "); ask for a new confirmation"));
  }
  CHATCART_RETURN_IF_ERROR(CheckCodesUnexpired(ctx.policy, next, ctx.time));
  CHATCART_RETURN_IF_ERROR(CheckPricesAndStockCurrent(ctx, next));
  p.confirmed = true;
  return absl::OkStatus();
}

absl::Status ApplyPlaceOrder(ApplyContext& ctx, const commands::PlaceOrder& c, CartState& next) {
  CHATCART_RETURN_IF_ERROR(CheckPurchaseAllowed(next));
  if (next.lines.empty()) return absl::FailedPreconditionError("the cart is empty");
  CHATCART_RETURN_IF_ERROR(NeedsShippingMethod(ctx.policy, next));
  CHATCART_RETURN_IF_ERROR(CheckCodesUnexpired(ctx.policy, next, ctx.time));
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, TotalsOf(ctx.policy, next));
  const int64_t grand = totals.grand_total.minor_units();
  const bool needs_confirmation =
      !ctx.policy.confirmation_threshold.has_value() || grand > *ctx.policy.confirmation_threshold;
  if (needs_confirmation) {
    if (!next.confirmation.has_value() || !next.confirmation->confirmed) {
      return absl::FailedPreconditionError(absl::StrCat(
          "an order of ", totals.grand_total.ToString(),
          " needs the shopper's confirmation first (request_confirmation, then confirm)"));
    }
    CHATCART_ASSIGN_OR_RETURN(uint64_t hash, ContentHashOf(ctx.policy, next, nullptr));
    if (hash != next.confirmation->cart_hash) {
      return absl::FailedPreconditionError(
          "the cart changed after the shopper confirmed it; ask for a new confirmation");
    }
  }
  // What the session has spent must stay countable, cap or none.
  int64_t spent;
  if (__builtin_add_overflow(next.spent, grand, &spent)) {
    return absl::OutOfRangeError(
        absl::StrCat("the session's spending overflows int64 minor units (",
                     ctx.policy.zero.WithMinorUnits(next.spent).ToString(),
                     " already ordered, this order ", totals.grand_total.ToString(), ")"));
  }
  if (ctx.policy.spending_cap.has_value() && spent > *ctx.policy.spending_cap) {
    return absl::FailedPreconditionError(absl::StrCat(
        "guardrail: the session's spending cap is ",
        ctx.policy.zero.WithMinorUnits(*ctx.policy.spending_cap).ToString(),
        "; this order would bring it to ", ctx.policy.zero.WithMinorUnits(spent).ToString()));
  }
  CHATCART_RETURN_IF_ERROR(CheckPricesAndStockCurrent(ctx, next));

  uint64_t seed;
  if (c.reference_seed.has_value()) {
    seed = *c.reference_seed;
  } else {
    Fingerprint f;
    f.Str(next.id).Int(next.orders_placed);
    seed = f.Hash();
  }
  OrderState order;
  order.reference = OrderReferenceFromSeed(seed);
  order.cart_id = next.id;
  order.version = 1;
  order.status = OrderStatus::kPlaced;
  order.currency = next.currency;
  order.lines.reserve(next.lines.size());
  for (CartLine& line : next.lines) {
    OrderLine& ol = order.lines.emplace_back();
    ol.line_id = line.line_id;
    ol.product_id = std::move(line.product_id);
    ol.sku = std::move(line.sku);
    ol.quantity = line.quantity;
    ol.unit_price = ctx.policy.zero.WithMinorUnits(line.unit_price);
    ol.title = std::move(line.title);
    ol.category = std::move(line.category);
  }
  order.discount_codes = std::move(next.discount_codes);
  order.shipping_method = next.shipping_method;
  order.region = next.region;
  order.buyer = next.buyer;
  order.totals = std::move(totals);
  order.placed_by = ctx.command.actor;
  order.source = c.source;
  order.assisted_by = c.assisted_by;
  order.placed_at = ctx.time;
  order.history.push_back({OrderStatus::kPlaced, ctx.command.actor, ctx.time});
  order.last_line_id = next.last_line_id;
  CHATCART_ASSIGN_OR_RETURN(Order placed, Order::FromState(std::move(order)));
  ctx.order_reference = placed.reference();
  ctx.order = std::make_shared<const Order>(std::move(placed));

  // The next cart starts clean: an order uses up its codes and its shipping
  // method (left on, it would price shipping into the next cart's running
  // total from its first line). Who buys and where it ships to stay.
  next.spent = spent;
  next.orders_placed += 1;
  next.lines.clear();
  next.discount_codes.clear();
  next.shipping_method.clear();
  next.confirmation.reset();
  return absl::OkStatus();
}

}  // namespace chatcart::cart_internal
