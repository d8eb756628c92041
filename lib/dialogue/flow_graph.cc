// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/flow_graph.h"

#include "common/strings.h"

namespace chatcart::dialogue {

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

}  // namespace chatcart::dialogue
