// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Wait estimates and staffing. Three estimators of a queued shopper's wait:
//   EWMA      A <- (1-w) A' + w W over the waits W of accepted chats, minus
//             the time already waited, floored at 0; unknown until
//             min_wait_samples (Salesforce's and Dynamics 365's published
//             rules);
//   POSITION  p x H / S: the p-th release of S busy slots whose chats last
//             H on average (H an EWMA of handle times), the naive estimate;
//   CALIBRATED  POSITION scaled by how past POSITION estimates realized
//             (EWMA of realized waits / EWMA of the estimates made at
//             queueing time, over the same accepted chats): it keeps the
//             shopper's own place in view and learns what the formula
//             misses (offer latency, abandonment ahead, handle times that
//             are not exponential).
// The shown wait is CALIBRATED once it has min_wait_samples, else EWMA,
// else POSITION; bench/README.md reports each one's error in simulation.
// Erlang C (M/M/N) sizes the staff; it is not used for estimates.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "desk/desk_rep.h"

namespace chatcart {
namespace desk_internal {
namespace {

double Smooth(double previous, double sample, double weight) {
  return (1 - weight) * previous + weight * sample;
}

bool Stale(const v1::DeskQueueStats& stats, int64_t now_ms, const DeskOptions& options) {
  return stats.wait_samples() > 0 &&
         now_ms - stats.last_sample_unix_ms() > absl::ToInt64Milliseconds(options.stats_reset_after);
}

}  // namespace

v1::DeskWait EstimateWait(const v1::DeskQueueStats& stats, int position, int64_t waited_s,
                          const DeskOptions& options, std::string_view language) {
  v1::DeskWait wait;
  const bool learned = stats.wait_samples() >= options.min_wait_samples;
  int64_t ewma = -1;
  if (learned) {
    ewma = std::max<int64_t>(0, std::llround(stats.wait_ewma_s()) - waited_s);
  }
  int64_t naive = -1;
  if (stats.handle_samples() > 0 && stats.slots() > 0 && position > 0) {
    naive = std::llround(position * stats.handle_ewma_s() / static_cast<double>(stats.slots()));
  }
  int64_t calibrated = -1;
  if (naive >= 0 && stats.calibration_samples() >= options.min_wait_samples &&
      stats.naive_ewma_s() > 0) {
    calibrated = std::llround(naive * stats.realized_ewma_s() / stats.naive_ewma_s());
  }
  wait.set_ewma_seconds(ewma);
  wait.set_position_seconds(naive);
  if (calibrated >= 0) {
    wait.set_seconds(calibrated);
    wait.set_source(v1::DeskWait::CALIBRATED);
  } else if (ewma >= 0) {
    wait.set_seconds(ewma);
    wait.set_source(v1::DeskWait::EWMA);
  } else if (naive >= 0) {
    wait.set_seconds(naive);
    wait.set_source(v1::DeskWait::POSITION);
  } else {
    wait.set_seconds(-1);
    wait.set_source(v1::DeskWait::UNKNOWN);
  }
  wait.set_text(WaitText(language, wait.seconds(), options));
  return wait;
}

void RecordWait(v1::DeskQueueStats* stats, const v1::DeskConversation& c, int64_t now_ms,
                const DeskOptions& options) {
  const double w = std::max<int64_t>(0, now_ms - c.queued_unix_ms()) / 1000.0;
  const double k = options.wait_smoothing;
  if (stats->wait_samples() == 0 || Stale(*stats, now_ms, options)) {
    stats->set_wait_ewma_s(w);
    stats->set_wait_samples(1);
    stats->set_calibration_samples(0);
  } else {
    stats->set_wait_ewma_s(Smooth(stats->wait_ewma_s(), w, k));
    stats->set_wait_samples(stats->wait_samples() + 1);
  }
  if (c.naive_estimate_s() >= 0) {
    const double n = static_cast<double>(c.naive_estimate_s());
    if (stats->calibration_samples() == 0) {
      stats->set_realized_ewma_s(w);
      stats->set_naive_ewma_s(n);
    } else {
      stats->set_realized_ewma_s(Smooth(stats->realized_ewma_s(), w, k));
      stats->set_naive_ewma_s(Smooth(stats->naive_ewma_s(), n, k));
    }
    stats->set_calibration_samples(stats->calibration_samples() + 1);
  }
  stats->set_last_sample_unix_ms(now_ms);
  stats->set_accepted(stats->accepted() + 1);
}

void RecordHandle(v1::DeskQueueStats* stats, int64_t handle_s, const DeskOptions& options) {
  const double h = static_cast<double>(std::max<int64_t>(0, handle_s));
  if (stats->handle_samples() == 0) {
    stats->set_handle_ewma_s(h);
  } else {
    stats->set_handle_ewma_s(Smooth(stats->handle_ewma_s(), h, options.wait_smoothing));
  }
  stats->set_handle_samples(stats->handle_samples() + 1);
}

}  // namespace desk_internal

absl::StatusOr<StaffingResult> ErlangC(double arrivals_per_hour, double handle_time_s, int agents,
                                       double answer_within_s) {
  if (!(arrivals_per_hour > 0) || !(handle_time_s > 0) || agents <= 0 || !(answer_within_s >= 0) ||
      !std::isfinite(arrivals_per_hour) || !std::isfinite(handle_time_s)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "ErlangC: arrivals per hour (", arrivals_per_hour, "), handle time (", handle_time_s,
        " s) and agents (", agents, ") must be positive, the answer target (", answer_within_s,
        " s) not negative"));
  }
  StaffingResult r;
  r.agents = agents;
  r.load = arrivals_per_hour * handle_time_s / 3600.0;
  if (agents <= r.load) {
    return absl::InvalidArgumentError(
        absl::StrCat("ErlangC: ", agents, " agents cannot serve a load of ", r.load,
                     " Erlangs: the queue grows without bound"));
  }
  // Erlang B by its stable recursion, then C = N B / (N - A (1 - B)).
  double b = 1;
  for (int n = 1; n <= agents; ++n) b = r.load * b / (n + r.load * b);
  const double n = agents;
  r.p_wait = n * b / (n - r.load * (1 - b));
  r.average_answer_s = r.p_wait * handle_time_s / (n - r.load);
  r.service_level = 1 - r.p_wait * std::exp(-(n - r.load) * answer_within_s / handle_time_s);
  r.occupancy = r.load / n;
  return r;
}

