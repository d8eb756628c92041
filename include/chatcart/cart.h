// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The cart: exact totals, versioned all-or-nothing commands, idempotent
// retries, "reply OK to buy" confirmations, and orders (chatcart/order.h).
//
//   auto policy = CartPolicy::FromJson(R"({"currency": "USD",
//       "tax": {"rates": [{"percent": "8.875"}]}})");
//   absl::StatusOr<Cart> cart = Cart::Create(*policy, "session-17");
//   CartSources sources{.prices = &catalog, .stock = &catalog};   // host's
//   absl::StatusOr<ApplyResult> r = cart->Apply(
//       {.action = commands::AddLine{.product_id = "p1", .sku = "p1-m", .quantity = 2},
//        .actor = Actor::Bot(), .time = now, .expected_version = 0,
//        .idempotency_key = "turn-3"},
//       sources);
//   // r->event goes to the host's ledger; cart->Totals() prices the cart;
//   // cart->Serialize() is the snapshot.
//
// Rules every command follows:
//  - All or nothing: a command that fails leaves the cart byte-identical
//    (it is applied to a copy, which replaces the cart only on success).
//  - expected_version, when set, must equal the cart's version, else ABORTED
//    naming both. Each applied command adds 1 to the version.
//  - idempotency_key, when set: a retry with the same key and the same
//    payload (action and expected_version; not actor or time) returns the
//    first result with replayed = true and applies nothing; the same key with
//    another payload is INVALID_ARGUMENT. A cart remembers its
//    CartPolicy.idempotency_window most recent keys (default 16); keys of
//    failed commands are not remembered (a failure changes nothing), so a retry
//    of a failed command runs again.
//  - Time is an input (CartCommand.time); nothing reads a clock, and nothing
//    is random: order references derive from a seed the caller passes.
//  - Every applied command yields a CartEvent (actor, time, the command as
//    sent, what it captured from the PriceSource, the resulting version);
//    Cart::Replay() rebuilds the cart from them byte-identically.
//
// Error codes: INVALID_ARGUMENT for a malformed command; NOT_FOUND for an
// unknown line, code or shipping method; ABORTED for a version mismatch;
// FAILED_PRECONDITION for a rule of the cart or the policy (not enough stock,
// a guardrail, an expired code, a stale confirmation); PERMISSION_DENIED for a
// purchase-blocked buyer or a confirmation not given by the shopper;
// OUT_OF_RANGE for amounts beyond int64 minor units.
//
// Thread safety: CartPolicy is immutable and safe for concurrent access from
// multiple threads without any external synchronization. Cart is a value:
// multiple threads can invoke its const methods on one cart, but if any may
// call Apply(), external synchronization is required (one cart per session,
// used by one thread at a time). PriceSource and StockSource implementations
// must be safe to call from every thread that applies commands.

#ifndef CHATCART_CART_H_
#define CHATCART_CART_H_

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "chatcart/money.h"

namespace chatcart {

namespace v1 {
class Actor;
class Buyer;
class Cart;
class CartApplyResponse;
class CartCommand;
class CartEvent;
class CartPolicy;
class CartTotals;
class OrderSource;
}  // namespace v1

namespace cart_internal {
struct CompiledPolicy;
}  // namespace cart_internal

class Order;

// Who issued a command: the shopper, the bot, or a human agent.
struct Actor {
  // Persisted: never renumber.
  enum class Kind : int { kShopper = 0, kBot = 1, kAgent = 2 };
  Kind kind = Kind::kShopper;
  std::string agent_id;  // kAgent only: "nick-42"

  static Actor Shopper() { return {}; }
  static Actor Bot() { return {Kind::kBot, {}}; }
  static Actor Agent(std::string_view id) { return {Kind::kAgent, std::string(id)}; }
  // "shopper", "bot", "agent:nick-42".
  std::string ToString() const;
  friend bool operator==(const Actor&, const Actor&) = default;
};

// Whose cart it is; see Buyer in cart.proto.
struct Buyer {
  std::string anonymous_id;
  std::string customer_id;
  // May fill a cart but never buy; only a bot or an agent can lift it.
  bool purchase_blocked = false;
  friend bool operator==(const Buyer&, const Buyer&) = default;
};

// Where an order came from.
struct OrderSource {
  std::string channel;   // "web", "whatsapp", "sms", ...
  std::string campaign;  // the ad campaign, if any
  friend bool operator==(const OrderSource&, const OrderSource&) = default;
};

// ---------------------------------------------------------------------------
// Host interfaces: the cart never includes the catalog; prices and stock reach
// it through these (lib/catalog implements them; so can any host).

// A product variant's current price, title and tax/discount category.
struct PriceQuote {
  Money unit_price;
  std::string title;
  std::string category;
};

class PriceSource {
 public:
  virtual ~PriceSource() = default;
  // The current price of `sku` of `product_id` (sku may be empty for a product
  // without variants). NOT_FOUND for an unknown product or variant; any other
  // error is passed on to the caller of Cart::Apply unchanged.
  virtual absl::StatusOr<PriceQuote> Quote(std::string_view product_id,
                                           std::string_view sku) const = 0;
};

class StockSource {
 public:
  // Available() of a variant whose stock is not tracked.
  static constexpr int64_t kUntracked = std::numeric_limits<int64_t>::max();

