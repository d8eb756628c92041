// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The commands that edit a cart's contents: lines, codes, shipping, region,
// buyer, clear.

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "cart/apply.h"
#include "cart/pricing.h"
#include "common/echo.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/utf8_scrub.h"

namespace chatcart::cart_internal {

absl::StatusOr<CartLine*> FindLine(CartState& state, uint32_t line_id) {
  for (CartLine& line : state.lines) {
    if (line.line_id == line_id) return &line;
  }
  return absl::NotFoundError(absl::StrCat("the cart has no line ", line_id));
}

int64_t QuantityOf(const CartState& state, std::string_view product_id, std::string_view sku) {
  int64_t total = 0;
  for (const CartLine& line : state.lines) {
    if (line.product_id == product_id && line.sku == sku) total += line.quantity;
  }
  return total;
}

namespace {

std::string VariantName(std::string_view product_id, std::string_view sku) {
  return sku.empty() ? absl::StrCat("product ", Echo(product_id))
                     : absl::StrCat("product ", Echo(product_id), " variant ", Echo(sku));
}

absl::Status CheckQuantityArgument(int64_t quantity, std::string_view command) {
  if (quantity < 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(command), ": quantity must be at least 1 (got ", quantity, ")",
                     command == "change_quantity" ? "; use remove_line to remove a line" : ""));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CapturedQuote> Capture(ApplyContext& ctx, std::string_view product_id,
                                      std::string_view sku,
                                      const std::optional<Money>& command_price,
                                      std::string_view command_title,
                                      std::string_view command_category, uint32_t line_id) {
  CapturedQuote quote;
  quote.line_id = line_id;
  if (ctx.replaying()) {
    if (ctx.replay_captured_next >= ctx.replay->captured.size()) {
      return absl::DataLossError("the event lacks a captured price");
    }
    quote = ctx.replay->captured[ctx.replay_captured_next++];
  } else if (ctx.sources.prices != nullptr) {
    if (command_price.has_value() || !command_category.empty()) {
      return absl::InvalidArgumentError(
          "unit_price and category come from the PriceSource; leave them unset in the command");
    }
    absl::StatusOr<PriceQuote> q = ctx.sources.prices->Quote(product_id, sku);
    if (!q.ok()) return Annotate(q.status(), VariantName(product_id, sku));
    quote.unit_price = q->unit_price;
    quote.title = command_title.empty() ? std::move(q->title) : std::string(command_title);
    quote.category = std::move(q->category);
    // The host's source may hand any bytes; the cart keeps UTF-8 (#22).
    ScrubUtf8InPlace(&quote.title);
    ScrubUtf8InPlace(&quote.category);
  } else {
    if (!command_price.has_value()) {
      return absl::InvalidArgumentError(
          absl::StrCat(VariantName(product_id, sku),
                       ": the command needs a unit_price (no PriceSource is configured)"));
    }
    quote.unit_price = *command_price;
    quote.title = std::string(command_title);
    quote.category = std::string(command_category);
  }
  if (quote.unit_price.currency() != ctx.policy.currency) {
    return absl::InvalidArgumentError(
        absl::StrCat(VariantName(product_id, sku), ": price ", quote.unit_price.ToString(),
                     " is not in the cart's currency ", ctx.policy.currency));
  }
  if (quote.unit_price.is_negative()) {
    return absl::InvalidArgumentError(absl::StrCat(VariantName(product_id, sku), ": price ",
                                                   quote.unit_price.ToString(), " is negative"));
  }
  if (!ctx.replaying()) ctx.event->captured.push_back(quote);
  return quote;
}

absl::Status SetCapturedLineId(ApplyContext& ctx, uint32_t line_id) {
  if (ctx.replaying()) {
    const CapturedQuote& q = ctx.replay->captured[ctx.replay_captured_next - 1];
    if (q.line_id != line_id) {
      return absl::DataLossError(absl::StrCat("the event captured a price for line ", q.line_id,
                                              " but the replay gives line ", line_id));
    }
    return absl::OkStatus();
  }
  ctx.event->captured.back().line_id = line_id;
  return absl::OkStatus();
}

absl::Status CheckStock(const ApplyContext& ctx, std::string_view product_id, std::string_view sku,
                        int64_t wanted) {
  if (ctx.replaying() || ctx.sources.stock == nullptr) return absl::OkStatus();
  absl::StatusOr<int64_t> available = ctx.sources.stock->Available(product_id, sku);
  if (!available.ok()) return Annotate(available.status(), VariantName(product_id, sku));
  if (*available < wanted) {
    return absl::FailedPreconditionError(absl::StrCat("only ", std::max<int64_t>(*available, 0),
                                                      " of ", VariantName(product_id, sku),
                                                      " available; the cart would hold ", wanted));
  }
  return absl::OkStatus();
}

absl::Status ApplyAddLine(ApplyContext& ctx, const commands::AddLine& c, CartState& next) {
  if (c.product_id.empty()) return absl::InvalidArgumentError("add_line: empty product_id");
  CHATCART_RETURN_IF_ERROR(CheckQuantityArgument(c.quantity, "add_line"));
  CHATCART_RETURN_IF_ERROR(CheckQuantityLimit(ctx.policy, c.quantity, "add_line"));
  CHATCART_ASSIGN_OR_RETURN(CapturedQuote quote, Capture(ctx, c.product_id, c.sku, c.unit_price,
                                                         c.title, c.category, /*line_id=*/0));
  // The same variant at the same price grows its line.
  CartLine* line = nullptr;
  for (CartLine& l : next.lines) {
    if (l.product_id == c.product_id && l.sku == c.sku &&
        l.unit_price == quote.unit_price.minor_units()) {
      line = &l;
      break;
    }
  }
  const int64_t held = QuantityOf(next, c.product_id, c.sku);
  if (line != nullptr) {
    const int64_t quantity = line->quantity + c.quantity;
    CHATCART_RETURN_IF_ERROR(CheckQuantityLimit(ctx.policy, quantity, "add_line"));
    line->quantity = quantity;
  } else {
    CHATCART_RETURN_IF_ERROR(CheckRoomForLine(ctx.policy, next));
    CartLine& added = next.lines.emplace_back();
    added.line_id = ++next.last_line_id;
    added.product_id = c.product_id;
    added.sku = c.sku;
    added.quantity = c.quantity;
    added.unit_price = quote.unit_price.minor_units();
    added.title = std::move(quote.title);
    added.category = std::move(quote.category);
    line = &added;
  }
  CHATCART_RETURN_IF_ERROR(SetCapturedLineId(ctx, line->line_id));
  return CheckStock(ctx, c.product_id, c.sku, held + c.quantity);
}

absl::Status ApplyRemoveLine(ApplyContext& ctx, const commands::RemoveLine& c, CartState& next) {
  CHATCART_ASSIGN_OR_RETURN(CartLine * line, FindLine(next, c.line_id));
  next.lines.erase(next.lines.begin() + (line - next.lines.data()));
  return absl::OkStatus();
}

absl::Status ApplyChangeQuantity(ApplyContext& ctx, const commands::ChangeQuantity& c,
                                 CartState& next) {
  CHATCART_RETURN_IF_ERROR(CheckQuantityArgument(c.quantity, "change_quantity"));
  CHATCART_ASSIGN_OR_RETURN(CartLine * line, FindLine(next, c.line_id));
  CHATCART_RETURN_IF_ERROR(CheckQuantityLimit(ctx.policy, c.quantity, "change_quantity"));
  const int64_t increase = c.quantity - line->quantity;
  line->quantity = c.quantity;
  if (increase > 0) {
    return CheckStock(ctx, line->product_id, line->sku,
                      QuantityOf(next, line->product_id, line->sku));
  }
  return absl::OkStatus();
}

absl::Status ApplyChangeVariant(ApplyContext& ctx, const commands::ChangeVariant& c,
                                CartState& next) {
  CHATCART_ASSIGN_OR_RETURN(CartLine * line, FindLine(next, c.line_id));
  if (c.sku == line->sku) {
    return absl::InvalidArgumentError(absl::StrCat("change_variant: line ", c.line_id,
                                                   " already is variant \"", Echo(c.sku), "\""));
  }
  CHATCART_ASSIGN_OR_RETURN(CapturedQuote quote, Capture(ctx, line->product_id, c.sku, c.unit_price,
                                                         c.title, c.category, c.line_id));
  line->sku = c.sku;
  line->unit_price = quote.unit_price.minor_units();
  line->title = std::move(quote.title);
  line->category = std::move(quote.category);
  return CheckStock(ctx, line->product_id, line->sku,
                    QuantityOf(next, line->product_id, line->sku));
}

absl::Status ApplyRefreshPrices(ApplyContext& ctx, CartState& next) {
  if (!ctx.replaying() && ctx.sources.prices == nullptr) {
    return absl::FailedPreconditionError("refresh_prices needs a PriceSource");
  }
  for (CartLine& line : next.lines) {
    CHATCART_ASSIGN_OR_RETURN(CapturedQuote quote, Capture(ctx, line.product_id, line.sku,
                                                           std::nullopt, "", "", line.line_id));
    CHATCART_RETURN_IF_ERROR(SetCapturedLineId(ctx, line.line_id));
    line.unit_price = quote.unit_price.minor_units();
    line.title = std::move(quote.title);
    line.category = std::move(quote.category);
  }
  return absl::OkStatus();
}

absl::Status ApplyAddDiscountCode(ApplyContext& ctx, const commands::AddDiscountCode& c,
                                  CartState& next) {
  const std::string code = NormalizeCode(c.code);
  const CompiledCode* compiled = ctx.policy.FindCode(code);
  if (compiled == nullptr) {
    return absl::NotFoundError(absl::StrCat("unknown discount code \"", Echo(c.code), "\""));
  }
  for (const std::string& applied : next.discount_codes) {
    if (applied == code) {
      return absl::AlreadyExistsError(absl::StrCat("discount code ", code, " is already applied"));
    }
  }
  if (compiled->expires_at.has_value() && ctx.time >= *compiled->expires_at) {
    return absl::FailedPreconditionError(
        absl::StrCat("discount code ", code, " expired at ", TimeText(*compiled->expires_at)));
  }
  if (next.discount_codes.size() >= ctx.policy.max_codes_per_cart) {
    return absl::FailedPreconditionError(
        absl::StrCat("a cart takes at most ", ctx.policy.max_codes_per_cart, " discount codes"));
  }
  if (!next.discount_codes.empty()) {
    if (!compiled->stackable) {
      return absl::FailedPreconditionError(absl::StrCat(
          "discount code ", code, " cannot be combined with other codes (the cart has ",
          absl::StrJoin(next.discount_codes, ", "), ")"));
    }
    for (const std::string& applied : next.discount_codes) {
      const CompiledCode* other = ctx.policy.FindCode(applied);
      if (other != nullptr && !other->stackable) {
        return absl::FailedPreconditionError(absl::StrCat(
            "discount code ", applied, " on the cart cannot be combined with other codes"));
      }
    }
  }
  next.discount_codes.push_back(code);
  // A code that would give nothing is refused rather than silently kept.
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, TotalsOf(ctx.policy, next));
  const DiscountTotals& mine = totals.discounts.back();
  if (!mine.applied) {
    return absl::FailedPreconditionError(
        absl::StrCat("discount code ", code, " does not apply: ", mine.reason));
  }
  return absl::OkStatus();
}

absl::Status ApplyRemoveDiscountCode(ApplyContext& ctx, const commands::RemoveDiscountCode& c,
                                     CartState& next) {
  const std::string code = NormalizeCode(c.code);
  auto it = std::find(next.discount_codes.begin(), next.discount_codes.end(), code);
  if (it == next.discount_codes.end()) {
    return absl::NotFoundError(absl::StrCat("discount code ", Echo(code), " is not on the cart"));
  }
  next.discount_codes.erase(it);
  return absl::OkStatus();
}

absl::Status ApplySetShippingMethod(ApplyContext& ctx, const commands::SetShippingMethod& c,
                                    CartState& next) {
  if (!c.method.empty()) {
    const CompiledShipping* method = ctx.policy.FindShipping(c.method);
    if (method == nullptr) {
      std::vector<std::string> ids;
      for (const CompiledShipping& s : ctx.policy.shipping) ids.push_back(s.id);
      return absl::NotFoundError(absl::StrCat("unknown shipping method \"", Echo(c.method),
                                              "\" (the policy has: ", absl::StrJoin(ids, ", "),
                                              ")"));
    }
    if (!next.region.empty() && !method->Serves(next.region)) {
      return absl::FailedPreconditionError(
          absl::StrCat("shipping method ", c.method, " does not serve region ", next.region));
    }
  }
  next.shipping_method = c.method;
  return absl::OkStatus();
}

absl::Status ApplySetRegion(ApplyContext& ctx, const commands::SetRegion& c, CartState& next) {
  if (c.region.size() > 32) {
    return absl::InvalidArgumentError("set_region: a region is at most 32 characters");
  }
  if (!next.shipping_method.empty() && !c.region.empty()) {
    const CompiledShipping* method = ctx.policy.FindShipping(next.shipping_method);
    if (method != nullptr && !method->Serves(c.region)) {
      return absl::FailedPreconditionError(absl::StrCat("shipping method ", next.shipping_method,
                                                        " does not serve region ", c.region,
                                                        "; choose another method first"));
    }
  }
  next.region = c.region;
  return absl::OkStatus();
}

absl::Status ApplySetBuyer(ApplyContext& ctx, const commands::SetBuyer& c, CartState& next) {
  if (!c.buyer.anonymous_id.empty() && !c.buyer.customer_id.empty()) {
    return absl::InvalidArgumentError(
        "set_buyer: a buyer is either anonymous or a customer, not both");
  }
  if (next.buyer.purchase_blocked && !c.buyer.purchase_blocked &&
      ctx.command.actor.kind == Actor::Kind::kShopper) {
    return absl::PermissionDeniedError(
        "set_buyer: only a bot or an agent can lift a purchase block, not the shopper");
  }
  next.buyer = c.buyer;
  return absl::OkStatus();
}

absl::Status ApplyClear(ApplyContext& ctx, CartState& next) {
  next.lines.clear();
  next.discount_codes.clear();
  next.confirmation.reset();
  return absl::OkStatus();
}

}  // namespace chatcart::cart_internal
