// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Shared helpers of the proto conversions (convert_cart.cc,
// convert_commands.cc, convert_order.cc). Thread-safe (pure functions).

#ifndef CHATCART_CART_CONVERT_H_
#define CHATCART_CART_CONVERT_H_

#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "chatcart/cart.h"
#include "chatcart/money.h"
#include "google/protobuf/duration.pb.h"
#include "google/protobuf/timestamp.pb.h"

namespace chatcart::cart_internal {

void TimeToProto(absl::Time time, google::protobuf::Timestamp* proto);
// INVALID_ARGUMENT naming `field` for nanos outside [0, 1e9).
absl::StatusOr<absl::Time> TimeFromProto(const google::protobuf::Timestamp& proto,
                                         std::string_view field);
void DurationToProto(absl::Duration duration, google::protobuf::Duration* proto);
absl::StatusOr<absl::Duration> DurationFromProto(const google::protobuf::Duration& proto,
                                                 std::string_view field);
// A Money field: INVALID_ARGUMENT naming `field`.
absl::StatusOr<Money> MoneyField(const v1::Money& proto, std::string_view field);

absl::StatusOr<CartTotals> CartTotalsFromProto(const v1::CartTotals& proto);

}  // namespace chatcart::cart_internal

#endif  // CHATCART_CART_CONVERT_H_
