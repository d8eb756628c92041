// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "cart/command_text.h"

#include <string>
#include <type_traits>
#include <variant>

#include "common/utf8_scrub.h"

namespace chatcart::cart_internal {
namespace {

// Calls f(text) for each kept text field of the action `c` (const or not).
template <typename A, typename F>
void ForEachActionText(A& c, F& f) {
  using T = std::remove_const_t<A>;
  if constexpr (std::is_same_v<T, commands::AddLine>) {
    f(c.product_id);
    f(c.sku);
    f(c.title);
    f(c.category);
  } else if constexpr (std::is_same_v<T, commands::ChangeVariant>) {
    f(c.sku);
    f(c.title);
    f(c.category);
  } else if constexpr (std::is_same_v<T, commands::AddDiscountCode> ||
                       std::is_same_v<T, commands::RemoveDiscountCode>) {
    f(c.code);
  } else if constexpr (std::is_same_v<T, commands::SetShippingMethod>) {
    f(c.method);
  } else if constexpr (std::is_same_v<T, commands::SetRegion>) {
    f(c.region);
  } else if constexpr (std::is_same_v<T, commands::SetBuyer>) {
    f(c.buyer.anonymous_id);
    f(c.buyer.customer_id);
  } else if constexpr (std::is_same_v<T, commands::ConfirmPurchase>) {
    f(c.token);
  } else if constexpr (std::is_same_v<T, commands::PlaceOrder>) {
    f(c.source.channel);
    f(c.source.campaign);
    for (auto& agent : c.assisted_by) f(agent);
  }
}

template <typename C, typename F>
void ForEachCommandText(C& command, F f) {
  std::visit([&](auto& action) { ForEachActionText(action, f); }, command.action);
  f(command.actor.agent_id);
}

}  // namespace

bool CommandTextIsWellFormed(const CartCommand& command) {
  bool well_formed = true;
  ForEachCommandText(command,
                     [&](const std::string& text) { well_formed &= IsWellFormedUtf8(text); });
  return well_formed;
}

void ScrubCommandText(CartCommand* command) {
  ForEachCommandText(*command, [](std::string& text) { ScrubUtf8InPlace(&text); });
}

}  // namespace chatcart::cart_internal
