// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation acts every bundle gets (converse/acts.h), decided in the
// context of the turn: the question just asked, the products just shown
// (and the search that showed them), the product in focus. This file holds
// the acts around the flow itself: a person on the conversation and the
// desk's events, repair, the answer to a variant question, and slots that
// take no preference or changed. The others: turn_acts_shown.cc (questions
// and critiques of the products shown), turn_acts_choose.cc (choosing
// products to add) and turn_acts_store.cc (store questions, the cart,
// small talk and products found by name).

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "dialogue/turn_runner.h"

namespace chatcart::dialogue {
namespace {

using converse::ActKind;

}  // namespace

// ---------------------------------------------------------------- a person

absl::Status TurnRunner::WithPerson() {
  const v1::TurnInput& input = turn_.input();
  if (!input.actor().empty()) {
    // A person's own words reach the shopper as they are.
    turn_.SayText(input.text());
    turn_.AddEvent("agent_message", {{"agent", input.actor()}});
    return absl::OkStatus();
  }
  turn_.AddEvent("shopper_message_for_agent", {});
  turn_.AddHostAction("relay_to_agent",
                      {{"text", input.text().empty() ? input.payload() : input.text()}});
  if (state_.attendant == Attendant::kQueued) {
    turn_.Say("chatcart.person_coming");
  }
  return absl::OkStatus();
}

std::optional<absl::Status> TurnRunner::DeskEvent() {
  const v1::Event& event = turn_.input().event();
  auto param = [&](std::string_view key) -> std::string {
    auto it = event.param().find(std::string(key));
    return it == event.param().end() ? "" : it->second;
  };
  auto queued = [&] {
    if (state_.attendant != Attendant::kQueued) turn_.SetAttendant(Attendant::kQueued);
  };
  // "People ahead of you: 2. Estimated wait: about 4 minutes."
  auto position = [&] {
    int64_t ahead = 0;
    if (!absl::SimpleAtoi(param("ahead"), &ahead) || ahead < 0) ahead = 0;
    const std::string wait = param("wait");
    turn_.AddEvent("queue_position", {{"ahead", absl::StrCat(ahead)}});
    turn_.Say("chatcart.queue_position",
              {{"ahead", ahead}, {"has_wait", wait.empty() ? "no" : "yes"}, {"wait", wait}});
  };
  const std::string& kind = event.kind();
  if (kind == "agent_joined") {
    const std::string name = param("agent");
    const std::string reference = param("reference");
    const std::string id = param("agent_id");
    turn_.SetAttendant(Attendant::kAgent, id.empty() ? name : id);
    turn_.AddEvent("agent_joined", {{"agent", name}});
    if (reference.empty()) {
      turn_.Say("chatcart.agent_joined", {{"agent", name}});
    } else {
      turn_.Say("chatcart.agent_joined_ref", {{"agent", name}, {"reference", reference}});
    }
    return absl::OkStatus();
  }
  if (kind == "handed_back") {
    turn_.SetAttendant(Attendant::kBot);
    turn_.AddEvent("handed_back", {});
    turn_.Say("chatcart.bot_back");
    return absl::OkStatus();
  }
  if (kind == "queue_position") {
    queued();
    position();
    return absl::OkStatus();
  }
  if (kind == "requeued") {
    queued();
    turn_.Say("chatcart.requeued", {{"agent", param("agent")}});
    position();
    return absl::OkStatus();
  }
  if (kind == "queue_full" || kind == "message_left") {
    // The desk keeps it with the bot (full) or as a message for later.
    turn_.SetAttendant(Attendant::kBot);
    turn_.AddEvent(kind, {});
    turn_.Say(kind == "queue_full" ? "chatcart.queue_full" : "chatcart.message_left");
    return absl::OkStatus();
  }
  if (kind == "wait_exceeded") {
    turn_.AddEvent(kind, {});
    turn_.Say("chatcart.wait_exceeded");
    return absl::OkStatus();
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- repair

std::optional<absl::Status> TurnRunner::RepairFirst() {
  const Understanding& u = turn_.understanding();
  if (u.Has(ActKind::kStartOver) && !state_.stack.empty()) {
    // The answers of every running flow go; the cart and profile stay.
    for (const FlowFrame& frame : state_.stack) {
      for (const SlotSpec& slot : graph_.flow(frame.flow).slots) turn_.ClearSlot(slot.name);
    }
    state_.last_shown.clear();
    state_.shown = ShownContext{};
    state_.wishes.clear();
    state_.focus.clear();
    const int flow = Top().flow;
    Note("start over: answers cleared");
    turn_.AddEvent("start_over", {});
    if (flow == graph_.start_flow() || !Top().entered) {
      state_.stack.clear();
      EnsureFrame();
      turn_.Say("chatcart.start_over");
      return Enter(Top().state, "start over");
    }
    state_.stack.resize(1 + (std::find_if(state_.stack.begin(), state_.stack.end(),
                                          [&](const FlowFrame& f) { return f.flow == flow; }) -
                             state_.stack.begin()));
    turn_.Say("chatcart.start_over");
    return Enter(0, "start over");
  }
  if (u.Has(ActKind::kAreYouBot) && !u.Has(ActKind::kHuman)) {
    state_.misunderstood = 0;
    Note("small talk: are_you_bot");
    turn_.Say("chatcart.i_am_a_bot");
    if (config_.handoff_enabled) {
      // The person it speaks of, a tap away (not the welcome over it).
      Top().entered = true;
      OfferHuman();
      return absl::OkStatus();
    }
    if (!Top().entered) return Enter(Top().state, "start");
    KeepPending();
    return absl::OkStatus();
  }
  if (u.Has(ActKind::kFrustration)) {
    ++state_.misunderstood;
    turn_.AddEvent("frustration", {});
    turn_.Say("chatcart.sorry_frustrated");
    // "Nn capisci niente, voglio parlare con una persona": asked for, not offered.
    if (config_.handoff_enabled && u.Has(ActKind::kHuman)) {
      for (const GlobalRouteSpec& global : graph_.global_routes()) {
        if (global.intent == config_.handoff_intent) return TakeGlobal(global);
      }
    }
    if (config_.handoff_enabled) {
      OfferHuman();
    } else {
      KeepPending();
    }
    return absl::OkStatus();
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- variants

std::optional<absl::Status> TurnRunner::VariantAnswer() {
  if (state_.variant.asking.empty()) return std::nullopt;
  const Understanding& u = turn_.understanding();
  if (executor_.TakeVariantAnswer(u, &state_.variant)) {
    state_.misunderstood = 0;
    // "Ne prendo 2 da 250" to "which weight?": the count said with it.
    for (const Entity& e : u.entities) {
      if (e.type != "quantity" || e.value.number <= 0 || state_.stack.empty()) continue;
      for (const StateSpec& state : TopFlow().states) {
        for (const v1::Action& action : state.proto->action()) {
          if (!action.has_add_to_cart() || action.add_to_cart().quantity_slot().empty()) continue;
          SlotValue quantity = e.value;
          quantity.type = SlotType::kQuantity;
          if (quantity.display.empty()) quantity.display = e.text;
          turn_.SetSlot(action.add_to_cart().quantity_slot(), std::move(quantity));
        }
      }
      break;
    }
    return Continue();
  }
  if (u.Has(ActKind::kNoPreference)) {
    state_.variant.chosen.emplace_back(state_.variant.asking, "*");
    state_.variant.asking.clear();
    return Continue();
  }
  // Something else: the question is dropped with the add that asked it.
  Note(absl::StrCat("variant question (", state_.variant.asking, ") dropped"));
  state_.variant = VariantChoice{};
  if (!state_.stack.empty() && Top().entered && Top().asking < 0 && state_.stack.size() > 1) {
    state_.stack.pop_back();
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- slots

std::optional<SlotValue> TurnRunner::NoPreference(const SlotSpec& slot) {
  const Understanding& u = turn_.understanding();
  if (!u.Has(ActKind::kNoPreference) || u.Has(ActKind::kChoose) || u.Has(ActKind::kCheaper) ||
      u.Has(ActKind::kPricier) || u.Has(ActKind::kOtherBrand) || u.Has(ActKind::kSomethingElse)) {
    return std::nullopt;
  }
  switch (slot.type) {
    case SlotType::kProduct:
    case SlotType::kQuantity:
    case SlotType::kYesNo:
    case SlotType::kCode:
    case SlotType::kText:
      return std::nullopt;
    default:
      break;
  }
  SlotValue value;
  value.type = slot.type;
  value.any = true;
  value.display = std::string(turn_.input().text());
  Note(absl::StrCat("slot ", slot.name, ": no preference"));
  return value;
}

std::optional<absl::Status> TurnRunner::RerunOnChange() {
  if (!Top().entered || Top().asking >= 0) return std::nullopt;
  const StateSpec& state = TopState();
  if (state.proto->action_size() == 0) return std::nullopt;
  // The slots the state's actions read: its required ones and those its
  // searches name.
  std::vector<std::string> inputs;
  for (int slot : state.require) inputs.push_back(TopFlow().slots[slot].name);
  for (const v1::Action& action : state.proto->action()) {
    if (!action.has_recommend()) continue;
    const v1::RecommendAction& r = action.recommend();
    inputs.push_back(r.budget_slot());
    inputs.push_back(r.age_slot());
    for (const std::string& pair : r.slot_attribute()) {
      inputs.push_back(pair.substr(0, pair.find('=')));
    }
  }
  for (const std::string& name : inputs) {
    if (name.empty()) continue;
    auto before = slots_before_.find(name);
    const SlotValue* now = turn_.Slot(name);
    const bool changed = now == nullptr
                             ? before != slots_before_.end()
                             : before == slots_before_.end() || !(before->second == *now);
    if (!changed) continue;
    Note(absl::StrCat("slot ", name, " changed: ", Where(), " runs again"));
    state_.misunderstood = 0;
    turn_.Say("chatcart.noted_change");
    turn_.rerunning_ = true;
    absl::Status rerun = Continue();
    turn_.rerunning_ = false;
    CHATCART_RETURN_IF_ERROR(rerun);
    // "Allora la grigia, mettila nel carrello": one product left, and taken;
    // "allora grigia va bene" only accepts the new colour.
    const std::vector<std::string>& w = turn_.understanding().words;
    const bool only_fine = w.size() >= 2 && w[w.size() - 2] == "va" && w.back() == "bene";
    // "Bon ok en marron, ajoute": the add the classifier heard takes it too.
    std::string product_slot;
    const int add_flow = AddFlow(&product_slot);
    // "Yellow ones pls", "grigio allora": a new value settled on (not a new
    // budget: "ok allora posso arrivare fino a 80" shows what it buys).
    const int slot_changed = TopFlow().FindSlot(name);
    const bool value_settled = SettlesOn(turn_.understanding()) && slot_changed >= 0 &&
                               TopFlow().slots[slot_changed].type != SlotType::kMoney;
    const bool adds = turn_.understanding().Has(ActKind::kChoose) || value_settled ||
                      (add_flow >= 0 && Understood() &&
                       graph_.FlowTriggeredBy(turn_.understanding().intent) == add_flow);
    if (adds && !only_fine && state_.last_shown.size() == 1) {
      if (std::optional<absl::Status> done = ChooseProduct(state_.last_shown.front())) return done;
    }
    return absl::OkStatus();
  }
  return std::nullopt;
}

}  // namespace chatcart::dialogue
