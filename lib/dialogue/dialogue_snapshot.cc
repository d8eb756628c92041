// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/dialogue_snapshot.h"

#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace chatcart::dialogue {
namespace {

std::optional<SlotType> SlotTypeFromName(std::string_view name) {
  for (SlotType type : {SlotType::kMoney, SlotType::kNumber, SlotType::kQuantity, SlotType::kAge,
                        SlotType::kColour, SlotType::kSize, SlotType::kBrand, SlotType::kProduct,
                        SlotType::kCategory, SlotType::kCompatibility, SlotType::kChoice,
                        SlotType::kYesNo, SlotType::kCode, SlotType::kText}) {
    if (SlotTypeName(type) == name) return type;
  }
  return std::nullopt;
}

}  // namespace

void SlotToProto(const std::string& name, const SlotValue& value, v1::SlotSnapshot* proto) {
  proto->set_name(name);
  proto->set_type(std::string(SlotTypeName(value.type)));
  if (!value.text.empty()) proto->set_text(value.text);
  if (value.number != 0) proto->set_number(value.number);
  if (value.type == SlotType::kMoney) {
    proto->set_budget_kind(std::string(BudgetKindName(value.budget.kind)));
    if (value.budget.min.has_value()) MoneyToProto(*value.budget.min, proto->mutable_budget_min());
    if (value.budget.max.has_value()) MoneyToProto(*value.budget.max, proto->mutable_budget_max());
  }
  if (value.yes) proto->set_yes(true);
  if (value.any) proto->set_any(true);
  if (!value.display.empty() && value.display != value.text) proto->set_display(value.display);
}

absl::StatusOr<SlotValue> SlotFromProto(const v1::SlotSnapshot& proto) {
  SlotValue value;
  std::optional<SlotType> type = SlotTypeFromName(proto.type());
  if (!type.has_value()) {
    return absl::DataLossError(
        absl::StrCat("slot \"", proto.name(), "\": unknown type \"", proto.type(), "\""));
  }
  value.type = *type;
  value.text = proto.text();
  value.number = proto.number();
  value.yes = proto.yes();
  value.any = proto.any();
  value.display = proto.display().empty() ? proto.text() : proto.display();
  if (value.type == SlotType::kMoney) {
    std::optional<Budget::Kind> kind = ParseBudgetKind(proto.budget_kind());
    if (!kind.has_value()) {
      return absl::DataLossError(absl::StrCat("slot \"", proto.name(), "\": unknown budget kind \"",
                                              proto.budget_kind(), "\""));
    }
    value.budget.kind = *kind;
    if (proto.has_budget_min()) {
      absl::StatusOr<Money> min = MoneyFromProto(proto.budget_min());
      if (!min.ok()) {
        return absl::DataLossError(
            absl::StrCat("slot \"", proto.name(), "\": ", min.status().message()));
      }
      value.budget.min = *min;
    }
    if (proto.has_budget_max()) {
      absl::StatusOr<Money> max = MoneyFromProto(proto.budget_max());
      if (!max.ok()) {
        return absl::DataLossError(
            absl::StrCat("slot \"", proto.name(), "\": ", max.status().message()));
      }
      value.budget.max = *max;
    }
  }
  return value;
}

void DialogueToProto(const FlowGraph& graph, const DialogueState& state,
                     v1::DialogueSnapshot* proto) {
  for (const FlowFrame& frame : state.stack) {
    v1::FrameSnapshot* f = proto->add_stack();
    const FlowSpec& flow = graph.flow(frame.flow);
    f->set_flow(flow.id());
    f->set_state(flow.states[frame.state].proto->id());
    if (frame.asking >= 0) f->set_asking(flow.slots[frame.asking].name);
    if (frame.attempts != 0) f->set_attempts(frame.attempts);
    if (frame.entered) f->set_entered(true);
  }
  for (const auto& [name, value] : state.slots) SlotToProto(name, value, proto->add_slots());
  proto->set_language(state.language);
  proto->set_random(state.random);
  proto->set_misunderstood(state.misunderstood);
  proto->set_last_turn_unix_ms(state.last_turn_unix_ms);
  proto->set_turns(state.turns);
  for (const std::string& id : state.last_shown) proto->add_last_shown(id);
  for (const std::string& payload : state.offered) proto->add_offered(payload);
  for (uint32_t title : state.offered_titles) proto->add_offered_titles(title);
  const ShownContext& shown = state.shown;
  if (shown.flow >= 0 && shown.flow < graph.flow_count()) {
    const FlowSpec& flow = graph.flow(shown.flow);
    v1::ShownSnapshot* s = proto->mutable_shown();
    s->set_flow(flow.id());
    s->set_state(flow.states[shown.state].proto->id());
    s->set_action(shown.action);
    for (const std::string& c : shown.critiques) s->add_critiques(c);
    s->set_reference(shown.reference);
    for (const std::string& w : shown.where) s->add_where(w);
    for (const std::string& id : shown.seen) s->add_seen(id);
    if (shown.relaxed) s->set_relaxed(true);
  }
  if (!state.variant.product.empty()) {
    v1::VariantSnapshot* v = proto->mutable_variant();
    v->set_product(state.variant.product);
    for (const auto& [axis, value] : state.variant.chosen) {
      v->add_axis(axis);
      v->add_value(value);
    }
    v->set_asking(state.variant.asking);
  }
  for (const std::string& w : state.wishes) proto->add_wishes(w);
  proto->set_focus(state.focus);
  for (uint32_t hash : state.last_replies) proto->add_last_replies(hash);
  proto->set_which_asked(state.which_asked);
  proto->set_person_offered(state.person_offered);
  if (state.attendant != Attendant::kBot) {
    proto->set_attendant(state.attendant == Attendant::kQueued ? "queued" : "agent");
    proto->set_agent(state.agent);
    proto->set_attendant_since_unix_ms(state.attendant_since_ms);
  }
}

