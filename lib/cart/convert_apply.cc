// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// CartApplyResponse: the outcome of one Apply() as one message.

#include "absl/status/status.h"
#include "chatcart/cart.h"
#include "chatcart/order.h"
#include "chatcart/v1/cart_apply.pb.h"
#include "common/status.h"

namespace chatcart {

void CartApplyResponseToProto(const Cart& cart, const absl::StatusOr<ApplyResult>& result,
                              v1::CartApplyResponse* proto) {
  proto->Clear();
  if (!result.ok()) {
    proto->mutable_error()->set_code(std::string(StatusCodeName(result.status().code())));
    proto->mutable_error()->set_message(std::string(result.status().message()));
    proto->set_version(cart.version());
    return;
  }
  cart.ToProto(proto->mutable_cart());
  absl::StatusOr<CartTotals> totals = cart.Totals();
  if (totals.ok()) {
    CartTotalsToProto(*totals, proto->mutable_totals());
  } else {
    proto->mutable_error()->set_code(std::string(StatusCodeName(totals.status().code())));
    proto->mutable_error()->set_message(std::string(totals.status().message()));
  }
  if (result->event.has_value()) CartEventToProto(*result->event, proto->mutable_event());
  proto->set_replayed(result->replayed);
  proto->set_version(result->version);
  if (result->order != nullptr) result->order->ToProto(proto->mutable_order());
  proto->set_order_reference(result->order_reference);
}

}  // namespace chatcart
