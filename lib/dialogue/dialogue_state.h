// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The dialogue's part of a session: the flow stack, slot values, language and
// the seeded generator. A value type; everything in it is in the session
// snapshot. Used by one thread at a time.

#ifndef CHATCART_DIALOGUE_DIALOGUE_STATE_H_
#define CHATCART_DIALOGUE_DIALOGUE_STATE_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "chatcart/budget.h"
#include "chatcart/money.h"
#include "dialogue/flow_graph.h"

namespace chatcart::dialogue {

// A budget as the shopper said it: "under 40", "between 250 and 700".
struct Budget {
  // The entities' kind, as read (chatcart/budget.h); persisted by name
  // (BudgetKindName: "exact", "under", ...).
  using Kind = BudgetKind;
  Kind kind = Kind::kUnder;
  std::optional<Money> min;
  std::optional<Money> max;
  friend bool operator==(const Budget&, const Budget&) = default;
};

// A slot's value. Which members count depends on `type`: text for choice,
// colour, size, brand, category, compatibility, product (an id) and text;
// number for number, quantity and age; budget for money; yes for yes_no.
struct SlotValue {
  SlotType type = SlotType::kText;
  std::string text;
  int64_t number = 0;
  Budget budget;
  bool yes = false;
  // How the shopper said it ("under 40 €", "six"), for templates.
  std::string display;
  // "No preference" ("indifferente", "peu importe"): the slot is answered
  // and constrains nothing.
  bool any = false;
  friend bool operator==(const SlotValue&, const SlotValue&) = default;
};

// Who answers the shopper: the bot, or (after a handoff) a person. While a
// person is on the way or answering, the bot runs no flow.
enum class Attendant {
  kBot = 0,     // persisted as "bot"
  kQueued = 1,  // "queued": handed off, waiting for a person
  kAgent = 2,   // "agent": a person is answering
};

// What the products last shown came from, so critiques ("anything
// cheaper?") run the same search again, refined.
struct ShownContext {
  // The recommend action that showed them: flow and state indexes and the
  // action's index in the state; -1 when none (a product card, nothing).
  int flow = -1;
  int state = -1;
  int action = -1;
  // Critiques since that action last ran on its own, as the recommender
  // reads them ("cheaper", "other_brand", "more:storage", "more_like").
  std::vector<std::string> critiques;
  // The product they are relative to (an id), empty for none.
  std::string reference;
  // Hard constraints the shopper added ("brand!=Lego").
  std::vector<std::string> where;
  // Every product shown by this search and its refinements, oldest first.
  std::vector<std::string> seen;
  // What was shown is a relaxation's products (nothing fit): the same
  // products as real picks later ("ok, up to 80 then") are a new answer.
  bool relaxed = false;
  // For one run only, never kept: leave out the constraints the shopper's
  // choices added ("something else" once everything that fits was shown).
  bool widen = false;
  friend bool operator==(const ShownContext&, const ShownContext&) = default;
};

// A product with variants on its way to the cart: the values chosen so far
// (axis attribute name -> value; "*" for "any in stock") and the axis the
// shopper was just asked about.
struct VariantChoice {
  std::string product;  // an id of one of the variants
  std::vector<std::pair<std::string, std::string>> chosen;
  std::string asking;  // an axis name; empty when nothing is asked
  friend bool operator==(const VariantChoice&, const VariantChoice&) = default;
};

// One running flow.
struct FlowFrame {
  int flow = -1;
  int state = 0;
  // The slot (index in the flow) whose answer is awaited, or -1.
  int asking = -1;
  // Failed answers to `asking` so far.
  int attempts = 0;
  // Whether the state was entered (a session's first flow waits for input).
  bool entered = false;
  friend bool operator==(const FlowFrame&, const FlowFrame&) = default;
};

struct DialogueState {
  std::vector<FlowFrame> stack;  // innermost last
  // Slots by name: shared by every flow declaring the name. Ordered, so a
  // snapshot is byte-identical however the slots were filled.
  std::map<std::string, SlotValue, std::less<>> slots;
  std::string language;   // "en", "it", "fr"
  uint64_t random = 0;    // the seeded generator's state
  int misunderstood = 0;  // consecutive turns not understood
  int64_t last_turn_unix_ms = 0;
  uint64_t turns = 0;
  // The products last shown (recommendation order), for "the second one".
  std::vector<std::string> last_shown;
  // Payloads of the quick replies last offered, so "2" picks the second on
  // channels without buttons (SMS).
  std::vector<std::string> offered;
  // Hashes of their titles, folded, so typing "Yes, help me choose" picks
  // that button.
  std::vector<uint32_t> offered_titles;
  // Where last_shown came from.
  ShownContext shown;
  // What the shopper asked for in words no slot holds ("decaf", "in pelle",
  // "nothing too dark"), as where-clauses the searches of the running flow
  // try (the engine's wishes.h); a flow started anew starts them anew.
  std::vector<std::string> wishes;
  // A product with variants being chosen (size, colour) before it is added.
  VariantChoice variant;
  // The product the conversation is about (last named, added or shown
  // alone), an id; empty for none.
  std::string focus;
  // FNV-1a 32 of each reply text of the last turn: the same sentence is
  // never said twice in a row.
  std::vector<uint32_t> last_replies;
  // Consecutive turns that asked "which product do you mean?".
  int which_asked = 0;
  Attendant attendant = Attendant::kBot;
  std::string agent;  // the person answering (kAgent)
  int64_t attendant_since_ms = 0;
  // The last turn asked "would you like a person?": a bare yes hands off.
  bool person_offered = false;
  friend bool operator==(const DialogueState&, const DialogueState&) = default;
};

// The session's deterministic generator (splitmix64): the same seed gives the
// same sequence on every platform and release.
uint64_t NextRandom(uint64_t* state);

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_DIALOGUE_STATE_H_
