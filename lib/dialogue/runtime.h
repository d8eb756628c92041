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
#include "dialogue/condition.h"
#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"
#include "dialogue/template_catalog.h"

namespace chatcart::dialogue {

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
  void set_last_shown(std::vector<std::string> ids) { state_.last_shown = std::move(ids); }

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
