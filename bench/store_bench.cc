// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// BM_Store_*: the session stores with a real session snapshot (the demo
// bundle after a gift search and a cart line). Save is a compare-and-set on
// the version just saved; Load reads one conversation. Each reports its p50
// and p99 in microseconds beside Google Benchmark's mean. Redis runs as a
// real redis-server on a loopback port (started here, appendfsync
// everysec); BM_Store_RedisFloor is a bare SET and GET of the same bytes on
// it: the round trip no Redis store can beat. BM_Store_Bytes reports bytes
// per stored session.

#include <hiredis/hiredis.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "chatcart/engine.h"
#include "chatcart/store.h"
#include "store/testing/redis_server.h"

namespace chatcart {
namespace {

enum Kind { kMemory, kSqliteFull, kSqliteNormal, kRedis };

// A conversation after a gift search and one cart line: what a store keeps.
const std::string& Snapshot() {
  static const std::string bytes = [] {
    auto engine = Engine::Create(std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo");
    if (!engine.ok()) std::abort();
    std::unique_ptr<Session> session = (*engine)->NewSession("web-42", 42);
    int64_t t = 1795428000;
    for (const char* text : {"I need a gift for my 6 year old under 40 euros", "she loves lego",
                             "add the second one"}) {
      v1::TurnInput input;
      input.set_text(text);
      input.mutable_time()->set_seconds(t += 30);
      if (!session->HandleTurn(input).ok()) std::abort();
    }
    return session->Snapshot();
  }();
  return bytes;
}

testing::RedisServer* Redis() {
  static testing::RedisServer* server = [] () -> testing::RedisServer* {
    auto started = testing::RedisServer::Start();
    return started.ok() ? started->release() : nullptr;
  }();
  return server;
}

std::filesystem::path TempDir() {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / absl::StrCat("chatcart-bench-", getpid());
    std::filesystem::create_directories(d);
    return d;
  }();
  return dir;
}

// One store per kind for the whole run, shared by the threads of a benchmark.
SessionStore* Store(Kind kind, std::string* error) {
  static std::mutex mu;
  static std::unique_ptr<SessionStore> stores[4];
  std::lock_guard lock(mu);
  if (stores[kind] != nullptr) return stores[kind].get();
  absl::StatusOr<std::unique_ptr<SessionStore>> opened;
  switch (kind) {
    case kMemory:
      opened = NewMemorySessionStore();
      break;
    case kSqliteFull:
    case kSqliteNormal:
      opened = OpenSqliteSessionStore(
          {.path = (TempDir() / absl::StrCat("bench-", kind, ".db")).string(),
           .durability = kind == kSqliteFull ? SqliteDurability::kFull : SqliteDurability::kNormal,
           .pool_size = 16});
      break;
    case kRedis:
      if (Redis() == nullptr) {
        *error = "redis-server is not installed or did not start";
        return nullptr;
      }
      opened = OpenRedisSessionStore({.port = Redis()->port(), .pool_size = 16});
      break;
  }
  if (!opened.ok()) {
    *error = std::string(opened.status().message());
    return nullptr;
  }
  stores[kind] = *std::move(opened);
  return stores[kind].get();
}

// Percentiles of per-operation latencies, in microseconds, averaged over
// the benchmark's threads.
void ReportPercentiles(benchmark::State& state, std::vector<double>& micros) {
  if (micros.empty()) return;
  std::sort(micros.begin(), micros.end());
  auto at = [&](double q) { return micros[static_cast<size_t>(q * (micros.size() - 1))]; };
  state.counters["p50_us"] = benchmark::Counter(at(0.50), benchmark::Counter::kAvgThreads);
  state.counters["p99_us"] = benchmark::Counter(at(0.99), benchmark::Counter::kAvgThreads);
}

using Clock = std::chrono::steady_clock;

void BM_Store_Save(benchmark::State& state, Kind kind) {
  std::string error;
  SessionStore* store = Store(kind, &error);
  if (store == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  const std::string& value = Snapshot();
  std::string id = absl::StrCat("save-", state.thread_index(), "-", state.threads());
  int64_t version = 0;
  if (auto loaded = store->Load(id); loaded.ok()) version = loaded->version;
  std::vector<double> micros;
  micros.reserve(1 << 16);
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    absl::StatusOr<int64_t> saved =
        store->Save({.id = id, .shopper = "cust-7", .value = value, .expected_version = version});
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!saved.ok()) {
      state.SkipWithError(std::string(saved.status().message()).c_str());
      break;
    }
    version = *saved;
  }
  ReportPercentiles(state, micros);
  state.SetBytesProcessed(state.iterations() * value.size());
}

void BM_Store_Load(benchmark::State& state, Kind kind) {
  std::string error;
  SessionStore* store = Store(kind, &error);
  if (store == nullptr) {
    state.SkipWithError(error.c_str());
    return;
  }
  std::string id = absl::StrCat("load-", state.thread_index(), "-", state.threads());
  (void)store->Delete(id);
  if (!store->Save({.id = id, .value = Snapshot()}).ok()) {
    state.SkipWithError("save failed");
    return;
  }
  std::vector<double> micros;
  micros.reserve(1 << 16);
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    absl::StatusOr<StoredSession> loaded = store->Load(id);
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (!loaded.ok()) {
      state.SkipWithError(std::string(loaded.status().message()).c_str());
      break;
    }
    benchmark::DoNotOptimize(loaded);
  }
  ReportPercentiles(state, micros);
}

