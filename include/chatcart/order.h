// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Orders: what a confirmed cart becomes (Cart::Apply with
// commands::PlaceOrder), their status lifecycle, fulfilment, and amendments
// staged, previewed and confirmed by the shopper.
//
//   std::shared_ptr<const Order> placed = cart.Apply(place_order)->order;
//   Order order = *placed;                         // a value: copy to change it
//   order.Transition(OrderStatus::kPaid, Actor::Bot(), now);
//   absl::StatusOr<OrderAmendment> preview = order.StageAmendment(
//       {commands::AddLine{.product_id = "p9", .sku = "p9-s"}}, *policy, sources,
//       Actor::Bot(), now);
//   // show preview->difference; on the shopper's "OK":
//   order.ConfirmAmendment(preview->token, *policy, sources, Actor::Shopper(), later);
//
// Lifecycle (anything else is FAILED_PRECONDITION naming both statuses):
//   placed -> paid | cancelled;  paid -> shipped | cancelled;
//   shipped -> delivered.  Shipping marks every line fulfilled.
// Amendments: only while placed or paid; only unfulfilled lines change (a
// fulfilled line is FAILED_PRECONDITION naming it); new lines are priced and
// stock-checked now, existing lines keep the price they were ordered at; the
// order's discount codes are re-applied without their expiry (they were valid
// when the order was placed); only the shopper confirms (PERMISSION_DENIED
// otherwise), before the preview expires and while the order is unchanged.
// Every operation is all or nothing and adds 1 to the order's version.
//
// Order references: 6 Crockford base-32 characters and a check character,
// printed "7K3-9QX4": readable over SMS, no I, L, O or U. A mistyped
// character or two swapped neighbours fail the check.
//
// Thread safety: Order is a value; multiple threads can invoke its const
// methods, but if any may call a non-const method, external synchronization
// is required. The free functions are thread-safe.

#ifndef CHATCART_ORDER_H_
#define CHATCART_ORDER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "chatcart/cart.h"
#include "chatcart/money.h"

namespace chatcart {

namespace v1 {
class Order;
}  // namespace v1

// Persisted: never renumber.
enum class OrderStatus : int {
  kPlaced = 1,
  kPaid = 2,
  kShipped = 3,
  kDelivered = 4,
  kCancelled = 5,
};

// "placed", "paid", "shipped", "delivered", "cancelled".
std::string_view OrderStatusName(OrderStatus status);

struct OrderLine {
  uint32_t line_id = 0;
  std::string product_id;
  std::string sku;
  int64_t quantity = 0;
  Money unit_price;
  std::string title;
  std::string category;
  bool fulfilled = false;
  friend bool operator==(const OrderLine&, const OrderLine&) = default;
};

// One change of an amendment.
using OrderChange = std::variant<commands::AddLine, commands::ChangeQuantity, commands::RemoveLine>;

struct OrderAmendment {
  std::vector<OrderChange> changes;
  std::vector<OrderLine> lines;  // the order's lines after the changes
  CartTotals totals;             // the order's totals after the changes
  Money difference;              // totals.grand_total - the grand total before
  Actor staged_by;
  absl::Time staged_at = absl::UnixEpoch();
  std::string token;  // what ConfirmAmendment() needs
  absl::Time expires_at = absl::UnixEpoch();
  std::optional<Actor> confirmed_by;  // set once committed
  absl::Time confirmed_at = absl::UnixEpoch();
  uint64_t base_version = 0;  // the order version it was staged on
};

struct OrderStatusChange {
  OrderStatus status = OrderStatus::kPlaced;
  Actor actor;
  absl::Time time = absl::UnixEpoch();
};

struct OrderState {
  std::string reference;
  std::string cart_id;
  uint64_t version = 1;
  OrderStatus status = OrderStatus::kPlaced;
  std::string currency;
  std::vector<OrderLine> lines;
  std::vector<std::string> discount_codes;
  std::string shipping_method;
  std::string region;
  Buyer buyer;
  CartTotals totals;
  Actor placed_by;
  OrderSource source;
  absl::Time placed_at = absl::UnixEpoch();
  std::vector<OrderStatusChange> history;  // the placement first
  std::optional<OrderAmendment> pending_amendment;
  std::vector<OrderAmendment> amendments;  // committed, oldest first
  uint32_t last_line_id = 0;
  // Agent ids who helped before it was placed (PlaceOrder::assisted_by).
  std::vector<std::string> assisted_by;
};

class Order {
 public:
  // Validates `state` (reference check character, currency, lines).
  static absl::StatusOr<Order> FromState(OrderState state);
  static absl::StatusOr<Order> FromProto(const v1::Order& proto);

  const OrderState& state() const { return state_; }
  const std::string& reference() const { return state_.reference; }
  OrderStatus status() const { return state_.status; }
  uint64_t version() const { return state_.version; }

  // Moves the order along its lifecycle (see the top of this file).
  absl::Status Transition(OrderStatus to, const Actor& actor, absl::Time time);

  // Marks lines fulfilled (shipped separately, picked up). NOT_FOUND for an
  // unknown line; FAILED_PRECONDITION unless placed or paid.
  absl::Status MarkFulfilled(std::span<const uint32_t> line_ids);

  // Stages `changes`, replacing any amendment staged before, and returns the
  // preview: the lines and totals after the changes and the price difference.
  // Applied to the order only by ConfirmAmendment(). New lines are priced
  // through sources.prices (or carry unit_price without one) and checked
  // against sources.stock, as in Cart::Apply; quantity increases are checked
  // against stock too.
  absl::StatusOr<OrderAmendment> StageAmendment(std::span<const OrderChange> changes,
                                                const CartPolicy& policy,
                                                const CartSources& sources, const Actor& actor,
                                                absl::Time time,
                                                absl::Duration ttl = absl::Minutes(15));

  // Commits the staged amendment whose token is `token`. The actor must be the
  // shopper; the time before the preview's expiry; the order unchanged since
  // staging; and, when sources.prices is given, the new lines' prices still
  // those previewed (else FAILED_PRECONDITION: stage it again).
  absl::Status ConfirmAmendment(std::string_view token, const CartPolicy& policy,
                                const CartSources& sources, const Actor& actor, absl::Time time);

  // Drops the staged amendment; NOT_FOUND when none is staged.
  absl::Status DiscardAmendment();

  void ToProto(v1::Order* proto) const;
  std::string Serialize() const;

 private:
  explicit Order(OrderState state) : state_(std::move(state)) {}
  OrderState state_;
};

// The reference for `seed`: a bijection on [0, 2^30), so distinct seeds below
// 2^30 give distinct references; seeds above wrap around. "7K3-9QX4".
std::string OrderReferenceFromSeed(uint64_t seed);

// Reads a reference as a person typed it: case-insensitive, hyphen and spaces
// optional, O read as 0, I and L as 1. Returns the canonical "XXX-XXXX" or
// INVALID_ARGUMENT when it is malformed or its check character is wrong.
absl::StatusOr<std::string> CanonicalOrderReference(std::string_view text);

// Protobuf conversion of an order's state (order.proto).
void OrderStateToProto(const OrderState& state, v1::Order* proto);
absl::StatusOr<OrderState> OrderStateFromProto(const v1::Order& proto);

}  // namespace chatcart

#endif  // CHATCART_ORDER_H_
