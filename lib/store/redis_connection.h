// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// RedisPool: a small pool of hiredis connections (Debian 12's hiredis 0.14,
// synchronous API) that runs commands and pipelines with timeouts, and
// through lost connections: a dropped or timed-out connection is closed and
// the call reconnects with exponential backoff and jitter and runs again,
// until RedisStoreOptions::retry_deadline. So every command given to it must
// be safe to run twice (the stores' scripts are: a save carries a token that
// recognizes its own earlier write).
//
// Thread safety: safe for concurrent access from multiple threads without any
// external synchronization; each connection is used by one call at a time
// (hiredis contexts are not thread-safe), and a call waits for a free one.

#ifndef CHATCART_STORE_REDIS_CONNECTION_H_
#define CHATCART_STORE_REDIS_CONNECTION_H_

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "chatcart/store.h"

struct redisContext;

namespace chatcart::store_internal {

// A reply, converted from hiredis's.
struct RedisReply {
  enum class Type { kNil, kString, kStatus, kInteger, kArray, kError };
  Type type = Type::kNil;
  std::string str;  // kString, kStatus, kError
  int64_t integer = 0;
  std::vector<RedisReply> elements;

  bool is_nil() const { return type == Type::kNil; }
};

// A Lua script run by EVALSHA; its SHA1 is learnt from Redis (SCRIPT LOAD)
// on first use and loaded again when a restarted Redis forgot it.
class RedisScript {
 public:
  explicit RedisScript(std::string source) : source_(std::move(source)) {}
  const std::string& source() const { return source_; }
  std::string sha() const;
  void set_sha(std::string sha) const;

 private:
  const std::string source_;
  mutable absl::Mutex mu_;
  mutable std::string sha_ ABSL_GUARDED_BY(mu_);
};

// One command of a pipeline. With `script`, args are EVALSHA's after the
// SHA: numkeys, keys..., arguments... The views must outlive the call.
struct RedisCommand {
  const RedisScript* script = nullptr;
  std::vector<std::string_view> args;
};

class RedisPool {
 public:
  // REQUIRES: options were checked (CheckRedisOptions).
  explicit RedisPool(const RedisStoreOptions& options);
  ~RedisPool();
  RedisPool(const RedisPool&) = delete;
  RedisPool& operator=(const RedisPool&) = delete;

  // Runs `commands` pipelined on one connection (one round trip) and returns
  // their replies in order. A lost connection reruns all of them. An error
  // reply becomes the call's status: UNAVAILABLE for a Redis that is
  // loading or read-only past the deadline, RESOURCE_EXHAUSTED for OOM,
  // FAILED_PRECONDITION for a Cluster redirect or a refused AUTH, DATA_LOSS
  // for a key of the wrong type, INTERNAL otherwise.
  absl::StatusOr<std::vector<RedisReply>> Run(const std::vector<RedisCommand>& commands);
  // One command.
  absl::StatusOr<RedisReply> RunOne(const RedisCommand& command);

  // "host:port", for messages.
  const std::string& endpoint() const { return endpoint_; }

  // Counters since creation, for tests and metrics: connections opened,
  // and attempts rerun after a lost connection or a busy Redis.
  int64_t connects() const { return connects_.load(std::memory_order_relaxed); }
  int64_t retries() const { return retries_.load(std::memory_order_relaxed); }

 private:
  struct Connection;
  enum class Outcome { kDone, kRetry, kFail };

  // Takes an idle connection, or a slot to open one (returned null).
  std::unique_ptr<Connection> Take();
  void Give(std::unique_ptr<Connection> c);
  void Drop();
  absl::StatusOr<std::unique_ptr<Connection>> Connect();
  Outcome Attempt(Connection& c, const std::vector<RedisCommand>& commands,
                  std::vector<RedisReply>* replies, absl::Status* error);

  const RedisStoreOptions options_;
  const std::string endpoint_;
  absl::Mutex mu_;
  std::vector<std::unique_ptr<Connection>> idle_ ABSL_GUARDED_BY(mu_);
  int open_ ABSL_GUARDED_BY(mu_) = 0;  // idle, lent, or being opened
  std::atomic<int64_t> connects_{0};
  std::atomic<int64_t> retries_{0};
};

// INVALID_ARGUMENT for options no pool can use.
absl::Status CheckRedisOptions(const RedisStoreOptions& options);

}  // namespace chatcart::store_internal

#endif  // CHATCART_STORE_REDIS_CONNECTION_H_