absl::StatusOr<DialogueState> DialogueFromProto(const FlowGraph& graph,
                                                const v1::DialogueSnapshot& proto,
                                                std::vector<v1::RestoreNote>* dropped) {
  auto drop = [&](std::string_view kind, std::string subject, std::string detail) {
    if (dropped == nullptr) return;
    v1::RestoreNote* note = &dropped->emplace_back();
    note->set_kind(std::string(kind));
    note->set_subject(std::move(subject));
    note->set_detail(std::move(detail));
  };
  const std::string restart =
      graph.start_flow() >= 0 && graph.start_flow() < graph.flow_count()
          ? absl::StrCat("; restarted at flow \"", graph.flow(graph.start_flow()).id(), "\"")
          : std::string("; restarted");
  DialogueState state;
  bool restarts = false;
  for (const v1::FrameSnapshot& f : proto.stack()) {
    FlowFrame frame;
    const std::string where = absl::StrCat(f.flow(), "/", f.state());
    frame.flow = graph.FindFlow(f.flow());
    if (frame.flow < 0) {
      drop("flow", where, absl::StrCat("flow \"", f.flow(), "\" is not in this bundle", restart));
      restarts = true;
      continue;
    }
    const FlowSpec& flow = graph.flow(frame.flow);
    frame.state = flow.FindState(f.state());
    if (frame.state < 0) {
      drop("flow", where, absl::StrCat("state \"", f.state(), "\" is not in this bundle", restart));
      restarts = true;
      continue;
    }
    if (!f.asking().empty()) {
      frame.asking = flow.FindSlot(f.asking());
      if (frame.asking < 0) {
        drop("flow", where,
             absl::StrCat("the question for slot \"", f.asking(), "\" is not in this bundle",
                          restart));
        restarts = true;
        continue;
      }
    }
    frame.attempts = f.attempts();
    frame.entered = f.entered();
    state.stack.push_back(frame);
  }
  if (restarts) state.stack.clear();
  for (const v1::SlotSnapshot& s : proto.slots()) {
    absl::StatusOr<SlotValue> value = SlotFromProto(s);
    if (!value.ok()) return value.status();
    auto type = graph.slot_types().find(s.name());
    if (type == graph.slot_types().end() || type->second != value->type) {
      drop("slot", s.name(),
           type == graph.slot_types().end()
               ? std::string("not declared in this bundle")
               : absl::StrCat("declared as ", ToAbsl(SlotTypeName(type->second)), " now, not ",
                              s.type()));
      continue;
    }
    state.slots[s.name()] = *std::move(value);
  }
  state.language = proto.language();
  state.random = proto.random();
  state.misunderstood = proto.misunderstood();
  state.last_turn_unix_ms = proto.last_turn_unix_ms();
  state.turns = proto.turns();
  state.last_shown.assign(proto.last_shown().begin(), proto.last_shown().end());
  state.offered.assign(proto.offered().begin(), proto.offered().end());
  if (proto.offered_titles_size() == proto.offered_size()) {
    state.offered_titles.assign(proto.offered_titles().begin(), proto.offered_titles().end());
  }
  if (restarts) {  // the buttons answered a question that is gone
    state.offered.clear();
    state.offered_titles.clear();
  }
  if (proto.has_shown()) {
    const v1::ShownSnapshot& s = proto.shown();
    const int flow = graph.FindFlow(s.flow());
    const int st = flow < 0 ? -1 : graph.flow(flow).FindState(s.state());
    if (st < 0 || s.action() < 0 ||
        s.action() >= graph.flow(flow).states[st].proto->action_size() ||
        !graph.flow(flow).states[st].proto->action(s.action()).has_recommend()) {
      drop("search", absl::StrCat(s.flow(), "/", s.state()),
           "the recommend action behind what was shown is not in this bundle");
    } else {
      state.shown.flow = flow;
      state.shown.state = st;
      state.shown.action = s.action();
      state.shown.critiques.assign(s.critiques().begin(), s.critiques().end());
      state.shown.reference = s.reference();
      state.shown.where.assign(s.where().begin(), s.where().end());
      state.shown.seen.assign(s.seen().begin(), s.seen().end());
      state.shown.relaxed = s.relaxed();
    }
  }
  if (proto.has_variant() && proto.variant().axis_size() == proto.variant().value_size()) {
    state.variant.product = proto.variant().product();
    for (int i = 0; i < proto.variant().axis_size(); ++i) {
      state.variant.chosen.emplace_back(proto.variant().axis(i), proto.variant().value(i));
    }
    state.variant.asking = proto.variant().asking();
  }
  state.wishes.assign(proto.wishes().begin(), proto.wishes().end());
  state.focus = proto.focus();
  state.last_replies.assign(proto.last_replies().begin(), proto.last_replies().end());
  state.which_asked = proto.which_asked();
  state.person_offered = proto.person_offered();
  if (proto.attendant() == "queued") state.attendant = Attendant::kQueued;
  if (proto.attendant() == "agent") state.attendant = Attendant::kAgent;
  state.agent = proto.agent();
  state.attendant_since_ms = proto.attendant_since_unix_ms();
  return state;
}

}  // namespace chatcart::dialogue
