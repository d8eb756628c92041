// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The dialogue runtime: one turn of the flow state machine. Given the turn's
// input and its understanding (intent, entities), it fills slots, takes routes
// (a state's own routes before global interrupts before other flows'
// triggers), asks for what is still unknown, runs actions and renders the
// replies. Commerce actions (recommend, cart, orders) run through an
// ActionExecutor that the engine implements; the runtime decides, the
// executor does.
//
// A Runtime is immutable and safe for concurrent use; the DialogueState and
// the executor passed to HandleTurn belong to one session and one thread.

#ifndef CHATCART_DIALOGUE_RUNTIME_H_
#define CHATCART_DIALOGUE_RUNTIME_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/time/time.h"
#include "chatcart/v1/turn.pb.h"
#include "converse/acts.h"
#include "dialogue/condition.h"
#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"
#include "dialogue/template_catalog.h"

namespace chatcart::dialogue {

// The product slot name that stands for every line of the cart in a
// remove_from_cart action the dialogue runs for "remove everything".
inline constexpr std::string_view kAllProducts = "*all*";

// One entity of the utterance, converted to slot terms by the engine.
struct Entity {
  // "money", "number", "quantity", "age", "colour", "size", "brand",
  // "product", "category", "compatibility", "ordinal" (value.number is 1 for
  // "the first one").
  std::string type;
  int start = 0;  // byte span in the (possibly truncated) text
  int end = 0;
  std::string text;
  SlotValue value;
  double confidence = 1.0;
};

// What understanding made of the turn's text.
struct Understanding {
  std::string intent;
  double confidence = 0;
  bool out_of_scope = false;
  std::vector<Entity> entities;
  std::string language;  // "en", "it", "fr"
  bool truncated = false;
  // Folded words of the text, for choice synonyms and yes/no words.
  std::vector<std::string> words;
  // Conversation acts (critiques, references, questions, small talk,
  // repair); the dialogue decides what they mean in context.
  std::vector<converse::Act> acts;

  bool Has(converse::ActKind kind) const { return converse::HasAct(acts, kind); }
};

// Which product the shopper points at ("the Lumo", "the cheaper one", "la
// prima", "it"), resolved by the engine against the products shown, the
// product in focus and the catalog.
struct ProductReference {
  // Whether the text points at a product at all.
  bool pointed = false;
  // The product meant (an id); empty when none or ambiguous.
  std::string id;
  // When ambiguous: the products it may be (ids), best first.
  std::vector<std::string> candidates;
  // How the shopper said it, for replies ("the Lumo").
  std::string said;
  // Found by its name in the whole catalog, not among the products shown.
  bool from_catalog = false;
  // The product in focus (or the one shown), named only by values of its
  // variants: "ok 250g, whole beans", "the 6 cup one".
  bool by_variant = false;
  // A value said for every axis the product's variants differ on ("ground
  // for filter please, 250g" of a coffee in weights and grinds, "un paquet
  // de guatemala 250 g moulu espresso").
  bool every_variant_axis = false;
  // The product in focus (or the one shown), taken by a bare command with
  // no word pointing at it ("add", "aggiungi").
  bool by_bare_command = false;
};

// A question about products, answered from catalog facts.
struct ProductQuestion {
  // The products asked about (ids), in the order shown.
  std::vector<std::string> products;
  bool compare = false;  // "what's the difference between them?"
  bool which = false;    // "which is cheapest to run?": the answer names one
  // "Do you have the microscope?": a product named outright; with nothing
  // else asked, whether it is in stock and its price.
  bool availability = false;
  // The products shown, not named: when no fact of theirs answers, a
  // product of their categories whose description does may ("how big are
  // the stickers?" among printers, of the sticker printer not shown).
  bool nearby = false;
};

class TurnContext;

// Commerce actions and engine values, implemented by the engine per turn.
class ActionExecutor {
 public:
  virtual ~ActionExecutor() = default;
  // Runs `action` (recommend, cart, order, handoff, host, remember, forget),
  // speaking through `turn`. Shopper-facing failures (out of stock, an
  // expired code) are replies, not errors; an error aborts the turn and the
  // session is left as it was.
  virtual absl::Status Execute(const v1::Action& action, const FlowSpec& flow,
                               TurnContext& turn) = 0;
  // Engine values for conditions and templates ("cart.lines", "cart.total",
  // "order.status"), or nullopt when unknown.
  virtual std::optional<ConditionValue> Lookup(std::string_view name) const = 0;

  // ---- conversation acts (the defaults know no catalog: nothing resolves)

  // A product's name for a button ("Lumo CP-400"), or the id itself.
  virtual std::string ProductTitle(std::string_view product) const { return std::string(product); }

