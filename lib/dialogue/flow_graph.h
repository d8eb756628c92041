// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The flow graph: a bundle's flows compiled and validated once at engine load.
// Validation reports every problem, each naming file:line of the field at
// fault and the path inside the bundle (flow, state, field): unknown states,
// slots, templates (per locale) and intents; states no route reaches; flows
// nothing starts; cycles of `next` that would never wait for the shopper;
// routes that match nothing; condition operands that are neither a slot nor
// an engine value (EngineValues() in condition.h) and literals they can never
// equal; template arguments nothing sets; slots of the wrong type for the
// action field that reads them.
//
// Slots are shared by name across flows: an action, condition or template
// may use a slot any flow declares. A flow declares a slot itself where it
// asks for it (`require`), sets it from a literal (`set_slot`) or remembers
// it (`remember`), since those read the declaration (prompt, type, key).
//
// Immutable after Compile; const methods are safe for concurrent use.

#ifndef CHATCART_DIALOGUE_FLOW_GRAPH_H_
#define CHATCART_DIALOGUE_FLOW_GRAPH_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "chatcart/v1/bundle.pb.h"
#include "dialogue/condition.h"
#include "dialogue/template_catalog.h"
#include "common/text_source.h"

namespace chatcart::dialogue {

// What fills a slot. Persisted by name (snapshots), never by number.
enum class SlotType {
  kMoney,
  kNumber,
  kQuantity,
  kAge,
  kColour,
  kSize,
  kBrand,
  kProduct,
  kCategory,
  kCompatibility,
  kChoice,
  kYesNo,
  kCode,
  kText,
};

// "money", "age", ...: the names bundles use.
std::string_view SlotTypeName(SlotType type);

struct SlotSpec {
  std::string name;
  SlotType type = SlotType::kText;
  const v1::Slot* proto = nullptr;
  int max_attempts = 3;
  int on_failure_state = -1;  // state index in the flow, -1: the default
};

enum class TargetKind { kStay, kState, kFlow, kEnd };

struct RouteSpec {
  const v1::Route* proto = nullptr;
  Condition condition;
  TargetKind target = TargetKind::kStay;
  int target_index = -1;  // state index (kState) or flow index (kFlow)
};

struct StateSpec {
  const v1::State* proto = nullptr;
  std::vector<int> require;  // slot indexes of the flow, in order
  std::vector<RouteSpec> routes;
  int next = -1;  // state index
};

struct FlowSpec {
  const v1::Flow* proto = nullptr;
  const TextSource* source = nullptr;  // the file that defines the flow
  int index_in_file = -1;
  std::vector<SlotSpec> slots;
  std::vector<StateSpec> states;
  absl::flat_hash_map<std::string, int> slot_index;
  absl::flat_hash_map<std::string, int> state_index;
  std::string where;  // "flows.textproto:12"

  const std::string& id() const { return proto->id(); }
  // file:line of the field reached by `path` inside this flow.
  std::string Where(std::initializer_list<TextSource::Step> path) const;
  // The slot index of `name`, or -1.
  int FindSlot(std::string_view name) const;
  // The state index of `id`, or -1.
  int FindState(std::string_view id) const;
};

struct GlobalRouteSpec {
  std::string intent;
  int flow = -1;
  bool replace = false;
};

// An action of a flow and where it is written.
struct ActionSite {
  const FlowSpec* flow = nullptr;
  const v1::Action* action = nullptr;
  int state = -1;
  int route = -1;  // -1: one of the state's own actions
  int index = -1;  // in the state's or the route's actions

  // file:line of the action, or of a field inside it:
  // Where("recommend", "slot_attribute", 2).
  std::string Where(std::string_view field = "", std::string_view subfield = "",
                    int sub_index = -1) const;
};

class FlowGraph {
 public:
  struct File {
    v1::FlowSet set;
    TextSource source;
  };

  struct Options {
    // Failed answers per slot unless the slot says otherwise.
    int default_max_attempts = 3;
    // Whether an intent name exists; nullptr skips the check.
    std::function<bool(std::string_view)> intent_known;
  };

  // Calls `fn` for every action of every flow, states' first, in file order.
  void ForEachAction(const std::function<void(const ActionSite&)>& fn) const;

  // Compiles `files` against `bundle` (start flow, global and event routes)
  // and `templates`. Appends every problem to `errors`; the graph is usable
  // only when none were appended.
  static std::unique_ptr<const FlowGraph> Compile(
      const v1::Bundle& bundle, const TextSource& bundle_source, std::vector<File> files,
      const TemplateCatalog& templates, const Options& options, std::vector<std::string>* errors);

  FlowGraph(const FlowGraph&) = delete;
  FlowGraph& operator=(const FlowGraph&) = delete;

  int flow_count() const { return static_cast<int>(flows_.size()); }
  const FlowSpec& flow(int index) const { return flows_[index]; }
  // The flow index of `id`, or -1.
  int FindFlow(std::string_view id) const;
  int start_flow() const { return start_flow_; }
  const std::vector<GlobalRouteSpec>& global_routes() const { return global_routes_; }
  // The flow an intent triggers when nothing else takes it, or -1.
  int FlowTriggeredBy(std::string_view intent) const;
  // The flow an event kind starts, or -1.
  int FlowForEvent(std::string_view kind) const;
  // Every slot name of every flow with its type (slots are shared by name).
  const absl::flat_hash_map<std::string, SlotType>& slot_types() const { return slot_types_; }

 private:
  FlowGraph() = default;

  std::vector<std::unique_ptr<File>> files_;  // owns the protos specs point into
  std::vector<FlowSpec> flows_;
  absl::flat_hash_map<std::string, int> flow_index_;
  int start_flow_ = -1;
  std::vector<GlobalRouteSpec> global_routes_;
  absl::flat_hash_map<std::string, int> trigger_;
  absl::flat_hash_map<std::string, int> event_flow_;
  absl::flat_hash_map<std::string, SlotType> slot_types_;

  friend class FlowGraphCompiler;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_FLOW_GRAPH_H_
