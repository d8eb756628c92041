// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The agent desk (lib/desk): enqueue, position and assignment with 10,000
// shoppers queued and 1,000 agents; redaction of a 200-character message; a
// simulated day of 50,000 chats.

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "chatcart/desk.h"
#include "chatcart/desk_simulation.h"
#include "chatcart/desk_store.h"
#include "chatcart/redact.h"

namespace chatcart {
namespace {

absl::Time At(int64_t ms) { return absl::FromUnixMillis(1795000000000 + ms); }

// 1,000 agents of capacity 4, every slot taken, and 10,000 shoppers waiting.
struct BusyDesk {
  BusyDesk() {
    DeskOptions o;
    o.offer_timeout = absl::ZeroDuration();  // assignments go straight through
    desk = *Desk::Create(NewInMemoryDeskStore(), o);
    for (int a = 0; a < 1000; ++a) {
      std::string id = absl::StrCat("agent-", a);
      (void)desk->SetAgent({.id = id, .name = id}, At(0));
      (void)desk->SetAvailability(id, v1::DeskAgent::ONLINE, At(0));
    }
    for (int c = 0; c < 4000 + 10000; ++c) {
      (void)desk->RequestAgent({.conversation_id = absl::StrCat("c", c), .language = "en"},
                               At(1 + c));
    }
  }
  std::unique_ptr<Desk> desk;
};

void BM_Desk_Enqueue(benchmark::State& state) {
  BusyDesk d;
  int64_t n = 0;
  for (auto _ : state) {
    auto u = d.desk->RequestAgent({.conversation_id = absl::StrCat("new-", n), .language = "en"},
                                  At(20000 + n));
    benchmark::DoNotOptimize(u);
    ++n;
  }
}
BENCHMARK(BM_Desk_Enqueue);

void BM_Desk_Position(benchmark::State& state) {
  BusyDesk d;
  int64_t n = 0;
  for (auto _ : state) {
    auto s = d.desk->QueueStatus(absl::StrCat("c", 4000 + (n * 7919) % 10000), At(20000));
    benchmark::DoNotOptimize(s);
    ++n;
  }
}
BENCHMARK(BM_Desk_Position);

// A resolve frees a slot and the next shopper is assigned to it (the offer
// timeout is 0): one resolve plus one assignment per iteration.
void BM_Desk_ResolveAndAssignNext(benchmark::State& state) {
  BusyDesk d;
  int64_t n = 0;
  for (auto _ : state) {
    // The conversations assigned first (c0, c1, ...) are resolved in order.
    auto c = d.desk->Conversation(absl::StrCat("c", n));
    auto u = d.desk->Resolve(c->agent_id(), absl::StrCat("c", n), At(20000 + n));
    benchmark::DoNotOptimize(u);
    ++n;
  }
}
BENCHMARK(BM_Desk_ResolveAndAssignNext)->Iterations(5000);

void BM_Desk_Redact200(benchmark::State& state) {
  const std::string text =
      "Hi, I ordered the Lumo CP-400 last week (order 77120) but it never came. My card is "
      "4111 1111 1111 1111 and you can call me on 06 12 34 56 78 or write to jo@example.com.";
  for (auto _ : state) benchmark::DoNotOptimize(Redact(text, "fr"));
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Desk_Redact200);

void BM_Desk_Redact200NoData(benchmark::State& state) {
  const std::string text =
      "Hi, I am looking for a gift for my niece, something creative like a drawing set or a "
      "small photo printer that works with her phone, and not too expensive please, thanks!!";
  for (auto _ : state) benchmark::DoNotOptimize(Redact(text, "en"));
}
BENCHMARK(BM_Desk_Redact200NoData);

void BM_Desk_SimulatedDay50k(benchmark::State& state) {
  DeskSimulationConfig c = *DeskSimulationConfig::Preset("big");
  for (auto _ : state) {
    auto r = SimulateDeskDay(c);
    state.counters["chats"] = static_cast<double>(r->arrivals);
    state.counters["desk_calls"] = static_cast<double>(r->desk_calls);
  }
}
BENCHMARK(BM_Desk_SimulatedDay50k)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace chatcart
