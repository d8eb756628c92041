// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// RateLimiter: a token bucket per key (a conversation): `burst` messages at
// once, then one per `refill`. Keys idle long enough to be full again are
// forgotten, so memory follows the active conversations.
//
// Thread safety: safe for concurrent access from multiple threads without
// any external synchronization.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_RATE_LIMITER_H_
#define CHATCART_EXAMPLES_CLI_SERVE_RATE_LIMITER_H_

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

#include "absl/base/thread_annotations.h"

namespace chatcart::serve {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;
  RateLimiter(int burst, std::chrono::milliseconds refill) : burst_(burst), refill_(refill) {}

  // Takes a token for `key`; false when its bucket is empty.
  bool Allow(const std::string& key, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point at;
  };
  const int burst_;
  const std::chrono::milliseconds refill_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_ ABSL_GUARDED_BY(mu_);
  Clock::time_point swept_ ABSL_GUARDED_BY(mu_);
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_RATE_LIMITER_H_
