// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// BM_Runtime_*: turns through the conversation runtime (Conversations::
// Handle: lease, load, restore, turn, snapshot, compare-and-set save) on the
// demo bundle, against the same turns on a bare Session (BM_Runtime_Bare):
// the difference is what the runtime adds per turn. Steady state: each
// thread repeats one greeting in its own conversation, each message with a
// new id. Stores: in memory, SQLite (a temporary file, durability normal and
// full) and Redis (a real redis-server on a loopback port, started here).
// p50/p99 in microseconds beside the mean; items_per_second is turns.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "chatcart/engine.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"
#include "store/testing/redis_server.h"

namespace chatcart {
namespace {

using Clock = std::chrono::steady_clock;

std::shared_ptr<const Engine> Demo() {
  static const std::shared_ptr<const Engine> engine = [] {
    auto e = Engine::Create(std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo");
    if (!e.ok()) std::abort();
    return *std::move(e);
  }();
  return engine;
}

enum StoreKind { kMemory, kSqliteNormal, kSqliteFull, kRedis };

testing::RedisServer* RuntimeRedis() {
  static testing::RedisServer* server = []() -> testing::RedisServer* {
    auto started = testing::RedisServer::Start();
    return started.ok() ? started->release() : nullptr;
  }();
  return server;
}

// One runtime per store kind, shared by a benchmark's threads.
Conversations* Runtime(StoreKind kind, std::string* error) {
  static std::mutex mu;
  static std::unique_ptr<Conversations> runtimes[4];
  std::lock_guard lock(mu);
  if (runtimes[kind] != nullptr) return runtimes[kind].get();
  absl::StatusOr<std::unique_ptr<SessionStore>> store;
  auto dir = std::filesystem::temp_directory_path() / absl::StrCat("chatcart-rt-bench-", getpid());
  std::filesystem::create_directories(dir);
  switch (kind) {
    case kMemory:
      store = NewMemorySessionStore();
      break;
    case kSqliteNormal:
    case kSqliteFull:
      store = OpenSqliteSessionStore(
          {.path = (dir / absl::StrCat("runtime-", kind, ".db")).string(),
           .durability = kind == kSqliteFull ? SqliteDurability::kFull : SqliteDurability::kNormal,
           .pool_size = 16});
      break;
    case kRedis:
      if (RuntimeRedis() == nullptr) {
        *error = "redis-server is not installed or did not start";
        return nullptr;
      }
      store = OpenRedisSessionStore({.port = RuntimeRedis()->port(), .pool_size = 16});
      break;
  }
  if (!store.ok()) {
    *error = std::string(store.status().message());
    return nullptr;
  }
  ConversationsOptions options;
  options.engine = Demo();
  options.store = *std::move(store);
  auto made = Conversations::Create(std::move(options));
  if (!made.ok()) {
    *error = std::string(made.status().message());
    return nullptr;
  }
  runtimes[kind] = *std::move(made);
  return runtimes[kind].get();
}

void Report(benchmark::State& state, std::vector<double>& micros) {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) { return micros[static_cast<size_t>(q * (micros.size() - 1))]; };
  state.counters["p50_us"] = benchmark::Counter(at(0.50), benchmark::Counter::kAvgThreads);
  state.counters["p99_us"] = benchmark::Counter(at(0.99), benchmark::Counter::kAvgThreads);
  state.SetItemsProcessed(state.iterations());
}

v1::TurnInput Hello(int64_t seconds) {
  v1::TurnInput turn;
  turn.set_text("hello");
  turn.mutable_time()->set_seconds(seconds);
  return turn;
}

// The baseline: Session::HandleTurn alone.
void BM_Runtime_Bare(benchmark::State& state) {
  std::unique_ptr<Session> session = Demo()->NewSession("bare", 1);
  int64_t t = 1795428000;
  std::vector<double> micros;
  micros.reserve(1 << 18);
  for (auto _ : state) {
    v1::TurnInput turn = Hello(++t);
    Clock::time_point start = Clock::now();
    absl::StatusOr<v1::TurnResult> r = session->HandleTurn(turn);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!r.ok()) state.SkipWithError("turn failed");
    benchmark::DoNotOptimize(r);
  }
  Report(state, micros);
}
BENCHMARK(BM_Runtime_Bare)->Threads(1)->Threads(16)->UseRealTime();

void BM_Runtime_Turn(benchmark::State& state, StoreKind kind) {
  std::string error;
  Conversations* runtime = Runtime(kind, &error);
  if (runtime == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  ConversationInput in;
  in.conversation_id = absl::StrCat("bench-", state.thread_index(), "-", state.threads(), "-",
                                    getpid());
  int64_t t = 1795428000;
  int64_t n = 0;
  std::vector<double> micros;
  micros.reserve(1 << 18);
  for (auto _ : state) {
    in.message_id = absl::StrCat("m", ++n);
    in.turn = Hello(++t);
    Clock::time_point start = Clock::now();
    absl::StatusOr<ConversationOutput> out = runtime->Handle(in);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!out.ok()) {
      state.SkipWithError(std::string(out.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(out);
  }
  Report(state, micros);
}
BENCHMARK_CAPTURE(BM_Runtime_Turn, memory, kMemory)->Threads(1)->Threads(16)->UseRealTime();
BENCHMARK_CAPTURE(BM_Runtime_Turn, sqlite_normal, kSqliteNormal)
    ->Threads(1)->Threads(16)->UseRealTime();
BENCHMARK_CAPTURE(BM_Runtime_Turn, sqlite_full, kSqliteFull)->Threads(1)->Threads(16)->UseRealTime();
BENCHMARK_CAPTURE(BM_Runtime_Turn, redis, kRedis)->Threads(1)->Threads(16)->UseRealTime();

}  // namespace
}  // namespace chatcart
