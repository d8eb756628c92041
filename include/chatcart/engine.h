// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart: an embeddable conversational-commerce engine. START HERE.
//
// A store's conversations are data: a bundle directory (bundle.textproto and
// the files it names: flows, templates per locale, intents with examples,
// the catalog and its mapping, the cart policy). An Engine compiles a bundle
// once; a Session is one conversation; every chat message is one turn.
//
//   #include "chatcart/engine.h"
//
//   absl::StatusOr<std::shared_ptr<const chatcart::Engine>> engine =
//       chatcart::Engine::Create("examples/bundles/demo");
//   if (!engine.ok()) { /* every bundle error, each with file:line */ }
//
//   std::unique_ptr<chatcart::Session> session =
//       (*engine)->NewSession("web-42", /*seed=*/42);
//   chatcart::v1::TurnInput input;
//   input.set_text("a gift for my 6 year old under 40 euros");
//   input.mutable_time()->set_seconds(1795000000);   // the engine reads no clock
//   absl::StatusOr<chatcart::v1::TurnResult> result = session->HandleTurn(input);
//   for (const auto& reply : result->replies()) std::cout << reply.text() << "\n";
//
//   // Between messages, keep the session as bytes in any store; any server
//   // with an engine of the same bundle continues it.
//   std::string bytes = session->Snapshot();
//   auto again = (*engine)->RestoreSession(bytes);
//
// Turns are deterministic: time and randomness come only from the input and
// the session's seed, so the same inputs give byte-identical results.
//
// Thread safety: an Engine is immutable after Create and safe for concurrent
// access from multiple threads without any external synchronization; share
// one per bundle (hosts reload by creating a new Engine and swapping the
// pointer). A Session is used by one thread at a time; see session.h.

#ifndef CHATCART_ENGINE_H_
#define CHATCART_ENGINE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/cart.h"
#include "chatcart/intent.h"
#include "chatcart/session.h"

namespace chatcart {

class Catalog;
class EntityExtractor;
class IntentModel;
class CartPolicy;
class Recommender;

namespace engine_internal {
struct EngineRep;
class Access;  // lib/engine's way to what an Engine and a Session hold
}  // namespace engine_internal

namespace v1 {
class ChannelPolicy;
}  // namespace v1

struct EngineOptions {
  // ---- Behaviour

  // Skip catalog rows with errors (counted in the load report) instead of
  // failing the load. Default: false.
  bool lenient_catalog = false;

  // Shopper text beyond this many characters is ignored (and the turn's
  // trace says truncated). 0: the bundle's session policy, else 2,000.
  size_t max_text_chars = 0;

  // ---- Host systems

  // Where cart lines take their prices and stock (chatcart/cart.h). Null:
  // the bundle catalog's own fields (CatalogSources, chatcart/catalog_sources.h).
  // A host with a live price or inventory system passes its own; each must
  // be safe to call from several threads at once and outlive the Engine.
  std::shared_ptr<const PriceSource> prices;
  std::shared_ptr<const StockSource> stock;
};

// Which bundle an engine runs: recorded in every session snapshot.
struct BundleIdentity {
  std::string name;
  std::string version;
  uint64_t fingerprint = 0;  // XXH3-64 of the bundle's files
};

// What loading measured, for logs and `chatcart validate`.
struct EngineLoadStats {
  int flows = 0;
  int states = 0;
  int templates = 0;  // the bundle's own, one per locale and id
  int intents = 0;
  int examples = 0;
  size_t products = 0;
  double load_ms = 0;
  double intent_train_ms = 0;
};

class Engine {
 public:
  // Compiles the bundle in `bundle_dir`. On any problem returns
  // INVALID_ARGUMENT (NOT_FOUND when the directory has no bundle) whose
  // message lists every error, one per line, each naming file:line and the
  // path inside the bundle ("flows.textproto:42: flow \"gift\": state
  // \"ask\": say template \"ask_age\" is missing for locale it").
  static absl::StatusOr<std::shared_ptr<const Engine>> Create(std::string_view bundle_dir,
                                                              const EngineOptions& options = {});

  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;
  ~Engine();

  // A new conversation. `id` is the host's; `seed` drives the session's
  // generator (variant choice), so equal seeds and inputs replay exactly.
  std::unique_ptr<Session> NewSession(std::string_view id, uint64_t seed) const;

  // Continues a conversation from Session::Snapshot() bytes. DATA_LOSS for
  // truncated or corrupted bytes; FAILED_PRECONDITION for a snapshot of
  // another bundle (by name) or of a newer snapshot format. A snapshot of
  // another version of this bundle migrates: see session.proto (RESTORE).
  // What no longer applies is dropped (a shipping method, cart lines whose
  // product is gone or has no price in a new currency, products in focus or
  // shown, a flow: the conversation restarts at the start flow); the next
  // turn lists each drop in Trace.restored and, when the cart lost or
  // repriced lines, tells the shopper first (chatcart.cart_changed).
  // RESOURCE_EXHAUSTED, before anything is read, for a snapshot over
  // kMaxSnapshotBytes (chatcart/limits.h).
  absl::StatusOr<std::unique_ptr<Session>> RestoreSession(std::string_view snapshot) const;

  const BundleIdentity& identity() const;
  const EngineLoadStats& load_stats() const;
  // The store's ISO 4217 currency and its locales (default first).
  const std::string& currency() const;
  const std::vector<std::string>& locales() const;
  // What the bundle declares for the messaging channels (WhatsApp templates,
  // Messenger tags, SMS HELP details and keywords): pass it to the channel
  // functions of chatcart/channels.h. Empty when the bundle declares none.
  const v1::ChannelPolicy& channel_policy() const;

  // The intent of `text` as a turn reads it in a session speaking `language`
  // ("" for a first message): catalog mentions (products, brands, models)
  // stand for one neutral word, as they did in the examples the model was
  // trained on, so "wanna buy the fox plush" is about buying, whatever the
  // fox's name. An out-of-scope result without intents in the bundle.
  IntentResult ClassifyTurn(std::string_view text, std::string_view language = {}) const;

  // The compiled components, for tools and hosts that want them directly;
  // null when the bundle has none (a bundle without a catalog). The model
  // was trained on examples whose catalog mentions were masked: ClassifyTurn
  // reads texts the same way.
  const IntentModel* intent_model() const;
  const Catalog* catalog() const;
  // The bundle's entity extractor (its currency, languages and catalog names);
  // never null.
  const EntityExtractor* entity_extractor() const;
  // The recommender over the catalog; null without a catalog.
  const Recommender* recommender() const;


 private:
  friend class Session;
  friend class engine_internal::Access;
  const engine_internal::EngineRep& rep() const { return *rep_; }
  explicit Engine(std::unique_ptr<engine_internal::EngineRep> rep);
  std::unique_ptr<engine_internal::EngineRep> rep_;
  std::weak_ptr<const Engine> self_;  // sessions hold the engine alive
};

}  // namespace chatcart

#endif  // CHATCART_ENGINE_H_
