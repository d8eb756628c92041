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
#include "dialogue/dialogue_state.h"
#include "dialogue/flow_graph.h"

namespace chatcart::dialogue {

void SlotToProto(const std::string& name, const SlotValue& value, v1::SlotSnapshot* proto);
// DATA_LOSS for a slot snapshot that cannot be read (an unknown type, bad money).
absl::StatusOr<SlotValue> SlotFromProto(const v1::SlotSnapshot& proto);

void DialogueToProto(const FlowGraph& graph, const DialogueState& state,
                     v1::DialogueSnapshot* proto);

// Restores `proto` against `graph`. Frames whose flow or state is gone, and
// slots the graph no longer declares with that type, are dropped and named in
// `dropped` (when not null). DATA_LOSS for values that cannot be read.
absl::StatusOr<DialogueState> DialogueFromProto(const FlowGraph& graph,
                                                const v1::DialogueSnapshot& proto,
                                                std::vector<std::string>* dropped);

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_DIALOGUE_SNAPSHOT_H_
