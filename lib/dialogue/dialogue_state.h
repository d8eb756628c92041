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

#include "chatcart/money.h"
#include "dialogue/flow_graph.h"

namespace chatcart::dialogue {

// A budget as the shopper said it: "under 40", "between 250 and 700".
struct Budget {
  // Persisted by name ("exact", "under", ...).
  enum class Kind { kExact, kUnder, kOver, kBetween, kAround };
  Kind kind = Kind::kUnder;
  std::optional<Money> min;
  std::optional<Money> max;
  friend bool operator==(const Budget&, const Budget&) = default;
};

std::string_view BudgetKindName(Budget::Kind kind);
std::optional<Budget::Kind> ParseBudgetKind(std::string_view name);

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
  friend bool operator==(const SlotValue&, const SlotValue&) = default;
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
  friend bool operator==(const DialogueState&, const DialogueState&) = default;
};

// The session's deterministic generator (splitmix64): the same seed gives the
// same sequence on every platform and release.
uint64_t NextRandom(uint64_t* state);

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_DIALOGUE_STATE_H_
