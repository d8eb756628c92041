// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A Session is one conversation with one shopper: its flow stack and slots,
// its cart and orders, its language and seeded generator. Create one with
// Engine::NewSession or Engine::RestoreSession (engine.h).
//
// Everything a session knows is in its snapshot: Snapshot() bytes restored
// on another server continue the conversation exactly.
//
// Thread safety: a Session is used by one thread at a time (it holds its
// engine alive; the engine itself is shared). Multiple threads can invoke its
// const methods, but if any may call a non-const method, external
// synchronization is required.

#ifndef CHATCART_SESSION_H_
#define CHATCART_SESSION_H_

#include <memory>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "chatcart/cart.h"
#include "chatcart/v1/session.pb.h"
#include "chatcart/v1/turn.pb.h"

namespace chatcart {

class Engine;

namespace engine_internal {
struct SessionRep;
class Access;  // lib/engine's way to what an Engine and a Session hold
}  // namespace engine_internal

class Session {
 public:
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();

  // Handles one turn: shopper text, a quick-reply payload, or an event, at
  // input.time(). All or nothing: on error the session is left exactly as it
  // was. Shopper-facing problems (out of stock, an expired code) are replies,
  // not errors; errors are for the host: INVALID_ARGUMENT for an input with
  // none of text, payload and event, or an event the bundle does not route;
  // FAILED_PRECONDITION when the bundle's routes loop within one turn.
  absl::StatusOr<v1::TurnResult> HandleTurn(const v1::TurnInput& input);

  // The same with the protobuf JSON mapping of TurnInput in and TurnResult
  // out: {"text": "hi", "time": "2026-11-23T10:00:00Z"}. INVALID_ARGUMENT for
  // JSON that does not parse as a TurnInput.
  // Map entries (event and host action params) come out in key order, so
  // the same inputs give the same JSON.
  absl::StatusOr<std::string> HandleTurnJson(std::string_view input_json);

  // The same with binary protobuf in and out (a chatcart.v1.TurnInput, a
  // chatcart.v1.TurnResult serialized deterministically: the same inputs
  // give the same bytes). Hosts serializing HandleTurn's result themselves
  // get that only with deterministic serialization (protobuf randomizes map
  // order). INVALID_ARGUMENT for bytes that do not parse as a TurnInput;
  // RESOURCE_EXHAUSTED for more than kMaxProtoBytes (chatcart/limits.h), and
  // for HandleTurnJson's JSON over kMaxJsonBytes or kMaxJsonDepth.
  absl::StatusOr<std::string> HandleTurnBytes(std::string_view input_proto);

  // The session as bytes (a chatcart.v1.SessionSnapshot).
  std::string Snapshot() const;

  // What the shopper agreed to have remembered (their phone, a usual budget,
  // language), for the host to store with the shopper's account.
  v1::ShopperProfile ExportProfile() const;
  // Preloads a stored profile so known answers are not asked again.
  // INVALID_ARGUMENT for a profile whose values cannot be read.
  absl::Status ImportProfile(const v1::ShopperProfile& profile);

  // Applies one cart command (chatcart/cart.h) to the session's cart, as a
  // host or an agent does outside a turn: the cart is created on first use,
  // priced through the engine's sources, and the command follows the cart's
  // rules (all or nothing, expected_version, idempotency_key). A PlaceOrder
  // without a reference_seed gets the session's, and the order it places
  // joins the session's orders as one placed in conversation would.
  // FAILED_PRECONDITION when the bundle has no cart policy; otherwise
  // Cart::Apply's errors, with the session unchanged.
  absl::StatusOr<ApplyResult> ApplyCartCommand(const CartCommand& command);
  // The session's cart; null before its first cart action.
  const Cart* cart() const;

  const std::string& id() const;
  const Engine& engine() const;


 private:
  friend class Engine;
  friend class engine_internal::Access;
  engine_internal::SessionRep& rep() { return *rep_; }
  const engine_internal::SessionRep& rep() const { return *rep_; }
  explicit Session(std::unique_ptr<engine_internal::SessionRep> rep);
  std::unique_ptr<engine_internal::SessionRep> rep_;
};

}  // namespace chatcart

#endif  // CHATCART_SESSION_H_
