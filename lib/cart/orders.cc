// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Order: validation, the status lifecycle and fulfilment. Amendments are in
// amendments.cc, proto conversion in convert_order.cc.

#include <string>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "chatcart/order.h"
#include "chatcart/v1/order.pb.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {

std::string_view OrderStatusName(OrderStatus status) {
  switch (status) {
    case OrderStatus::kPlaced:
      return "placed";
    case OrderStatus::kPaid:
      return "paid";
    case OrderStatus::kShipped:
      return "shipped";
    case OrderStatus::kDelivered:
      return "delivered";
    case OrderStatus::kCancelled:
      return "cancelled";
  }
  return "unknown";
}

namespace {

bool Legal(OrderStatus from, OrderStatus to) {
  switch (from) {
    case OrderStatus::kPlaced:
      return to == OrderStatus::kPaid || to == OrderStatus::kCancelled;
    case OrderStatus::kPaid:
      return to == OrderStatus::kShipped || to == OrderStatus::kCancelled;
    case OrderStatus::kShipped:
      return to == OrderStatus::kDelivered;
    case OrderStatus::kDelivered:
    case OrderStatus::kCancelled:
      return false;
  }
  return false;
}

absl::Status Invalid(std::string_view what) {
  return absl::InvalidArgumentError(absl::StrCat("order state: ", ToAbsl(what)));
}

}  // namespace

absl::StatusOr<Order> Order::FromState(OrderState state) {
  absl::StatusOr<std::string> reference = CanonicalOrderReference(state.reference);
  if (!reference.ok() || *reference != state.reference) {
    return Invalid(
        absl::StrCat("reference \"", state.reference, "\" is not a canonical order reference"));
  }
  if (state.version < 1) return Invalid("version must be at least 1");
  switch (state.status) {
    case OrderStatus::kPlaced:
    case OrderStatus::kPaid:
    case OrderStatus::kShipped:
    case OrderStatus::kDelivered:
    case OrderStatus::kCancelled:
      break;
    default:
      return Invalid(absl::StrCat("unknown status ", static_cast<int>(state.status)));
  }
  if (state.lines.empty()) return Invalid("an order has at least one line");
  absl::flat_hash_set<uint32_t> ids;
  for (const OrderLine& line : state.lines) {
    if (line.line_id == 0 || line.line_id > state.last_line_id ||
        !ids.insert(line.line_id).second) {
      return Invalid(absl::StrCat("line_id ", line.line_id, " is 0, above last_line_id ",
                                  state.last_line_id, ", or repeated"));
    }
    if (line.quantity < 1) {
      return Invalid(absl::StrCat("line ", line.line_id, ": quantity ", line.quantity));
    }
    if (line.unit_price.currency() != state.currency) {
      return Invalid(absl::StrCat("line ", line.line_id, ": price ", line.unit_price.ToString(),
                                  " is not in the order's currency ", state.currency));
    }
  }
  if (state.totals.grand_total.currency() != state.currency) {
    return Invalid("totals are not in the order's currency");
  }
  return Order(std::move(state));
}

absl::StatusOr<Order> Order::FromProto(const v1::Order& proto) {
  CHATCART_ASSIGN_OR_RETURN(OrderState state, OrderStateFromProto(proto));
  return FromState(std::move(state));
}

absl::Status Order::Transition(OrderStatus to, const Actor& actor, absl::Time time) {
  if (!Legal(state_.status, to)) {
    return absl::FailedPreconditionError(
        absl::StrCat("order ", state_.reference, " is ", ToAbsl(OrderStatusName(state_.status)),
                     "; it cannot become ", ToAbsl(OrderStatusName(to))));
  }
  OrderState next = state_;
  next.status = to;
  next.history.push_back({to, actor, time});
  if (to == OrderStatus::kShipped) {
    for (OrderLine& line : next.lines) line.fulfilled = true;
  }
  if (to == OrderStatus::kShipped || to == OrderStatus::kCancelled) {
    next.pending_amendment.reset();
  }
  next.version += 1;
  state_ = std::move(next);
  return absl::OkStatus();
}

absl::Status Order::MarkFulfilled(std::span<const uint32_t> line_ids) {
  if (state_.status != OrderStatus::kPlaced && state_.status != OrderStatus::kPaid) {
    return absl::FailedPreconditionError(absl::StrCat("order ", state_.reference, " is ",
                                                      ToAbsl(OrderStatusName(state_.status)),
                                                      "; only a placed or paid order is fulfilled "
                                                      "line by line"));
  }
  OrderState next = state_;
  for (uint32_t id : line_ids) {
    OrderLine* found = nullptr;
    for (OrderLine& line : next.lines) {
      if (line.line_id == id) found = &line;
    }
    if (found == nullptr) {
      return absl::NotFoundError(absl::StrCat("order ", state_.reference, " has no line ", id));
    }
    found->fulfilled = true;
  }
  next.version += 1;
  state_ = std::move(next);
  return absl::OkStatus();
}

void Order::ToProto(v1::Order* proto) const { OrderStateToProto(state_, proto); }

std::string Order::Serialize() const {
  v1::Order proto;
  ToProto(&proto);
  return proto.SerializeAsString();
}

}  // namespace chatcart