  // Whether `value` ("43") is a size some product of the catalog comes in.
  virtual bool IsCatalogSize(std::string_view value) const { return false; }
  // Whether `code` (upper case) is a discount code of the store's cart
  // policy.
  virtual bool IsDiscountCode(std::string_view code) const { return false; }
  // Whether a line of the cart holds `product` (an id, or a variant of it).
  virtual bool InCart(std::string_view product) const { return false; }
  // Whether `word` (as said) is a value of a variant axis of the catalog
  // ("espresso", "filter" of coffees ground for them; "250g").
  virtual bool IsVariantValueWord(std::string_view word) const { return false; }

  // The product the turn points at among `shown` (ordinals count in it),
  // then `seen` (shown earlier in the conversation), then `focus`, then the
  // catalog.
  // `catalog_wide`: also look the words up in the whole catalog (costlier;
  // the dialogue asks when the turn chooses, asks or names a product).
  virtual ProductReference ResolveReference(const Understanding& understanding,
                                            const std::vector<std::string>& shown,
                                            const std::vector<std::string>& seen,
                                            std::string_view focus, bool catalog_wide) const {
    return {};
  }
  // Refines the search that showed `shown` with the turn's critiques
  // (cheaper, another brand, not X, more of Y, more like the second): adds
  // to `context` the critiques and constraints the catalog can answer.
  // Returns false when none of what was asked applies to this catalog.
  virtual bool Refine(const Understanding& understanding, const std::vector<std::string>& shown,
                      ShownContext* context) const {
    return false;
  }
  // Shows the products of the category of `context`'s first product seen,
  // refined by its critiques and constraints and without those seen (a
  // critique of products found by name, which no recommend action showed),
  // introduced by template `intro`. False, saying nothing, when the catalog
  // cannot be searched that way.
  virtual absl::StatusOr<bool> RefineFound(const ShownContext& context, std::string_view intro,
                                           TurnContext& turn) {
    return false;
  }
  // Answers a question about products from catalog facts ("how's the
  // battery on those?", "does it work with android?"), speaking through
  // `turn`. Returns false when the question names nothing it can answer
  // (nothing is said then).
  virtual absl::StatusOr<bool> AnswerQuestion(const ProductQuestion& question, TurnContext& turn) {
    return false;
  }
  // Reads the turn's answer to the variant question asked (`choice.asking`:
  // "42", "ho il 42", "EU 43", "nere", a quick reply's value) into
  // `choice`. Returns false when the turn does not answer it.
  virtual bool TakeVariantAnswer(const Understanding& understanding, VariantChoice* choice) const {
    return false;
  }
  // "In black", "size 39 instead": changes the variant of the cart line of
  // the product in focus. nullopt when the turn asks no such change.
  virtual std::optional<absl::Status> ChangeLineVariant(TurnContext& turn) { return std::nullopt; }
  // Answers a store question (shipping, returns, hours, payment) from the
  // cart policy and the bundle's templates. With nothing to answer from it
  // says so when `last_resort` and returns true; otherwise returns false and
  // says nothing (the bundle's own routes may know).
  virtual absl::StatusOr<bool> AnswerStoreQuestion(converse::ActKind topic, bool last_resort,
                                                   TurnContext& turn) {
    return false;
  }
  // "Do you sell phone chargers?", "noise cancelling headphones": shows the
  // products whose names the turn's words find (chatcart.search_results)
  // when no flow, route or act took the turn. Returns false, saying
  // nothing, when no name fits well. `by_word`: a longer request ("casque
  // audio pour mon fils de 7 ans") where one of its words names a few
  // products by itself.
  virtual absl::StatusOr<bool> SearchCatalog(TurnContext& turn, bool by_word = false) {
    return false;
  }
  // Adds to `wishes` what the turn asks for in words no slot holds
  // ("decaf", "in pelle", "nothing too dark") as where-clauses over the
  // catalog; what it says of a field replaces what `wishes` said of it.
  virtual void AddWishes(const Understanding& understanding,
                         std::vector<std::string>* wishes) const {}
  // Before a question of a search flow: when the turn's wishes leave no
  // more products than `action` would show ("decaf", "au moins 12 h
  // d'autonomie"), shows them (chatcart.search_results) and returns true;
  // the question is asked after them.
  virtual absl::StatusOr<bool> ShowFewThatFit(const v1::RecommendAction& action,
                                              TurnContext& turn) {
    return false;
  }
  // How many of the turn's wishes `action`'s search could honour (some
  // product fits each).
  virtual int WishesFitting(const v1::RecommendAction& action, TurnContext& turn) const {
    return 0;
  }
};

struct RuntimeConfig {
  std::string currency;             // the store's ISO 4217 code
  std::string store_name;           // {store} in templates
  int max_steps_per_turn = 64;      // guards runaway condition routes
  int64_t idle_reset_ms = 1800000;  // 0: never
  double min_confidence = 0;        // below: not understood
  bool handoff_enabled = false;
  std::string handoff_intent;  // the global route intent that hands off
  int offer_human_after = 2;   // consecutive misses
};

// The per-turn view actions speak through.
class TurnContext {
 public:
  // Renders template `id` for the session's locale (a variant picked by the
  // seeded generator) with the slots, the engine values and `args`, as a new
  // reply. Returns the reply (valid until the next Say).
  v1::Reply* Say(std::string_view id, const TemplateArgs& args = {});
  // A reply with `text` as it is (already rendered).
  v1::Reply* SayText(std::string text);
  // The last reply of the turn, creating an empty one when none exists.
  v1::Reply* LastReply();
  void AddHostAction(std::string_view kind,
                     std::vector<std::pair<std::string, std::string>> params = {});
  void AddEvent(std::string_view kind,
                std::vector<std::pair<std::string, std::string>> params = {});

