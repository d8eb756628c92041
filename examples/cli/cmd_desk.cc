// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart desk simulate: a day at the agent desk through the real Desk
// (chatcart/desk_simulation.h), with a report and optionally a plot.
//   --preset light|heavy|leaving|lunch|big   the day (default heavy)
//   --seed N, --arrivals "9:120,11:300,14:180" (hour:chats per hour),
//   --agents "8x3@8.5-18.5,4x3@9-13" (count x capacity @ from-to hours),
//   --handle MEAN[,SD] seconds, --patience SECONDS (0: never give up),
//   --miss P (an offer lapses with probability P)
//   --csv FILE   the time series (hour, queue, agents, wait, shown, naive)
//   --plot FILE  a PNG of queue length, waits and estimates over the day
//                (drawn by /usr/bin/python3 with matplotlib)
//   --json       the report as one JSON object
// chatcart desk erlang --arrivals 30 --handle 300 (--agents 4 | --target 20)
//   Erlang C: P(wait), average answer, service level, or the agents needed.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "chatcart/desk.h"
#include "chatcart/desk_simulation.h"
#include "command.h"

namespace chatcart::cli {
namespace {

bool ParseDouble(const std::string& s, double* out) {
  return absl::SimpleAtod(absl::string_view(s.data(), s.size()), out);
}

// "9:120,11:300" into rates.
bool ParseArrivals(const std::string& text, std::vector<DeskSimulationConfig::Rate>* out) {
  out->clear();
  for (absl::string_view part : absl::StrSplit(absl::string_view(text.data(), text.size()), ',')) {
    std::vector<std::string> hr = absl::StrSplit(part, ':');
    DeskSimulationConfig::Rate r;
    if (hr.size() != 2 || !ParseDouble(hr[0], &r.from_hour) || !ParseDouble(hr[1], &r.per_hour)) {
      return false;
    }
    out->push_back(r);
  }
  return !out->empty();
}

// "8x3@8.5-18.5,4x3@9-13" into shifts.
bool ParseAgents(const std::string& text, std::vector<DeskSimulationConfig::Shift>* out) {
  out->clear();
  for (absl::string_view part : absl::StrSplit(absl::string_view(text.data(), text.size()), ',')) {
    std::vector<std::string> at = absl::StrSplit(part, '@');
    if (at.size() != 2) return false;
    std::vector<std::string> cx = absl::StrSplit(at[0], 'x');
    std::vector<std::string> ft = absl::StrSplit(at[1], '-');
    DeskSimulationConfig::Shift s;
    if (cx.size() != 2 || ft.size() != 2 || !absl::SimpleAtoi(cx[0], &s.count) ||
        !absl::SimpleAtoi(cx[1], &s.capacity) || !ParseDouble(ft[0], &s.from_hour) ||
        !ParseDouble(ft[1], &s.to_hour)) {
      return false;
    }
    out->push_back(s);
  }
  return !out->empty();
}

std::string Csv(const DeskSimulationReport& r) {
  std::string out = "hour,queue,agents,wait_s,shown_s,naive_s\n";
  char line[160];
  for (const auto& p : r.series) {
    std::snprintf(line, sizeof line, "%.3f,%d,%d,%.1f,%.1f,%.1f\n", p.hour, p.queue_length,
                  p.agents_online, p.wait_s, p.shown_s, p.naive_s);
    out += line;
  }
  return out;
}

constexpr char kPlotScript[] = R"PY(
import csv, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = list(csv.DictReader(sys.stdin))
h = [float(r["hour"]) for r in rows]
def col(name):
    return [float(r[name]) / 60 if float(r[name]) >= 0 else float("nan") for r in rows]
fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6.5))
top.plot(h, [int(r["queue"]) for r in rows], label="waiting", color="tab:red")
top.plot(h, [int(r["agents"]) for r in rows], label="agents online", color="tab:gray", ls="--")
top.set_ylabel("people"); top.legend(loc="upper left"); top.grid(alpha=.3)
top.set_title(sys.argv[2])
bottom.plot(h, col("wait_s"), label="realized wait (served)", color="black", lw=2)
bottom.plot(h, col("shown_s"), label="shown estimate at queueing", color="tab:blue")
bottom.plot(h, col("naive_s"), label="naive position estimate", color="tab:orange", ls=":")
bottom.set_ylabel("minutes"); bottom.set_xlabel("hour of day"); bottom.legend(loc="upper left")
bottom.grid(alpha=.3)
fig.tight_layout(); fig.savefig(sys.argv[1], dpi=110)
)PY";

bool Plot(const DeskSimulationReport& r, const std::string& path, const std::string& title) {
  std::string script(kPlotScript);
  std::string quoted;
  for (char c : script) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  auto shell_quote = [](const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
  };
  std::string command =
      "/usr/bin/python3 -c '" + quoted + "' " + shell_quote(path) + " " + shell_quote(title);
  FILE* pipe = popen(command.c_str(), "w");
  if (pipe == nullptr) return false;
  std::string csv = Csv(r);
  std::fwrite(csv.data(), 1, csv.size(), pipe);
  return pclose(pipe) == 0;
}

