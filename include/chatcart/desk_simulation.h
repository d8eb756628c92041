// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A day at the desk, simulated through the real Desk (desk.h) over an
// in-memory store: shoppers arrive (Poisson, with rates that change over the
// day), wait, may give up, are offered to agents who accept after a delay or
// miss the offer, and are helped for a lognormal handle time; agents work
// shifts and may leave mid-shift. The report gives the wait distribution,
// abandonment, occupancy and how well each wait estimator predicted the
// realized wait, with a time series for plotting.
//
//   DeskSimulationConfig day = DeskSimulationConfig::Preset("heavy").value();
//   absl::StatusOr<DeskSimulationReport> r = SimulateDeskDay(day);
//
// Deterministic: the same config (seed included) gives the same report.
// Thread safety: SimulateDeskDay is reentrant; configs and reports are
// plain values.

#ifndef CHATCART_DESK_SIMULATION_H_
#define CHATCART_DESK_SIMULATION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/desk.h"

namespace chatcart {

struct DeskSimulationConfig {
  uint64_t seed = 1;
  // Arrivals per hour from an hour of the day on (the last rate holds until
  // `close_hour`); arrivals happen in [open_hour, close_hour).
  struct Rate {
    double from_hour = 0;
    double per_hour = 0;
  };
  std::vector<Rate> arrivals = {};
  double open_hour = 9;
  double close_hour = 18;
  // Handle time: lognormal with this mean and standard deviation (seconds).
  double handle_mean_s = 360;
  double handle_sd_s = 240;
  // Agents: `count` agents of `capacity` from `from_hour` to `to_hour`.
  struct Shift {
    int count = 0;
    int capacity = 3;
    double from_hour = 0;
    double to_hour = 24;
  };
  std::vector<Shift> shifts = {};
  // An agent accepts an offer after a uniform delay, or lets it lapse with
  // this probability.
  double accept_min_s = 2;
  double accept_max_s = 20;
  double miss_probability = 0.02;
  // A shopper gives up after an exponential patience with this mean; 0:
  // never.
  double patience_mean_s = 900;
  DeskOptions options = {};
  // How often the desk's Tick runs, and the step of the time series.
  double tick_s = 5;
  double series_step_s = 300;

  // "light", "heavy", "leaving" (agents leave mid-day), "lunch" (a peak
  // while half the agents are at lunch; written after the estimator was
  // tuned on the first three) or "big" (50,000 chats in 24 h, for the
  // benchmark). INVALID_ARGUMENT for another name.
  static absl::StatusOr<DeskSimulationConfig> Preset(std::string_view name);
};

// Mean absolute error of one estimator, over the chats it knew a value for.
struct EstimateAccuracy {
  int64_t known = 0;
  double mae_s = 0;
};

struct DeskSimulationReport {
  int64_t arrivals = 0;
  int64_t served = 0;
  int64_t abandoned = 0;
  // Turned away by a full queue.
  int64_t turned_away = 0;
  int64_t offers_missed = 0;
  // Still open two hours after the desk closed and the last shift ended
  // (waiting with nobody left, or requeued at a shift's end).
  int64_t unfinished = 0;
  // Realized waits of served chats (queueing to an agent joining).
  double wait_mean_s = 0;
  double wait_p50_s = 0;
  double wait_p90_s = 0;
  double wait_p99_s = 0;
  double wait_max_s = 0;
  double answered_within_60s = 0;
  // Busy slot time over available slot time of online agents.
  double occupancy = 0;
  // The wait each estimator gave when the chat was queued, against the
  // realized wait, over served chats. `paired` compares the shown and the
  // naive estimate on the chats where both were known.
  EstimateAccuracy shown;
  EstimateAccuracy naive;
  EstimateAccuracy ewma;
  EstimateAccuracy paired_shown;
  EstimateAccuracy paired_naive;
  int64_t desk_calls = 0;

  struct Point {
    double hour = 0;
    int queue_length = 0;
    int agents_online = 0;
    // Means over chats queued (estimates) or served (waits) in the step;
    // -1 when none.
    double wait_s = -1;
    double shown_s = -1;
    double naive_s = -1;
  };
  std::vector<Point> series;
};

// Runs the day. INVALID_ARGUMENT for a config that cannot run (no
// arrivals, negative rates or times, options that do not validate).
absl::StatusOr<DeskSimulationReport> SimulateDeskDay(const DeskSimulationConfig& config);

}  // namespace chatcart

#endif  // CHATCART_DESK_SIMULATION_H_
