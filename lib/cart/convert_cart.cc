// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CartState, CartTotals and Actor <-> chatcart.v1 (cart.proto). Defaults are
// left unset on the wire, so a canonical cart's bytes round-trip exactly.

#include "absl/strings/str_cat.h"
#include "cart/convert.h"
#include "chatcart/cart.h"
#include "chatcart/v1/cart.pb.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {
namespace cart_internal {

void TimeToProto(absl::Time time, google::protobuf::Timestamp* proto) {
  const int64_t seconds = absl::ToUnixSeconds(time);
  proto->set_seconds(seconds);
  proto->set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(time - absl::FromUnixSeconds(seconds))));
}

absl::StatusOr<absl::Time> TimeFromProto(const google::protobuf::Timestamp& proto,
                                         std::string_view field) {
  if (proto.nanos() < 0 || proto.nanos() > 999'999'999) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(field), ": nanos ", proto.nanos(), " outside [0, 999999999]"));
  }
  return absl::FromUnixSeconds(proto.seconds()) + absl::Nanoseconds(proto.nanos());
}

void DurationToProto(absl::Duration duration, google::protobuf::Duration* proto) {
  const int64_t seconds = absl::ToInt64Seconds(duration);
  proto->set_seconds(seconds);
  proto->set_nanos(
      static_cast<int32_t>(absl::ToInt64Nanoseconds(duration - absl::Seconds(seconds))));
}

absl::StatusOr<absl::Duration> DurationFromProto(const google::protobuf::Duration& proto,
                                                 std::string_view field) {
  if (proto.nanos() <= -1'000'000'000 || proto.nanos() >= 1'000'000'000) {
    return absl::InvalidArgumentError(
        absl::StrCat(ToAbsl(field), ": nanos ", proto.nanos(), " out of range"));
  }
  return absl::Seconds(proto.seconds()) + absl::Nanoseconds(proto.nanos());
}

absl::StatusOr<Money> MoneyField(const v1::Money& proto, std::string_view field) {
  absl::StatusOr<Money> money = MoneyFromProto(proto);
  if (!money.ok()) return Annotate(money.status(), field);
  return money;
}

}  // namespace cart_internal

using cart_internal::TimeFromProto;
using cart_internal::TimeToProto;

void ActorToProto(const Actor& actor, v1::Actor* proto) {
  proto->set_kind(static_cast<v1::Actor::Kind>(actor.kind));
  proto->set_agent_id(actor.agent_id);
}

absl::StatusOr<Actor> ActorFromProto(const v1::Actor& proto) {
  if (!v1::Actor::Kind_IsValid(proto.kind())) {
    return absl::InvalidArgumentError(absl::StrCat("actor.kind: unknown value ", proto.kind()));
  }
  return Actor{static_cast<Actor::Kind>(proto.kind()), proto.agent_id()};
}

void CartStateToProto(const CartState& s, v1::Cart* proto) {
  proto->Clear();
  proto->set_id(s.id);
  proto->set_currency(s.currency);
  proto->set_version(s.version);
  for (const CartLine& line : s.lines) {
    v1::CartLine* l = proto->add_lines();
    l->set_line_id(line.line_id);
    l->set_product_id(line.product_id);
    l->set_sku(line.sku);
    l->set_quantity(line.quantity);
    l->set_unit_price(line.unit_price);
    l->set_title(line.title);
    l->set_category(line.category);
  }
  for (const std::string& code : s.discount_codes) proto->add_discount_codes(code);
  proto->set_shipping_method(s.shipping_method);
  proto->set_region(s.region);
  if (s.buyer != Buyer{}) {
    v1::Buyer* b = proto->mutable_buyer();
    b->set_anonymous_id(s.buyer.anonymous_id);
    b->set_customer_id(s.buyer.customer_id);
    b->set_purchase_blocked(s.buyer.purchase_blocked);
  }
  if (s.updated_at != absl::UnixEpoch()) TimeToProto(s.updated_at, proto->mutable_updated_at());
  proto->set_last_line_id(s.last_line_id);
  if (s.confirmation.has_value()) {
    const PendingConfirmation& c = *s.confirmation;
    v1::PendingConfirmation* p = proto->mutable_confirmation();
    p->set_token(c.token);
    p->set_cart_hash(c.cart_hash);
    p->set_version(c.version);
    TimeToProto(c.expires_at, p->mutable_expires_at());
    p->set_grand_total(c.grand_total);
    p->set_confirmed(c.confirmed);
  }
  for (const IdempotencyRecord& r : s.idempotency) {
    v1::IdempotencyRecord* p = proto->add_idempotency();
    p->set_fingerprint(r.fingerprint);
    p->set_version(r.version);
    p->set_order_reference(r.order_reference);
  }
  proto->set_spent(s.spent);
  proto->set_orders_placed(s.orders_placed);
}

