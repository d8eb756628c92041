// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// OrderState <-> chatcart.v1.Order (order.proto).

#include "absl/strings/str_cat.h"
#include "cart/convert.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "chatcart/v1/order.pb.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {

using cart_internal::MoneyField;
using cart_internal::TimeFromProto;
using cart_internal::TimeToProto;

namespace {

void LineToProto(const OrderLine& line, v1::OrderLine* p) {
  p->set_line_id(line.line_id);
  p->set_product_id(line.product_id);
  p->set_sku(line.sku);
  p->set_quantity(line.quantity);
  MoneyToProto(line.unit_price, p->mutable_unit_price());
  p->set_title(line.title);
  p->set_category(line.category);
  p->set_fulfilled(line.fulfilled);
}

absl::StatusOr<OrderLine> LineFromProto(const v1::OrderLine& p, std::string_view field) {
  OrderLine line;
  line.line_id = p.line_id();
  line.product_id = p.product_id();
  line.sku = p.sku();
  line.quantity = p.quantity();
  CHATCART_ASSIGN_OR_RETURN(line.unit_price,
                            MoneyField(p.unit_price(), absl::StrCat(ToAbsl(field), ".unit_price")));
  line.title = p.title();
  line.category = p.category();
  line.fulfilled = p.fulfilled();
  return line;
}

void ChangeToProto(const OrderChange& change, v1::OrderChange* p) {
  // Reuse the command conversion for the three shapes a change can take.
  CartCommand command;
  std::visit([&command](const auto& c) { command.action = c; }, change);
  v1::CartCommand proto;
  CartCommandToProto(command, &proto);
  if (proto.has_add_line()) *p->mutable_add_line() = proto.add_line();
  if (proto.has_change_quantity()) *p->mutable_change_quantity() = proto.change_quantity();
  if (proto.has_remove_line()) *p->mutable_remove_line() = proto.remove_line();
}

absl::StatusOr<OrderChange> ChangeFromProto(const v1::OrderChange& p, std::string_view field) {
  v1::CartCommand proto;
  switch (p.change_case()) {
    case v1::OrderChange::kAddLine:
      *proto.mutable_add_line() = p.add_line();
      break;
    case v1::OrderChange::kChangeQuantity:
      *proto.mutable_change_quantity() = p.change_quantity();
      break;
    case v1::OrderChange::kRemoveLine:
      *proto.mutable_remove_line() = p.remove_line();
      break;
    case v1::OrderChange::CHANGE_NOT_SET:
      return absl::InvalidArgumentError(absl::StrCat(ToAbsl(field), ": no change set"));
  }
  absl::StatusOr<CartCommand> command = CartCommandFromProto(proto);
  if (!command.ok()) return Annotate(command.status(), field);
  return std::visit(
      [](const auto& c) -> OrderChange {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, commands::AddLine> ||
                      std::is_same_v<T, commands::ChangeQuantity> ||
                      std::is_same_v<T, commands::RemoveLine>) {
          return c;
        }
        return commands::RemoveLine{};  // unreachable: set above
      },
      command->action);
}

void AmendmentToProto(const OrderAmendment& a, v1::OrderAmendment* p) {
  for (const OrderChange& change : a.changes) ChangeToProto(change, p->add_changes());
  for (const OrderLine& line : a.lines) LineToProto(line, p->add_lines());
  CartTotalsToProto(a.totals, p->mutable_totals());
  MoneyToProto(a.difference, p->mutable_difference());
  ActorToProto(a.staged_by, p->mutable_staged_by());
  TimeToProto(a.staged_at, p->mutable_staged_at());
  p->set_token(a.token);
  TimeToProto(a.expires_at, p->mutable_expires_at());
  if (a.confirmed_by.has_value()) {
    ActorToProto(*a.confirmed_by, p->mutable_confirmed_by());
    TimeToProto(a.confirmed_at, p->mutable_confirmed_at());
  }
  p->set_base_version(a.base_version);
}

absl::StatusOr<OrderAmendment> AmendmentFromProto(const v1::OrderAmendment& p,
                                                  std::string_view field) {
  OrderAmendment a;
  for (int i = 0; i < p.changes_size(); ++i) {
    CHATCART_ASSIGN_OR_RETURN(
        OrderChange change,
        ChangeFromProto(p.changes(i), absl::StrCat(ToAbsl(field), ".changes[", i, "]")));
    a.changes.push_back(std::move(change));
  }
  for (int i = 0; i < p.lines_size(); ++i) {
    CHATCART_ASSIGN_OR_RETURN(
        OrderLine line, LineFromProto(p.lines(i), absl::StrCat(ToAbsl(field), ".lines[", i, "]")));
    a.lines.push_back(std::move(line));
  }
  CHATCART_ASSIGN_OR_RETURN(a.totals, cart_internal::CartTotalsFromProto(p.totals()));
  CHATCART_ASSIGN_OR_RETURN(a.difference, MoneyField(p.difference(), field));
  CHATCART_ASSIGN_OR_RETURN(a.staged_by, ActorFromProto(p.staged_by()));
  CHATCART_ASSIGN_OR_RETURN(a.staged_at, TimeFromProto(p.staged_at(), field));
  a.token = p.token();
  CHATCART_ASSIGN_OR_RETURN(a.expires_at, TimeFromProto(p.expires_at(), field));
  if (p.has_confirmed_by()) {
    CHATCART_ASSIGN_OR_RETURN(a.confirmed_by, ActorFromProto(p.confirmed_by()));
    CHATCART_ASSIGN_OR_RETURN(a.confirmed_at, TimeFromProto(p.confirmed_at(), field));
  }
  a.base_version = p.base_version();
  return a;
}

}  // namespace

