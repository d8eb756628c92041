// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CartCommand and CartEvent <-> chatcart.v1 (cart_commands.proto).

#include <type_traits>
#include <variant>

#include "absl/strings/str_cat.h"
#include "cart/convert.h"
#include "chatcart/cart.h"
#include "chatcart/v1/cart_commands.pb.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {

using cart_internal::DurationFromProto;
using cart_internal::DurationToProto;
using cart_internal::MoneyField;
using cart_internal::TimeFromProto;
using cart_internal::TimeToProto;

namespace {

void ActionToProto(const CartAction& action, v1::CartCommand* proto) {
  std::visit(
      [proto](const auto& c) {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, commands::AddLine>) {
          v1::AddLine* p = proto->mutable_add_line();
          p->set_product_id(c.product_id);
          p->set_sku(c.sku);
          p->set_quantity(c.quantity);
          if (c.unit_price.has_value()) MoneyToProto(*c.unit_price, p->mutable_unit_price());
          p->set_title(c.title);
          p->set_category(c.category);
        } else if constexpr (std::is_same_v<T, commands::RemoveLine>) {
          proto->mutable_remove_line()->set_line_id(c.line_id);
        } else if constexpr (std::is_same_v<T, commands::ChangeQuantity>) {
          v1::ChangeQuantity* p = proto->mutable_change_quantity();
          p->set_line_id(c.line_id);
          p->set_quantity(c.quantity);
        } else if constexpr (std::is_same_v<T, commands::ChangeVariant>) {
          v1::ChangeVariant* p = proto->mutable_change_variant();
          p->set_line_id(c.line_id);
          p->set_sku(c.sku);
          if (c.unit_price.has_value()) MoneyToProto(*c.unit_price, p->mutable_unit_price());
          p->set_title(c.title);
          p->set_category(c.category);
        } else if constexpr (std::is_same_v<T, commands::AddDiscountCode>) {
          proto->mutable_add_discount_code()->set_code(c.code);
        } else if constexpr (std::is_same_v<T, commands::RemoveDiscountCode>) {
          proto->mutable_remove_discount_code()->set_code(c.code);
        } else if constexpr (std::is_same_v<T, commands::SetShippingMethod>) {
          proto->mutable_set_shipping_method()->set_method(c.method);
        } else if constexpr (std::is_same_v<T, commands::SetRegion>) {
          proto->mutable_set_region()->set_region(c.region);
        } else if constexpr (std::is_same_v<T, commands::SetBuyer>) {
          v1::Buyer* b = proto->mutable_set_buyer()->mutable_buyer();
          b->set_anonymous_id(c.buyer.anonymous_id);
          b->set_customer_id(c.buyer.customer_id);
          b->set_purchase_blocked(c.buyer.purchase_blocked);
        } else if constexpr (std::is_same_v<T, commands::ClearCart>) {
          proto->mutable_clear();
        } else if constexpr (std::is_same_v<T, commands::RefreshPrices>) {
          proto->mutable_refresh_prices();
        } else if constexpr (std::is_same_v<T, commands::RequestConfirmation>) {
          DurationToProto(c.ttl, proto->mutable_request_confirmation()->mutable_ttl());
        } else if constexpr (std::is_same_v<T, commands::ConfirmPurchase>) {
          proto->mutable_confirm()->set_token(c.token);
        } else if constexpr (std::is_same_v<T, commands::PlaceOrder>) {
          v1::PlaceOrder* p = proto->mutable_place_order();
          if (c.reference_seed.has_value()) p->set_reference_seed(*c.reference_seed);
          p->mutable_source()->set_channel(c.source.channel);
          p->mutable_source()->set_campaign(c.source.campaign);
        }
      },
      action);
}

absl::StatusOr<std::optional<Money>> OptionalMoney(bool has, const v1::Money& proto,
                                                   std::string_view field) {
  if (!has) return std::optional<Money>();
  CHATCART_ASSIGN_OR_RETURN(Money money, MoneyField(proto, field));
  return std::optional<Money>(money);
}