int RunSimulate(Args& args) {
  std::string preset = args.ValueOr("preset", "heavy");
  absl::StatusOr<DeskSimulationConfig> config = DeskSimulationConfig::Preset(preset);
  if (!config.ok()) {
    std::fprintf(stderr, "chatcart desk simulate: %s\n",
                 std::string(config.status().message()).c_str());
    return kExitUsage;
  }
  bool ok = true;
  if (auto v = args.Value("seed")) ok &= absl::SimpleAtoi(*v, &config->seed);
  if (auto v = args.Value("arrivals")) ok &= ParseArrivals(*v, &config->arrivals);
  if (auto v = args.Value("agents")) ok &= ParseAgents(*v, &config->shifts);
  if (auto v = args.Value("handle")) {
    std::vector<std::string> parts = absl::StrSplit(*v, ',');
    ok &= ParseDouble(parts[0], &config->handle_mean_s);
    if (parts.size() > 1) ok &= ParseDouble(parts[1], &config->handle_sd_s);
  }
  if (auto v = args.Value("patience")) ok &= ParseDouble(*v, &config->patience_mean_s);
  if (auto v = args.Value("miss")) ok &= ParseDouble(*v, &config->miss_probability);
  std::string csv_path = args.ValueOr("csv", "");
  std::string plot_path = args.ValueOr("plot", "");
  const bool json = args.Switch("json");
  if (std::string error = args.Finish(); !error.empty() || !ok) {
    std::fprintf(
        stderr, "chatcart desk simulate: %s\n",
        error.empty() ? "a flag's value does not parse (see the file comment)" : error.c_str());
    return kExitUsage;
  }
  absl::Time start = absl::Now();
  absl::StatusOr<DeskSimulationReport> r = SimulateDeskDay(*config);
  const double ms = absl::ToDoubleMilliseconds(absl::Now() - start);
  if (!r.ok()) {
    std::fprintf(stderr, "chatcart desk simulate: %s\n", std::string(r.status().message()).c_str());
    return kExitUsage;
  }
  const double abandon = r->arrivals ? 100.0 * r->abandoned / r->arrivals : 0;
  if (json) {
    std::printf(
        "{\"preset\":\"%s\",\"arrivals\":%lld,\"served\":%lld,\"abandoned\":%lld,\"turned_away\":%"
        "lld,\"unfinished\":%lld,"
        "\"offers_missed\":%lld,\"wait_mean_s\":%.1f,\"wait_p50_s\":%.1f,\"wait_p90_s\":%.1f,"
        "\"wait_p99_s\":%.1f,\"wait_max_s\":%.1f,\"answered_within_60s\":%.4f,\"occupancy\":%.4f,"
        "\"shown_mae_s\":%.1f,\"shown_known\":%lld,\"naive_mae_s\":%.1f,\"naive_known\":%lld,"
        "\"ewma_mae_s\":%.1f,\"ewma_known\":%lld,\"paired_shown_mae_s\":%.1f,"
        "\"paired_naive_mae_s\":%.1f,\"paired\":%lld,\"desk_calls\":%lld,\"elapsed_ms\":%.1f}\n",
        preset.c_str(), (long long)r->arrivals, (long long)r->served, (long long)r->abandoned,
        (long long)r->turned_away, (long long)r->unfinished, (long long)r->offers_missed,
        r->wait_mean_s, r->wait_p50_s, r->wait_p90_s, r->wait_p99_s, r->wait_max_s,
        r->answered_within_60s, r->occupancy, r->shown.mae_s, (long long)r->shown.known,
        r->naive.mae_s, (long long)r->naive.known, r->ewma.mae_s, (long long)r->ewma.known,
        r->paired_shown.mae_s, r->paired_naive.mae_s, (long long)r->paired_shown.known,
        (long long)r->desk_calls, ms);
  } else {
    std::printf("desk simulation \"%s\" (seed %llu)\n", preset.c_str(),
                (unsigned long long)config->seed);
    std::printf(
        "  chats %lld: served %lld, abandoned %lld (%.1f %%), turned away %lld, unfinished %lld; "
        "offers missed %lld\n",
        (long long)r->arrivals, (long long)r->served, (long long)r->abandoned, abandon,
        (long long)r->turned_away, (long long)r->unfinished, (long long)r->offers_missed);
    std::printf(
        "  wait (s): mean %.0f, p50 %.0f, p90 %.0f, p99 %.0f, max %.0f; within 60 s: %.1f %%\n",
        r->wait_mean_s, r->wait_p50_s, r->wait_p90_s, r->wait_p99_s, r->wait_max_s,
        100 * r->answered_within_60s);
    std::printf("  agent occupancy: %.1f %%\n", 100 * r->occupancy);
    std::printf("  wait shown at queueing, mean absolute error: %.0f s over %lld chats\n",
                r->shown.mae_s, (long long)r->shown.known);
    std::printf("  naive position estimate (p x H / S):         %.0f s over %lld chats\n",
                r->naive.mae_s, (long long)r->naive.known);
    std::printf("  EWMA of accepted waits alone:                %.0f s over %lld chats\n",
                r->ewma.mae_s, (long long)r->ewma.known);
    std::printf("  where both were known: shown %.0f s, naive %.0f s over %lld chats\n",
                r->paired_shown.mae_s, r->paired_naive.mae_s, (long long)r->paired_shown.known);
    std::printf("  %lld desk calls in %.0f ms\n", (long long)r->desk_calls, ms);
  }
  if (!csv_path.empty()) {
    FILE* f = std::fopen(csv_path.c_str(), "w");
    if (f == nullptr) {
      std::fprintf(stderr, "chatcart desk simulate: cannot write %s\n", csv_path.c_str());
      return kExitFailure;
    }
    std::string csv = Csv(*r);
    std::fwrite(csv.data(), 1, csv.size(), f);
    std::fclose(f);
  }
  if (!plot_path.empty() && !Plot(*r, plot_path, "chatcart desk simulation: " + preset)) {
    std::fprintf(stderr,
                 "chatcart desk simulate: the plot needs /usr/bin/python3 with matplotlib "
                 "(python3-matplotlib); %s not written\n",
                 plot_path.c_str());
    return kExitFailure;
  }
  return kExitOk;
}