void OrderStateToProto(const OrderState& s, v1::Order* proto) {
  proto->Clear();
  proto->set_reference(s.reference);
  proto->set_cart_id(s.cart_id);
  proto->set_version(s.version);
  proto->set_status(static_cast<v1::Order::Status>(s.status));
  proto->set_currency(s.currency);
  for (const OrderLine& line : s.lines) LineToProto(line, proto->add_lines());
  for (const std::string& code : s.discount_codes) proto->add_discount_codes(code);
  proto->set_shipping_method(s.shipping_method);
  proto->set_region(s.region);
  if (s.buyer != Buyer{}) {
    proto->mutable_buyer()->set_anonymous_id(s.buyer.anonymous_id);
    proto->mutable_buyer()->set_customer_id(s.buyer.customer_id);
    proto->mutable_buyer()->set_purchase_blocked(s.buyer.purchase_blocked);
  }
  CartTotalsToProto(s.totals, proto->mutable_totals());
  ActorToProto(s.placed_by, proto->mutable_placed_by());
  for (const std::string& agent : s.assisted_by) proto->add_assisted_by(agent);
  if (s.source != OrderSource{}) {
    proto->mutable_source()->set_channel(s.source.channel);
    proto->mutable_source()->set_campaign(s.source.campaign);
  }
  TimeToProto(s.placed_at, proto->mutable_placed_at());
  for (const OrderStatusChange& change : s.history) {
    v1::Order::StatusChange* p = proto->add_history();
    p->set_status(static_cast<v1::Order::Status>(change.status));
    ActorToProto(change.actor, p->mutable_actor());
    TimeToProto(change.time, p->mutable_time());
  }
  if (s.pending_amendment.has_value()) {
    AmendmentToProto(*s.pending_amendment, proto->mutable_pending_amendment());
  }
  for (const OrderAmendment& a : s.amendments) AmendmentToProto(a, proto->add_amendments());
  proto->set_last_line_id(s.last_line_id);
}

absl::StatusOr<OrderState> OrderStateFromProto(const v1::Order& proto) {
  OrderState s;
  s.reference = proto.reference();
  s.cart_id = proto.cart_id();
  s.version = proto.version();
  s.status = static_cast<OrderStatus>(proto.status());
  s.currency = proto.currency();
  for (int i = 0; i < proto.lines_size(); ++i) {
    CHATCART_ASSIGN_OR_RETURN(OrderLine line,
                              LineFromProto(proto.lines(i), absl::StrCat("order.lines[", i, "]")));
    s.lines.push_back(std::move(line));
  }
  s.discount_codes.assign(proto.discount_codes().begin(), proto.discount_codes().end());
  s.shipping_method = proto.shipping_method();
  s.region = proto.region();
  s.buyer = Buyer{proto.buyer().anonymous_id(), proto.buyer().customer_id(),
                  proto.buyer().purchase_blocked()};
  CHATCART_ASSIGN_OR_RETURN(s.totals, cart_internal::CartTotalsFromProto(proto.totals()));
  CHATCART_ASSIGN_OR_RETURN(s.placed_by, ActorFromProto(proto.placed_by()));
  s.assisted_by.assign(proto.assisted_by().begin(), proto.assisted_by().end());
  s.source = OrderSource{proto.source().channel(), proto.source().campaign()};
  CHATCART_ASSIGN_OR_RETURN(s.placed_at, TimeFromProto(proto.placed_at(), "order.placed_at"));
  for (int i = 0; i < proto.history_size(); ++i) {
    const v1::Order::StatusChange& p = proto.history(i);
    OrderStatusChange& change = s.history.emplace_back();
    change.status = static_cast<OrderStatus>(p.status());
    CHATCART_ASSIGN_OR_RETURN(change.actor, ActorFromProto(p.actor()));
    CHATCART_ASSIGN_OR_RETURN(change.time,
                              TimeFromProto(p.time(), absl::StrCat("order.history[", i, "]")));
  }
  if (proto.has_pending_amendment()) {
    CHATCART_ASSIGN_OR_RETURN(s.pending_amendment, AmendmentFromProto(proto.pending_amendment(),
                                                                      "order.pending_amendment"));
  }
  for (int i = 0; i < proto.amendments_size(); ++i) {
    CHATCART_ASSIGN_OR_RETURN(
        OrderAmendment a,
        AmendmentFromProto(proto.amendments(i), absl::StrCat("order.amendments[", i, "]")));
    s.amendments.push_back(std::move(a));
  }
  s.last_line_id = proto.last_line_id();
  return s;
}

}  // namespace chatcart
