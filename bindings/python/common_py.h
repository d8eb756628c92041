// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Shared by the _chatcart module's files: statuses as chatcart.Error
// exceptions, and the engine handle Python holds. Call with the GIL held.

#ifndef CHATCART_BINDINGS_PYTHON_COMMON_PY_H_
#define CHATCART_BINDINGS_PYTHON_COMMON_PY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/engine.h"
#include "chatcart/v1/turn.pb.h"
#include "pybind11/pybind11.h"

namespace chatcart::python {

// Raises the chatcart.Error subclass for `status`'s code (chatcart/_errors.py).
[[noreturn]] void ThrowStatus(const absl::Status& status);

template <typename T>
T ValueOrThrow(absl::StatusOr<T> value) {
  if (!value.ok()) ThrowStatus(value.status());
  return *std::move(value);
}

// What a chatcart.Engine holds: the engine is immutable and shared.
struct PyEngine {
  std::shared_ptr<const Engine> engine;
};

// Defines classify, entities, recommend and the catalog queries on
// _chatcart.Engine (queries_py.cc).
void DefineQueries(pybind11::class_<PyEngine, std::shared_ptr<PyEngine>>& engine);

// A turn's parts as Python passes them, and the TurnInput they make.
struct TurnArgs {
  std::optional<std::string> text, payload, event_kind, channel, locale, actor;
  std::vector<std::pair<std::string, std::string>> event_params;
  std::optional<int64_t> seconds;
  int32_t nanos = 0;
};
v1::TurnInput MakeInput(const TurnArgs& args);

// Defines _chatcart.Store and _chatcart.Conversations (runtime_py.cc).
void DefineRuntime(pybind11::module_& m);

// Defines the channel functions (channels_py.cc): webhooks in, rules,
// payloads out.
void DefineChannels(pybind11::module_& m);

// Defines _chatcart.Desk, redact, find_personal_data, erlang_c and
// simulate_desk (desk_py.cc).
void DefineDesk(pybind11::module_& m);

}  // namespace chatcart::python

#endif  // CHATCART_BINDINGS_PYTHON_COMMON_PY_H_
