// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// SimulateDeskDay: a discrete-event simulation whose every decision is the
// real Desk's (queueing, routing, offers, lapses, requeues, estimates); the
// simulation only plays the shoppers and agents around it.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "chatcart/desk_simulation.h"
#include "chatcart/desk_store.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart {
namespace {

enum class Ev { kArrival, kAccept, kResolve, kAbandon, kShiftStart, kShiftEnd, kTick, kHeartbeat, kSample };

struct Event {
  int64_t ms;
  uint64_t seq;
  Ev kind;
  int a;      // chat or agent index
  int b;      // agent index (accept) or epoch
  bool operator>(const Event& o) const { return ms != o.ms ? ms > o.ms : seq > o.seq; }
};

struct Chat {
  int64_t arrival_ms = 0;
  int64_t handle_ms = 0;
  int64_t handled_ms = 0;  // handled before a requeue
  int64_t assigned_ms = -1;
  int agent = -1;
  int epoch = 0;
  bool queued = false;
  bool served = false;      // first assignment recorded
  bool done = false;
  int64_t shown = -1, naive = -1, ewma = -1;
  bool estimated = false;
};

struct Agent {
  std::string id;
  int capacity = 3;
  bool online = false;
  int64_t last_call_ms = 0;
};

constexpr int64_t kEpochMs = 1795000000000;  // a fixed day

absl::Time At(int64_t ms) { return absl::FromUnixMillis(kEpochMs + ms); }
int64_t HourMs(double h) { return static_cast<int64_t>(std::llround(h * 3600000.0)); }

double Quantile(std::vector<double>& v, double q) {
  if (v.empty()) return 0;
  size_t k = static_cast<size_t>(std::min<double>(v.size() - 1, std::floor(q * (v.size() - 1) + 0.5)));
  std::nth_element(v.begin(), v.begin() + k, v.end());
  return v[k];
}

class Simulation {
 public:
  Simulation(const DeskSimulationConfig& c, std::unique_ptr<Desk> desk)
      : c_(c), desk_(std::move(desk)), rng_(c.seed) {}

  absl::StatusOr<DeskSimulationReport> Run() {
    CHATCART_RETURN_IF_ERROR(Setup());
    while (!events_.empty()) {
      Event e = events_.top();
      events_.pop();
      if (e.ms > stop_ms_) break;  // the day is over: what is still open stays open
      Advance(e.ms);
      CHATCART_RETURN_IF_ERROR(Handle(e));
      if (Finished()) break;
    }
    return Report();
  }

 private:
  void Push(int64_t ms, Ev kind, int a = 0, int b = 0) { events_.push({ms, seq_++, kind, a, b}); }