absl::StatusOr<CartAction> ActionFromProto(const v1::CartCommand& proto) {
  switch (proto.action_case()) {
    case v1::CartCommand::kAddLine: {
      const v1::AddLine& p = proto.add_line();
      commands::AddLine c{p.product_id(), p.sku(),   p.quantity(),
                          std::nullopt,   p.title(), p.category()};
      CHATCART_ASSIGN_OR_RETURN(
          c.unit_price, OptionalMoney(p.has_unit_price(), p.unit_price(), "add_line.unit_price"));
      return c;
    }
    case v1::CartCommand::kRemoveLine:
      return commands::RemoveLine{proto.remove_line().line_id()};
    case v1::CartCommand::kChangeQuantity:
      return commands::ChangeQuantity{proto.change_quantity().line_id(),
                                      proto.change_quantity().quantity()};
    case v1::CartCommand::kChangeVariant: {
      const v1::ChangeVariant& p = proto.change_variant();
      commands::ChangeVariant c{p.line_id(), p.sku(), std::nullopt, p.title(), p.category()};
      CHATCART_ASSIGN_OR_RETURN(c.unit_price, OptionalMoney(p.has_unit_price(), p.unit_price(),
                                                            "change_variant.unit_price"));
      return c;
    }
    case v1::CartCommand::kAddDiscountCode:
      return commands::AddDiscountCode{proto.add_discount_code().code()};
    case v1::CartCommand::kRemoveDiscountCode:
      return commands::RemoveDiscountCode{proto.remove_discount_code().code()};
    case v1::CartCommand::kSetShippingMethod:
      return commands::SetShippingMethod{proto.set_shipping_method().method()};
    case v1::CartCommand::kSetRegion:
      return commands::SetRegion{proto.set_region().region()};
    case v1::CartCommand::kSetBuyer: {
      const v1::Buyer& b = proto.set_buyer().buyer();
      return commands::SetBuyer{Buyer{b.anonymous_id(), b.customer_id(), b.purchase_blocked()}};
    }
    case v1::CartCommand::kClear:
      return commands::ClearCart{};
    case v1::CartCommand::kRefreshPrices:
      return commands::RefreshPrices{};
    case v1::CartCommand::kRequestConfirmation: {
      commands::RequestConfirmation c;
      if (proto.request_confirmation().has_ttl()) {
        CHATCART_ASSIGN_OR_RETURN(c.ttl, DurationFromProto(proto.request_confirmation().ttl(),
                                                           "request_confirmation.ttl"));
      }
      return c;
    }
    case v1::CartCommand::kConfirm:
      return commands::ConfirmPurchase{proto.confirm().token()};
    case v1::CartCommand::kPlaceOrder: {
      const v1::PlaceOrder& p = proto.place_order();
      commands::PlaceOrder c;
      if (p.has_reference_seed()) c.reference_seed = p.reference_seed();
      c.source = OrderSource{p.source().channel(), p.source().campaign()};
      return c;
    }
    case v1::CartCommand::ACTION_NOT_SET:
      break;
  }
  return absl::InvalidArgumentError(
      "cart command: no action set (add_line, remove_line, change_quantity, ...)");
}

}  // namespace

void CartCommandToProto(const CartCommand& command, v1::CartCommand* proto) {
  proto->Clear();
  ActionToProto(command.action, proto);
  if (command.expected_version.has_value()) {
    proto->set_expected_version(*command.expected_version);
  }
  proto->set_idempotency_key(command.idempotency_key);
  if (command.actor != Actor{}) ActorToProto(command.actor, proto->mutable_actor());
  if (command.time.has_value()) TimeToProto(*command.time, proto->mutable_time());
}

absl::StatusOr<CartCommand> CartCommandFromProto(const v1::CartCommand& proto) {
  CartCommand command;
  CHATCART_ASSIGN_OR_RETURN(command.action, ActionFromProto(proto));
  if (proto.has_expected_version()) command.expected_version = proto.expected_version();
  command.idempotency_key = proto.idempotency_key();
  CHATCART_ASSIGN_OR_RETURN(command.actor, ActorFromProto(proto.actor()));
  if (proto.has_time()) {
    CHATCART_ASSIGN_OR_RETURN(command.time, TimeFromProto(proto.time(), "cart command time"));
  }
  return command;
}

void CartEventToProto(const CartEvent& event, v1::CartEvent* proto) {
  proto->Clear();
  proto->set_cart_id(event.cart_id);
  proto->set_version(event.version);
  ActorToProto(event.actor, proto->mutable_actor());
  TimeToProto(event.time, proto->mutable_time());
  CartCommandToProto(event.command, proto->mutable_command());
  for (const CapturedQuote& q : event.captured) {
    v1::CapturedQuote* p = proto->add_captured();
    p->set_line_id(q.line_id);
    MoneyToProto(q.unit_price, p->mutable_unit_price());
    p->set_title(q.title);
    p->set_category(q.category);
  }
  proto->set_order_reference(event.order_reference);
}

absl::StatusOr<CartEvent> CartEventFromProto(const v1::CartEvent& proto) {
  CartEvent event;
  event.cart_id = proto.cart_id();
  event.version = proto.version();
  CHATCART_ASSIGN_OR_RETURN(event.actor, ActorFromProto(proto.actor()));
  CHATCART_ASSIGN_OR_RETURN(event.time, TimeFromProto(proto.time(), "cart event time"));
  CHATCART_ASSIGN_OR_RETURN(event.command, CartCommandFromProto(proto.command()));
  for (int i = 0; i < proto.captured_size(); ++i) {
    const v1::CapturedQuote& p = proto.captured(i);
    CapturedQuote& q = event.captured.emplace_back();
    q.line_id = p.line_id();
    CHATCART_ASSIGN_OR_RETURN(q.unit_price,
                              MoneyField(p.unit_price(), absl::StrCat("captured[", i, "]")));
    q.title = p.title();
    q.category = p.category();
  }
  event.order_reference = proto.order_reference();
  return event;
}

}  // namespace chatcart
