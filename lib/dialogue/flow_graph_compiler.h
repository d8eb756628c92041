// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The compiler behind FlowGraph::Compile, private to lib/dialogue. Its passes
// are in flow_graph_compile.cc (declare the flows, states and slots; resolve
// references inside each flow; resolve the bundle's routes), its checks in
// flow_graph_checks.cc (actions, conditions, intents and templates as they
// are resolved; then reachability, `next` cycles and template arguments).
//
// One compiler per Compile call, used by one thread.

#ifndef CHATCART_DIALOGUE_FLOW_GRAPH_COMPILER_H_
#define CHATCART_DIALOGUE_FLOW_GRAPH_COMPILER_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "chatcart/v1/bundle.pb.h"
#include "common/strings.h"
#include "common/text_source.h"
#include "dialogue/condition.h"
#include "dialogue/flow_graph.h"
#include "dialogue/template_catalog.h"

namespace chatcart::dialogue {

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

  std::unique_ptr<const FlowGraph> Compile(std::vector<FlowGraph::File> files);

 private:
  void Error(const std::string& where, std::string_view what) {
    errors_->push_back(absl::StrCat(where, ": ", ToAbsl(what)));
  }

  // ---- The passes (flow_graph_compile.cc).

  // Pass 1: flows, states and slots, with duplicate and type checks.
  void Declare();

  // Pass 2: references inside one flow.
  void Resolve(int f);

  // Resolves a route target; an unknown target is an error.
  void ResolveTarget(const FlowSpec& flow, RouteSpec* route, const std::string& where,
                     const std::string& context);

  // Pass 3: the bundle's start flow, global routes and event routes.
  void ResolveBundleRoutes();

  // ---- The checks (flow_graph_checks.cc).

  void CheckTemplate(const std::string& where, std::string_view id, std::string_view role);

  // Where a slot reference may find its declaration: any flow (the action
  // reads the value by name) or the referring flow (it reads the
  // declaration: prompt, type, profile key).
  enum class Scope { kAnyFlow, kOwnFlow };

  void CheckSlotRef(const FlowSpec& flow, const std::string& where, const std::string& context,
                    std::string_view slot, bool required, std::string_view field,
                    Scope scope = Scope::kAnyFlow, std::vector<SlotType> types = {});

  void CheckAction(const FlowSpec& flow, const v1::Action& action, const std::string& where,
                   const std::string& context);

  void CheckIntent(const std::string& where, const std::string& context, const std::string& intent);

  // Every operand names a slot some flow declares or an engine value, and
  // every literal is one the operand can hold: a typo never fails silently.
  void CheckCondition(const Condition& condition, const std::string& where,
                      const std::string& context);

  static ValueKind KindOfSlot(SlotType type);

  // " (cart.lines, cart.items, ...)": the engine values sharing the
  // operand's first part, else all of them.
  static std::string NearbyValues(std::string_view operand);

  // Pass 4: unreachable states and flows, and `next` cycles.
  void CheckReachability();

  void CheckStates(int f);

  std::string SourceOfState(int f, int s) const;

  // Pass 5: every argument of a bundle's template is one something sets:
  // {store}, a slot some flow declares, an event's param ({event.x}), what
  // the engine passes the template it says ({count} for recommend.intro; for
  // an override of a built-in, the arguments of the built-in wording).
  // Anything else would be shown to shoppers as "{name}".
  void CheckTemplateArguments();

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

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_FLOW_GRAPH_COMPILER_H_
