// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Issue #22's thread stress: many conversations (the demo transcripts of
// tests/conversations, each with several seeds) on one shared Engine from 16
// threads at once, each session snapshotted, destroyed and restored every
// three turns on whichever engine is current, while another thread swaps the
// current engine (fresh engines built from the same bundle while the turns
// run, then alternating between them), so the last reference to an engine is
// often dropped by a worker's session. Every turn's result and every
// snapshot must be byte for byte those of a single-threaded run of the same
// inputs, and no turn may fail where the single-threaded one did not.
//
// The runtime (runtime.h) takes its engine once, in its options, so the
// swap is done here, the way a host reloading a bundle would do it.
//
// Built and run under ThreadSanitizer by scripts/test.sh (build-tsan/, this
// target only). Size: CHATCART_STRESS_CONVERSATIONS (default 1000) and
// CHATCART_STRESS_THREADS (default 16) in the environment.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "chatcart/engine.h"
#include "chatcart/session.h"
#include "chatcart/wire.h"
#include "common/testing/data.h"
#include "conversation.h"
#include "gtest/gtest.h"

namespace chatcart {
namespace {

int EnvInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  int n = 0;
  return value != nullptr && absl::SimpleAtoi(value, &n) && n > 0 ? n : fallback;
}

std::string DemoDir() { return testing::SourceDir() + "/examples/bundles/demo"; }

// One conversation: its session id, seed and inputs (times set).
struct Script {
  std::string id;
  uint64_t seed = 0;
  std::vector<v1::TurnInput> inputs;
};

// What a run of one script produced: each turn's result bytes (or its
// error), and each snapshot taken, in order.
struct Outcome {
  std::vector<std::string> turns;
  std::vector<std::string> snapshots;
  std::string failure;  // a restore that failed ends the run
};

std::vector<Script> Scripts(int count) {
  std::vector<cli::Transcript> transcripts;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry :
       std::filesystem::directory_iterator(testing::SourceDir() + "/tests/conversations")) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      paths.push_back(entry.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const std::filesystem::path& path : paths) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<cli::Transcript> transcript = cli::ParseTranscript(path.string(), text.str());
    EXPECT_TRUE(transcript.ok()) << transcript.status();
    if (transcript.ok()) transcripts.push_back(*std::move(transcript));
  }
  std::vector<Script> scripts;
  if (transcripts.empty()) return scripts;
  for (int i = 0; i < count; ++i) {
    const cli::Transcript& t = transcripts[i % transcripts.size()];
    Script script;
    script.id = absl::StrCat("stress-", i);
    // The transcript's own seed first, then others: other picks, same inputs.
    script.seed = t.seed + i / transcripts.size();
    int64_t now = t.start_unix_seconds;
    bool first = true;
    for (const cli::TranscriptTurn& turn : t.turns) {
      if (!first) now += 60 * turn.wait_minutes;
      first = false;
      v1::TurnInput input = turn.input;
      input.mutable_time()->set_seconds(now);
      script.inputs.push_back(std::move(input));
    }
    scripts.push_back(std::move(script));
  }
  return scripts;
}

// The engine a restore uses: swapped by another thread while turns run.
class EngineSlot {
 public:
  explicit EngineSlot(std::shared_ptr<const Engine> engine) : engine_(std::move(engine)) {}
  std::shared_ptr<const Engine> Get() const {
    std::lock_guard<std::mutex> lock(mu_);
    return engine_;
  }
  void Set(std::shared_ptr<const Engine> engine) {
    std::shared_ptr<const Engine> old;
    {
      std::lock_guard<std::mutex> lock(mu_);
      old = std::exchange(engine_, std::move(engine));
    }
    // `old` dies here or, when sessions still hold it, in whichever thread
    // drops the last one.
  }

 private:
  // std::mutex, not absl::Mutex: Debian's Abseil is not built for
  // ThreadSanitizer, which would not see its locks.
  mutable std::mutex mu_;
  std::shared_ptr<const Engine> engine_;
};

