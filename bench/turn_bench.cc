// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// turn_bench: whole-engine workloads on a bundle, in the style of leveldb's
// db_bench. Each workload runs one conversation step many times on fresh or
// prepared sessions and reports the latency of one turn (p50, p99, mean),
// turns per second, and, for snapshot_restore, the snapshot size.
//
//   build/bin/turn_bench [--bundle DIR] [--workloads greet,qualify,...]
//                        [--iterations N] [--json]
//
// Workloads:
//   load              engine load (Engine::Create), the whole bundle
//   greet             "hi" on a new session
//   qualify           one answer in the gift finder ("she is 6")
//   add_to_cart       "add the second one" after a recommendation
//   recommend         a gift request with age, budget and interest at once
//   checkout          "checkout" on a 3-line cart ("reply OK to buy")
//   critique          "anything cheaper?" after printers were recommended
//                     (the search runs again, refined)
//   product_question  "how much per print with those?" after printers were
//                     recommended (catalog facts of the products shown)
//   snapshot_restore  Snapshot() + RestoreSession() of a session with a
//                     3-line cart
//   idle_memory       bytes of heap per idle session, measured with mallinfo2
//                     over many sessions restored from one snapshot; reported
//                     twice: idle_memory for a session idle mid-flow with no
//                     cart (the gift finder waiting for the child's age), and
//                     idle_memory_cart for one with a 3-line cart

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "chatcart/engine.h"

