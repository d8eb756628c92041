// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/flow_graph.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"

namespace chatcart::dialogue {

namespace {

constexpr std::pair<std::string_view, SlotType> kSlotTypes[] = {
    {"money", SlotType::kMoney},       {"number", SlotType::kNumber},
    {"quantity", SlotType::kQuantity}, {"age", SlotType::kAge},
    {"colour", SlotType::kColour},     {"size", SlotType::kSize},
    {"brand", SlotType::kBrand},       {"product", SlotType::kProduct},
    {"category", SlotType::kCategory}, {"compatibility", SlotType::kCompatibility},
    {"choice", SlotType::kChoice},     {"yes_no", SlotType::kYesNo},
    {"code", SlotType::kCode},         {"text", SlotType::kText},
};

std::optional<SlotType> ParseSlotType(std::string_view name) {
  if (name == "color") name = "colour";
  for (const auto& [type_name, type] : kSlotTypes) {
    if (type_name == name) return type;
  }
  return std::nullopt;
}

}  // namespace

std::string_view SlotTypeName(SlotType type) {
  for (const auto& [type_name, t] : kSlotTypes) {
    if (t == type) return type_name;
  }
  return "text";
}

int FlowSpec::FindSlot(std::string_view name) const {
  auto it = slot_index.find(ToAbsl(name));
  return it == slot_index.end() ? -1 : it->second;
}

int FlowSpec::FindState(std::string_view id) const {
  auto it = state_index.find(ToAbsl(id));
  return it == state_index.end() ? -1 : it->second;
}

std::string FlowSpec::Where(std::initializer_list<TextSource::Step> path) const {
  if (source == nullptr) return where;
  std::vector<TextSource::Step> steps = {{"flow", index_in_file}};
  steps.insert(steps.end(), path.begin(), path.end());
  return source->Where(steps);
}

std::string ActionSite::Where(std::string_view field, std::string_view subfield,
                              int sub_index) const {
  std::vector<TextSource::Step> steps = {{"flow", flow->index_in_file}, {"state", state}};
  if (route >= 0) steps.push_back({"route", route});
  steps.push_back({"action", index});
  if (!field.empty()) steps.push_back({field, -1});
  if (!subfield.empty()) steps.push_back({subfield, sub_index});
  if (flow->source == nullptr) return flow->where;
  return flow->source->Where(steps);
}

void FlowGraph::ForEachAction(const std::function<void(const ActionSite&)>& fn) const {
  for (const FlowSpec& flow : flows_) {
    for (int s = 0; s < static_cast<int>(flow.states.size()); ++s) {
      const v1::State& state = *flow.states[s].proto;
      for (int a = 0; a < state.action_size(); ++a) {
        fn(ActionSite{&flow, &state.action(a), s, -1, a});
      }
      for (int r = 0; r < state.route_size(); ++r) {
        for (int a = 0; a < state.route(r).action_size(); ++a) {
          fn(ActionSite{&flow, &state.route(r).action(a), s, r, a});
        }
      }
    }
  }
}

int FlowGraph::FindFlow(std::string_view id) const {
  auto it = flow_index_.find(ToAbsl(id));
  return it == flow_index_.end() ? -1 : it->second;
}

int FlowGraph::FlowTriggeredBy(std::string_view intent) const {
  auto it = trigger_.find(ToAbsl(intent));
  return it == trigger_.end() ? -1 : it->second;
}

int FlowGraph::FlowForEvent(std::string_view kind) const {
  auto it = event_flow_.find(ToAbsl(kind));
  return it == event_flow_.end() ? -1 : it->second;
}

// Builds a FlowGraph in passes: declare flows, states and slots; resolve
// references; then check reachability and cycles. Every problem is appended
// to `errors` and compilation goes on, so one load reports them all.
class FlowGraphCompiler {
 public:
  FlowGraphCompiler(const v1::Bundle& bundle, const TextSource& bundle_source,
                    const TemplateCatalog& templates, const FlowGraph::Options& options,
                    std::vector<std::string>* errors)
      : bundle_(bundle),
        bundle_source_(bundle_source),
        templates_(templates),
        options_(options),
        errors_(errors) {}

  std::unique_ptr<const FlowGraph> Compile(std::vector<FlowGraph::File> files) {
    graph_.reset(new FlowGraph());
    for (FlowGraph::File& file : files) {
      graph_->files_.push_back(std::make_unique<FlowGraph::File>(std::move(file)));
    }
    Declare();
    for (size_t f = 0; f < graph_->flows_.size(); ++f) Resolve(static_cast<int>(f));
    ResolveBundleRoutes();
    CheckReachability();
    CheckTemplateArguments();
    return std::move(graph_);
  }

