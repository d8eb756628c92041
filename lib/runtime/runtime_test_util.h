// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Shared by the runtime tests: the demo engine, turn inputs, result bytes.

#ifndef CHATCART_RUNTIME_RUNTIME_TEST_UTIL_H_
#define CHATCART_RUNTIME_RUNTIME_TEST_UTIL_H_

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "chatcart/engine.h"
#include "chatcart/runtime.h"
#include "common/testing/data.h"

namespace chatcart::testing {

inline std::shared_ptr<const Engine> DemoEngine() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::Create(SourceDir() + "/examples/bundles/demo");
    if (!e.ok()) std::abort();
    return *std::move(e);
  }();
  return engine;
}

// 2026-11-23T10:00:00Z plus `step` thirty-second steps.
inline v1::TurnInput TextAt(std::string_view text, int step) {
  v1::TurnInput turn;
  turn.set_text(std::string(text));
  turn.mutable_time()->set_seconds(1795428000 + 30 * step);
  return turn;
}

inline ConversationInput Message(std::string_view conversation, std::string_view message_id,
                                 std::string_view text, int step) {
  ConversationInput in;
  in.conversation_id = std::string(conversation);
  in.message_id = std::string(message_id);
  in.turn = TextAt(text, step);
  return in;
}

// Deterministic bytes of a result, for byte-for-byte comparisons.
inline std::string Bytes(const google::protobuf::Message& message) {
  std::string bytes;
  google::protobuf::io::StringOutputStream stream(&bytes);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.SetSerializationDeterministic(true);
  message.SerializeToCodedStream(&coded);
  coded.Trim();
  return bytes;
}

}  // namespace chatcart::testing

#endif  // CHATCART_RUNTIME_RUNTIME_TEST_UTIL_H_