  const SlotValue* Slot(std::string_view name) const;
  void SetSlot(std::string_view name, SlotValue value);
  void ClearSlot(std::string_view name);
  // The products last shown, in order; actions that show products set them.
  const std::vector<std::string>& last_shown() const { return state_.last_shown; }
  // The running search's wishes (DialogueState::wishes).
  const std::vector<std::string>& wishes() const { return state_.wishes; }
  void set_last_shown(std::vector<std::string> ids);
  // While the dialogue runs a search again to answer a critique: how to
  // refine it (critiques, constraints, products already seen) and the
  // sentence that introduces the new picks; nullptr otherwise.
  const ShownContext* refinement() const { return refinement_; }
  const std::string& refinement_intro() const { return refinement_intro_; }
  // Who answers the shopper from now on: a handoff makes it kQueued; the
  // host's agent_joined and handed_back events move it on.
  void SetAttendant(Attendant attendant, std::string agent = "");
  Attendant attendant() const { return state_.attendant; }
  // The variant being chosen before an add (an action asks for a size or a
  // colour through it).
  VariantChoice& variant_choice() { return state_.variant; }
  // An action asked the shopper something and waits: the state's other
  // actions and moves wait for the answer.
  void Suspend() { suspended_ = true; }
  // Whether the state's actions run again because a slot they read changed
  // ("actually she's 9"): a search that shows the same list says so.
  bool rerunning() const { return rerunning_; }
  // Whether the products last shown were a relaxation's (ShownContext::
  // relaxed); set_shown_relaxed marks this turn's.
  bool last_shown_relaxed() const { return state_.shown.relaxed; }
  void set_shown_relaxed() { shown_relaxed_ = true; }
  bool suspended() const { return suspended_; }
  // The first known slot of `type` in the session, or nullptr.
  const SlotValue* SlotOfType(SlotType type) const;
  // The product the conversation is about (an id), or empty.
  const std::string& focus() const { return state_.focus; }
  void set_focus(std::string id) { state_.focus = std::move(id); }

  const std::string& language() const { return state_.language; }
  const std::string& locale() const { return locale_; }
  const LocaleFormat& locale_format() const { return templates_.Format(locale_); }
  absl::Time time() const { return time_; }
  const v1::TurnInput& input() const { return input_; }
  const Understanding& understanding() const { return understanding_; }
  const RuntimeConfig& config() const { return config_; }
  // The next number of the session's seeded generator.
  uint64_t NextRandom() { return dialogue::NextRandom(&state_.random); }
  v1::TurnResult& result() { return *result_; }

 private:
  friend class TurnRunner;
  friend class Runtime;
  TurnContext(const TemplateCatalog& templates, const RuntimeConfig& config,
              const v1::TurnInput& input, const Understanding& understanding, DialogueState& state,
              ActionExecutor& executor, v1::TurnResult* result);
  TemplateArgs StandardArgs() const;

  const TemplateCatalog& templates_;
  const RuntimeConfig& config_;
  const v1::TurnInput& input_;
  const Understanding& understanding_;
  DialogueState& state_;
  ActionExecutor& executor_;
  v1::TurnResult* result_;
  std::string locale_;
  absl::Time time_;
  const ShownContext* refinement_ = nullptr;
  bool suspended_ = false;
  bool rerunning_ = false;
  bool shown_relaxed_ = false;
  std::string refinement_intro_;
  // An event parameter a template needs and the event lacks: the turn fails
  // with it (INVALID_ARGUMENT) rather than showing "{event.tracking_url}".
  absl::Status missing_event_param_;
};

class Runtime {
 public:
  Runtime(const FlowGraph& graph, const TemplateCatalog& templates, RuntimeConfig config);

  // Runs one turn on `state`. `understanding` is ignored for events and
  // payloads except for its language. INVALID_ARGUMENT for an event kind the
  // bundle does not route; errors from the executor pass through. On error
  // `state` may be partly changed: callers run turns on a copy.
  absl::Status HandleTurn(const v1::TurnInput& input, const Understanding& understanding,
                          ActionExecutor& executor, DialogueState& state,
                          v1::TurnResult* result) const;

  const FlowGraph& graph() const { return graph_; }
  const TemplateCatalog& templates() const { return templates_; }
  const RuntimeConfig& config() const { return config_; }

 private:
  const FlowGraph& graph_;
  const TemplateCatalog& templates_;
  RuntimeConfig config_;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_RUNTIME_H_
