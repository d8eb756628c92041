// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The C API's per-turn overhead over the C++ call on the same turn (budget:
// at most 2 us). Every benchmark handles the same turn, "hi" at a fixed time,
// on a session of the demo bundle that has already greeted (so each turn
// takes the same path: the "hello again" reply), in one of three ways:
//
//   BM_Cxx_Turn        Session::HandleTurn: TurnInput in, TurnResult out
//   BM_Cxx_TurnJson    Session::HandleTurnJson: JSON text in and out
//   BM_CApi_TurnJson   chatcart_session_handle_turn(CHATCART_FORMAT_JSON) and
//                      chatcart_free of the result
//   BM_Cxx_TurnProto   Session::HandleTurnBytes: binary protobuf in and out
//   BM_CApi_TurnProto  chatcart_session_handle_turn(CHATCART_FORMAT_PROTO)
//
// The overhead is BM_CApi_TurnX - BM_Cxx_TurnX. A turn costs tens of
// microseconds and varies more than the overhead between runs on a busy
// machine, so BM_CApi_WrapperJson measures the wrapper's own work alone: the
// guard, the NULL checks, the malloc'd copy of a real result and its
// chatcart_free.
//
// The C wrappers (lib/c_api/c.cc) are compiled into this binary rather than
// called through libchatcart_c.so: a process cannot load both the static
// C++ libraries and the shared C library (each registers the chatcart.v1
// protobuf descriptors). The call through the shared library's PLT adds an
// indirect jump, a few nanoseconds, which this does not measure.

#include <cstring>
#include <memory>
#include <string>

#include "benchmark/benchmark.h"
#include "c_api/c_api_internal.h"
#include "chatcart/c.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"

namespace chatcart {
namespace {

constexpr char kHiJson[] = R"({"text": "hi", "time": "2026-11-23T10:00:00Z"})";

std::shared_ptr<const Engine> DemoEngine() {
  static std::shared_ptr<const Engine> engine = [] {
    absl::StatusOr<std::shared_ptr<const Engine>> e =
        Engine::Create(std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo");
    return e.ok() ? *e : nullptr;
  }();
  return engine;
}

v1::TurnInput HiInput() {
  v1::TurnInput input;
  input.set_text("hi");
  input.mutable_time()->set_seconds(1795428000);
  return input;
}

// A session that has greeted once: every later "hi" takes the same path.
std::unique_ptr<Session> GreetedSession(benchmark::State& state) {
  std::shared_ptr<const Engine> engine = DemoEngine();
  if (engine == nullptr) {
    state.SkipWithError("the demo bundle does not load");
    return nullptr;
  }
  std::unique_ptr<Session> session = engine->NewSession("bench", 42);
  if (!session->HandleTurn(HiInput()).ok()) {
    state.SkipWithError("the first turn failed");
    return nullptr;
  }
  return session;
}

void BM_Cxx_Turn(benchmark::State& state) {
  std::unique_ptr<Session> session = GreetedSession(state);
  if (session == nullptr) return;
  v1::TurnInput input = HiInput();
  for (auto _ : state) {
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(input);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_Cxx_Turn);

void BM_Cxx_TurnJson(benchmark::State& state) {
  std::unique_ptr<Session> session = GreetedSession(state);
  if (session == nullptr) return;
  for (auto _ : state) {
    absl::StatusOr<std::string> result = session->HandleTurnJson(kHiJson);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_Cxx_TurnJson);

void BM_CApi_TurnJson(benchmark::State& state) {
  std::unique_ptr<Session> greeted = GreetedSession(state);
  if (greeted == nullptr) return;
  chatcart_session_t session{std::move(greeted)};
  char* err = nullptr;
  size_t in_len = std::strlen(kHiJson);
  for (auto _ : state) {
    char* result = nullptr;
    size_t result_len = 0;
    chatcart_code code = chatcart_session_handle_turn(&session, CHATCART_FORMAT_JSON, kHiJson,
                                                      in_len, &result, &result_len, &err);
    benchmark::DoNotOptimize(code);
    chatcart_free(result);
  }
  if (err != nullptr) state.SkipWithError(err);
  chatcart_free(err);
}
BENCHMARK(BM_CApi_TurnJson);

void BM_Cxx_TurnProto(benchmark::State& state) {
  std::unique_ptr<Session> session = GreetedSession(state);
  if (session == nullptr) return;
  std::string in = HiInput().SerializeAsString();
  for (auto _ : state) {
    absl::StatusOr<std::string> result = session->HandleTurnBytes(in);
    benchmark::DoNotOptimize(result);
  }
}
BENCHMARK(BM_Cxx_TurnProto);

void BM_CApi_TurnProto(benchmark::State& state) {
  std::unique_ptr<Session> greeted = GreetedSession(state);
  if (greeted == nullptr) return;
  chatcart_session_t session{std::move(greeted)};
  std::string in = HiInput().SerializeAsString();
  char* err = nullptr;
  for (auto _ : state) {
    char* result = nullptr;
    size_t result_len = 0;
    chatcart_code code = chatcart_session_handle_turn(&session, CHATCART_FORMAT_PROTO, in.data(),
                                                      in.size(), &result, &result_len, &err);
    benchmark::DoNotOptimize(code);
    chatcart_free(result);
  }
  if (err != nullptr) state.SkipWithError(err);
  chatcart_free(err);
}
BENCHMARK(BM_CApi_TurnProto);

// What chatcart_session_handle_turn adds around HandleTurnJson, alone: the
// guard, the NULL checks and the malloc'd copy of this turn's real result,
// then chatcart_free.
void BM_CApi_WrapperJson(benchmark::State& state) {
  std::unique_ptr<Session> session = GreetedSession(state);
  if (session == nullptr) return;
  absl::StatusOr<std::string> json = session->HandleTurnJson(kHiJson);
  if (!json.ok()) {
    state.SkipWithError("the turn failed");
    return;
  }
  const char* input = kHiJson;
  size_t input_len = std::strlen(kHiJson);
  char* err = nullptr;
  for (auto _ : state) {
    char* result = nullptr;
    size_t result_len = 0;
    chatcart_code code = c_api::Guard(&err, [&]() -> absl::Status {
      static constexpr char kFn[] = "bench";
      CHATCART_C_REQUIRE(kFn, session);
      CHATCART_C_ASSIGN_BYTES(std::string_view in, kFn, input, input_len);
      CHATCART_C_REQUIRE(kFn, &result);
      benchmark::DoNotOptimize(in);
      return c_api::Output(*json, &result, &result_len);
    });
    benchmark::DoNotOptimize(code);
    chatcart_free(result);
  }
  state.counters["result_bytes"] = static_cast<double>(json->size());
}
BENCHMARK(BM_CApi_WrapperJson);

}  // namespace
}  // namespace chatcart
