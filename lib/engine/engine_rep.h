// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// What an Engine and a Session hold. Private to lib/engine.

#ifndef CHATCART_ENGINE_ENGINE_REP_H_
#define CHATCART_ENGINE_ENGINE_REP_H_

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatcart/cart.h"
#include "absl/time/time.h"
#include "chatcart/catalog.h"
#include "chatcart/engine.h"
#include "chatcart/entities.h"
#include "chatcart/intent.h"
#include "chatcart/order.h"
#include "chatcart/recommend.h"
#include "chatcart/session.h"
#include "chatcart/v1/channels.pb.h"
#include "chatcart/v1/turn.pb.h"
#include "converse/acts.h"
#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"
#include "dialogue/runtime.h"
#include "dialogue/template_catalog.h"
#include "engine/product_words.h"

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
  // What the bundle declares for the messaging channels (validated).
  v1::ChannelPolicy channel_policy;

  std::unique_ptr<dialogue::TemplateCatalog> templates;
  std::unique_ptr<const dialogue::FlowGraph> graph;
  std::unique_ptr<dialogue::Runtime> runtime;
  std::shared_ptr<const IntentModel> intents;       // null: no intent files
  std::shared_ptr<const EntityExtractor> entities;
  // The bundle's conversation acts (its own phrasings, kinds it turned
  // off); null: the built-in ones.
  std::unique_ptr<const converse::ActDetector> acts;
  std::shared_ptr<const Catalog> catalog;           // null: no catalog
  std::shared_ptr<const Recommender> recommender;   // with the catalog
  // The catalog's attribute words, computed once (with the catalog).
  std::shared_ptr<const engine::CatalogWords> catalog_words;
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
  // Agents who helped since the last order placed (Order.assisted_by).
  std::vector<std::string> assisted_by;
  void AssistedBy(std::string_view agent) {
    if (!agent.empty() &&
        std::find(assisted_by.begin(), assisted_by.end(), agent) == assisted_by.end()) {
      assisted_by.emplace_back(agent);
    }
  }
};

struct SessionRep {
  std::shared_ptr<const Engine> engine;
  std::string id;
  dialogue::DialogueState dialogue;
  CommerceState commerce;
  // What restoring into another version of the bundle dropped, told with the
  // next turn that succeeds (engine/session_restore.h), kept in snapshots.
  std::vector<v1::RestoreNote> restore_notes;
};

// What an Engine and a Session hold, for lib/engine and its tests (the
// public classes keep rep() private).
class Access {
 public:
  static const EngineRep& Rep(const Engine& engine) { return engine.rep(); }
  static SessionRep& Rep(Session& session) { return session.rep(); }
  static const SessionRep& Rep(const Session& session) { return session.rep(); }
};

}  // namespace chatcart::engine_internal

#endif  // CHATCART_ENGINE_ENGINE_REP_H_
