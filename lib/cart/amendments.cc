// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Amending a placed order: stage changes on unfulfilled lines, preview the
// price difference, commit on the shopper's confirmation.

#include <string>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "cart/fingerprint.h"
#include "cart/policy.h"
#include "cart/pricing.h"
#include "chatcart/order.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "common/utf8_scrub.h"

namespace chatcart {
namespace {

using cart_internal::CompiledPolicy;

absl::StatusOr<OrderLine*> FindUnfulfilled(std::vector<OrderLine>& lines, uint32_t line_id,
                                           std::string_view reference) {
  for (OrderLine& line : lines) {
    if (line.line_id != line_id) continue;
    if (line.fulfilled) {
      return absl::FailedPreconditionError(
          absl::StrCat("line ", line_id, " (", line.title, ") of order ", ToAbsl(reference),
                       " is already fulfilled; it cannot be changed"));
    }
    return &line;
  }
  return absl::NotFoundError(absl::StrCat("order ", ToAbsl(reference), " has no line ", line_id));
}

absl::StatusOr<PriceQuote> QuoteFor(const CartSources& sources, const commands::AddLine& c) {
  if (sources.prices != nullptr) {
    if (c.unit_price.has_value() || !c.category.empty()) {
      return absl::InvalidArgumentError(
          "add_line: unit_price and category come from the PriceSource; leave them unset");
    }
    CHATCART_ASSIGN_OR_RETURN(PriceQuote quote, sources.prices->Quote(c.product_id, c.sku));
    if (!c.title.empty()) quote.title = c.title;
    return quote;
  }
  if (!c.unit_price.has_value()) {
    return absl::InvalidArgumentError(
        "add_line: the change needs a unit_price (no PriceSource is configured)");
  }
  return PriceQuote{*c.unit_price, c.title, c.category};
}

// The variant's units across `lines`.
absl::flat_hash_map<std::string, int64_t> UnitsByVariant(const std::vector<OrderLine>& lines) {
  absl::flat_hash_map<std::string, int64_t> units;
  for (const OrderLine& line : lines) {
    units[absl::StrCat(line.product_id, "\x1f", line.sku)] += line.quantity;
  }
  return units;
}

// Stock for what the new lines need beyond the old ones.
absl::Status CheckStockForIncrease(const CartSources& sources, const std::vector<OrderLine>& before,
                                   const std::vector<OrderLine>& after) {
  if (sources.stock == nullptr) return absl::OkStatus();
  absl::flat_hash_map<std::string, int64_t> old_units = UnitsByVariant(before);
  absl::flat_hash_map<std::string, int64_t> checked;
  for (const OrderLine& line : after) {
    const std::string key = absl::StrCat(line.product_id, "\x1f", line.sku);
    if (!checked.emplace(key, 0).second) continue;
    int64_t wanted = 0;
    for (const OrderLine& l : after) {
      if (l.product_id == line.product_id && l.sku == line.sku) wanted += l.quantity;
    }
    const int64_t increase = wanted - old_units[key];
    if (increase <= 0) continue;
    CHATCART_ASSIGN_OR_RETURN(int64_t available,
                              sources.stock->Available(line.product_id, line.sku));
    if (available < increase) {
      return absl::FailedPreconditionError(
          absl::StrCat("only ", std::max<int64_t>(available, 0), " more of product ",
                       line.product_id, line.sku.empty() ? "" : " variant ", line.sku,
                       " available; the amendment needs ", increase));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAmendable(const OrderState& state) {
  if (state.status != OrderStatus::kPlaced && state.status != OrderStatus::kPaid) {
    return absl::FailedPreconditionError(absl::StrCat("order ", state.reference, " is ",
                                                      ToAbsl(OrderStatusName(state.status)),
                                                      "; only a placed or paid order is amended"));
  }
  if (state.buyer.purchase_blocked) {
    return absl::PermissionDeniedError("guardrail: purchases are blocked for this buyer's profile");
  }
  return absl::OkStatus();
}

absl::Status ApplyChange(const CompiledPolicy& policy, const CartSources& sources,
                         const OrderState& state, const OrderChange& change, size_t index,
                         std::vector<OrderLine>& lines, uint32_t& last_line_id) {
  const std::string where = absl::StrCat("change ", index);
  if (const auto* add = std::get_if<commands::AddLine>(&change)) {
    if (add->product_id.empty()) return absl::InvalidArgumentError(where + ": empty product_id");
    if (add->quantity < 1 || add->quantity > policy.max_quantity_per_line) {
      return absl::FailedPreconditionError(absl::StrCat(
          where, ": quantity ", add->quantity, " outside 1..", policy.max_quantity_per_line));
    }
    absl::StatusOr<PriceQuote> quote = QuoteFor(sources, *add);
    if (!quote.ok()) return Annotate(quote.status(), where);
    if (quote->unit_price.currency() != state.currency || quote->unit_price.is_negative()) {
      return absl::InvalidArgumentError(absl::StrCat(where, ": price ",
                                                     quote->unit_price.ToString(),
                                                     " is negative or not in ", state.currency));
    }
    OrderLine& line = lines.emplace_back();
    line.line_id = ++last_line_id;
    line.product_id = add->product_id;
    line.sku = add->sku;
    line.quantity = add->quantity;
    line.unit_price = quote->unit_price;
    line.title = std::move(quote->title);
    line.category = std::move(quote->category);
    ScrubUtf8InPlace(&line.title);  // the host's source may hand any bytes (#22)
    ScrubUtf8InPlace(&line.category);
    return absl::OkStatus();
  }
  if (const auto* qty = std::get_if<commands::ChangeQuantity>(&change)) {
    absl::StatusOr<OrderLine*> line = FindUnfulfilled(lines, qty->line_id, state.reference);
    if (!line.ok()) return Annotate(line.status(), where);
    if (qty->quantity < 1 || qty->quantity > policy.max_quantity_per_line) {
      return absl::FailedPreconditionError(absl::StrCat(
          where, ": quantity ", qty->quantity, " outside 1..", policy.max_quantity_per_line,
          qty->quantity < 1 ? " (remove the line instead)" : ""));
    }
    (*line)->quantity = qty->quantity;
    return absl::OkStatus();
  }
  const auto& remove = std::get<commands::RemoveLine>(change);
  absl::StatusOr<OrderLine*> line = FindUnfulfilled(lines, remove.line_id, state.reference);
  if (!line.ok()) return Annotate(line.status(), where);
  lines.erase(lines.begin() + (*line - lines.data()));
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<OrderAmendment> Order::StageAmendment(std::span<const OrderChange> changes,
                                                     const CartPolicy& policy,
                                                     const CartSources& sources, const Actor& actor,
                                                     absl::Time time, absl::Duration ttl) {
  const CompiledPolicy& compiled = policy.compiled();
  CHATCART_RETURN_IF_ERROR(CheckAmendable(state_));
  if (compiled.currency != state_.currency) {
    return absl::InvalidArgumentError(absl::StrCat("the policy's currency ", compiled.currency,
                                                   " is not the order's ", state_.currency));
  }
  if (changes.empty()) return absl::InvalidArgumentError("an amendment needs at least one change");
  if (ttl <= absl::ZeroDuration() || ttl > absl::Hours(24)) {
    return absl::InvalidArgumentError("the amendment's ttl must be more than 0 and at most 24 h");
  }
  OrderAmendment amendment;
  amendment.lines = state_.lines;
  uint32_t last_line_id = state_.last_line_id;
  for (size_t i = 0; i < changes.size(); ++i) {
    CHATCART_RETURN_IF_ERROR(
        ApplyChange(compiled, sources, state_, changes[i], i, amendment.lines, last_line_id));
  }
  if (amendment.lines.empty()) {
    return absl::FailedPreconditionError(
        "an amendment cannot remove every line; cancel the order instead");
  }
  if (amendment.lines.size() > compiled.max_lines) {
    return absl::FailedPreconditionError(
        absl::StrCat("guardrail: an order holds at most ", compiled.max_lines, " lines"));
  }
  CHATCART_RETURN_IF_ERROR(CheckStockForIncrease(sources, state_.lines, amendment.lines));

  std::vector<CartLine> priced;
  priced.reserve(amendment.lines.size());
  for (const OrderLine& line : amendment.lines) {
    priced.push_back(CartLine{line.line_id, line.product_id, line.sku, line.quantity,
                              line.unit_price.minor_units(), line.title, line.category});
  }
  CHATCART_RETURN_IF_ERROR(cart_internal::ComputeTotals(
      compiled, {priced, state_.discount_codes, state_.shipping_method, state_.region},
      &amendment.totals));
  CHATCART_ASSIGN_OR_RETURN(amendment.difference,
                            amendment.totals.grand_total.Minus(state_.totals.grand_total));
  amendment.changes.assign(changes.begin(), changes.end());
  amendment.staged_by = actor;
  amendment.staged_at = time;
  amendment.expires_at = time + ttl;
  amendment.base_version = state_.version + 1;
  cart_internal::Fingerprint token;
  token.Str(state_.reference).Int(static_cast<int64_t>(amendment.base_version));
  token.Int(amendment.totals.grand_total.minor_units()).Int(absl::ToUnixNanos(time));
  amendment.token = cart_internal::Base32(token.Hash(), 6);

  state_.pending_amendment = amendment;
  state_.version = amendment.base_version;
  return amendment;
}

absl::Status Order::ConfirmAmendment(std::string_view token, const CartPolicy& policy,
                                     const CartSources& sources, const Actor& actor,
                                     absl::Time time) {
  if (actor.kind != Actor::Kind::kShopper) {
    return absl::PermissionDeniedError(
        absl::StrCat("only the shopper can confirm an amendment, not ", actor.ToString()));
  }
  if (!state_.pending_amendment.has_value()) {
    return absl::FailedPreconditionError(
        absl::StrCat("order ", state_.reference, " has no staged amendment"));
  }
  const OrderAmendment& pending = *state_.pending_amendment;
  if (token != pending.token) {
    return absl::FailedPreconditionError(
        absl::StrCat("token \"", ToAbsl(token), "\" does not match the staged amendment"));
  }
  if (time >= pending.expires_at) {
    return absl::FailedPreconditionError(
        "the amendment's preview expired; stage it again for a new preview");
  }
  if (state_.version != pending.base_version) {
    return absl::FailedPreconditionError(absl::StrCat(
        "order ", state_.reference, " changed since the amendment was staged (version ",
        pending.base_version, ", now ", state_.version, "); stage it again"));
  }
  CHATCART_RETURN_IF_ERROR(CheckAmendable(state_));
  if (sources.prices != nullptr) {
    for (const OrderLine& line : pending.lines) {
      if (line.line_id <= state_.last_line_id) continue;  // ordered before: price kept
      CHATCART_ASSIGN_OR_RETURN(PriceQuote quote, sources.prices->Quote(line.product_id, line.sku));
      if (!(quote.unit_price == line.unit_price)) {
        return absl::FailedPreconditionError(absl::StrCat(
            "the price of ", line.title, " changed from ", line.unit_price.ToString(), " to ",
            quote.unit_price.ToString(), " since the preview; stage the amendment again"));
      }
    }
  }
  CHATCART_RETURN_IF_ERROR(CheckStockForIncrease(sources, state_.lines, pending.lines));

  OrderState next = state_;
  OrderAmendment done = std::move(*next.pending_amendment);
  next.pending_amendment.reset();
  next.lines = done.lines;
  next.totals = done.totals;
  for (const OrderLine& line : next.lines) {
    next.last_line_id = std::max(next.last_line_id, line.line_id);
  }
  done.confirmed_by = actor;
  done.confirmed_at = time;
  next.amendments.push_back(std::move(done));
  next.version += 1;
  state_ = std::move(next);
  return absl::OkStatus();
}

absl::Status Order::DiscardAmendment() {
  if (!state_.pending_amendment.has_value()) {
    return absl::NotFoundError(
        absl::StrCat("order ", state_.reference, " has no staged amendment"));
  }
  state_.pending_amendment.reset();
  state_.version += 1;
  return absl::OkStatus();
}

}  // namespace chatcart