 private:
  void Error(const std::string& where, std::string_view what) {
    errors_->push_back(absl::StrCat(where, ": ", ToAbsl(what)));
  }

  void CheckTemplate(const std::string& where, std::string_view id, std::string_view role) {
    if (id.empty()) return;
    for (const std::string& locale : templates_.locales()) {
      if (!templates_.Has(locale, id)) {
        Error(where, absl::StrCat(ToAbsl(role), " template \"", ToAbsl(id),
                                  "\" is missing for locale ", locale));
      }
    }
  }

  // Pass 1: flows, states and slots, with duplicate and type checks.
  void Declare() {
    for (auto& file : graph_->files_) {
      for (int i = 0; i < file->set.flow_size(); ++i) {
        const v1::Flow& flow = file->set.flow(i);
        FlowSpec spec;
        spec.proto = &flow;
        spec.source = &file->source;
        spec.index_in_file = i;
        spec.where = file->source.Where({{"flow", i}});
        sources_.push_back({&file->source, i});
        std::string where = spec.where;
        if (flow.id().empty()) Error(where, "flow without an id");
        if (!flow.id().empty() &&
            !graph_->flow_index_.emplace(flow.id(), static_cast<int>(graph_->flows_.size()))
                 .second) {
          Error(where, absl::StrCat("flow \"", flow.id(), "\" is defined twice"));
        }
        if (flow.state_size() == 0)
          Error(where, absl::StrCat("flow \"", flow.id(), "\" has no state"));
        for (int s = 0; s < flow.state_size(); ++s) {
          const v1::State& state = flow.state(s);
          StateSpec state_spec;
          state_spec.proto = &state;
          std::string state_where = file->source.Where({{"flow", i}, {"state", s}});
          if (state.id().empty()) {
            Error(state_where, absl::StrCat("flow \"", flow.id(), "\": state without an id"));
          } else if (!spec.state_index.emplace(state.id(), s).second) {
            Error(state_where, absl::StrCat("flow \"", flow.id(), "\": state \"", state.id(),
                                            "\" is defined twice"));
          }
          spec.states.push_back(std::move(state_spec));
        }
        for (int k = 0; k < flow.slot_size(); ++k) {
          const v1::Slot& slot = flow.slot(k);
          std::string slot_where = file->source.Where({{"flow", i}, {"slot", k}});
          std::string context =
              absl::StrCat("flow \"", flow.id(), "\": slot \"", slot.name(), "\"");
          SlotSpec slot_spec;
          slot_spec.name = slot.name();
          slot_spec.proto = &slot;
          slot_spec.max_attempts =
              slot.max_attempts() > 0 ? slot.max_attempts() : options_.default_max_attempts;
          std::optional<SlotType> type = ParseSlotType(slot.type());
          if (slot.name().empty())
            Error(slot_where, absl::StrCat("flow \"", flow.id(), "\": slot without a name"));
          if (!type.has_value()) {
            Error(file->source.Where({{"flow", i}, {"slot", k}, {"type", -1}}),
                  absl::StrCat(context, ": unknown type \"", slot.type(),
                               "\" (money, number, quantity, age, colour, size, brand, product, "
                               "category, compatibility, choice, yes_no, code, text)"));
          } else {
            slot_spec.type = *type;
            declared_.emplace(slot.name(), &slot);
            if (*type == SlotType::kChoice) {
              for (const v1::Choice& choice : slot.choice()) {
                choice_words_[slot.name()].push_back(choice.value());
              }
            }
            if (!slot.profile_key().empty()) profile_keys_.emplace(slot.profile_key(), *type);
            auto [it, inserted] = graph_->slot_types_.emplace(slot.name(), *type);
            if (!inserted && it->second != *type) {
              Error(slot_where, absl::StrCat(context, ": type ", slot.type(),
                                             " differs from the same slot elsewhere (",
                                             ToAbsl(SlotTypeName(it->second)), ")"));
            }
          }
          if (type == SlotType::kChoice && slot.choice_size() == 0) {
            Error(slot_where, absl::StrCat(context, ": a choice slot needs choices"));
          }
          if (slot.prompt().empty()) {
            Error(slot_where, absl::StrCat(context, ": no prompt"));
          }
          CheckTemplate(file->source.Where({{"flow", i}, {"slot", k}, {"prompt", -1}}),
                        slot.prompt(), absl::StrCat(context, ": prompt"));
          for (int r = 0; r < slot.reprompt_size(); ++r) {
            CheckTemplate(file->source.Where({{"flow", i}, {"slot", k}, {"reprompt", r}}),
                          slot.reprompt(r), absl::StrCat(context, ": reprompt"));
          }
          for (int c = 0; c < slot.choice_size(); ++c) {
            CheckTemplate(file->source.Where({{"flow", i}, {"slot", k}, {"choice", c}}),
                          slot.choice(c).title(), absl::StrCat(context, ": choice title"));
          }
          if (!slot.name().empty() && !spec.slot_index.emplace(slot.name(), k).second) {
            Error(slot_where, absl::StrCat(context, " is declared twice"));
          }
          spec.slots.push_back(std::move(slot_spec));
        }
        graph_->flows_.push_back(std::move(spec));
      }
    }
  }