  absl::Status Setup() {
    // Arrivals: a Poisson process per rate segment.
    std::vector<DeskSimulationConfig::Rate> rates = c_.arrivals;
    std::sort(rates.begin(), rates.end(),
              [](const auto& x, const auto& y) { return x.from_hour < y.from_hour; });
    for (size_t k = 0; k < rates.size(); ++k) {
      double from = std::max(rates[k].from_hour, c_.open_hour);
      double to = k + 1 < rates.size() ? std::min(rates[k + 1].from_hour, c_.close_hour) : c_.close_hour;
      if (rates[k].per_hour <= 0 || to <= from) continue;
      std::exponential_distribution<double> gap(rates[k].per_hour / 3600.0);
      for (double t = from * 3600 + gap(rng_); t < to * 3600; t += gap(rng_)) {
        chats_.emplace_back();
        chats_.back().arrival_ms = static_cast<int64_t>(t * 1000);
      }
    }
    std::sort(chats_.begin(), chats_.end(),
              [](const Chat& x, const Chat& y) { return x.arrival_ms < y.arrival_ms; });
    // Lognormal handle times with the configured mean and deviation.
    const double m = c_.handle_mean_s, s = c_.handle_sd_s;
    const double sigma2 = std::log(1 + (s * s) / (m * m));
    std::lognormal_distribution<double> handle(std::log(m) - sigma2 / 2, std::sqrt(sigma2));
    std::exponential_distribution<double> patience(c_.patience_mean_s > 0 ? 1 / c_.patience_mean_s : 1);
    for (size_t i = 0; i < chats_.size(); ++i) {
      chats_[i].handle_ms = std::max<int64_t>(10000, static_cast<int64_t>(handle(rng_) * 1000));
      Push(chats_[i].arrival_ms, Ev::kArrival, static_cast<int>(i));
      if (c_.patience_mean_s > 0) {
        Push(chats_[i].arrival_ms + static_cast<int64_t>(patience(rng_) * 1000), Ev::kAbandon,
             static_cast<int>(i));
      }
    }
    for (const DeskSimulationConfig::Shift& shift : c_.shifts) {
      for (int k = 0; k < shift.count; ++k) {
        Agent a;
        a.id = absl::StrCat("agent-", agents_.size() + 1);
        a.capacity = shift.capacity;
        CHATCART_RETURN_IF_ERROR(
            desk_->SetAgent({.id = a.id, .name = a.id, .capacity = shift.capacity}, At(0)).status());
        ++calls_;
        Push(HourMs(shift.from_hour), Ev::kShiftStart, static_cast<int>(agents_.size()));
        Push(HourMs(shift.to_hour), Ev::kShiftEnd, static_cast<int>(agents_.size()));
        agents_.push_back(std::move(a));
      }
    }
    // Two hours after the desk closes and the last shift ends, the day ends.
    double last_hour = c_.close_hour;
    for (const auto& shift : c_.shifts) last_hour = std::max(last_hour, shift.to_hour);
    stop_ms_ = HourMs(last_hour + 2);
    first_ms_ = chats_.empty() ? 0 : chats_.front().arrival_ms;
    Push(first_ms_, Ev::kTick);
    series_start_ms_ = HourMs(c_.open_hour);
    Push(series_start_ms_, Ev::kSample);
    return absl::OkStatus();
  }

  bool Finished() const {
    return arrived_ == static_cast<int64_t>(chats_.size()) && open_ == 0;
  }

  void Advance(int64_t ms) {
    if (ms > last_ms_) {
      const double dt = static_cast<double>(ms - last_ms_);
      busy_time_ += dt * busy_;
      slot_time_ += dt * slots_;
      last_ms_ = ms;
    }
  }

  // Acts on what the desk says: offers to accept (or miss), estimates.
  void Absorb(const v1::DeskUpdate& u, int64_t now) {
    for (const v1::DeskEvent& e : u.events()) {
      const int chat = ChatIndex(e.conversation_id());
      if (e.kind() == v1::DeskEvent::OFFER) {
        const int agent = AgentIndex(e.agent_id());
        if (chat < 0 || agent < 0) continue;
        if (std::uniform_real_distribution<double>(0, 1)(rng_) < c_.miss_probability) {
          ++missed_;
          continue;
        }
        double delay = std::uniform_real_distribution<double>(c_.accept_min_s, c_.accept_max_s)(rng_);
        Push(now + static_cast<int64_t>(delay * 1000), Ev::kAccept, chat, agent);
      } else if (e.kind() == v1::DeskEvent::QUEUE_POSITION && chat >= 0 && !chats_[chat].estimated &&
                 !chats_[chat].served) {
        Chat& ch = chats_[chat];
        ch.estimated = true;
        ch.shown = e.queue().wait().seconds();
        ch.naive = e.queue().wait().position_seconds();
        ch.ewma = e.queue().wait().ewma_seconds();
        Sample& s = SampleAt(now);
        if (ch.shown >= 0) s.shown.push_back(static_cast<double>(ch.shown));
        if (ch.naive >= 0) s.naive.push_back(static_cast<double>(ch.naive));
      } else if (e.kind() == v1::DeskEvent::REQUEUED && chat >= 0) {
        Chat& ch = chats_[chat];
        if (ch.agent >= 0) {
          ch.handled_ms += now - ch.assigned_ms;
          --busy_;
        }
        ch.agent = -1;
        if (!ch.queued) ++queued_;
        ch.queued = true;
        ++ch.epoch;
      } else if (e.kind() == v1::DeskEvent::QUEUE_FULL && chat >= 0) {
        ++turned_away_;
        chats_[chat].done = true;
        chats_[chat].queued = false;
        --queued_;
        --open_;
      }
    }
  }

