// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Protobuf messages to bytes and JSON in a fixed order. TurnResult and the
// session snapshot hold protobuf maps (event and host action params), whose
// iteration order protobuf randomizes per process; serialized through these
// functions the same message always gives the same bytes, so the same inputs
// give the same results byte for byte (what Session::HandleTurnJson and the
// C API return).
//
//   v1::TurnResult result = ...;
//   std::string bytes = chatcart::DeterministicBytes(result);
//   absl::StatusOr<std::string> json = chatcart::DeterministicJson(result);
//
// Every function is thread-safe.

#ifndef CHATCART_WIRE_H_
#define CHATCART_WIRE_H_

#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/limits.h"
#include "google/protobuf/message.h"

namespace chatcart {

// Binary protobuf with deterministic serialization (map entries by key).
std::string DeterministicBytes(const google::protobuf::MessageLite& message);

// The protobuf JSON mapping of `message`, map entries by key. INTERNAL only
// when the message's type is not in the generated descriptor pool.
absl::StatusOr<std::string> DeterministicJson(const google::protobuf::Message& message);

// Parses the protobuf JSON mapping into `message`. Returns INVALID_ARGUMENT
// naming `what` and the parser's complaint when the JSON does not fit, and
// RESOURCE_EXHAUSTED, before parsing, for JSON over kMaxJsonBytes or nested
// deeper than kMaxJsonDepth (chatcart/limits.h).
absl::Status ParseJson(std::string_view json, std::string_view what,
                       google::protobuf::Message* message);

// Parses binary protobuf into `message`. Before parsing, RESOURCE_EXHAUSTED
// for more than kMaxProtoBytes, and INVALID_ARGUMENT naming `what` and the
// field for a string field (at any depth) that is not well-formed UTF-8:
// protobuf refuses such a string too, but first logs an ERROR line to
// stderr for it, which this never lets happen. INVALID_ARGUMENT naming
// `what` and the message type for bytes that do not parse.
absl::Status ParseBytes(std::string_view bytes, std::string_view what,
                        google::protobuf::Message* message);

}  // namespace chatcart

#endif  // CHATCART_WIRE_H_
