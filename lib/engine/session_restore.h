// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A session restored from a snapshot of another version of its bundle, fitted
// to this one (issue #22): what no longer applies is dropped, each drop a
// chatcart.v1.RestoreNote the next turn tells the host (Trace.restored) and,
// when the shopper's cart changed, the shopper (chatcart.cart_changed).
// Money is never converted: a cart in another currency is repriced from the
// new catalog or loses the line. Pure functions; thread-safe.

#ifndef CHATCART_ENGINE_SESSION_RESTORE_H_
#define CHATCART_ENGINE_SESSION_RESTORE_H_

#include <vector>

#include "chatcart/cart.h"
#include "chatcart/v1/turn.pb.h"
#include "dialogue/dialogue_state.h"
#include "engine/engine_rep.h"

namespace chatcart::engine {

// Fits `cart` to `engine`'s cart policy and catalog: a shipping method the
// policy lacks is cleared; lines whose product (or variant) the catalog no
// longer has are removed; in another currency every line is repriced from
// the catalog in the new one, or removed when it has no such price, and the
// spending counted in the old currency is cleared. A pending confirmation of
// a cart that changed is cleared. The version is kept: no command ran.
// REQUIRES: cart_internal::ValidateStateShape(*cart) is OK.
void FitCartToBundle(const engine_internal::EngineRep& engine, CartState* cart,
                     std::vector<v1::RestoreNote>* notes);

// Forgets the products the catalog no longer has: the one in focus, the
// products last shown (all of them: "the second one" must not shift), those
// the search has shown, its reference product, a variant being chosen and
// product slots.
void FitProductsToCatalog(const engine_internal::EngineRep& engine,
                          dialogue::DialogueState* dialogue, std::vector<v1::RestoreNote>* notes);

// Tells `notes` with a turn's result: all of them in Trace.restored, and,
// when a cart line was removed or repriced, chatcart.cart_changed first
// among the replies, in the turn's language. `cart` is the cart after the
// turn (null: none).
void TellRestoreNotes(const engine_internal::EngineRep& engine,
                      const std::vector<v1::RestoreNote>& notes, const Cart* cart,
                      v1::TurnResult* result);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_SESSION_RESTORE_H_
