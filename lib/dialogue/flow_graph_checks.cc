// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"
#include "dialogue/condition.h"
#include "dialogue/flow_graph.h"
#include "dialogue/flow_graph_compiler.h"

namespace chatcart::dialogue {

void FlowGraphCompiler::CheckTemplate(const std::string& where, std::string_view id,
                                      std::string_view role) {
  if (id.empty()) return;
  for (const std::string& locale : templates_.locales()) {
    if (!templates_.Has(locale, id)) {
      Error(where, absl::StrCat(ToAbsl(role), " template \"", ToAbsl(id),
                                "\" is missing for locale ", locale));
    }
  }
}

void FlowGraphCompiler::CheckSlotRef(const FlowSpec& flow, const std::string& where,
                                     const std::string& context, std::string_view slot,
                                     bool required, std::string_view field, Scope scope,
                                     std::vector<SlotType> types) {
  if (slot.empty()) {
    if (required) Error(where, absl::StrCat(context, ": ", ToAbsl(field), " is required"));
    return;
  }
  if (scope == Scope::kOwnFlow && flow.FindSlot(slot) < 0) {
    Error(where, absl::StrCat(context, ": ", ToAbsl(field), " \"", ToAbsl(slot),
                              "\" is not a slot of the flow",
                              declared_.contains(ToAbsl(slot))
                                  ? " (another flow declares it; this field needs the "
                                    "flow's own declaration)"
                                  : ""));
    return;
  }
  auto type = graph_->slot_types_.find(ToAbsl(slot));
  if (type == graph_->slot_types_.end()) {
    if (!declared_.contains(ToAbsl(slot))) {
      Error(where, absl::StrCat(context, ": ", ToAbsl(field), " \"", ToAbsl(slot),
                                "\" is a slot no flow declares"));
    }
    return;
  }
  if (types.empty() || std::find(types.begin(), types.end(), type->second) != types.end()) {
    return;
  }
  std::vector<std::string> names;
  for (SlotType t : types) names.emplace_back(SlotTypeName(t));
  Error(where, absl::StrCat(context, ": ", ToAbsl(field), " \"", ToAbsl(slot),
                            "\" is a slot of type ", ToAbsl(SlotTypeName(type->second)),
                            "; this field reads slots of type ", absl::StrJoin(names, ", ")));
}

void FlowGraphCompiler::CheckAction(const FlowSpec& flow, const v1::Action& action,
                                    const std::string& where, const std::string& context) {
  std::string c = absl::StrCat(context, ": action");
  switch (action.kind_case()) {
    case v1::Action::kSay:
      if (action.say().template_().empty()) Error(where, absl::StrCat(c, " say needs a template"));
      CheckTemplate(where, action.say().template_(), c);
      break;
    case v1::Action::kSetSlot:
      CheckSlotRef(flow, where, c, action.set_slot().slot(), true, "set_slot.slot",
                   Scope::kOwnFlow);
      break;
    case v1::Action::kClearSlots:
      for (const std::string& slot : action.clear_slots().slot()) {
        CheckSlotRef(flow, where, c, slot, true, "clear_slots.slot");
      }
      break;
    case v1::Action::kRecommend: {
      const v1::RecommendAction& r = action.recommend();
      CheckSlotRef(flow, where, c, r.budget_slot(), false, "recommend.budget_slot", Scope::kAnyFlow,
                   {SlotType::kMoney});
      CheckSlotRef(flow, where, c, r.age_slot(), false, "recommend.age_slot", Scope::kAnyFlow,
                   {SlotType::kAge, SlotType::kNumber});
      CheckSlotRef(flow, where, c, r.probe_slot(), false, "recommend.probe_slot", Scope::kAnyFlow,
                   {SlotType::kText});
      if (r.probe_at() < 0 || (r.probe_at() > 0 && r.probe_slot().empty())) {
        Error(where, absl::StrCat(c, ": recommend.probe_at needs a probe_slot and must be >= 0"));
      }
      for (const std::string& pair : r.slot_attribute()) {
        std::vector<std::string> parts = absl::StrSplit(pair, absl::MaxSplits('=', 1));
        if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
          Error(where,
                absl::StrCat(c, ": recommend.slot_attribute \"", pair, "\" is not slot=attribute"));
          continue;
        }
        // The value filters as text ("red,blue"): numbers, money and yes/no
        // have none (the catalog check in lib/engine matches the attribute).
        CheckSlotRef(flow, where, c, parts[0], true, "recommend.slot_attribute", Scope::kAnyFlow,
                     {SlotType::kColour, SlotType::kSize, SlotType::kBrand, SlotType::kProduct,
                      SlotType::kCategory, SlotType::kCompatibility, SlotType::kChoice,
                      SlotType::kCode, SlotType::kText});
      }
      CheckTemplate(where, r.intro(), absl::StrCat(c, " recommend.intro"));
      if (!r.intro().empty()) intro_templates_.insert(r.intro());
      CheckTemplate(where, r.none(), absl::StrCat(c, " recommend.none"));
      break;
    }
    case v1::Action::kShowProduct:
      CheckSlotRef(flow, where, c, action.show_product().product_slot(), true,
                   "show_product.product_slot");
      break;
    case v1::Action::kAddToCart:
      CheckSlotRef(flow, where, c, action.add_to_cart().product_slot(), true,
                   "add_to_cart.product_slot");
      CheckSlotRef(flow, where, c, action.add_to_cart().quantity_slot(), false,
                   "add_to_cart.quantity_slot", Scope::kAnyFlow,
                   {SlotType::kQuantity, SlotType::kNumber});
      break;
    case v1::Action::kChangeQuantity:
      CheckSlotRef(flow, where, c, action.change_quantity().product_slot(), false,
                   "change_quantity.product_slot");
      CheckSlotRef(flow, where, c, action.change_quantity().quantity_slot(), true,
                   "change_quantity.quantity_slot", Scope::kAnyFlow,
                   {SlotType::kQuantity, SlotType::kNumber});
      break;
    case v1::Action::kRemoveFromCart:
      CheckSlotRef(flow, where, c, action.remove_from_cart().product_slot(), true,
                   "remove_from_cart.product_slot");
      break;
    case v1::Action::kApplyCode:
      CheckSlotRef(flow, where, c, action.apply_code().code_slot(), true, "apply_code.code_slot");
      break;
    case v1::Action::kAmendOrder:
      CheckSlotRef(flow, where, c, action.amend_order().product_slot(),
                   !action.amend_order().commit(), "amend_order.product_slot");
      CheckSlotRef(flow, where, c, action.amend_order().quantity_slot(), false,
                   "amend_order.quantity_slot", Scope::kAnyFlow,
                   {SlotType::kQuantity, SlotType::kNumber});
      break;
    case v1::Action::kTrackOrder:
      CheckSlotRef(flow, where, c, action.track_order().order_slot(), false,
                   "track_order.order_slot");
      break;
    case v1::Action::kHost:
      if (action.host().kind().empty()) Error(where, absl::StrCat(c, " host needs a kind"));
      break;
    case v1::Action::kRemember:
      for (const std::string& slot : action.remember().slot()) {
        CheckSlotRef(flow, where, c, slot, true, "remember.slot", Scope::kOwnFlow);
        int index = flow.FindSlot(slot);
        if (index >= 0 && flow.slots[index].proto->profile_key().empty()) {
          Error(where, absl::StrCat(c, ": remember.slot \"", slot, "\" has no profile_key"));
        }
      }
      break;
    case v1::Action::kShowCart:
    case v1::Action::kRequestConfirmation:
    case v1::Action::kPlaceOrder:
    case v1::Action::kHandoff:
    case v1::Action::kForget:
      break;
    case v1::Action::KIND_NOT_SET:
      Error(where, absl::StrCat(c, " is empty"));
      break;
  }
}

