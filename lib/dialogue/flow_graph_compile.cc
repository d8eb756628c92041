// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <optional>
#include <utility>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "dialogue/flow_graph.h"
#include "dialogue/flow_graph_compiler.h"

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

std::unique_ptr<const FlowGraph> FlowGraphCompiler::Compile(std::vector<FlowGraph::File> files) {
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

void FlowGraphCompiler::Declare() {
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
          !graph_->flow_index_.emplace(flow.id(), static_cast<int>(graph_->flows_.size())).second) {
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
        std::string context = absl::StrCat("flow \"", flow.id(), "\": slot \"", slot.name(), "\"");
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
        CheckTemplate(file->source.Where({{"flow", i}, {"slot", k}, {"prompt", -1}}), slot.prompt(),
                      absl::StrCat(context, ": prompt"));
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

void FlowGraphCompiler::Resolve(int f) {
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
      CheckTemplate(q_where, state.quick_reply(q).title(), absl::StrCat(context, ": quick reply"));
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

void FlowGraphCompiler::ResolveTarget(const FlowSpec& flow, RouteSpec* route,
                                      const std::string& where, const std::string& context) {
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

void FlowGraphCompiler::ResolveBundleRoutes() {
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

std::unique_ptr<const FlowGraph> FlowGraph::Compile(
    const v1::Bundle& bundle, const TextSource& bundle_source, std::vector<File> files,
    const TemplateCatalog& templates, const Options& options, std::vector<std::string>* errors) {
  FlowGraphCompiler compiler(bundle, bundle_source, templates, options, errors);
  return compiler.Compile(std::move(files));
}

}  // namespace chatcart::dialogue