namespace {

using chatcart::Engine;
using chatcart::Session;
using Clock = std::chrono::steady_clock;

struct Options {
  std::string bundle = "examples/bundles/demo";
  std::vector<std::string> workloads = {"load",      "greet",    "qualify",  "add_to_cart",
                                        "recommend", "critique", "product_question", "checkout",
                                        "snapshot_restore",      "idle_memory"};
  int iterations = 2000;
  bool json = false;
};

struct Stats {
  std::string name;
  int n = 0;
  double p50_us = 0, p99_us = 0, mean_us = 0;
  double extra = 0;  // bytes, for size workloads
  std::string extra_name;
};

int64_t turn_clock = 1795428000;

chatcart::v1::TurnInput Text(const std::string& text) {
  chatcart::v1::TurnInput input;
  input.set_text(text);
  input.mutable_time()->set_seconds(turn_clock += 30);
  return input;
}

bool Say(Session& session, const std::string& text) {
  absl::StatusOr<chatcart::v1::TurnResult> result = session.HandleTurn(Text(text));
  if (!result.ok()) {
    std::fprintf(stderr, "turn_bench: \"%s\": %s\n", text.c_str(),
                 std::string(result.status().message()).c_str());
    return false;
  }
  return true;
}

// A session with three lines in its cart, from the demo bundle's gift finder.
std::unique_ptr<Session> SessionWithCart(const Engine& engine, uint64_t seed) {
  std::unique_ptr<Session> s = engine.NewSession("bench", seed);
  for (const char* text : {"I need a gift for my 6 year old under 80 euros", "she loves lego",
                           "add the first one", "add the second one", "add the third one"}) {
    if (!Say(*s, text)) return nullptr;
  }
  return s;
}

// A session idle mid-flow: the gift finder asked for the child's age and
// waits; nothing in the cart.
std::unique_ptr<Session> SessionMidFlow(const Engine& engine, uint64_t seed) {
  std::unique_ptr<Session> s = engine.NewSession("bench", seed);
  if (!Say(*s, "I need a gift for my daughter")) return nullptr;
  return s;
}

// Heap bytes (mallinfo2: arena and mmapped blocks in use) per session of
// `sessions` restored from `prototype`'s snapshot and kept alive.
Stats IdleMemory(const std::string& name, const Engine& engine, const Session& prototype,
                 int sessions, bool* ok) {
  const std::string bytes = prototype.Snapshot();
  std::vector<std::unique_ptr<Session>> keep;
  keep.reserve(sessions);
  struct mallinfo2 before = mallinfo2();
  for (int i = 0; i < sessions; ++i) {
    absl::StatusOr<std::unique_ptr<Session>> restored = engine.RestoreSession(bytes);
    if (!restored.ok()) {
      *ok = false;
      break;
    }
    keep.push_back(*std::move(restored));
  }
  struct mallinfo2 after = mallinfo2();
  Stats stats;
  stats.name = name;
  stats.n = sessions;
  stats.extra = (static_cast<double>(after.uordblks + after.hblkhd) -
                 static_cast<double>(before.uordblks + before.hblkhd)) /
                sessions;
  stats.extra_name = "bytes_per_session";
  return stats;
}

Stats Measure(const std::string& name, int n, const std::function<void()>& prepare,
              const std::function<void()>& run) {
  std::vector<double> us;
  us.reserve(n);
  for (int i = 0; i < n; ++i) {
    prepare();
    auto start = Clock::now();
    run();
    us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
  }
  std::sort(us.begin(), us.end());
  Stats stats;
  stats.name = name;
  stats.n = n;
  stats.p50_us = us[us.size() / 2];
  stats.p99_us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
  double sum = 0;
  for (double u : us) sum += u;
  stats.mean_us = sum / us.size();
  return stats;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&](const char* flag) -> const char* {
      size_t n = std::strlen(flag);
      return arg.compare(0, n, flag) == 0 ? argv[i] + n : nullptr;
    };
    if (const char* v = value("--bundle=")) {
      options.bundle = v;
    } else if (const char* v = value("--workloads=")) {
      options.workloads = absl::StrSplit(v, ',', absl::SkipEmpty());
    } else if (const char* v = value("--iterations=")) {
      if (!absl::SimpleAtoi(v, &options.iterations) || options.iterations <= 0) {
        std::fprintf(stderr, "turn_bench: bad --iterations\n");
        return 2;
      }
    } else if (arg == "--json") {
      options.json = true;
    } else {
      std::fprintf(
          stderr, "usage: turn_bench [--bundle=DIR] [--workloads=a,b] [--iterations=N] [--json]\n");
      return 2;
    }
  }
  absl::StatusOr<std::shared_ptr<const Engine>> loaded = Engine::Create(options.bundle);
  if (!loaded.ok()) {
    std::fprintf(stderr, "turn_bench: %s\n", std::string(loaded.status().message()).c_str());
    return 1;
  }
  const Engine& engine = **loaded;
  std::vector<Stats> results;
  const int n = options.iterations;
  std::unique_ptr<Session> session;
  bool ok = true;
  for (const std::string& w : options.workloads) {
    if (w == "load") {
      results.push_back(Measure(
          w, std::max(3, n / 200), [] {},
          [&] {
            absl::StatusOr<std::shared_ptr<const Engine>> e = Engine::Create(options.bundle);
            ok = ok && e.ok();
          }));
      results.back().p50_us /= 1000;  // reported in ms below
    } else if (w == "greet") {
      results.push_back(Measure(
          w, n, [&] { session = engine.NewSession("b", 1); },
          [&] { ok = Say(*session, "hi") && ok; }));
    } else if (w == "qualify") {
      results.push_back(Measure(
          w, n,
          [&] {
            session = engine.NewSession("b", 1);
            Say(*session, "I need a gift for my daughter");
          },
          [&] { ok = Say(*session, "she is 6") && ok; }));
    } else if (w == "recommend") {
      results.push_back(Measure(
          w, n, [&] { session = engine.NewSession("b", 1); },
          [&] {
            ok = Say(*session, "a gift for my 6 year old who loves lego, under 40 euros") && ok;
          }));
    } else if (w == "add_to_cart") {
      results.push_back(Measure(
          w, n,
          [&] {
            session = engine.NewSession("b", 1);
            Say(*session, "a gift for my 6 year old who loves lego, under 80 euros");
          },
          [&] { ok = Say(*session, "add the second one") && ok; }));
    } else if (w == "critique" || w == "product_question") {
      const char* text =
          w == "critique" ? "anything cheaper?" : "how much per print with those?";
      results.push_back(Measure(
          w, n,
          [&] {
            session = engine.NewSession("b", 1);
            Say(*session, "a photo printer for my iphone and my wife's android");
          },
          [&] { ok = Say(*session, text) && ok; }));
    } else if (w == "checkout") {
      results.push_back(Measure(
          w, n, [&] { session = SessionWithCart(engine, 1); },
          [&] { ok = Say(*session, "checkout") && ok; }));
    } else if (w == "snapshot_restore") {
      session = SessionWithCart(engine, 1);
      std::string bytes = session->Snapshot();
      Stats stats = Measure(
          w, n, [] {},
          [&] {
            std::string snapshot = session->Snapshot();
            absl::StatusOr<std::unique_ptr<Session>> restored = engine.RestoreSession(snapshot);
            ok = ok && restored.ok();
          });
      stats.extra = static_cast<double>(bytes.size());
      stats.extra_name = "snapshot_bytes";
      results.push_back(stats);
    } else if (w == "idle_memory") {
      const int sessions = std::min(n, 1000);
      std::unique_ptr<Session> mid_flow = SessionMidFlow(engine, 1);
      std::unique_ptr<Session> with_cart = SessionWithCart(engine, 1);
      if (mid_flow == nullptr || with_cart == nullptr) return 1;
      results.push_back(IdleMemory(w, engine, *mid_flow, sessions, &ok));
      results.push_back(IdleMemory(w + "_cart", engine, *with_cart, sessions, &ok));
    } else {
      std::fprintf(stderr, "turn_bench: unknown workload \"%s\"\n", w.c_str());
      return 2;
    }
    if (!ok) return 1;
  }
  if (options.json) {
    std::printf("[");
    for (size_t i = 0; i < results.size(); ++i) {
      const Stats& s = results[i];
      std::printf(
          "%s{\"workload\":\"%s\",\"n\":%d,\"p50_us\":%.2f,\"p99_us\":%.2f,\"mean_us\":%.2f",
          i ? "," : "", s.name.c_str(), s.n, s.p50_us, s.p99_us, s.mean_us);
      if (!s.extra_name.empty()) std::printf(",\"%s\":%.0f", s.extra_name.c_str(), s.extra);
      std::printf("}");
    }
    std::printf("]\n");
    return 0;
  }
  std::printf("%-17s %8s %10s %10s %10s  %s\n", "workload", "n", "p50", "p99", "mean", "");
  for (const Stats& s : results) {
    if (s.name == "load") {
      std::printf("%-17s %8d %8.2f ms\n", s.name.c_str(), s.n, s.p50_us);
    } else if (s.name.starts_with("idle_memory")) {
      std::printf("%-17s %8d %35s %.0f bytes/session\n", s.name.c_str(), s.n, "", s.extra);
    } else {
      std::printf("%-17s %8d %7.2f us %7.2f us %7.2f us", s.name.c_str(), s.n, s.p50_us, s.p99_us,
                  s.mean_us);
      if (!s.extra_name.empty()) std::printf("  %s=%.0f", s.extra_name.c_str(), s.extra);
      std::printf("\n");
    }
  }
  return 0;
}
