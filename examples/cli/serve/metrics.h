// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Metrics: the storefront's counters, gauges and turn-latency histogram,
// written in the Prometheus text exposition format (version 0.0.4).
//
// Thread safety: safe for concurrent access from multiple threads without
// any external synchronization (atomics).

#ifndef CHATCART_EXAMPLES_CLI_SERVE_METRICS_H_
#define CHATCART_EXAMPLES_CLI_SERVE_METRICS_H_

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "absl/base/thread_annotations.h"

namespace chatcart::serve {

class Metrics {
 public:
  // Upper bounds of the turn-latency buckets, seconds (+Inf is implied).
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   5};

  // A shopper's turn: `ok` whether it applied (a duplicate counts as ok),
  // how long Conversations::Handle took.
  void Turn(bool ok, bool duplicate, double seconds);
  // A Handle or timer call failed because of the session store.
  void StoreError() { store_errors_.fetch_add(1, std::memory_order_relaxed); }
  void Rejected() { rejected_.fetch_add(1, std::memory_order_relaxed); }
  void StreamOpened() { streams_.fetch_add(1, std::memory_order_relaxed); }
  void StreamClosed() { streams_.fetch_sub(1, std::memory_order_relaxed); }
  void TimerFired() { timers_.fetch_add(1, std::memory_order_relaxed); }
  // A counter with labels, e.g. Count("chatcart_webhook_messages_total",
  // "channel=\"sms\",outcome=\"ok\"", "Webhook messages, by channel and outcome.").
  void Count(std::string_view family, std::string_view labels, std::string_view help);

  // The exposition; the desk's gauges are given by the caller (negative:
  // no desk, the gauges are left out).
  std::string Text(int64_t queue_length, int64_t agents_online, size_t logged_conversations) const;

 private:
  std::atomic<uint64_t> turns_ok_{0}, turns_error_{0}, turns_duplicate_{0};
  std::array<std::atomic<uint64_t>, kBuckets.size() + 1> bucket_{};  // last: +Inf
  std::atomic<uint64_t> latency_sum_us_{0};
  std::atomic<uint64_t> store_errors_{0}, rejected_{0}, timers_{0};
  std::atomic<int64_t> streams_{0};
  struct Family {
    std::string help;
    std::map<std::string, uint64_t> by_labels;
  };
  mutable std::mutex mu_;
  std::map<std::string, Family, std::less<>> labelled_ ABSL_GUARDED_BY(mu_);
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_METRICS_H_