#define CHATCART_STORE_BENCH(kind_name, kind)                                                 \
  BENCHMARK_CAPTURE(BM_Store_Save, kind_name, kind)->Threads(1)->Threads(16)->UseRealTime(); \
  BENCHMARK_CAPTURE(BM_Store_Load, kind_name, kind)->Threads(1)->Threads(16)->UseRealTime()

CHATCART_STORE_BENCH(memory, kMemory);
CHATCART_STORE_BENCH(sqlite_full, kSqliteFull);
CHATCART_STORE_BENCH(sqlite_normal, kSqliteNormal);
CHATCART_STORE_BENCH(redis, kRedis);

// The floor: a bare SET then GET of the snapshot's bytes on the same Redis,
// one connection, no script, no pool.
void BM_Store_RedisFloor(benchmark::State& state, bool set) {
  if (Redis() == nullptr) {
    state.SkipWithError("redis-server is not installed or did not start");
    return;
  }
  redisContext* c = redisConnect("127.0.0.1", Redis()->port());
  const std::string& value = Snapshot();
  std::string key = absl::StrCat("floor-", state.thread_index());
  freeReplyObject(redisCommand(c, "SET %b %b", key.data(), key.size(), value.data(), value.size()));
  std::vector<double> micros;
  micros.reserve(1 << 16);
  for (auto _ : state) {
    Clock::time_point start = Clock::now();
    void* reply = set ? redisCommand(c, "SET %b %b", key.data(), key.size(), value.data(),
                                     value.size())
                      : redisCommand(c, "GET %b", key.data(), key.size());
    micros.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
    if (reply == nullptr) {
      state.SkipWithError(c->errstr);
      break;
    }
    freeReplyObject(reply);
  }
  redisFree(c);
  ReportPercentiles(state, micros);
}
BENCHMARK_CAPTURE(BM_Store_RedisFloor, set, true)->Threads(1)->Threads(16)->UseRealTime();
BENCHMARK_CAPTURE(BM_Store_RedisFloor, get, false)->Threads(1)->Threads(16)->UseRealTime();

// Bytes per stored session: 2,000 conversations with the snapshot, each
// saved twice (so SQLite's pages and Redis's token keys are in their steady
// state), against the empty store: SQLite's file after a checkpoint, Redis's
// used_memory (token keys included until they expire).
int64_t RedisUsedMemory(redisContext* c) {
  auto* r = static_cast<redisReply*>(redisCommand(c, "INFO memory"));
  int64_t used = 0;
  if (r != nullptr && r->type == REDIS_REPLY_STRING) {
    std::string_view info(r->str, r->len);
    size_t at = info.find("used_memory:");
    if (at != std::string_view::npos) {
      size_t end = info.find('\r', at);
      (void)absl::SimpleAtoi(std::string(info.substr(at + 12, end - at - 12)), &used);
    }
  }
  if (r != nullptr) freeReplyObject(r);
  return used;
}

void BM_Store_Bytes(benchmark::State& state, Kind kind) {
  constexpr int kSessions = 2000;
  const std::string& value = Snapshot();
  for (auto _ : state) {
    std::string error;
    std::unique_ptr<SessionStore> store;
    std::filesystem::path path = TempDir() / "bytes.db";
    redisContext* c = nullptr;
    int64_t before = 0;
    if (kind == kRedis) {
      if (Redis() == nullptr) {
        state.SkipWithError("redis-server is not installed or did not start");
        return;
      }
      c = redisConnect("127.0.0.1", Redis()->port());
      freeReplyObject(redisCommand(c, "FLUSHALL"));
      before = RedisUsedMemory(c);
      store = *OpenRedisSessionStore({.port = Redis()->port()});
    } else {
      std::filesystem::remove(path);
      store = *OpenSqliteSessionStore({.path = path.string()});
    }
    for (int i = 0; i < kSessions; ++i) {
      std::string id = absl::StrCat("web-", 100000 + i);
      std::string shopper = absl::StrCat("cust-", 100000 + i);
      if (!store->Save({.id = id, .shopper = shopper, .value = value}).ok() ||
          !store->Save({.id = id, .shopper = shopper, .value = value, .expected_version = 1})
               .ok()) {
        state.SkipWithError("save failed");
        return;
      }
    }
    double per_session = 0;
    if (kind == kRedis) {
      per_session = static_cast<double>(RedisUsedMemory(c) - before) / kSessions;
      redisFree(c);
    } else {
      store.reset();  // the last connection checkpoints the WAL into the file
      per_session = static_cast<double>(std::filesystem::file_size(path)) / kSessions;
    }
    state.counters["bytes_per_session"] = per_session;
    state.counters["snapshot_bytes"] = static_cast<double>(value.size());
  }
}
BENCHMARK_CAPTURE(BM_Store_Bytes, sqlite, kSqliteFull)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Store_Bytes, redis, kRedis)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chatcart