void FlowGraphCompiler::CheckIntent(const std::string& where, const std::string& context,
                                    const std::string& intent) {
  if (intent.empty() || options_.intent_known == nullptr) return;
  if (!options_.intent_known(intent)) {
    Error(where, absl::StrCat(context, ": intent \"", intent, "\" is not defined by the bundle"));
  }
}

void FlowGraphCompiler::CheckCondition(const Condition& condition, const std::string& where,
                                       const std::string& context) {
  for (const Condition::Clause& clause : condition.clauses()) {
    std::string_view operand = clause.operand;
    std::string_view name = operand;
    std::string_view field;
    if (size_t dot = operand.find('.'); dot != std::string_view::npos) {
      name = operand.substr(0, dot);
      field = operand.substr(dot + 1);
    }
    ValueKind kind = ValueKind::kText;
    std::vector<std::string_view> words;
    // As the runtime does: a slot first, then the engine's values.
    if (auto slot = graph_->slot_types_.find(ToAbsl(name)); slot != graph_->slot_types_.end()) {
      kind = KindOfSlot(slot->second);
      const bool money = slot->second == SlotType::kMoney;
      if (!field.empty() && !(money && (field == "min" || field == "max"))) {
        Error(where, absl::StrCat(context, ": the ", ToAbsl(SlotTypeName(slot->second)), " slot \"",
                                  ToAbsl(name), "\" has no field \"", ToAbsl(field), "\"",
                                  money ? " (a money slot has min and max)" : ""));
        continue;
      }
      if (slot->second == SlotType::kChoice) {
        for (const std::string& word : choice_words_[std::string(name)]) words.push_back(word);
      }
    } else if (const EngineValue* value = clause.engine_value; value != nullptr) {
      kind = value->kind;
      words = value->words;
      if (value->name == "profile.") {
        auto key = profile_keys_.find(ToAbsl(operand.substr(value->name.size())));
        if (key == profile_keys_.end()) {
          Error(where,
                absl::StrCat(context, ": \"", ToAbsl(operand), "\" names no slot's profile_key"));
          continue;
        }
        kind = KindOfSlot(key->second);
      }
    } else {
      Error(where, absl::StrCat(context, ": \"", ToAbsl(operand),
                                "\" is neither a slot any flow declares nor an engine value",
                                NearbyValues(operand)));
      continue;
    }
    if (clause.op == Condition::Op::kKnown || clause.op == Condition::Op::kUnknown) continue;
    if (absl::Status literal = CheckLiteral(kind, clause.literal, words); !literal.ok()) {
      Error(where, absl::StrCat(context, ": \"", ToAbsl(operand), "\" is ",
                                ToAbsl(ValueKindName(kind)), ": ", literal.message()));
    }
  }
}

