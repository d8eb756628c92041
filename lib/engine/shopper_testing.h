// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Test helpers for conversations over the example stores: load a store,
// say a line as the shopper, read what the turn showed and said and what
// the cart holds. For tests only (engine_test); header-only.

#ifndef CHATCART_ENGINE_SHOPPER_TESTING_H_
#define CHATCART_ENGINE_SHOPPER_TESTING_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/cart.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "common/testing/data.h"
#include "gtest/gtest.h"

namespace chatcart::testing {

// The engine of examples/bundles/<name>, or null after a test failure.
inline std::shared_ptr<const Engine> StoreEngine(std::string_view name) {
  absl::StatusOr<std::shared_ptr<const Engine>> engine =
      Engine::Create(SourceDir() + "/examples/bundles/" + std::string(name));
  EXPECT_TRUE(engine.ok()) << engine.status();
  return engine.ok() ? *engine : nullptr;
}

// The turn of `text` at a fixed time (2026-11-23 UTC), or an empty result after
// a test failure.
inline v1::TurnResult Say(Session& session, std::string_view text) {
  v1::TurnInput input;
  input.set_text(std::string(text));
  input.mutable_time()->set_seconds(1795428000);
  absl::StatusOr<v1::TurnResult> result = session.HandleTurn(input);
  EXPECT_TRUE(result.ok()) << text << ": " << result.status();
  return result.ok() ? *result : v1::TurnResult();
}

// Every reply's text, one per line.
inline std::string Text(const v1::TurnResult& result) {
  std::string text;
  for (const v1::Reply& reply : result.replies()) text += reply.text() + "\n";
  return text;
}

// The template of every reply, in order.
inline std::vector<std::string> Templates(const v1::TurnResult& result) {
  std::vector<std::string> ids;
  for (const v1::Reply& reply : result.replies()) ids.push_back(reply.template_id());
  return ids;
}

// The ids of the products the turn's cards show, in order.
inline std::vector<std::string> ShownIds(const v1::TurnResult& result) {
  std::vector<std::string> ids;
  for (const v1::Reply& reply : result.replies()) {
    for (const v1::ProductCard& card : reply.products()) ids.push_back(card.product_id());
  }
  return ids;
}

// The product id of each cart line, in order.
inline std::vector<std::string> CartIds(const Session& session) {
  std::vector<std::string> ids;
  if (session.cart() == nullptr) return ids;
  for (const CartLine& line : session.cart()->state().lines) ids.push_back(line.product_id);
  return ids;
}

// Each cart line's quantity, in order.
inline std::vector<int64_t> CartQuantities(const Session& session) {
  std::vector<int64_t> quantities;
  if (session.cart() == nullptr) return quantities;
  for (const CartLine& line : session.cart()->state().lines) quantities.push_back(line.quantity);
  return quantities;
}

}  // namespace chatcart::testing

#endif  // CHATCART_ENGINE_SHOPPER_TESTING_H_
