// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Cart: the command envelope (idempotency, versions, all-or-nothing commit,
// events), replay, and restoring a cart from its state.

#include "chatcart/cart.h"

#include <string>
#include <utility>
#include <variant>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "cart/apply.h"
#include "cart/command_text.h"
#include "cart/fingerprint.h"
#include "cart/pricing.h"
#include "cart/validate.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart.pb.h"
#include "common/echo.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/time.h"
#include "common/utf8_scrub.h"

namespace chatcart {

std::string Actor::ToString() const {
  switch (kind) {
    case Kind::kShopper:
      return "shopper";
    case Kind::kBot:
      return "bot";
    case Kind::kAgent:
      return absl::StrCat("agent:", agent_id);
  }
  return absl::StrCat("actor kind ", static_cast<int>(kind));
}

std::string_view CartActionName(const CartAction& action) {
  static constexpr std::string_view kNames[] = {"add_line",
                                                "remove_line",
                                                "change_quantity",
                                                "change_variant",
                                                "add_discount_code",
                                                "remove_discount_code",
                                                "set_shipping_method",
                                                "set_region",
                                                "set_buyer",
                                                "clear",
                                                "refresh_prices",
                                                "request_confirmation",
                                                "confirm",
                                                "place_order"};
  static_assert(std::size(kNames) == std::variant_size_v<CartAction>);
  return kNames[action.index()];
}

namespace cart_internal {

absl::Status ApplyAction(ApplyContext& ctx, CartState& next) {
  return std::visit(
      [&](const auto& c) -> absl::Status {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, commands::AddLine>) return ApplyAddLine(ctx, c, next);
        if constexpr (std::is_same_v<T, commands::RemoveLine>) return ApplyRemoveLine(ctx, c, next);
        if constexpr (std::is_same_v<T, commands::ChangeQuantity>) {
          return ApplyChangeQuantity(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::ChangeVariant>) {
          return ApplyChangeVariant(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::AddDiscountCode>) {
          return ApplyAddDiscountCode(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::RemoveDiscountCode>) {
          return ApplyRemoveDiscountCode(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::SetShippingMethod>) {
          return ApplySetShippingMethod(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::SetRegion>) return ApplySetRegion(ctx, c, next);
        if constexpr (std::is_same_v<T, commands::SetBuyer>) return ApplySetBuyer(ctx, c, next);
        if constexpr (std::is_same_v<T, commands::ClearCart>) return ApplyClear(ctx, next);
        if constexpr (std::is_same_v<T, commands::RefreshPrices>) {
          return ApplyRefreshPrices(ctx, next);
        }
        if constexpr (std::is_same_v<T, commands::RequestConfirmation>) {
          return ApplyRequestConfirmation(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::ConfirmPurchase>) {
          return ApplyConfirmPurchase(ctx, c, next);
        }
        if constexpr (std::is_same_v<T, commands::PlaceOrder>) {
          return ApplyPlaceOrder(ctx, c, next);
        }
      },
      ctx.command.action);
}

namespace {

absl::Status ValidateActor(const Actor& actor) {
  switch (actor.kind) {
    case Actor::Kind::kShopper:
    case Actor::Kind::kBot:
      if (!actor.agent_id.empty()) {
        return absl::InvalidArgumentError("actor: agent_id is for an AGENT actor only");
      }
      return absl::OkStatus();
    case Actor::Kind::kAgent:
      if (actor.agent_id.empty()) {
        return absl::InvalidArgumentError("actor: an AGENT actor needs an agent_id");
      }
      return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat("actor: unknown kind ", static_cast<int>(actor.kind)));
}

// Applies `command` to `state` all or nothing. `replay` is the event being
// replayed, or null.
absl::StatusOr<ApplyResult> ApplyToState(const CompiledPolicy& policy, CartState& state,
                                         const CartCommand& command, const CartSources& sources,
                                         const CartEvent* replay) {
  CHATCART_RETURN_IF_ERROR(ValidateActor(command.actor));
  uint64_t fingerprint = 0;
  if (!command.idempotency_key.empty()) {
    fingerprint = IdempotencyFingerprint(command);
    if (const IdempotencyRecord* record = FindRecord(state, fingerprint); record != nullptr) {
      if (record->fingerprint != fingerprint) {
        return absl::InvalidArgumentError(
            absl::StrCat("idempotency key \"", Echo(command.idempotency_key),
                         "\" was used for another command (it produced version ", record->version,
                         "); use a new key for a new command"));
      }
      if (replay != nullptr) {
        return absl::DataLossError("the event repeats an idempotency key already applied");
      }
      ApplyResult result;
      result.version = record->version;
      result.replayed = true;
      result.order_reference = record->order_reference;
      return result;
    }
  }
  if (command.expected_version.has_value() && *command.expected_version != state.version) {
    return absl::AbortedError(absl::StrCat("the cart is at version ", state.version,
                                           ", the command expected version ",
                                           *command.expected_version));
  }

  ApplyResult result;
  CartEvent& event = result.event.emplace();
  ApplyContext ctx{policy,
                   sources,
                   command,
                   replay != nullptr ? replay->time : command.time.value_or(state.updated_at),
                   replay,
                   /*replay_captured_next=*/0,
                   &event,
                   /*order=*/nullptr,
                   /*order_reference=*/{}};

  // A time a snapshot cannot hold is refused before anything is applied.
  CHATCART_RETURN_IF_ERROR(
      CheckTimestampRange(ctx.time, replay != nullptr ? "event time" : "cart command time"));
  CartState next = state;
  absl::Status status = ApplyAction(ctx, next);
  // The new state is priced before it replaces the old one, whatever the
  // policy: a state whose totals overflow is refused here, never committed
  // and then reported as failed (#22).
  if (status.ok()) status = CheckNewState(policy, state, next);
  if (!status.ok()) {
    return Annotate(status, CartActionName(command.action));
  }
  next.version = state.version + 1;
  next.updated_at = ctx.time;
  if (!command.idempotency_key.empty()) {
    Remember(next, {fingerprint, next.version, ctx.order_reference}, policy.idempotency_window);
  }
  state = std::move(next);

  event.cart_id = state.id;
  event.version = state.version;
  event.actor = command.actor;
  event.time = ctx.time;
  event.command = command;
  event.order_reference = ctx.order_reference;
  result.version = state.version;
  result.order = std::move(ctx.order);
  result.order_reference = std::move(ctx.order_reference);
  return result;
}

absl::Status Invalid(std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("cart state: ", ToAbsl(what)));
}

absl::Status ValidateStateFits(const CompiledPolicy& policy, const CartState& s) {
  CHATCART_RETURN_IF_ERROR(ValidateStateShape(s));
  if (s.currency != policy.currency) {
    return Invalid(
        absl::StrCat("currency \"", s.currency, "\" is not the policy's (", policy.currency, ")"));
  }
  if (!s.shipping_method.empty() && policy.FindShipping(s.shipping_method) == nullptr) {
    return absl::FailedPreconditionError(absl::StrCat(
        "cart state: shipping method \"", s.shipping_method, "\" is not in the cart policy"));
  }
  // Totals must compute (no overflow).
  return TotalsOf(policy, s).status();
}

}  // namespace

absl::Status ValidateStateShape(const CartState& s) {
  if (s.lines.size() > kMaxLines) {
    return Invalid(absl::StrCat(s.lines.size(), " lines, above the built-in ", kMaxLines));
  }
  absl::flat_hash_set<uint32_t> ids;
  for (size_t i = 0; i < s.lines.size(); ++i) {
    const CartLine& line = s.lines[i];
    const std::string where = absl::StrCat("lines[", i, "]");
    if (line.line_id == 0 || line.line_id > s.last_line_id) {
      return Invalid(absl::StrCat(where, ": line_id ", line.line_id, " outside 1..", s.last_line_id,
                                  " (last_line_id)"));
    }
    if (!ids.insert(line.line_id).second) {
      return Invalid(absl::StrCat(where, ": line_id ", line.line_id, " appears twice"));
    }
    if (line.product_id.empty()) return Invalid(absl::StrCat(where, ": empty product_id"));
    if (line.quantity < 1 || line.quantity > kMaxQuantityPerLine) {
      return Invalid(
          absl::StrCat(where, ": quantity ", line.quantity, " outside 1..", kMaxQuantityPerLine));
    }
    if (line.unit_price < 0) {
      return Invalid(absl::StrCat(where, ": negative unit_price ", line.unit_price));
    }
  }
  absl::flat_hash_set<std::string> codes;
  for (const std::string& code : s.discount_codes) {
    if (code.empty() || code != NormalizeCode(code) || !codes.insert(code).second) {
      return Invalid(
          absl::StrCat("discount code \"", code, "\" is empty, not upper case, or appears twice"));
    }
  }
  if (!s.buyer.anonymous_id.empty() && !s.buyer.customer_id.empty()) {
    return Invalid("buyer has both an anonymous_id and a customer_id");
  }
  if (s.spent < 0) return Invalid("negative spent");
  return absl::OkStatus();
}

}  // namespace cart_internal

Cart::Cart(std::shared_ptr<const CartPolicy> policy, CartState state)
    : policy_(std::move(policy)), state_(std::move(state)) {}

absl::StatusOr<Cart> Cart::Create(std::shared_ptr<const CartPolicy> policy, std::string_view id) {
  if (policy == nullptr) return absl::InvalidArgumentError("Cart::Create: null policy");
  CartState state;
  state.id = std::string(id);
  ScrubUtf8InPlace(&state.id);  // kept in the cart's proto form (#22)
  state.currency = std::string(policy->currency());
  return Cart(std::move(policy), std::move(state));
}

absl::StatusOr<Cart> Cart::FromState(std::shared_ptr<const CartPolicy> policy, CartState state) {
  if (policy == nullptr) return absl::InvalidArgumentError("Cart::FromState: null policy");
  CHATCART_RETURN_IF_ERROR(cart_internal::ValidateStateFits(policy->compiled(), state));
  // A policy whose window shrank since the snapshot keeps the newest keys.
  const size_t window = policy->compiled().idempotency_window;
  if (state.idempotency.size() > window) {
    state.idempotency.erase(state.idempotency.begin(),
                            state.idempotency.end() - static_cast<ptrdiff_t>(window));
  }
  return Cart(std::move(policy), std::move(state));
}

absl::StatusOr<Cart> Cart::FromProto(std::shared_ptr<const CartPolicy> policy,
                                     const v1::Cart& proto) {
  CHATCART_ASSIGN_OR_RETURN(CartState state, CartStateFromProto(proto));
  return FromState(std::move(policy), std::move(state));
}

absl::StatusOr<Cart> Cart::Parse(std::shared_ptr<const CartPolicy> policy, std::string_view bytes) {
  v1::Cart proto;
  if (!proto.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::InvalidArgumentError(
        absl::StrCat("cart bytes (", bytes.size(), ") are not a chatcart.v1.Cart"));
  }
  return FromProto(std::move(policy), proto);
}

absl::StatusOr<ApplyResult> Cart::Apply(const CartCommand& command, const CartSources& sources) {
  // The cart keeps the command's text: well-formed UTF-8 only (#22).
  if (!cart_internal::CommandTextIsWellFormed(command)) {
    CartCommand scrubbed = command;
    cart_internal::ScrubCommandText(&scrubbed);
    return cart_internal::ApplyToState(policy_->compiled(), state_, scrubbed, sources, nullptr);
  }
  return cart_internal::ApplyToState(policy_->compiled(), state_, command, sources, nullptr);
}

absl::StatusOr<Cart> Cart::Replay(std::shared_ptr<const CartPolicy> policy, std::string_view id,
                                  std::span<const CartEvent> events) {
  CHATCART_ASSIGN_OR_RETURN(Cart cart, Create(std::move(policy), id));
  for (size_t i = 0; i < events.size(); ++i) {
    const CartEvent& event = events[i];
    const std::string where = absl::StrCat("event ", i, " (version ", event.version, ", ",
                                           ToAbsl(CartActionName(event.command.action)), ")");
    if (event.cart_id != cart.state_.id) {
      return absl::DataLossError(absl::StrCat(where, ": belongs to cart \"", event.cart_id,
                                              "\", not \"", cart.state_.id, "\""));
    }
    if (event.version != cart.state_.version + 1) {
      return absl::DataLossError(
          absl::StrCat(where, ": out of sequence; the cart is at version ", cart.state_.version));
    }
    CartCommand command = event.command;
    command.actor = event.actor;
    absl::StatusOr<ApplyResult> result = cart_internal::ApplyToState(
        cart.policy_->compiled(), cart.state_, command, CartSources{}, &event);
    if (!result.ok()) {
      return absl::DataLossError(
          absl::StrCat(where, ": does not replay: ", result.status().message()));
    }
    if (result->order_reference != event.order_reference) {
      return absl::DataLossError(absl::StrCat(where, ": replays to order ", result->order_reference,
                                              ", not ", event.order_reference));
    }
  }
  return cart;
}

absl::StatusOr<CartTotals> Cart::Totals() const {
  return cart_internal::TotalsOf(policy_->compiled(), state_);
}

absl::Status Cart::TotalsInto(CartTotals* totals) const {
  const CartState& s = state_;
  return cart_internal::ComputeTotals(
      policy_->compiled(), {s.lines, s.discount_codes, s.shipping_method, s.region}, totals);
}

absl::StatusOr<uint64_t> Cart::ContentHash() const {
  return cart_internal::ContentHashOf(policy_->compiled(), state_, nullptr);
}

void Cart::ToProto(v1::Cart* proto) const { CartStateToProto(state_, proto); }

std::string Cart::Serialize() const {
  v1::Cart proto;
  ToProto(&proto);
  return proto.SerializeAsString();
}

}  // namespace chatcart