ValueKind FlowGraphCompiler::KindOfSlot(SlotType type) {
  switch (type) {
    case SlotType::kMoney:
      return ValueKind::kMoney;
    case SlotType::kNumber:
    case SlotType::kQuantity:
    case SlotType::kAge:
      return ValueKind::kNumber;
    case SlotType::kYesNo:
      return ValueKind::kBool;
    default:
      return ValueKind::kText;
  }
}

std::string FlowGraphCompiler::NearbyValues(std::string_view operand) {
  std::string_view head = operand.substr(0, operand.find('.') + 1);
  std::vector<std::string> near, all;
  for (const EngineValue& value : EngineValues()) {
    std::string name = value.name.ends_with('.') ? absl::StrCat(ToAbsl(value.name), "<key>")
                                                 : std::string(value.name);
    if (!head.empty() && value.name.starts_with(head)) near.push_back(name);
    all.push_back(std::move(name));
  }
  return absl::StrCat(" (engine values: ", absl::StrJoin(near.empty() ? all : near, ", "), ")");
}

void FlowGraphCompiler::CheckReachability() {
  const int n = static_cast<int>(graph_->flows_.size());
  std::vector<bool> flow_reached(n, false);
  std::vector<int> work;
  auto reach_flow = [&](int f) {
    if (f >= 0 && !flow_reached[f]) {
      flow_reached[f] = true;
      work.push_back(f);
    }
  };
  reach_flow(graph_->start_flow_);
  for (const GlobalRouteSpec& g : graph_->global_routes_) reach_flow(g.flow);
  for (const auto& [event, f] : graph_->event_flow_) reach_flow(f);
  for (int f = 0; f < n; ++f) {
    if (graph_->flows_[f].proto->trigger_intent_size() > 0) reach_flow(f);
  }
  while (!work.empty()) {
    int f = work.back();
    work.pop_back();
    for (const StateSpec& state : graph_->flows_[f].states) {
      for (const RouteSpec& route : state.routes) {
        if (route.target == TargetKind::kFlow) reach_flow(route.target_index);
      }
    }
  }
  for (int f = 0; f < n; ++f) {
    const FlowSpec& flow = graph_->flows_[f];
    if (!flow_reached[f]) {
      Error(flow.where, absl::StrCat("flow \"", flow.id(),
                                     "\" is unreachable: no start_flow, global route, event "
                                     "route, trigger intent or route starts it"));
    }
    CheckStates(f);
  }
}