  // Where a slot reference may find its declaration: any flow (the action
  // reads the value by name) or the referring flow (it reads the
  // declaration: prompt, type, profile key).
  enum class Scope { kAnyFlow, kOwnFlow };

  void CheckSlotRef(const FlowSpec& flow, const std::string& where, const std::string& context,
                    std::string_view slot, bool required, std::string_view field,
                    Scope scope = Scope::kAnyFlow, std::vector<SlotType> types = {}) {
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

  void CheckAction(const FlowSpec& flow, const v1::Action& action, const std::string& where,
                   const std::string& context) {
    std::string c = absl::StrCat(context, ": action");
    switch (action.kind_case()) {
      case v1::Action::kSay:
        if (action.say().template_().empty())
          Error(where, absl::StrCat(c, " say needs a template"));
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
        CheckSlotRef(flow, where, c, r.budget_slot(), false, "recommend.budget_slot",
                     Scope::kAnyFlow, {SlotType::kMoney});
        CheckSlotRef(flow, where, c, r.age_slot(), false, "recommend.age_slot", Scope::kAnyFlow,
                     {SlotType::kAge, SlotType::kNumber});
        CheckSlotRef(flow, where, c, r.probe_slot(), false, "recommend.probe_slot",
                     Scope::kAnyFlow, {SlotType::kText});
        if (r.probe_at() < 0 || (r.probe_at() > 0 && r.probe_slot().empty())) {
          Error(where, absl::StrCat(c, ": recommend.probe_at needs a probe_slot and must be >= 0"));
        }
        for (const std::string& pair : r.slot_attribute()) {
          std::vector<std::string> parts = absl::StrSplit(pair, absl::MaxSplits('=', 1));
          if (parts.size() != 2 || parts[0].empty() || parts[1].empty()) {
            Error(where, absl::StrCat(c, ": recommend.slot_attribute \"", pair,
                                      "\" is not slot=attribute"));
            continue;
          }
          // The value filters as text ("red,blue"): numbers, money and yes/no
          // have none (the catalog check in lib/engine matches the attribute).
          CheckSlotRef(flow, where, c, parts[0], true, "recommend.slot_attribute",
                       Scope::kAnyFlow,
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

  // Resolves a route target; returns false (with an error) when unknown.
  void ResolveTarget(const FlowSpec& flow, RouteSpec* route, const std::string& where,
                     const std::string& context) {
    const std::string& target = route->proto->target();
    if (target.empty()) {
      route->target = TargetKind::kStay;
    } else if (target == "end") {
      route->target = TargetKind::kEnd;
    } else if (absl::StartsWith(target, "flow:")) {
      route->target = TargetKind::kFlow;
      route->target_index = graph_->FindFlow(target.substr(5));
      if (route->target_index < 0) {
        Error(where,
              absl::StrCat(context, ": target flow \"", target.substr(5), "\" does not exist"));
      }
    } else {
      route->target = TargetKind::kState;
      route->target_index = flow.FindState(target);
      if (route->target_index < 0) {
        Error(where, absl::StrCat(context, ": target state \"", target,
                                  "\" does not exist in flow \"", flow.id(), "\""));
      }
    }
  }

  void CheckIntent(const std::string& where, const std::string& context,
                   const std::string& intent) {
    if (intent.empty() || options_.intent_known == nullptr) return;
    if (!options_.intent_known(intent)) {
      Error(where, absl::StrCat(context, ": intent \"", intent, "\" is not defined by the bundle"));
    }
  }

  // Every operand names a slot some flow declares or an engine value, and
  // every literal is one the operand can hold: a typo never fails silently.
  void CheckCondition(const Condition& condition, const std::string& where,
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
          Error(where, absl::StrCat(context, ": the ", ToAbsl(SlotTypeName(slot->second)),
                                    " slot \"", ToAbsl(name), "\" has no field \"",
                                    ToAbsl(field), "\"",
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
            Error(where, absl::StrCat(context, ": \"", ToAbsl(operand),
                                      "\" names no slot's profile_key"));
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

  static ValueKind KindOfSlot(SlotType type) {
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

  // " (cart.lines, cart.items, ...)": the engine values sharing the
  // operand's first part, else all of them.
  static std::string NearbyValues(std::string_view operand) {
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

  // Pass 2: references inside one flow.
  void Resolve(int f) {
    FlowSpec& flow = graph_->flows_[f];
    const TextSource& source = *sources_[f].first;
    const int i = sources_[f].second;
    const v1::Flow& proto = *flow.proto;
    for (const std::string& intent : proto.trigger_intent()) {
      CheckIntent(flow.where, absl::StrCat("flow \"", proto.id(), "\": trigger_intent"), intent);
      graph_->trigger_.emplace(intent, f);  // the first flow declaring it wins
    }
    for (int k = 0; k < proto.slot_size(); ++k) {
      const v1::Slot& slot = proto.slot(k);
      if (!slot.on_failure().empty()) {
        flow.slots[k].on_failure_state = flow.FindState(slot.on_failure());
        if (flow.slots[k].on_failure_state < 0) {
          Error(source.Where({{"flow", i}, {"slot", k}, {"on_failure", -1}}),
                absl::StrCat("flow \"", proto.id(), "\": slot \"", slot.name(),
                             "\": on_failure state \"", slot.on_failure(), "\" does not exist"));
        }
      }
    }
    for (int s = 0; s < proto.state_size(); ++s) {
      const v1::State& state = proto.state(s);
      StateSpec& spec = flow.states[s];
      std::string where = source.Where({{"flow", i}, {"state", s}});
      std::string context = absl::StrCat("flow \"", proto.id(), "\": state \"", state.id(), "\"");
      for (int t = 0; t < state.say_size(); ++t) {
        CheckTemplate(source.Where({{"flow", i}, {"state", s}, {"say", t}}), state.say(t),
                      absl::StrCat(context, ": say"));
      }
      for (int r = 0; r < state.require_size(); ++r) {
        int slot = flow.FindSlot(state.require(r));
        if (slot < 0) {
          Error(source.Where({{"flow", i}, {"state", s}, {"require", r}}),
                absl::StrCat(context, ": required slot \"", state.require(r),
                             "\" is not a slot of the flow"));
        } else {
          spec.require.push_back(slot);
        }
      }
      for (int a = 0; a < state.action_size(); ++a) {
        CheckAction(flow, state.action(a), source.Where({{"flow", i}, {"state", s}, {"action", a}}),
                    context);
      }
      for (int q = 0; q < state.quick_reply_size(); ++q) {
        std::string q_where = source.Where({{"flow", i}, {"state", s}, {"quick_reply", q}});
        if (state.quick_reply(q).payload().empty()) {
          Error(q_where, absl::StrCat(context, ": quick reply without a payload"));
        }
        CheckTemplate(q_where, state.quick_reply(q).title(),
                      absl::StrCat(context, ": quick reply"));
      }
      if (!state.next().empty()) {
        spec.next = flow.FindState(state.next());
        if (spec.next < 0) {
          Error(source.Where({{"flow", i}, {"state", s}, {"next", -1}}),
                absl::StrCat(context, ": next state \"", state.next(), "\" does not exist"));
        }
        if (state.end()) Error(where, absl::StrCat(context, ": both next and end"));
      }
      for (int r = 0; r < state.route_size(); ++r) {
        const v1::Route& route = state.route(r);
        std::string r_where = source.Where({{"flow", i}, {"state", s}, {"route", r}});
        std::string r_context = absl::StrCat(context, ": route ", r + 1);
        RouteSpec route_spec;
        route_spec.proto = &route;
        if (route.intent().empty() && route.payload().empty() && route.condition().empty()) {
          Error(r_where, absl::StrCat(r_context, " has no intent, payload or condition"));
        }
        CheckIntent(r_where, r_context, route.intent());
        absl::StatusOr<Condition> condition = Condition::Compile(route.condition());
        const std::string c_where =
            source.Where({{"flow", i}, {"state", s}, {"route", r}, {"condition", -1}});
        if (!condition.ok()) {
          Error(c_where, absl::StrCat(r_context, ": ", condition.status().message()));
        } else {
          CheckCondition(*condition, c_where,
                         absl::StrCat(r_context, ": condition \"", route.condition(), "\""));
          route_spec.condition = *std::move(condition);
        }
        ResolveTarget(flow, &route_spec, r_where, r_context);
        for (int a = 0; a < route.action_size(); ++a) {
          CheckAction(flow, route.action(a),
                      source.Where({{"flow", i}, {"state", s}, {"route", r}, {"action", a}}),
                      r_context);
        }
        spec.routes.push_back(std::move(route_spec));
      }
    }
  }

  // Pass 3: the bundle's start flow, global routes and event routes.
  void ResolveBundleRoutes() {
    if (bundle_.start_flow().empty()) {
      Error(bundle_source_.Where({}), "start_flow is required");
    } else {
      graph_->start_flow_ = graph_->FindFlow(bundle_.start_flow());
      if (graph_->start_flow_ < 0) {
        Error(bundle_source_.Where({{"start_flow", -1}}),
              absl::StrCat("start_flow \"", bundle_.start_flow(), "\" does not exist"));
      }
    }
    for (int g = 0; g < bundle_.global_route_size(); ++g) {
      const v1::GlobalRoute& route = bundle_.global_route(g);
      std::string where = bundle_source_.Where({{"global_route", g}});
      GlobalRouteSpec spec{route.intent(), graph_->FindFlow(route.flow()), route.replace()};
      if (route.intent().empty()) Error(where, "global_route without an intent");
      CheckIntent(where, "global_route", route.intent());
      if (spec.flow < 0) {
        Error(where, absl::StrCat("global_route \"", route.intent(), "\": flow \"", route.flow(),
                                  "\" does not exist"));
      }
      graph_->global_routes_.push_back(std::move(spec));
    }
    for (int e = 0; e < bundle_.event_route_size(); ++e) {
      const v1::EventRoute& route = bundle_.event_route(e);
      std::string where = bundle_source_.Where({{"event_route", e}});
      int flow = graph_->FindFlow(route.flow());
      if (route.event().empty()) Error(where, "event_route without an event");
      if (flow < 0) {
        Error(where, absl::StrCat("event_route \"", route.event(), "\": flow \"", route.flow(),
                                  "\" does not exist"));
      } else if (!graph_->event_flow_.emplace(route.event(), flow).second) {
        Error(where, absl::StrCat("event_route \"", route.event(), "\" is routed twice"));
      }
    }
  }

  // Pass 5: every argument of a bundle's template is one something sets:
  // {store}, a slot some flow declares, an event's param ({event.x}), what
  // the engine passes the template it says ({count} for recommend.intro; for
  // an override of a built-in, the arguments of the built-in wording).
  // Anything else would be shown to shoppers as "{name}".
  void CheckTemplateArguments() {
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
                absl::StrCat("template \"", definition.id, "\" (", definition.locale, "): {",
                             name, "} is set by nothing: not a slot any flow declares, nor ",
                             "{store}, {event.<param>}",
                             given.empty() ? ""
                                           : absl::StrCat(", nor what the engine passes it ({",
                                                          absl::StrJoin(given, "}, {"), "})")));
        }
      }
    }
  }

  // Pass 4: unreachable states and flows, and `next` cycles.
  void CheckReachability() {
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

  void CheckStates(int f) {
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

  std::string SourceOfState(int f, int s) const {
    return sources_[f].first->Where({{"flow", sources_[f].second}, {"state", s}});
  }

  const v1::Bundle& bundle_;
  const TextSource& bundle_source_;
  const TemplateCatalog& templates_;
  const FlowGraph::Options& options_;
  std::vector<std::string>* errors_;
  std::unique_ptr<FlowGraph> graph_;
  // Per flow index: its file and its index in that file.
  std::vector<std::pair<const TextSource*, int>> sources_;
  // Every declared slot by name (the first declaration), the choice values
  // of choice slots (all declarations), the profile keys with their types,
  // and the templates recommend says as an intro.
  absl::flat_hash_map<std::string, const v1::Slot*> declared_;
  absl::flat_hash_map<std::string, std::vector<std::string>> choice_words_;
  absl::flat_hash_map<std::string, SlotType> profile_keys_;
  absl::flat_hash_set<std::string> intro_templates_;
};

std::unique_ptr<const FlowGraph> FlowGraph::Compile(
    const v1::Bundle& bundle, const TextSource& bundle_source, std::vector<File> files,
    const TemplateCatalog& templates, const Options& options, std::vector<std::string>* errors) {
  FlowGraphCompiler compiler(bundle, bundle_source, templates, options, errors);
  return compiler.Compile(std::move(files));
}

}  // namespace chatcart::dialogue