  virtual ~StockSource() = default;
  // How many units can be sold now (>= 0), or kUntracked. NOT_FOUND for an
  // unknown product or variant.
  virtual absl::StatusOr<int64_t> Available(std::string_view product_id,
                                            std::string_view sku) const = 0;
};

// The sources one Apply() call may consult; either may be null. Without a
// PriceSource, AddLine and ChangeVariant carry the unit price themselves (a
// host that prices lines itself, the CLI); without a StockSource, stock is
// unlimited.
struct CartSources {
  const PriceSource* prices = nullptr;
  const StockSource* stock = nullptr;
};

// A map-backed PriceSource and StockSource: for tests, the CLI and hosts with
// a handful of products. Not thread-safe while being filled; afterwards its
// const methods are.
class InMemoryCatalog final : public PriceSource, public StockSource {
 public:
  InMemoryCatalog();
  ~InMemoryCatalog() override;
  InMemoryCatalog(const InMemoryCatalog&) = delete;
  InMemoryCatalog& operator=(const InMemoryCatalog&) = delete;

  // Adds or replaces a variant.
  void Set(std::string_view product_id, std::string_view sku, PriceQuote quote,
           int64_t available = kUntracked);
  // Changes a known variant's stock or price; NOT_FOUND for an unknown one.
  absl::Status SetAvailable(std::string_view product_id, std::string_view sku, int64_t available);
  absl::Status SetPrice(std::string_view product_id, std::string_view sku, Money unit_price);

  absl::StatusOr<PriceQuote> Quote(std::string_view product_id,
                                   std::string_view sku) const override;
  absl::StatusOr<int64_t> Available(std::string_view product_id,
                                    std::string_view sku) const override;

 private:
  struct Rep;
  std::unique_ptr<Rep> rep_;
};

// ---------------------------------------------------------------------------
// Policy: currency, rounding, tax, discount codes, shipping, guardrails.

// A compiled chatcart.v1.CartPolicy (cart_policy.proto documents each field).
// Immutable; share one among all carts of a merchant.
class CartPolicy {
 public:
  // Validates and compiles `proto`. Errors name the field:
  // INVALID_ARGUMENT: discount_codes[2] ("SPRING"): percent "1.5.0" ...
  static absl::StatusOr<std::shared_ptr<const CartPolicy>> Create(const v1::CartPolicy& proto);
  // The same from the protobuf JSON mapping of CartPolicy.
  static absl::StatusOr<std::shared_ptr<const CartPolicy>> FromJson(std::string_view json);

  ~CartPolicy();
  CartPolicy(const CartPolicy&) = delete;
  CartPolicy& operator=(const CartPolicy&) = delete;

  // ISO 4217 code of every amount under this policy.
  std::string_view currency() const;
  const v1::CartPolicy& proto() const;
  // For lib/cart only.
  const cart_internal::CompiledPolicy& compiled() const { return *compiled_; }