  absl::Status Call(const absl::StatusOr<v1::DeskUpdate>& u, int64_t now, int agent = -1) {
    ++calls_;
    if (agent >= 0) agents_[agent].last_call_ms = now;
    if (!u.ok()) return u.status();
    Absorb(*u, now);
    return absl::OkStatus();
  }

  absl::Status Handle(const Event& e) {
    const int64_t now = e.ms;
    switch (e.kind) {
      case Ev::kArrival: {
        Chat& ch = chats_[e.a];
        ch.queued = true;
        ++arrived_;
        ++open_;
        ++queued_;
        return Call(desk_->RequestAgent({.conversation_id = ChatId(e.a), .language = "en"}, At(now)),
                    now);
      }
      case Ev::kAccept: {
        Chat& ch = chats_[e.a];
        absl::StatusOr<v1::DeskUpdate> u = desk_->Accept(agents_[e.b].id, ChatId(e.a), At(now));
        ++calls_;
        agents_[e.b].last_call_ms = now;
        if (!u.ok() || ch.done || !ch.queued) return absl::OkStatus();  // lapsed, or gone
        Absorb(*u, now);
        ch.queued = false;
        --queued_;
        ch.agent = e.b;
        ch.assigned_ms = now;
        ++busy_;
        if (!ch.served) {
          ch.served = true;
          const double wait = (now - ch.arrival_ms) / 1000.0;
          waits_.push_back(wait);
          SampleAt(now).waits.push_back(wait);
          if (ch.estimated) {
            Score(ch.shown, wait, &shown_);
            Score(ch.naive, wait, &naive_);
            Score(ch.ewma, wait, &ewma_);
            if (ch.shown >= 0 && ch.naive >= 0) {
              Score(ch.shown, wait, &paired_shown_);
              Score(ch.naive, wait, &paired_naive_);
            }
          }
        }
        const int64_t left = std::max<int64_t>(30000, ch.handle_ms - ch.handled_ms);
        Push(now + left, Ev::kResolve, e.a, ch.epoch);
        return absl::OkStatus();
      }
      case Ev::kResolve: {
        Chat& ch = chats_[e.a];
        if (ch.done || ch.epoch != e.b || ch.agent < 0) return absl::OkStatus();
        const int agent = ch.agent;
        ch.done = true;
        ch.agent = -1;
        --busy_;
        --open_;
        return Call(desk_->Resolve(agents_[agent].id, ChatId(e.a), At(now)), now, agent);
      }
      case Ev::kAbandon: {
        Chat& ch = chats_[e.a];
        if (ch.done || !ch.queued || ch.served) return absl::OkStatus();
        absl::StatusOr<v1::DeskUpdate> u = desk_->LeaveQueue(ChatId(e.a), At(now));
        ++calls_;
        if (!u.ok()) return absl::OkStatus();  // not queued after all (turned away)
        Absorb(*u, now);
        ch.done = true;
        ch.queued = false;
        --queued_;
        ++abandoned_;
        --open_;
        return absl::OkStatus();
      }
      case Ev::kShiftStart: {
        Agent& a = agents_[e.a];
        a.online = true;
        slots_ += a.capacity;
        Push(now + 30000, Ev::kHeartbeat, e.a);
        return Call(desk_->SetAvailability(a.id, v1::DeskAgent::ONLINE, At(now)), now, e.a);
      }
      case Ev::kShiftEnd: {
        Agent& a = agents_[e.a];
        if (!a.online) return absl::OkStatus();
        a.online = false;
        slots_ -= a.capacity;
        return Call(desk_->SetAvailability(a.id, v1::DeskAgent::OFFLINE, At(now)), now, e.a);
      }
      case Ev::kHeartbeat: {
        Agent& a = agents_[e.a];
        if (!a.online) return absl::OkStatus();
        Push(now + 30000, Ev::kHeartbeat, e.a);
        if (now - a.last_call_ms < 30000) return absl::OkStatus();  // seen recently
        return Call(desk_->Heartbeat(a.id, At(now)), now, e.a);
      }
      case Ev::kTick: {
        if (!Finished()) Push(now + static_cast<int64_t>(c_.tick_s * 1000), Ev::kTick);
        return Call(desk_->Tick(At(now)), now);
      }
      case Ev::kSample: {
        int online = 0;
        for (const Agent& a : agents_) online += a.online;
        Sample& s = SampleAt(now);
        s.online = online;
        s.queue = queued_;
        if (!Finished()) Push(now + static_cast<int64_t>(c_.series_step_s * 1000), Ev::kSample);
        return absl::OkStatus();
      }
    }
    return absl::OkStatus();
  }