void FlowGraphCompiler::CheckStates(int f) {
  const FlowSpec& flow = graph_->flows_[f];
  const int n = static_cast<int>(flow.states.size());
  if (n == 0) return;
  std::vector<bool> reached(n, false);
  std::vector<int> work = {0};
  reached[0] = true;
  auto reach = [&](int s) {
    if (s >= 0 && !reached[s]) {
      reached[s] = true;
      work.push_back(s);
    }
  };
  while (!work.empty()) {
    int s = work.back();
    work.pop_back();
    reach(flow.states[s].next);
    for (const RouteSpec& route : flow.states[s].routes) {
      if (route.target == TargetKind::kState) reach(route.target_index);
    }
  }
  for (const SlotSpec& slot : flow.slots) reach(slot.on_failure_state);
  for (int s = 0; s < n; ++s) {
    if (!reached[s]) {
      Error(SourceOfState(f, s),
            absl::StrCat("flow \"", flow.id(), "\": state \"", flow.states[s].proto->id(),
                         "\" is unreachable from the flow's first state"));
    }
  }
  // `next` edges form chains that run without input: a cycle never waits.
  std::vector<int> color(n, 0);  // 0 new, 1 on the current chain, 2 done
  for (int start = 0; start < n; ++start) {
    std::vector<int> chain;
    int s = start;
    while (s >= 0 && color[s] == 0) {
      color[s] = 1;
      chain.push_back(s);
      s = flow.states[s].next;
    }
    if (s >= 0 && color[s] == 1) {
      std::vector<std::string> names;
      bool in_cycle = false;
      for (int c : chain) {
        if (c == s) in_cycle = true;
        if (in_cycle) names.push_back(flow.states[c].proto->id());
      }
      names.push_back(flow.states[s].proto->id());
      Error(SourceOfState(f, s), absl::StrCat("flow \"", flow.id(),
                                              "\": states form a cycle through next that never "
                                              "waits for the shopper: ",
                                              absl::StrJoin(names, " -> ")));
    }
    for (int c : chain) color[c] = 2;
  }
}

std::string FlowGraphCompiler::SourceOfState(int f, int s) const {
  return sources_[f].first->Where({{"flow", sources_[f].second}, {"state", s}});
}

void FlowGraphCompiler::CheckTemplateArguments() {
  for (const TemplateCatalog::Definition& definition : templates_.definitions()) {
    const std::vector<Template>* variants =
        templates_.FindDefined(definition.locale, definition.id);
    if (variants == nullptr) continue;
    std::vector<std::string> given = TemplateCatalog::BuiltinArguments(definition.id);
    if (intro_templates_.contains(definition.id)) given.push_back("count");
    for (size_t v = 0; v < variants->size() && v < definition.variant_where.size(); ++v) {
      for (const std::string& name : (*variants)[v].ArgumentNames()) {
        if (name == "store" || absl::StartsWith(name, "event.") ||
            graph_->slot_types_.contains(name) ||
            std::find(given.begin(), given.end(), name) != given.end()) {
          continue;
        }
        Error(definition.variant_where[v],
              absl::StrCat("template \"", definition.id, "\" (", definition.locale, "): {", name,
                           "} is set by nothing: not a slot any flow declares, nor ",
                           "{store}, {event.<param>}",
                           given.empty() ? ""
                                         : absl::StrCat(", nor what the engine passes it ({",
                                                        absl::StrJoin(given, "}, {"), "})")));
      }
    }
  }
}

}  // namespace chatcart::dialogue