absl::StatusOr<CartState> CartStateFromProto(const v1::Cart& proto) {
  CartState s;
  s.id = proto.id();
  s.currency = proto.currency();
  s.version = proto.version();
  s.lines.reserve(proto.lines_size());
  for (const v1::CartLine& l : proto.lines()) {
    s.lines.push_back(CartLine{l.line_id(), l.product_id(), l.sku(), l.quantity(), l.unit_price(),
                               l.title(), l.category()});
  }
  s.discount_codes.assign(proto.discount_codes().begin(), proto.discount_codes().end());
  s.shipping_method = proto.shipping_method();
  s.region = proto.region();
  s.buyer = Buyer{proto.buyer().anonymous_id(), proto.buyer().customer_id(),
                  proto.buyer().purchase_blocked()};
  if (proto.has_updated_at()) {
    CHATCART_ASSIGN_OR_RETURN(s.updated_at, TimeFromProto(proto.updated_at(), "cart.updated_at"));
  }
  s.last_line_id = proto.last_line_id();
  if (proto.has_confirmation()) {
    const v1::PendingConfirmation& p = proto.confirmation();
    PendingConfirmation& c = s.confirmation.emplace();
    c.token = p.token();
    c.cart_hash = p.cart_hash();
    c.version = p.version();
    CHATCART_ASSIGN_OR_RETURN(c.expires_at,
                              TimeFromProto(p.expires_at(), "cart.confirmation.expires_at"));
    c.grand_total = p.grand_total();
    c.confirmed = p.confirmed();
  }
  for (const v1::IdempotencyRecord& r : proto.idempotency()) {
    s.idempotency.push_back({r.fingerprint(), r.version(), r.order_reference()});
  }
  s.spent = proto.spent();
  s.orders_placed = proto.orders_placed();
  return s;
}

void CartTotalsToProto(const CartTotals& t, v1::CartTotals* proto) {
  proto->Clear();
  MoneyToProto(t.subtotal, proto->mutable_subtotal());
  MoneyToProto(t.discount, proto->mutable_discount());
  MoneyToProto(t.tax, proto->mutable_tax());
  MoneyToProto(t.shipping, proto->mutable_shipping());
  MoneyToProto(t.grand_total, proto->mutable_grand_total());
  proto->set_prices_include_tax(t.prices_include_tax);
  for (const LineTotals& line : t.lines) {
    v1::LineTotals* l = proto->add_lines();
    l->set_line_id(line.line_id);
    MoneyToProto(line.amount, l->mutable_amount());
    MoneyToProto(line.discount, l->mutable_discount());
    MoneyToProto(line.tax, l->mutable_tax());
    MoneyToProto(line.total, l->mutable_total());
  }
  for (const DiscountTotals& d : t.discounts) {
    v1::DiscountTotals* p = proto->add_discounts();
    p->set_code(d.code);
    MoneyToProto(d.amount, p->mutable_amount());
    p->set_applied(d.applied);
    p->set_reason(d.reason);
  }
}

}  // namespace chatcart

namespace chatcart::cart_internal {

absl::StatusOr<CartTotals> CartTotalsFromProto(const v1::CartTotals& proto) {
  CartTotals t;
  CHATCART_ASSIGN_OR_RETURN(t.subtotal, MoneyField(proto.subtotal(), "totals.subtotal"));
  CHATCART_ASSIGN_OR_RETURN(t.discount, MoneyField(proto.discount(), "totals.discount"));
  CHATCART_ASSIGN_OR_RETURN(t.tax, MoneyField(proto.tax(), "totals.tax"));
  CHATCART_ASSIGN_OR_RETURN(t.shipping, MoneyField(proto.shipping(), "totals.shipping"));
  CHATCART_ASSIGN_OR_RETURN(t.grand_total, MoneyField(proto.grand_total(), "totals.grand_total"));
  t.prices_include_tax = proto.prices_include_tax();
  for (int i = 0; i < proto.lines_size(); ++i) {
    const v1::LineTotals& l = proto.lines(i);
    const std::string field = absl::StrCat("totals.lines[", i, "]");
    LineTotals& line = t.lines.emplace_back();
    line.line_id = l.line_id();
    CHATCART_ASSIGN_OR_RETURN(line.amount, MoneyField(l.amount(), field + ".amount"));
    CHATCART_ASSIGN_OR_RETURN(line.discount, MoneyField(l.discount(), field + ".discount"));
    CHATCART_ASSIGN_OR_RETURN(line.tax, MoneyField(l.tax(), field + ".tax"));
    CHATCART_ASSIGN_OR_RETURN(line.total, MoneyField(l.total(), field + ".total"));
  }
  for (int i = 0; i < proto.discounts_size(); ++i) {
    const v1::DiscountTotals& d = proto.discounts(i);
    DiscountTotals& out = t.discounts.emplace_back();
    out.code = d.code();
    CHATCART_ASSIGN_OR_RETURN(out.amount,
                              MoneyField(d.amount(), absl::StrCat("totals.discounts[", i, "]")));
    out.applied = d.applied();
    out.reason = d.reason();
  }
  return t;
}

}  // namespace chatcart::cart_internal