  struct Sample {
    int queue = 0, online = 0;
    std::vector<double> waits, shown, naive;
  };

  Sample& SampleAt(int64_t ms) {
    int64_t k = std::max<int64_t>(0, (ms - series_start_ms_) / static_cast<int64_t>(c_.series_step_s * 1000));
    if (static_cast<size_t>(k) >= samples_.size()) samples_.resize(k + 1);
    return samples_[k];
  }

  static void Score(int64_t estimate, double wait, std::pair<int64_t, double>* acc) {
    if (estimate < 0) return;
    ++acc->first;
    acc->second += std::abs(static_cast<double>(estimate) - wait);
  }
  static EstimateAccuracy Accuracy(const std::pair<int64_t, double>& acc) {
    return {acc.first, acc.first == 0 ? 0 : acc.second / acc.first};
  }
  static double Mean(const std::vector<double>& v) {
    if (v.empty()) return -1;
    double sum = 0;
    for (double x : v) sum += x;
    return sum / v.size();
  }

  DeskSimulationReport Report() {
    DeskSimulationReport r;
    r.arrivals = static_cast<int64_t>(chats_.size());
    r.served = static_cast<int64_t>(waits_.size());
    r.abandoned = abandoned_;
    r.turned_away = turned_away_;
    r.unfinished = open_;
    r.offers_missed = missed_;
    r.wait_mean_s = std::max(0.0, Mean(waits_));
    int64_t within = 0;
    for (double w : waits_) within += w <= 60;
    r.answered_within_60s = waits_.empty() ? 0 : static_cast<double>(within) / waits_.size();
    r.wait_p50_s = Quantile(waits_, 0.5);
    r.wait_p90_s = Quantile(waits_, 0.9);
    r.wait_p99_s = Quantile(waits_, 0.99);
    r.wait_max_s = waits_.empty() ? 0 : *std::max_element(waits_.begin(), waits_.end());
    r.occupancy = slot_time_ > 0 ? busy_time_ / slot_time_ : 0;
    r.shown = Accuracy(shown_);
    r.naive = Accuracy(naive_);
    r.ewma = Accuracy(ewma_);
    r.paired_shown = Accuracy(paired_shown_);
    r.paired_naive = Accuracy(paired_naive_);
    r.desk_calls = calls_;
    for (size_t k = 0; k < samples_.size(); ++k) {
      DeskSimulationReport::Point p;
      p.hour = (series_start_ms_ + static_cast<double>(k) * c_.series_step_s * 1000) / 3600000.0;
      p.queue_length = samples_[k].queue;
      p.agents_online = samples_[k].online;
      p.wait_s = Mean(samples_[k].waits);
      p.shown_s = Mean(samples_[k].shown);
      p.naive_s = Mean(samples_[k].naive);
      r.series.push_back(p);
    }
    return r;
  }

  static std::string ChatId(int i) { return absl::StrCat("s", i); }
  int ChatIndex(const std::string& id) const {
    if (id.size() < 2 || id[0] != 's') return -1;
    int i = 0;
    for (size_t k = 1; k < id.size(); ++k) i = i * 10 + (id[k] - '0');
    return i < static_cast<int>(chats_.size()) ? i : -1;
  }
  int AgentIndex(const std::string& id) const {
    constexpr std::string_view kPrefix = "agent-";
    if (id.size() <= kPrefix.size()) return -1;
    int i = 0;
    for (size_t k = kPrefix.size(); k < id.size(); ++k) i = i * 10 + (id[k] - '0');
    return i >= 1 && i <= static_cast<int>(agents_.size()) ? i - 1 : -1;
  }