 private:
  CartPolicy();
  std::unique_ptr<v1::CartPolicy> proto_;
  std::unique_ptr<const cart_internal::CompiledPolicy> compiled_;
};

// ---------------------------------------------------------------------------
// Commands. Each mirrors a message of cart_commands.proto, which documents it.

namespace commands {

struct AddLine {
  std::string product_id;
  std::string sku;
  int64_t quantity = 1;
  // Set only without a PriceSource (then required); see CartSources.
  std::optional<Money> unit_price;
  std::string title;
  std::string category;
};
struct RemoveLine {
  uint32_t line_id = 0;
};
struct ChangeQuantity {
  uint32_t line_id = 0;
  int64_t quantity = 0;
};
struct ChangeVariant {
  uint32_t line_id = 0;
  std::string sku;
  std::optional<Money> unit_price;  // as AddLine
  std::string title;
  std::string category;
};
struct AddDiscountCode {
  std::string code;
};
struct RemoveDiscountCode {
  std::string code;
};
struct SetShippingMethod {
  std::string method;  // empty unsets
};
struct SetRegion {
  std::string region;  // empty unsets
};
struct SetBuyer {
  Buyer buyer;
};
struct ClearCart {};
struct RefreshPrices {};
struct RequestConfirmation {
  absl::Duration ttl = absl::Minutes(15);
};
struct ConfirmPurchase {
  std::string token;
};
// Turns the (confirmed) cart into an Order. The cart then starts clean for
// the next order: no lines, no discount codes (a code is used up by the order
// it priced; a host whose promotion should carry over applies it again), no
// shipping method (the next checkout chooses again) and no confirmation. The
// buyer, the region, `spent` and `orders_placed` stay.
struct PlaceOrder {
  // Distinct seeds below 2^30 give distinct references. Unset: derived from
  // the cart id and the number of orders placed from the cart.
  std::optional<uint64_t> reference_seed;
  OrderSource source;
  // The agents who helped (Order.assisted_by); a session fills it.
  std::vector<std::string> assisted_by;
};

}  // namespace commands

// The order of alternatives is fixed (it is part of the idempotency payload).
using CartAction =
    std::variant<commands::AddLine, commands::RemoveLine, commands::ChangeQuantity,
                 commands::ChangeVariant, commands::AddDiscountCode, commands::RemoveDiscountCode,
                 commands::SetShippingMethod, commands::SetRegion, commands::SetBuyer,
                 commands::ClearCart, commands::RefreshPrices, commands::RequestConfirmation,
                 commands::ConfirmPurchase, commands::PlaceOrder>;

// The name of the action, as in the proto oneof: "add_line", "place_order".
std::string_view CartActionName(const CartAction& action);

struct CartCommand {
  CartAction action;
  Actor actor;
  // Unset: the cart's updated_at.
  std::optional<absl::Time> time;
  std::optional<uint64_t> expected_version;
  std::string idempotency_key;
};

// ---------------------------------------------------------------------------
// State: the value a cart is. CartState <-> chatcart.v1.Cart, field by field.

struct CartLine {
  uint32_t line_id = 0;
  std::string product_id;
  std::string sku;
  int64_t quantity = 0;
  int64_t unit_price = 0;  // minor units of the cart's currency
  std::string title;
  std::string category;
  friend bool operator==(const CartLine&, const CartLine&) = default;
};

struct PendingConfirmation {
  std::string token;
  uint64_t cart_hash = 0;
  uint64_t version = 0;
  absl::Time expires_at = absl::UnixEpoch();
  int64_t grand_total = 0;
  bool confirmed = false;
  friend bool operator==(const PendingConfirmation&, const PendingConfirmation&) = default;
};

struct IdempotencyRecord {
  // Key fingerprint (high 32 bits) and payload fingerprint (low 32 bits).
  uint64_t fingerprint = 0;
  uint64_t version = 0;
  std::string order_reference;
  friend bool operator==(const IdempotencyRecord&, const IdempotencyRecord&) = default;
};

struct CartState {
  std::string id;
  std::string currency;
  uint64_t version = 0;
  std::vector<CartLine> lines;
  std::vector<std::string> discount_codes;
  std::string shipping_method;
  std::string region;
  Buyer buyer;
  absl::Time updated_at = absl::UnixEpoch();
  uint32_t last_line_id = 0;
  std::optional<PendingConfirmation> confirmation;
  std::vector<IdempotencyRecord> idempotency;  // oldest first
  int64_t spent = 0;                           // minor units
  uint32_t orders_placed = 0;
  friend bool operator==(const CartState&, const CartState&) = default;
};

// ---------------------------------------------------------------------------
// Totals: see CartTotals in cart.proto for how the parts add up.

struct LineTotals {
  uint32_t line_id = 0;
  Money amount;    // quantity x unit price
  Money discount;  // this line's share of every discount
  Money tax;       // on amount - discount (contained when prices include tax)
  Money total;     // amount - discount (+ tax when prices exclude it)
};

struct DiscountTotals {
  std::string code;
  Money amount;
  bool applied = false;
  std::string reason;  // why not applied
};

struct CartTotals {
  Money subtotal;
  Money discount;
  Money tax;
  Money shipping;
  Money grand_total;
  bool prices_include_tax = false;
  std::vector<LineTotals> lines;
  std::vector<DiscountTotals> discounts;
};

// ---------------------------------------------------------------------------
// Events and results.

// A price captured from the PriceSource (or the command) for a line.
struct CapturedQuote {
  uint32_t line_id = 0;
  Money unit_price;
  std::string title;
  std::string category;
};

struct CartEvent {
  std::string cart_id;
  uint64_t version = 0;  // the version the command produced
  Actor actor;
  absl::Time time = absl::UnixEpoch();  // resolved
  CartCommand command;                  // as sent
  std::vector<CapturedQuote> captured;
  std::string order_reference;  // PlaceOrder
};

struct ApplyResult {
  // The version the command produced (for a replayed retry: the first time).
  uint64_t version = 0;
  // An idempotent retry answered without applying anything.
  bool replayed = false;
  // Unset when replayed.
  std::optional<CartEvent> event;
  // PlaceOrder: the order (null when replayed) and its reference (also when
  // replayed).
  std::shared_ptr<const Order> order;
  std::string order_reference;
};

// ---------------------------------------------------------------------------

class Cart {
 public:
  // An empty cart with version 0 in the policy's currency. INVALID_ARGUMENT
  // for a null policy.
  static absl::StatusOr<Cart> Create(std::shared_ptr<const CartPolicy> policy, std::string_view id);