absl::StatusOr<StaffingResult> AgentsNeeded(double arrivals_per_hour, double handle_time_s,
                                            double target_answer_s, double answer_within_s) {
  if (!(target_answer_s > 0) || !std::isfinite(target_answer_s)) {
    return absl::InvalidArgumentError(absl::StrCat(
        "AgentsNeeded: the target answer time (", target_answer_s, " s) must be positive"));
  }
  if (!(arrivals_per_hour > 0) || !(handle_time_s > 0) || !std::isfinite(arrivals_per_hour) ||
      !std::isfinite(handle_time_s)) {
    return absl::InvalidArgumentError(
        absl::StrCat("AgentsNeeded: arrivals per hour (", arrivals_per_hour,
                     ") and handle time (", handle_time_s, " s) must be positive"));
  }
  const double load = arrivals_per_hour * handle_time_s / 3600.0;
  for (int n = static_cast<int>(std::floor(load)) + 1; n <= 10000; ++n) {
    absl::StatusOr<StaffingResult> r = ErlangC(arrivals_per_hour, handle_time_s, n, answer_within_s);
    if (!r.ok()) return r.status();
    if (r->average_answer_s <= target_answer_s) return r;
  }
  return absl::InvalidArgumentError(
      absl::StrCat("AgentsNeeded: a load of ", load, " Erlangs needs more than 10,000 agents"));
}

}  // namespace chatcart