int RunErlang(Args& args) {
  double arrivals = 0, handle = 0, target = 0, within = 20;
  int agents = 0;
  bool ok = ParseDouble(args.ValueOr("arrivals", ""), &arrivals) &&
            ParseDouble(args.ValueOr("handle", ""), &handle);
  if (auto v = args.Value("agents")) ok &= absl::SimpleAtoi(*v, &agents);
  if (auto v = args.Value("target")) ok &= ParseDouble(*v, &target);
  if (auto v = args.Value("within")) ok &= ParseDouble(*v, &within);
  if (std::string error = args.Finish(); !error.empty() || !ok || (agents == 0) == (target == 0)) {
    std::fprintf(stderr,
                 "usage: chatcart desk erlang --arrivals PER_HOUR --handle SECONDS (--agents N | "
                 "--target ANSWER_SECONDS) [--within SECONDS]\n");
    return kExitUsage;
  }
  absl::StatusOr<StaffingResult> r = agents > 0 ? ErlangC(arrivals, handle, agents, within)
                                                : AgentsNeeded(arrivals, handle, target, within);
  if (!r.ok()) {
    std::fprintf(stderr, "chatcart desk erlang: %s\n", std::string(r.status().message()).c_str());
    return kExitFailure;
  }
  std::printf(
      "agents %d: load %.2f Erlangs, P(wait) %.4f, average answer %.1f s, answered within %.0f s "
      "%.4f, occupancy %.4f\n",
      r->agents, r->load, r->p_wait, r->average_answer_s, within, r->service_level, r->occupancy);
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    desk_simulate,
    {.name = "desk simulate",
     .summary = "Simulates a day at the agent desk (waits, abandonment, estimates, plot)",
     .run = RunSimulate,
     .flags = {{"preset", kValue, "NAME", "light, heavy, leaving, lunch or big (default heavy)"},
               {"seed", kValue, "N", "the random seed"},
               {"arrivals", kValue, "H:N,...", "chats per hour from each hour: 9:120,11:300"},
               {"agents", kValue, "NxC@FROM-TO,...", "shifts: 8x3@8.5-18.5"},
               {"handle", kValue, "MEAN[,SD]", "handling time, seconds"},
               {"patience", kValue, "SECONDS", "shoppers' patience (0: never give up)"},
               {"miss", kValue, "P", "the probability an offer lapses"},
               {"csv", kValue, "FILE", "writes the time series"},
               {"plot", kValue, "FILE", "draws a PNG of the day (python3, matplotlib)"},
               {"json", kSwitch, "", "prints the report as one JSON object"}},
     .example = "chatcart desk simulate --preset lunch --seed 7 --json"});
CHATCART_CLI_COMMAND(desk_erlang,
                     {.name = "desk erlang",
                      .summary = "Erlang C staffing: P(wait), answer time, agents needed",
                      .run = RunErlang,
                      .flags = {{"arrivals", kValue, "PER_HOUR", "chats per hour (required)"},
                                {"handle", kValue, "SECONDS", "mean handling time (required)"},
                                {"agents", kValue, "N", "the agents on duty"},
                                {"target", kValue, "SECONDS",
                                 "the average answer wanted: prints the agents needed"},
                                {"within", kValue, "SECONDS", "the service level's time"}},
                      .example = "chatcart desk erlang --arrivals 30 --handle 300 --agents 4"});

}  // namespace
}  // namespace chatcart::cli