  // Restores a cart from its state, validating it against `policy` (currency,
  // line ids, quantities, shipping method). Codes the policy no longer offers
  // are kept and priced as not applied; a shipping method it no longer has is
  // FAILED_PRECONDITION; when the policy's idempotency window is now smaller,
  // the newest keys are kept. Guardrails of the policy are not re-checked (a
  // cart over a lowered limit restores, and commands that would raise it
  // further fail).
  static absl::StatusOr<Cart> FromState(std::shared_ptr<const CartPolicy> policy, CartState state);
  static absl::StatusOr<Cart> FromProto(std::shared_ptr<const CartPolicy> policy,
                                        const v1::Cart& proto);
  // From Serialize()'s bytes. Serialize(Parse(b)) == b for every b that
  // Serialize() produced.
  static absl::StatusOr<Cart> Parse(std::shared_ptr<const CartPolicy> policy,
                                    std::string_view bytes);

  // Rebuilds a cart from its events, oldest first, without consulting any
  // source: the result equals (byte for byte) the cart that produced them,
  // under the same policy. DATA_LOSS when an event is out of sequence or no
  // longer applies (naming the event).
  static absl::StatusOr<Cart> Replay(std::shared_ptr<const CartPolicy> policy, std::string_view id,
                                     std::span<const CartEvent> events);

  Cart(const Cart&) = default;
  Cart& operator=(const Cart&) = default;
  Cart(Cart&&) = default;
  Cart& operator=(Cart&&) = default;

  // Applies one command under the rules at the top of this file. On failure
  // the cart is unchanged.
  absl::StatusOr<ApplyResult> Apply(const CartCommand& command, const CartSources& sources = {});

  // Prices the cart under its policy. Fails only on int64 overflow.
  absl::StatusOr<CartTotals> Totals() const;
  // The same into `*totals`, reusing its vectors' memory: for a caller that
  // prices carts in a loop (about a third faster for 50 lines).
  absl::Status TotalsInto(CartTotals* totals) const;

  // The hash a confirmation binds to: lines, prices, codes, shipping, region,
  // buyer, currency and grand total (XXH3-64; not a secret).
  absl::StatusOr<uint64_t> ContentHash() const;

  const CartState& state() const { return state_; }
  uint64_t version() const { return state_.version; }
  const std::shared_ptr<const CartPolicy>& policy() const { return policy_; }

  void ToProto(v1::Cart* proto) const;
  std::string Serialize() const;

 private:
  Cart(std::shared_ptr<const CartPolicy> policy, CartState state);

  std::shared_ptr<const CartPolicy> policy_;
  CartState state_;
};

// ---------------------------------------------------------------------------
// Protobuf conversions (cart.proto, cart_commands.proto). The *FromProto
// functions validate and return INVALID_ARGUMENT naming the field.

void CartStateToProto(const CartState& state, v1::Cart* proto);
absl::StatusOr<CartState> CartStateFromProto(const v1::Cart& proto);
void CartCommandToProto(const CartCommand& command, v1::CartCommand* proto);
absl::StatusOr<CartCommand> CartCommandFromProto(const v1::CartCommand& proto);
void CartEventToProto(const CartEvent& event, v1::CartEvent* proto);
absl::StatusOr<CartEvent> CartEventFromProto(const v1::CartEvent& proto);
void CartTotalsToProto(const CartTotals& totals, v1::CartTotals* proto);
void ActorToProto(const Actor& actor, v1::Actor* proto);
absl::StatusOr<Actor> ActorFromProto(const v1::Actor& proto);

// The outcome of `cart.Apply(...)` (already called: `cart` is the cart after
// it) as a chatcart.v1.CartApplyResponse (cart_apply.proto): on success the
// cart, its totals, the event, the version and any order; on failure the error
// (code name and message) and the unchanged version. What `chatcart cart
// apply` prints and the C API and Python bindings return.
void CartApplyResponseToProto(const Cart& cart, const absl::StatusOr<ApplyResult>& result,
                              v1::CartApplyResponse* proto);

}  // namespace chatcart

#endif  // CHATCART_CART_H_
