// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/metrics.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace chatcart::serve {

void Metrics::Turn(bool ok, bool duplicate, double seconds) {
  (duplicate ? turns_duplicate_
   : ok      ? turns_ok_
             : turns_error_)
      .fetch_add(1, std::memory_order_relaxed);
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  bucket_[i].fetch_add(1, std::memory_order_relaxed);
  latency_sum_us_.fetch_add(static_cast<uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::Count(std::string_view family, std::string_view labels, std::string_view help) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = labelled_.find(family);
  if (it == labelled_.end()) it = labelled_.emplace(std::string(family), Family{}).first;
  it->second.help = std::string(help);
  ++it->second.by_labels[std::string(labels)];
}

std::string Metrics::Text(int64_t queue_length, int64_t agents_online,
                          size_t logged_conversations) const {
  auto get = [](const auto& a) { return a.load(std::memory_order_relaxed); };
  std::string out;
  absl::StrAppend(&out,
                  "# HELP chatcart_turns_total Shopper turns handled, by outcome.\n"
                  "# TYPE chatcart_turns_total counter\n",
                  "chatcart_turns_total{outcome=\"ok\"} ", get(turns_ok_), "\n",
                  "chatcart_turns_total{outcome=\"duplicate\"} ", get(turns_duplicate_), "\n",
                  "chatcart_turns_total{outcome=\"error\"} ", get(turns_error_), "\n");
  absl::StrAppend(&out,
                  "# HELP chatcart_turn_seconds Time to apply one turn (load, turn, save).\n"
                  "# TYPE chatcart_turn_seconds histogram\n");
  uint64_t cumulative = 0;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    cumulative += get(bucket_[i]);
    absl::StrAppend(&out, "chatcart_turn_seconds_bucket{le=\"", absl::StrFormat("%g", kBuckets[i]),
                    "\"} ", cumulative, "\n");
  }
  cumulative += get(bucket_[kBuckets.size()]);
  absl::StrAppend(&out, "chatcart_turn_seconds_bucket{le=\"+Inf\"} ", cumulative, "\n",
                  "chatcart_turn_seconds_sum ", absl::StrFormat("%.6f", get(latency_sum_us_) / 1e6),
                  "\n", "chatcart_turn_seconds_count ", cumulative, "\n");
  absl::StrAppend(&out,
                  "# HELP chatcart_store_errors_total Calls that failed in the session store.\n"
                  "# TYPE chatcart_store_errors_total counter\n"
                  "chatcart_store_errors_total ",
                  get(store_errors_), "\n",
                  "# HELP chatcart_requests_rejected_total Requests refused (malformed, too "
                  "large, too fast).\n"
                  "# TYPE chatcart_requests_rejected_total counter\n"
                  "chatcart_requests_rejected_total ",
                  get(rejected_), "\n",
                  "# HELP chatcart_timers_fired_total Conversation timers fired.\n"
                  "# TYPE chatcart_timers_fired_total counter\n"
                  "chatcart_timers_fired_total ",
                  get(timers_), "\n",
                  "# HELP chatcart_event_streams Open shopper event streams.\n"
                  "# TYPE chatcart_event_streams gauge\n"
                  "chatcart_event_streams ",
                  get(streams_), "\n",
                  "# HELP chatcart_logged_conversations Conversations in the event log.\n"
                  "# TYPE chatcart_logged_conversations gauge\n"
                  "chatcart_logged_conversations ",
                  logged_conversations, "\n");
  {
    std::lock_guard<std::mutex> lock(mu_);
    for (const auto& [family, f] : labelled_) {
      absl::StrAppend(&out, "# HELP ", family, " ", f.help, "\n# TYPE ", family, " counter\n");
      for (const auto& [labels, n] : f.by_labels) {
        absl::StrAppend(&out, family, "{", labels, "} ", n, "\n");
      }
    }
  }
  if (queue_length >= 0) {
    absl::StrAppend(&out,
                    "# HELP chatcart_queue_length Conversations waiting for an agent.\n"
                    "# TYPE chatcart_queue_length gauge\n"
                    "chatcart_queue_length ",
                    queue_length, "\n",
                    "# HELP chatcart_agents_online Agents signed in and available.\n"
                    "# TYPE chatcart_agents_online gauge\n"
                    "chatcart_agents_online ",
                    agents_online, "\n");
  }
  return out;
}

}  // namespace chatcart::serve
