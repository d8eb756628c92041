// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// BM_Engine_* / BM_Session_*: the dialogue engine on the demo bundle, as
// Google Benchmark micro-benchmarks beside turn_bench's workloads (which
// report percentiles). Steady-state turns repeat on one session: a greeting
// in the welcome state, a question answered by the help flow.

#include <iterator>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "benchmark/benchmark.h"
#include "chatcart/engine.h"

namespace chatcart {
namespace {

std::string DemoDir() { return std::string(CHATCART_SOURCE_DIR) + "/examples/bundles/demo"; }

const Engine& Demo() {
  static const std::shared_ptr<const Engine> engine = [] {
    absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(DemoDir());
    if (!e.ok()) std::abort();
    return *std::move(e);
  }();
  return *engine;
}

v1::TurnInput Text(const char* text, int64_t* clock) {
  v1::TurnInput input;
  input.set_text(text);
  input.mutable_time()->set_seconds(*clock += 30);
  return input;
}

void BM_Engine_Load(benchmark::State& state) {
  for (auto _ : state) {
    absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(DemoDir());
    if (!e.ok()) state.SkipWithError(std::string(e.status().message()).c_str());
    benchmark::DoNotOptimize(e);
  }
}
BENCHMARK(BM_Engine_Load)->Unit(benchmark::kMillisecond);

// Understanding one utterance on the demo bundle, as a first message (no
// session language): language identification, entities, catalog mentions
// masked, intent (#16 budget: 5 µs p50).
void BM_Engine_ClassifyTurn(benchmark::State& state) {
  static const char* const kTexts[] = {
      "wanna buy the fox plush",
      "mocassini donna 38 neri max 150",
      "nn piu di 200 euro, nere o blu",
      "je veux une imprimante photo pour mon iPhone, pas plus de 150 €",
      "I have a HTC Windows 8 phone. My wife has an iPhone5.",
      "he likes space and rockets",
  };
  const Engine& engine = Demo();
  size_t i = 0;
  for (auto _ : state) {
    IntentResult r = engine.ClassifyTurn(kTexts[i++ % std::size(kTexts)]);
    benchmark::DoNotOptimize(r.intent.data());
  }
}
BENCHMARK(BM_Engine_ClassifyTurn);

void BM_Session_Turn(benchmark::State& state, const char* text) {
  std::unique_ptr<Session> session = Demo().NewSession("bench", 1);
  int64_t clock = 1795428000;
  (void)session->HandleTurn(Text("hi", &clock));
  for (auto _ : state) {
    absl::StatusOr<v1::TurnResult> r = session->HandleTurn(Text(text, &clock));
    if (!r.ok()) state.SkipWithError(std::string(r.status().message()).c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK_CAPTURE(BM_Session_Turn, greet, "hello");
BENCHMARK_CAPTURE(BM_Session_Turn, help, "what can you do?");

void BM_Session_TurnJson(benchmark::State& state) {
  std::unique_ptr<Session> session = Demo().NewSession("bench", 1);
  int64_t seconds = 1795428000;
  for (auto _ : state) {
    seconds += 30;
    absl::StatusOr<std::string> r = session->HandleTurnJson(
        "{\"text\": \"hello\", \"time\": \"" +
        std::string(seconds % 2 ? "2026-11-23T10:00:01Z" : "2026-11-23T10:00:02Z") + "\"}");
    if (!r.ok()) state.SkipWithError(std::string(r.status().message()).c_str());
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_Session_TurnJson);

void BM_Session_SnapshotRestore(benchmark::State& state) {
  std::unique_ptr<Session> session = Demo().NewSession("bench", 1);
  int64_t clock = 1795428000;
  for (const char* text : {"I need a gift for my 6 year old under 80 euros", "she loves lego",
                           "add the first one", "add the second one", "add the third one"}) {
    (void)session->HandleTurn(Text(text, &clock));
  }
  size_t bytes = 0;
  for (auto _ : state) {
    std::string snapshot = session->Snapshot();
    absl::StatusOr<std::unique_ptr<Session>> restored = Demo().RestoreSession(snapshot);
    if (!restored.ok()) state.SkipWithError(std::string(restored.status().message()).c_str());
    bytes = snapshot.size();
    benchmark::DoNotOptimize(restored);
  }
  state.counters["snapshot_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_Session_SnapshotRestore);

}  // namespace
}  // namespace chatcart
