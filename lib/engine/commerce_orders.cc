// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The order side of CommerceExecutor: "reply OK to buy" confirmations and
// their shipping method, placing, amending and tracking orders, and the
// host's order events.

#include <algorithm>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "engine/commerce.h"

namespace chatcart::engine {
namespace {

using dialogue::TurnContext;

// How long a "reply OK to buy" confirmation holds.
constexpr absl::Duration kConfirmationTtl = absl::Minutes(15);

}  // namespace

std::string CommerceExecutor::ShippingMethodFor(const v1::RequestConfirmationAction& action,
                                                TurnContext& turn) const {
  if (const dialogue::SlotValue* chosen =
          action.shipping_slot().empty() ? nullptr : turn.Slot(action.shipping_slot());
      chosen != nullptr && !chosen->text.empty()) {
    return chosen->text;
  }
  const CartState& cart = state_.cart->state();
  if (!cart.shipping_method.empty()) return cart.shipping_method;
  for (const v1::ShippingMethod& method : engine_.cart_policy->proto().shipping_methods()) {
    if (method.regions().empty() ||
        std::find(method.regions().begin(), method.regions().end(), cart.region) !=
            method.regions().end()) {
      return method.id();
    }
  }
  return "";
}

absl::Status CommerceExecutor::RequestConfirmation(const v1::RequestConfirmationAction& action,
                                                   TurnContext& turn) {
  CHATCART_ASSIGN_OR_RETURN(Cart * cart, MutableCart());
  if (std::string method = ShippingMethodFor(action, turn);
      !method.empty() && method != cart->state().shipping_method) {
    absl::StatusOr<ApplyResult> shipping = Apply(commands::SetShippingMethod{method}, turn);
    if (!shipping.ok()) {
      SayFailure(shipping.status(), turn);
      return absl::OkStatus();
    }
  }
  absl::StatusOr<ApplyResult> result = Apply(commands::RequestConfirmation{kConfirmationTtl}, turn);
  if (!result.ok()) {
    SayFailure(result.status(), turn);
    return absl::OkStatus();
  }
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
  v1::Reply* reply = turn.Say("chatcart.confirm",
                              {{"count", ItemCount(state_.cart->state())},
                               {"total", Format(totals.grand_total, turn)},
                               {"shipping", Format(totals.shipping, turn)},
                               {"tax", Format(totals.tax, turn)},
                               {"tax_included", totals.prices_include_tax ? "yes" : "no"}});
  AttachCartSummary(reply, turn);
  return absl::OkStatus();
}

absl::Status CommerceExecutor::PlaceOrder(TurnContext& turn) {
  CHATCART_ASSIGN_OR_RETURN(Cart * cart, MutableCart());
  const std::optional<PendingConfirmation>& pending = cart->state().confirmation;
  if (!pending.has_value()) return RequestConfirmation({}, turn);
  absl::StatusOr<ApplyResult> confirmed = Apply(commands::ConfirmPurchase{pending->token}, turn);
  if (!confirmed.ok()) {
    // Something changed since the shopper saw the total: show the new one.
    turn.Say("chatcart.confirmation_stale");
    return RequestConfirmation({}, turn);
  }
  commands::PlaceOrder place;
  place.reference_seed = (state_.order_seed + cart->state().orders_placed) & ((1u << 30) - 1);
  place.source.channel = input_.channel();
  place.source.campaign = input_.event().param().count("campaign") > 0
                              ? input_.event().param().at("campaign")
                              : std::string();
  place.assisted_by = state_.assisted_by;
  absl::StatusOr<ApplyResult> placed = Apply(std::move(place), turn);
  if (!placed.ok()) {
    SayFailure(placed.status(), turn);
    return absl::OkStatus();
  }
  state_.assisted_by.clear();
  const Order& order = *placed->order;
  state_.orders.push_back(order);
  Money total = order.state().totals.grand_total;
  turn.Say("chatcart.order_placed", {{"reference", order.reference()}, {"total", Format(total, turn)}});
  turn.AddHostAction("payment_request", {{"amount_minor", absl::StrCat(total.minor_units())},
                                         {"currency", std::string(total.currency())},
                                         {"reference", order.reference()}});
  turn.AddEvent("order_placed", {{"reference", order.reference()}});
  return absl::OkStatus();  // placing the order emptied the cart
}

absl::Status CommerceExecutor::Amend(const v1::AmendOrderAction& action, TurnContext& turn) {
  if (state_.orders.empty()) {
    turn.Say("chatcart.no_order");
    return absl::OkStatus();
  }
  Order& order = state_.orders.back();
  if (action.commit()) {
    if (!order.state().pending_amendment.has_value()) {
      turn.Say("chatcart.no_order");
      return absl::OkStatus();
    }
    absl::Status status = order.ConfirmAmendment(order.state().pending_amendment->token,
                                                 *engine_.cart_policy, engine_.cart_sources(),
                                                 TurnActor(), turn.time());
    if (!status.ok()) {
      SayFailure(status, turn);
      return absl::OkStatus();
    }
    turn.Say("chatcart.amended", {{"reference", order.reference()},
                                  {"total", Format(order.state().totals.grand_total, turn)}});
    turn.AddEvent("order_amended", {{"reference", order.reference()}});
    return absl::OkStatus();
  }
  std::optional<ProductIndex> index = ProductFromSlot(action.product_slot(), turn);
  if (!index.has_value()) return absl::OkStatus();
  int64_t quantity = 1;
  if (const dialogue::SlotValue* q = turn.Slot(action.quantity_slot()); q != nullptr) {
    quantity = q->number;
  }
  commands::AddLine add;
  add.product_id = std::string(engine_.catalog->id(*index));
  add.quantity = quantity;
  std::vector<OrderChange> changes = {std::move(add)};
  absl::StatusOr<OrderAmendment> preview = order.StageAmendment(
      changes, *engine_.cart_policy, engine_.cart_sources(), TurnActor(), turn.time());
  if (!preview.ok()) {
    turn.Say("chatcart.amend_refused",
             {{"reference", order.reference()}, {"reason", std::string(preview.status().message())}});
    return absl::OkStatus();
  }
  turn.Say("chatcart.amend_preview",
           {{"product", std::string(engine_.catalog->product_name(*index))},
            {"reference", order.reference()},
            {"difference", Format(preview->difference, turn)},
            {"total", Format(preview->totals.grand_total, turn)}});
  return absl::OkStatus();
}

absl::Status CommerceExecutor::Track(const v1::TrackOrderAction& action, TurnContext& turn) {
  const Order* order = state_.orders.empty() ? nullptr : &state_.orders.back();
  if (const dialogue::SlotValue* ref = turn.Slot(action.order_slot()); ref != nullptr) {
    order = nullptr;
    absl::StatusOr<std::string> canonical = CanonicalOrderReference(ref->text);
    for (const Order& o : state_.orders) {
      if (canonical.ok() && o.reference() == *canonical) order = &o;
    }
  }
  if (order == nullptr) {
    turn.Say("chatcart.no_order");
    return absl::OkStatus();
  }
  std::string status_id = absl::StrCat("chatcart.status_", ToAbsl(OrderStatusName(order->status())));
  const std::vector<dialogue::Template>* status_text =
      engine_.templates->Find(turn.locale(), status_id);
  std::string status = status_text != nullptr && !status_text->empty()
                           ? (*status_text)[0].Render(turn.locale_format(), {})
                           : std::string(OrderStatusName(order->status()));
  turn.Say("chatcart.order_status", {{"reference", order->reference()}, {"status", status}});
  return absl::OkStatus();
}

namespace {

std::optional<OrderStatus> StatusOfEvent(std::string_view kind) {
  if (kind == "order_paid") return OrderStatus::kPaid;
  if (kind == "order_shipped") return OrderStatus::kShipped;
  if (kind == "order_delivered") return OrderStatus::kDelivered;
  if (kind == "order_cancelled") return OrderStatus::kCancelled;
  return std::nullopt;
}

}  // namespace

absl::Time CommerceExecutor::InputTime() const {
  return absl::FromUnixSeconds(input_.time().seconds()) + absl::Nanoseconds(input_.time().nanos());
}

absl::Status CommerceExecutor::ApplyOrderEvent() {
  std::optional<OrderStatus> to = StatusOfEvent(input_.event().kind());
  if (!to.has_value()) return absl::OkStatus();
  auto reference = input_.event().param().find("reference");
  if (reference == input_.event().param().end()) {
    return absl::InvalidArgumentError(
        absl::StrCat(input_.event().kind(), " event: param \"reference\" is missing"));
  }
  for (Order& order : state_.orders) {
    if (order.reference() != reference->second || order.status() == *to) continue;
    // A delivery may be the first news of a shipment: pass through shipped.
    if (*to == OrderStatus::kDelivered && order.status() != OrderStatus::kShipped) {
      absl::Status shipped = order.Transition(OrderStatus::kShipped, Actor::Bot(), InputTime());
      if (!shipped.ok()) return Annotate(shipped, input_.event().kind());
    }
    return Annotate(order.Transition(*to, Actor::Bot(), InputTime()), input_.event().kind());
  }
  return absl::OkStatus();
}

bool CommerceExecutor::IsDiscountCode(std::string_view code) const {
  if (engine_.cart_policy == nullptr) return false;
  for (const v1::DiscountCode& d : engine_.cart_policy->proto().discount_codes()) {
    if (absl::EqualsIgnoreCase(d.code(), ToAbsl(code))) return true;
  }
  return false;
}

}  // namespace chatcart::engine