  const DeskSimulationConfig& c_;
  std::unique_ptr<Desk> desk_;
  std::mt19937_64 rng_;
  std::priority_queue<Event, std::vector<Event>, std::greater<Event>> events_;
  uint64_t seq_ = 0;
  std::vector<Chat> chats_;
  std::vector<Agent> agents_;
  std::vector<Sample> samples_;
  std::vector<double> waits_;
  int64_t arrived_ = 0, open_ = 0, queued_ = 0, abandoned_ = 0, turned_away_ = 0, missed_ = 0, calls_ = 0;
  int64_t first_ms_ = 0, series_start_ms_ = 0, last_ms_ = 0, stop_ms_ = 0;
  int busy_ = 0, slots_ = 0;
  double busy_time_ = 0, slot_time_ = 0;
  std::pair<int64_t, double> shown_, naive_, ewma_, paired_shown_, paired_naive_;
};

}  // namespace

absl::StatusOr<DeskSimulationConfig> DeskSimulationConfig::Preset(std::string_view name) {
  DeskSimulationConfig c;
  using Shift = DeskSimulationConfig::Shift;
  if (name == "light") {
    c.arrivals = {{9, 40}};
    c.shifts = {Shift{6, 3, 8.5, 17.5}};
    c.open_hour = 9;
    c.close_hour = 17;
  } else if (name == "heavy") {
    c.arrivals = {{9, 120}, {11, 300}, {14, 180}};
    c.shifts = {Shift{8, 3, 8.5, 18.5}};
  } else if (name == "leaving") {
    c.arrivals = {{9, 180}};
    c.shifts = {Shift{6, 3, 8.5, 18.5}, Shift{4, 3, 8.5, 13}, Shift{4, 3, 14.5, 18.5}};
    c.seed = 3;
  } else if (name == "lunch") {
    c.arrivals = {{8, 60}, {11.5, 220}, {14, 90}};
    c.open_hour = 8;
    c.close_hour = 19;
    c.handle_mean_s = 300;
    c.handle_sd_s = 300;
    c.patience_mean_s = 600;
    c.shifts = {Shift{5, 4, 7.5, 19}, Shift{5, 4, 7.5, 12.5}, Shift{5, 4, 13.5, 19}};
    c.seed = 7;
  } else if (name == "big") {
    c.arrivals = {{0, 50000.0 / 24}};
    c.open_hour = 0;
    c.close_hour = 24;
    c.shifts = {Shift{100, 3, 0, 25}};
    c.patience_mean_s = 1200;
    c.tick_s = 5;
  } else {
    return absl::InvalidArgumentError(absl::StrCat(
        "desk simulation: no preset \"", ToAbsl(name), "\" (light, heavy, leaving, lunch, big)"));
  }
  return c;
}

absl::StatusOr<DeskSimulationReport> SimulateDeskDay(const DeskSimulationConfig& config) {
  if (config.arrivals.empty()) {
    return absl::InvalidArgumentError("desk simulation: no arrival rates");
  }
  for (const auto& r : config.arrivals) {
    if (r.per_hour < 0 || r.from_hour < 0) {
      return absl::InvalidArgumentError(absl::StrCat(
          "desk simulation: arrival rate ", r.per_hour, " from hour ", r.from_hour, " is negative"));
    }
  }
  if (!(config.handle_mean_s > 0) || config.handle_sd_s < 0 || config.accept_min_s < 0 ||
      config.accept_max_s < config.accept_min_s || config.miss_probability < 0 ||
      config.miss_probability > 1 || config.patience_mean_s < 0 || !(config.tick_s > 0) ||
      !(config.series_step_s > 0) || config.close_hour <= config.open_hour) {
    return absl::InvalidArgumentError(
        "desk simulation: handle time, accept delays, miss probability, patience, tick, series "
        "step and opening hours must be positive and in order");
  }
  for (const auto& s : config.shifts) {
    if (s.count < 0 || s.capacity < 1 || s.capacity > 20 || s.to_hour < s.from_hour) {
      return absl::InvalidArgumentError(absl::StrCat("desk simulation: shift of ", s.count,
                                                     " agents of capacity ", s.capacity, " from ",
                                                     s.from_hour, " to ", s.to_hour));
    }
  }
  CHATCART_ASSIGN_OR_RETURN(std::unique_ptr<Desk> desk,
                            Desk::Create(NewInMemoryDeskStore(), config.options));
  Simulation sim(config, std::move(desk));
  return sim.Run();
}

}  // namespace chatcart
