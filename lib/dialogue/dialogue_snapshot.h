// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// DialogueState <-> chatcart.v1.DialogueSnapshot, by name, so a snapshot
// taken with one version of a bundle restores into another (what no longer
// exists is dropped, and the drop is reported). Pure functions; thread-safe.

#ifndef CHATCART_DIALOGUE_DIALOGUE_SNAPSHOT_H_
#define CHATCART_DIALOGUE_DIALOGUE_SNAPSHOT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/v1/session.pb.h"
#include "chatcart/v1/turn.pb.h"
#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"

namespace chatcart::dialogue {

void SlotToProto(const std::string& name, const SlotValue& value, v1::SlotSnapshot* proto);
// DATA_LOSS for a slot snapshot that cannot be read (an unknown type, bad money).
absl::StatusOr<SlotValue> SlotFromProto(const v1::SlotSnapshot& proto);

void DialogueToProto(const FlowGraph& graph, const DialogueState& state,
                     v1::DialogueSnapshot* proto);

// Restores `proto` against `graph`. A frame whose flow, state or awaited
// question is gone restarts the conversation at the start flow (the stack is
// emptied: the frames under it waited for what is gone); slots the graph no
// longer declares with that type, and the search behind what was shown when
// its action is gone, are dropped. Each drop is a note in `dropped` (when not
// null; kinds "flow", "slot", "search", see turn.proto). DATA_LOSS for values
// that cannot be read.
absl::StatusOr<DialogueState> DialogueFromProto(const FlowGraph& graph,
                                                const v1::DialogueSnapshot& proto,
                                                std::vector<v1::RestoreNote>* dropped);

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_DIALOGUE_SNAPSHOT_H_
