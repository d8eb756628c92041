// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Messages to bytes and JSON in a fixed order. TurnResult and the snapshot
// hold protobuf maps (event and host action params), whose iteration order
// protobuf randomizes per process; serialized through these functions the
// same message always gives the same bytes, so the same inputs give the same
// results byte for byte.

#ifndef CHATCART_ENGINE_WIRE_H_
#define CHATCART_ENGINE_WIRE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/message.h"

namespace chatcart::engine {

// Binary protobuf with deterministic serialization (map entries by key).
std::string DeterministicBytes(const google::protobuf::MessageLite& message);

// The protobuf JSON mapping of `message`, map entries by key.
absl::StatusOr<std::string> DeterministicJson(const google::protobuf::Message& message);

// Parses the protobuf JSON mapping into `message`; INVALID_ARGUMENT naming
// `what` and the parser's complaint.
absl::Status ParseJson(std::string_view json, std::string_view what,
                       google::protobuf::Message* message);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_WIRE_H_
