// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What an Engine and a Session hold. Private to lib/engine.

#ifndef CHATCART_ENGINE_ENGINE_REP_H_
#define CHATCART_ENGINE_ENGINE_REP_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "chatcart/cart.h"
#include "absl/time/time.h"
#include "chatcart/catalog.h"
#include "chatcart/engine.h"
#include "chatcart/entities.h"
#include "chatcart/intent.h"
#include "chatcart/order.h"
#include "chatcart/recommend.h"
#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"
#include "dialogue/runtime.h"
#include "dialogue/template_catalog.h"

namespace chatcart::engine_internal {

struct EngineRep {
  BundleIdentity identity;
  EngineLoadStats stats;
  EngineOptions options;
  std::string currency;
  std::vector<std::string> locales;
  std::string default_language;  // of the first locale
  size_t max_text_chars = 2000;
  absl::TimeZone time_zone = absl::UTCTimeZone();  // the store's
  int quiet_start_hour = 0;                          // [start, end); equal: none
  int quiet_end_hour = 0;

  std::unique_ptr<dialogue::TemplateCatalog> templates;
  std::unique_ptr<const dialogue::FlowGraph> graph;
  std::unique_ptr<dialogue::Runtime> runtime;
  std::shared_ptr<const IntentModel> intents;       // null: no intent files
  std::shared_ptr<const EntityExtractor> entities;
  std::shared_ptr<const Catalog> catalog;           // null: no catalog
  std::shared_ptr<const Recommender> recommender;   // with the catalog
  std::shared_ptr<const CartPolicy> cart_policy;    // null: no cart policy
  // The options' sources, else the catalog's (null without either).
  std::shared_ptr<const PriceSource> prices;
  std::shared_ptr<const StockSource> stock;
  CartSources cart_sources() const { return {prices.get(), stock.get()}; }
  // Profile keys of every slot that may be remembered, with the slot name.
  std::vector<std::pair<std::string, std::string>> profile_slots;
};

// The commerce part of a session, copied for a turn and committed on success.
struct CommerceState {
  std::optional<Cart> cart;   // created on the first cart action
  std::vector<Order> orders;  // placed in this conversation, oldest first
  v1::ShopperProfile profile;
  std::string session_id;
  uint64_t order_seed = 0;  // from the session seed: order references
};

struct SessionRep {
  std::shared_ptr<const Engine> engine;
  std::string id;
  dialogue::DialogueState dialogue;
  CommerceState commerce;
};

}  // namespace chatcart::engine_internal

#endif  // CHATCART_ENGINE_ENGINE_REP_H_
