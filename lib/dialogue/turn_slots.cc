// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// TurnRunner's slot filling: the asked slot and, from unambiguous
// entities, the other slots of the running flow; chat shorthand the
// entities leave alone ("hes 7", "ok 900 then"); discount codes of the
// store; and whether a turn may name any product of the catalog.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "dialogue/slot_filler.h"
#include "dialogue/turn_runner.h"

namespace chatcart::dialogue {

// ---------------------------------------------------------------- slots

bool TurnRunner::WantsCatalogNames() {
  const Understanding& u = turn_.understanding();
  if (u.Has(converse::ActKind::kChoose) || u.Has(converse::ActKind::kQuestion)) return true;
  // "E anche una volpe di peluche" after an add: a product, maybe named.
  if (SaysAlso(u) && !CartIsEmpty()) return true;
  auto has_product_slot = [&](int flow) {
    if (flow < 0) return false;
    for (const SlotSpec& slot : graph_.flow(flow).slots) {
      if (slot.type == SlotType::kProduct) return true;
    }
    return false;
  };
  if (Top().entered && Top().asking >= 0 &&
      TopFlow().slots[Top().asking].type == SlotType::kProduct) {
    return true;
  }
  return Understood() && has_product_slot(graph_.FlowTriggeredBy(u.intent));
}

bool TurnRunner::FillSlots(std::string_view text) {
  FlowFrame& frame = Top();
  const FlowSpec& flow = TopFlow();
  const Understanding& u = turn_.understanding();
  std::vector<bool> used(u.entities.size(), false);
  bool asked_filled = false;
  if (frame.entered && frame.asking >= 0) {
    const SlotSpec& asked = flow.slots[frame.asking];
    auto value = ValueForAskedSlot(asked, text, "", u, state_.last_shown, config_.currency);
    // A product the engine resolved ("the Lumo", "the cheaper one") answers
    // "which one?" when the ordinals and pronouns did not.
    if (asked.type == SlotType::kProduct && !reference_.id.empty() &&
        (!value.has_value() || value->first.text != reference_.id)) {
      SlotValue product;
      product.type = SlotType::kProduct;
      product.text = reference_.id;
      product.display = reference_.said;
      value = std::make_pair(std::move(product), -1);
    }
    if (!value.has_value()) {
      if (std::optional<SlotValue> any = NoPreference(asked)) value = std::make_pair(*any, -1);
    }
    if (value.has_value()) {
      turn_.SetSlot(asked.name, value->first);
      if (value->second >= 0) used[value->second] = true;
      asked_filled = true;
    }
  }
  FillUnasked(flow, &used);
  FillCode(flow, text);
  FillChatShorthand(flow, u);
  return asked_filled;
}

void TurnRunner::FillChatShorthand(const FlowSpec& flow, const Understanding& u) {
  const Entity* number = nullptr;
  bool money = false;
  bool age_said = false;
  for (const Entity& e : u.entities) {
    if (e.type == "number" && number == nullptr) number = &e;
    if (e.type == "money") money = true;
    if (e.type == "age") age_said = true;
  }
  if (number == nullptr) return;
  // "hes 7", "she's 9", "he just turned 10", "quella di 10": an age, also
  // beside a budget ("hes 7, likes lego, max 40").
  const SlotSpec* age = SlotOfType(flow, SlotType::kAge);
  if (age != nullptr && !age_said && number->value.number >= 0 && number->value.number <= 18) {
    static constexpr std::string_view kCue[] = {"hes",    "shes",    "s",    "is",
                                                "turned", "turning", "di",   "de",
                                                "da",     "compie",  "fait", "compiuto"};
    for (size_t i = 1; i < u.words.size(); ++i) {
      if (u.words[i] != number->text) continue;
      if (std::find(std::begin(kCue), std::end(kCue), u.words[i - 1]) == std::end(kCue)) continue;
      SlotValue value;
      value.type = SlotType::kAge;
      value.number = number->value.number;
      value.display = number->text;
      turn_.SetSlot(age->name, std::move(value));
      return;
    }
  }
  if (money || age_said) return;
  // "ho il 42", "porto il 39", "I'm a 42", "je fais du 39", "nel 40": a
  // shoe size.
  const SlotSpec* size = SlotOfType(flow, SlotType::kSize);
  if (size != nullptr && number->value.number >= 15 && number->value.number <= 50) {
    static constexpr std::string_view kCue[] = {"il",   "a",      "du",       "nel",     "in",
                                                "un",   "porto",  "calzo",    "taglia",  "numero",
                                                "size", "taille", "pointure", "chausse", "eu"};
    // Without a cue, a shoe-size number in a flow that asks no age.
    const bool plain = SlotOfType(flow, SlotType::kAge) == nullptr && number->value.number >= 30 &&
                       number->value.number <= 50;
    for (size_t i = 0; i < u.words.size(); ++i) {
      if (u.words[i] != number->text) continue;
      if (!plain && (i == 0 || std::find(std::begin(kCue), std::end(kCue), u.words[i - 1]) ==
                                   std::end(kCue))) {
        continue;
      }
      SlotValue value;
      value.type = SlotType::kSize;
      value.text = absl::StrCat(number->value.number);
      value.display = number->text;
      turn_.SetSlot(size->name, std::move(value));
      return;
    }
  }
  // "ok 900 then" after a search with a budget: the new most to spend.
  if (!Top().entered || Top().asking >= 0 || state_.last_shown.empty() || u.words.size() > 5 ||
      number->value.number < 5) {
    return;
  }
  for (const v1::Action& action : TopState().proto->action()) {
    if (!action.has_recommend() || action.recommend().budget_slot().empty()) continue;
    std::optional<SlotValue> budget = SlotValueFromLiteral(
        SlotType::kMoney, absl::StrCat(number->value.number), config_.currency);
    if (!budget.has_value()) return;
    budget->display = number->text;
    turn_.SetSlot(action.recommend().budget_slot(), *std::move(budget));
    return;
  }
}

std::optional<absl::Status> TurnRunner::KnownCode(std::string_view text) {
  const std::string code = FindCode(text, /*asked=*/false);
  if (code.empty() || !executor_.IsDiscountCode(code)) return std::nullopt;
  // A flow asking for a code takes it as its answer.
  if (Top().entered && Top().asking >= 0 && TopFlow().slots[Top().asking].type == SlotType::kCode) {
    return std::nullopt;
  }
  for (int f = 0; f < graph_.flow_count(); ++f) {
    const FlowSpec& flow = graph_.flow(f);
    if (flow.proto->trigger_intent_size() == 0 || SlotOfType(flow, SlotType::kCode) == nullptr) {
      continue;
    }
    state_.misunderstood = 0;
    if (Top().flow == f) state_.stack.pop_back();
    return PushFlow(f, false, absl::StrCat("a code of the store said (", code, ")"));
  }
  return std::nullopt;
}

void TurnRunner::FillCode(const FlowSpec& flow, std::string_view text) {
  const SlotSpec* target = SlotOfType(flow, SlotType::kCode);
  if (target == nullptr || turn_.Slot(target->name) != nullptr) return;
  std::string code = FindCode(text, /*asked=*/false);
  if (code.empty()) return;
  SlotValue value;
  value.type = SlotType::kCode;
  value.text = code;
  value.display = code;
  turn_.SetSlot(target->name, std::move(value));
}

const SlotSpec* TurnRunner::SlotOfType(const FlowSpec& flow, SlotType type) {
  const SlotSpec* target = nullptr;
  for (const SlotSpec& slot : flow.slots) {
    if (slot.type != type) continue;
    if (turn_.Slot(slot.name) == nullptr) return &slot;
    if (target == nullptr) target = &slot;
  }
  return target;
}

void TurnRunner::FillUnasked(const FlowSpec& flow, std::vector<bool>* used) {
  const Understanding& u = turn_.understanding();
  for (size_t i = 0; i < u.entities.size(); ++i) {
    if ((*used)[i]) continue;
    const Entity& entity = u.entities[i];
    if (entity.type == "compatibility") {
      const SlotSpec* target = SlotOfType(flow, SlotType::kCompatibility);
      std::optional<SlotValue> all = JoinedCompatibility(u);
      if (target != nullptr && all.has_value()) turn_.SetSlot(target->name, *std::move(all));
      for (size_t j = 0; j < u.entities.size(); ++j) {
        if (u.entities[j].type == "compatibility") (*used)[j] = true;
      }
      continue;
    }
    if (entity.type == "ordinal") {
      const SlotSpec* target = SlotOfType(flow, SlotType::kProduct);
      int64_t n = entity.value.number;
      if (n == -1) n = static_cast<int64_t>(state_.last_shown.size());  // "the last one"
      if (target != nullptr && n >= 1 && n <= static_cast<int64_t>(state_.last_shown.size())) {
        SlotValue value;
        value.type = SlotType::kProduct;
        value.text = state_.last_shown[n - 1];
        value.display = entity.text;
        turn_.SetSlot(target->name, std::move(value));
        (*used)[i] = true;
      }
      continue;
    }
    // "Running shoes under 100, mens 43": a bare number that is a size the
    // catalog sells fills a size slot still unknown.
    if (entity.type == "number" && entity.value.number > 0) {
      const SlotSpec* size = SlotOfType(flow, SlotType::kSize);
      const std::string text = absl::StrCat(entity.value.number);
      if (size != nullptr && turn_.Slot(size->name) == nullptr && executor_.IsCatalogSize(text)) {
        SlotValue value;
        value.type = SlotType::kSize;
        value.text = text;
        value.display = entity.text;
        turn_.SetSlot(size->name, std::move(value));
        (*used)[i] = true;
      }
      continue;
    }
    std::optional<SlotType> type = UnaskedSlotType(entity.type);
    if (!type.has_value()) continue;
    const SlotSpec* target = SlotOfType(flow, *type);  // a restated value replaces
    if (target == nullptr) continue;
    SlotValue value = u.entities[i].value;
    value.type = *type;
    if (value.display.empty()) value.display = u.entities[i].text;
    if (value.type == SlotType::kSize && value.text.starts_with("EU ")) {
      value.text = value.text.substr(3);
    }
    turn_.SetSlot(target->name, std::move(value));
    (*used)[i] = true;
  }
  // Multiple-choice slots still unknown, named in passing by a value or
  // synonym ("a gift for my son, he loves lego"); a product slot pointed
  // at ("add it" after a product card).
  // "Money isn't an issue", "il prezzo non conta": the budget, any (when
  // not said); "peu importe la couleur", "any brand": that slot, any, even
  // over a value said before.
  std::string preference;
  if (converse::HasAct(u.acts, converse::ActKind::kNoPreference, &preference)) {
    const std::optional<SlotType> named = preference == "budget"   ? SlotType::kMoney
                                          : preference == "colour" ? SlotType::kColour
                                          : preference == "brand"  ? SlotType::kBrand
                                                                   : std::optional<SlotType>();
    const SlotSpec* slot = named.has_value() ? SlotOfType(flow, *named) : nullptr;
    const SlotValue* known = slot != nullptr ? turn_.Slot(slot->name) : nullptr;
    if (slot != nullptr && (known == nullptr || (*named != SlotType::kMoney && !known->any))) {
      SlotValue any;
      any.type = *named;
      any.any = true;
      any.display = std::string(turn_.input().text());
      turn_.SetSlot(slot->name, std::move(any));
    }
  }
  for (const SlotSpec& slot : flow.slots) {
    if (slot.type == SlotType::kProduct && turn_.Slot(slot.name) == nullptr) {
      if (!reference_.id.empty()) {
        SlotValue value;
        value.type = SlotType::kProduct;
        value.text = reference_.id;
        value.display = reference_.said;
        turn_.SetSlot(slot.name, std::move(value));
      } else if (std::optional<SlotValue> value = ProductByPronoun(u, state_.last_shown)) {
        turn_.SetSlot(slot.name, *std::move(value));
      }
      continue;
    }
    if (slot.type != SlotType::kChoice) continue;
    // A choice named anew replaces the old one ("anzi no, stivali"), unless
    // the text names it only as something not wanted ("niente lego").
    const SlotValue* known = turn_.Slot(slot.name);
    std::optional<SlotValue> value = MentionedChoice(slot, u);
    if (!value.has_value() || (known != nullptr && known->text == value->text)) continue;
    // Not when named in a question that asks what, which or how ("quanto
    // costano i mocassini?" asks of them), but when in one that asks for
    // it ("mi fai vedere una ballerina nera nel 39?", "avete dei sandali?").
    if (known != nullptr && (u.Has(converse::ActKind::kExclude) ||
                             (u.Has(converse::ActKind::kQuestion) && AsksWhat(u)))) {
      continue;
    }
    turn_.SetSlot(slot.name, *std::move(value));
  }
}

}  // namespace chatcart::dialogue
