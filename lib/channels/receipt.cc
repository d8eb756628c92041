// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Messenger's receipt template (developers.facebook.com/docs/messenger-
// platform/reference/templates/receipt): required recipient_name,
// order_number (unique), currency, payment_method and summary.total_cost;
// at most 100 elements; amounts as JSON numbers. Keys are written in the
// order of Meta's documented example, so that example round-trips.

#include <string>

#include "channels/cat.h"
#include "absl/strings/str_cat.h"
#include "channels/text_fit.h"
#include "channels/wire.h"
#include "chatcart/channels.h"
#include "common/status_macros.h"

namespace chatcart::channels {

using internal::Append;
using internal::Cat;
namespace {

using internal::AmountNumber;
using internal::JsonWriter;

absl::Status Amount(JsonWriter& w, std::string_view key, const v1::Money& money,
                    std::string_view currency) {
  if (money.currency() != currency) {
    return absl::InvalidArgumentError(Cat("receipt: ", key, " is in ", money.currency(),
                                                   ", the receipt in ", currency));
  }
  CHATCART_ASSIGN_OR_RETURN(std::string number, AmountNumber(money));
  w.Key(key).Number(number);
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<OutboundMessage> RenderMessengerReceipt(const Receipt& r, std::string_view shopper,
                                                       std::string_view messaging_type,
                                                       std::string_view tag) {
  for (const auto& [field, value] :
       {std::pair<std::string_view, const std::string*>{"recipient_name", &r.recipient_name},
        {"order_number", &r.order_number},
        {"currency", &r.currency},
        {"payment_method", &r.payment_method}}) {
    if (value->empty()) {
      return absl::InvalidArgumentError(Cat("receipt: ", field, " is required"));
    }
  }
  if (shopper.empty()) return absl::InvalidArgumentError("receipt: the recipient is empty");
  OutboundMessage m;
  m.content_type = "application/json";
  std::string& body = m.body;
  JsonWriter w(&body);
  w.BeginObject().Key("recipient").BeginObject().Member("id", shopper).EndObject();
  if (!messaging_type.empty()) w.Member("messaging_type", messaging_type);
  if (!tag.empty()) w.Member("tag", tag);
  w.Key("message").BeginObject().Key("attachment").BeginObject().Member("type", "template");
  w.Key("payload").BeginObject().Member("template_type", "receipt");
  w.Member("recipient_name", r.recipient_name);
  if (!r.merchant_name.empty()) w.Member("merchant_name", r.merchant_name);
  w.Member("order_number", r.order_number).Member("currency", r.currency);
  w.Member("payment_method", r.payment_method);
  if (!r.order_url.empty()) w.Member("order_url", r.order_url);
  if (r.timestamp != 0) w.Member("timestamp", Cat(r.timestamp));
  if (r.address.has_value()) {
    const Receipt::Address& a = *r.address;
    w.Key("address").BeginObject().Member("street_1", a.street_1).Member("street_2", a.street_2);
    w.Member("city", a.city).Member("postal_code", a.postal_code).Member("state", a.state);
    w.Member("country", a.country).EndObject();
  }
  w.Key("summary").BeginObject();
  if (r.subtotal) CHATCART_RETURN_IF_ERROR(Amount(w, "subtotal", *r.subtotal, r.currency));
  if (r.shipping_cost) {
    CHATCART_RETURN_IF_ERROR(Amount(w, "shipping_cost", *r.shipping_cost, r.currency));
  }
  if (r.total_tax) CHATCART_RETURN_IF_ERROR(Amount(w, "total_tax", *r.total_tax, r.currency));
  CHATCART_RETURN_IF_ERROR(Amount(w, "total_cost", r.total_cost, r.currency));
  w.EndObject();
  if (!r.adjustments.empty()) {
    w.Key("adjustments").BeginArray();
    for (const Receipt::Adjustment& a : r.adjustments) {
      w.BeginObject().Member("name", a.name);
      CHATCART_RETURN_IF_ERROR(Amount(w, "amount", a.amount, r.currency));
      w.EndObject();
    }
    w.EndArray();
  }
  if (!r.elements.empty()) {
    size_t n = std::min<size_t>(r.elements.size(), Limits::kMessengerReceiptElements);
    if (n < r.elements.size()) {
      m.adjustments.push_back(Cat(r.elements.size() - n, " receipt elements left out (at most ",
                                           Limits::kMessengerReceiptElements, ")"));
    }
    w.Key("elements").BeginArray();
    for (size_t i = 0; i < n; ++i) {
      const Receipt::Element& e = r.elements[i];
      w.BeginObject().Member("title", e.title);
      if (!e.subtitle.empty()) w.Member("subtitle", e.subtitle);
      if (e.quantity != 0) w.MemberInt("quantity", e.quantity);
      CHATCART_RETURN_IF_ERROR(Amount(w, "price", e.price, r.currency));
      w.Member("currency", r.currency);
      if (!e.image_url.empty()) w.Member("image_url", e.image_url);
      w.EndObject();
    }
    w.EndArray();
  }
  w.EndObject().EndObject().EndObject().EndObject();
  return m;
}

Receipt ReceiptFromOrder(const v1::Order& order, std::string_view recipient_name,
                         std::string_view payment_method) {
  Receipt r;
  r.recipient_name = std::string(recipient_name);
  r.order_number = order.reference();
  r.currency = order.currency();
  r.payment_method = std::string(payment_method);
  for (const v1::OrderLine& line : order.lines()) {
    Receipt::Element e;
    e.title = line.title().empty() ? line.product_id() : line.title();
    e.quantity = line.quantity();
    e.price.set_currency(order.currency());
    e.price.set_minor_units(line.unit_price().minor_units() * line.quantity());
    r.elements.push_back(std::move(e));
  }
  const v1::CartTotals& totals = order.totals();
  if (totals.has_subtotal()) r.subtotal = totals.subtotal();
  if (totals.has_shipping()) r.shipping_cost = totals.shipping();
  if (totals.has_tax() && !totals.prices_include_tax()) r.total_tax = totals.tax();
  if (totals.has_discount() && totals.discount().minor_units() != 0) {
    Receipt::Adjustment a;
    a.name = order.discount_codes_size() > 0 ? order.discount_codes(0) : "Discount";
    a.amount = totals.discount();
    a.amount.set_minor_units(a.amount.minor_units() < 0 ? -a.amount.minor_units()
                                                        : a.amount.minor_units());
    r.adjustments.push_back(std::move(a));
  }
  r.total_cost = totals.grand_total();
  return r;
}

}  // namespace chatcart::channels
