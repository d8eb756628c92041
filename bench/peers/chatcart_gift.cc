// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart's side of the turns comparison, like for like with xstate_gift.js:
// the demo bundle's gift finder driven through whole conversations (the same
// three scripts, in words instead of parsed events), and a session left
// waiting for the budget as the idle session.
//
//   peers_chatcart_gift [BUNDLE_DIR] [--conversations N]
//
// Measured (one JSON object on stdout):
//   turns_per_s, us_per_turn   whole conversations, one turn at a time: a new
//                              session, every turn of the script (text in, the
//                              replies out, understanding and the picks
//                              included), the session destroyed; wall clock
//                              after a warm-up, as xstate_gift.js measures.
//   bytes_per_idle_session     malloc heap (mallinfo2) per live session waiting
//                              for the budget ("I need a gift for my daughter",
//                              "she is 6"), over 10,000 sessions restored from
//                              its snapshot (as turn_bench's idle_memory does).
//   snapshot_bytes             Session::Snapshot() of that session.
// Every script is checked first: it must end with product picks.

#include <malloc.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "chatcart/engine.h"

namespace {

// The scripts of xstate_gift.js, in words: a gift request then the answers
// (script 3 starts with an answer that is no age and is asked again).
const std::vector<std::vector<std::string>> kScripts = {
    {"I need a gift for my daughter", "she is 6", "under 40 euros", "she loves lego"},
    {"a gift for my 9 year old", "under 80 euros", "science"},
    {"I need a gift", "no idea", "6", "under 20 euros", "arts and crafts"},
};

int64_t turn_clock = 1795428000;

absl::StatusOr<chatcart::v1::TurnResult> Say(chatcart::Session& session, const std::string& text) {
  chatcart::v1::TurnInput input;
  input.set_text(text);
  input.mutable_time()->set_seconds(turn_clock += 30);
  return session.HandleTurn(input);
}

// Runs one script on a new session; false (with a message) if a turn fails or,
// when `check`, if the last turn shows no products.
bool Converse(const chatcart::Engine& engine, const std::vector<std::string>& script, bool check) {
  std::unique_ptr<chatcart::Session> session = engine.NewSession("bench", 1);
  for (size_t i = 0; i < script.size(); ++i) {
    absl::StatusOr<chatcart::v1::TurnResult> result = Say(*session, script[i]);
    if (!result.ok()) {
      std::fprintf(stderr, "peers_chatcart_gift: \"%s\": %s\n", script[i].c_str(),
                   std::string(result.status().message()).c_str());
      return false;
    }
    if (check && i + 1 == script.size()) {
      size_t products = 0;
      for (const auto& reply : result->replies()) products += reply.products_size();
      if (products == 0) {
        std::fprintf(stderr, "peers_chatcart_gift: script starting \"%s\" ended without picks\n",
                     script[0].c_str());
        return false;
      }
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string bundle = CHATCART_SOURCE_DIR "/examples/bundles/demo";
  int conversations = 3000;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--conversations") == 0 && i + 1 < argc) {
      conversations = std::atoi(argv[++i]);
    } else if (argv[i][0] != '-') {
      bundle = argv[i];
    } else {
      std::fprintf(stderr, "usage: peers_chatcart_gift [BUNDLE_DIR] [--conversations N]\n");
      return 2;
    }
  }
  absl::StatusOr<std::shared_ptr<const chatcart::Engine>> loaded = chatcart::Engine::Create(bundle);
  if (!loaded.ok()) {
    std::fprintf(stderr, "peers_chatcart_gift: %s\n",
                 std::string(loaded.status().message()).c_str());
    return 1;
  }
  const chatcart::Engine& engine = **loaded;
  for (const auto& script : kScripts) {
    if (!Converse(engine, script, /*check=*/true)) return 1;
  }
  for (int i = 0; i < 300; ++i) Converse(engine, kScripts[i % kScripts.size()], false);  // warm up

  size_t turns = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < conversations; ++i) {
    const auto& script = kScripts[i % kScripts.size()];
    if (!Converse(engine, script, false)) return 1;
    turns += script.size();
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::unique_ptr<chatcart::Session> waiting = engine.NewSession("bench", 1);
  if (!Say(*waiting, "I need a gift for my daughter").ok() || !Say(*waiting, "she is 6").ok()) {
    return 1;
  }
  const std::string snapshot = waiting->Snapshot();
  const int idle = 10000;
  std::vector<std::unique_ptr<chatcart::Session>> keep;
  keep.reserve(idle);
  const struct mallinfo2 before = mallinfo2();
  for (int i = 0; i < idle; ++i) {
    absl::StatusOr<std::unique_ptr<chatcart::Session>> restored = engine.RestoreSession(snapshot);
    if (!restored.ok()) {
      std::fprintf(stderr, "peers_chatcart_gift: restore: %s\n",
                   std::string(restored.status().message()).c_str());
      return 1;
    }
    keep.push_back(*std::move(restored));
  }
  const struct mallinfo2 after = mallinfo2();
  std::printf(
      "{\"conversations\": %d, \"turns\": %zu, \"turns_per_s\": %.1f, \"us_per_turn\": %.3f, "
      "\"bytes_per_idle_session\": %.1f, \"snapshot_bytes\": %zu}\n",
      conversations, turns, turns / seconds, seconds * 1e6 / turns,
      static_cast<double>(after.uordblks - before.uordblks) / idle, snapshot.size());
  return 0;
}