// Runs `script`, snapshotting and restoring (on slot.Get()) every three turns.
Outcome RunScript(const Script& script, const EngineSlot& slot) {
  Outcome out;
  std::unique_ptr<Session> session = slot.Get()->NewSession(script.id, script.seed);
  for (size_t i = 0; i < script.inputs.size(); ++i) {
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(script.inputs[i]);
    out.turns.push_back(result.ok() ? DeterministicBytes(*result)
                                    : absl::StrCat("error: ", result.status().ToString()));
    if (i % 3 == 2) {
      out.snapshots.push_back(session->Snapshot());
      session.reset();
      absl::StatusOr<std::unique_ptr<Session>> restored =
          slot.Get()->RestoreSession(out.snapshots.back());
      if (!restored.ok()) {
        out.failure =
            absl::StrCat("restore after turn ", i + 1, ": ", restored.status().ToString());
        return out;
      }
      session = *std::move(restored);
    }
  }
  out.snapshots.push_back(session->Snapshot());
  return out;
}

TEST(EngineStress, SixteenThreadsOnSwappedEnginesAnswerAsOneThreadDoes) {
  const int conversations = EnvInt("CHATCART_STRESS_CONVERSATIONS", 1000);
  const int threads = EnvInt("CHATCART_STRESS_THREADS", 16);
  absl::StatusOr<std::shared_ptr<const Engine>> first = Engine::Create(DemoDir());
  ASSERT_TRUE(first.ok()) << first.status();
  std::vector<Script> scripts = Scripts(conversations);
  ASSERT_EQ(scripts.size(), static_cast<size_t>(conversations));

  absl::StatusOr<std::shared_ptr<const Engine>> second = Engine::Create(DemoDir());
  ASSERT_TRUE(second.ok()) << second.status();

  // The single-threaded run, on one engine that never changes.
  EngineSlot fixed(*first);
  std::vector<Outcome> expected;
  size_t turns = 0;
  for (const Script& script : scripts) {
    expected.push_back(RunScript(script, fixed));
    ASSERT_EQ(expected.back().failure, "") << script.id;
    turns += script.inputs.size();
  }

  EngineSlot slot(*first);
  std::atomic<size_t> next{0};
  std::atomic<int> finished{0};
  std::vector<Outcome> actual(scripts.size());
  // The current engine changes every 200 µs among the first, a second
  // built before the turns, and a third built while they run (Engine::Create
  // beside HandleTurn), until the workers are done.
  std::atomic<int> swaps{0};
  std::thread swapper([&] {
    std::vector<std::shared_ptr<const Engine>> rotation = {*first, *second};
    std::thread builder;
    std::shared_ptr<const Engine> built;
    std::atomic<bool> ready{false};
    builder = std::thread([&] {
      absl::StatusOr<std::shared_ptr<const Engine>> fresh = Engine::Create(DemoDir());
      if (fresh.ok())
        built = *fresh;
      else
        ADD_FAILURE() << fresh.status();
      ready.store(true);
    });
    bool added = false;
    for (int k = 0; finished.load() < threads; ++k) {
      if (!added && ready.load()) {
        if (built != nullptr) rotation.push_back(std::move(built));
        added = true;
      }
      slot.Set(rotation[k % rotation.size()]);
      ++swaps;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    builder.join();
  });
  // The workers start once the second engine is current, so every
  // conversation can meet a swap.
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      while (swaps.load() < 2) std::this_thread::yield();
      for (size_t i; (i = next.fetch_add(1)) < scripts.size();)
        actual[i] = RunScript(scripts[i], slot);
      finished.fetch_add(1);
    });
  }
  for (std::thread& worker : workers) worker.join();
  swapper.join();
  first->reset();
  second->reset();

  for (size_t i = 0; i < scripts.size(); ++i) {
    SCOPED_TRACE(scripts[i].id);
    EXPECT_EQ(actual[i].failure, "");
    ASSERT_EQ(actual[i].turns.size(), expected[i].turns.size());
    for (size_t k = 0; k < expected[i].turns.size(); ++k) {
      EXPECT_TRUE(actual[i].turns[k] == expected[i].turns[k]) << "turn " << k + 1 << " differs";
    }
    ASSERT_EQ(actual[i].snapshots.size(), expected[i].snapshots.size());
    for (size_t k = 0; k < expected[i].snapshots.size(); ++k) {
      EXPECT_TRUE(actual[i].snapshots[k] == expected[i].snapshots[k])
          << "snapshot " << k + 1 << " differs";
    }
  }
  ::testing::Test::RecordProperty("conversations", conversations);
  ::testing::Test::RecordProperty("turns", static_cast<int>(turns));
  ::testing::Test::RecordProperty("engine_swaps", swaps.load());
  std::printf("%d conversations, %zu turns each way, %d threads, %d engine swaps\n", conversations,
              turns, threads, swaps.load());
}

}  // namespace
}  // namespace chatcart
