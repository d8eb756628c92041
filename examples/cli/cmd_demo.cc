// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart demo [--bundle DIR]`, run by scripts/demo.sh: the demo bundle's
// scripted conversations (demo.en.txt, demo.it.txt, demo.fr.txt beside it,
// in the transcript format of conversation.h) printed as chats. Each script
// is its own session. Exits 1 when a turn fails.

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "chatcart/version.h"
#include "command.h"
#include "conversation.h"

namespace chatcart::cli {
namespace {

void PrintInput(const v1::TurnInput& input) {
  if (!input.text().empty()) {
    std::printf("  you: %s\n", input.text().c_str());
  } else if (!input.payload().empty()) {
    std::printf("  you: [picks %s]\n", input.payload().c_str());
  } else {
    std::printf("  (event: %s)\n", input.event().kind().c_str());
  }
}

int RunDemo(Args& args) {
  std::string bundle = BundleDir(args.ValueOr("bundle", ""));
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart demo: %s\n", error.c_str());
    return kExitUsage;
  }
  std::shared_ptr<const Engine> engine = LoadEngineOrDie(bundle);
  if (engine == nullptr) return kExitFailure;
  const EngineLoadStats& stats = engine->load_stats();
  std::printf(
      "chatcart %s: bundle \"%s\" (%d flows, %d intents, %zu products), loaded in %.0f ms\n",
      CHATCART_VERSION_STRING, engine->identity().name.c_str(), stats.flows, stats.intents,
      stats.products, stats.load_ms);
  for (const char* language : {"en", "it", "fr"}) {
    std::string path = bundle + "/demo." + language + ".txt";
    std::ifstream in(path);
    if (!in) continue;
    std::stringstream text;
    text << in.rdbuf();
    absl::StatusOr<Transcript> script = ParseTranscript(path, text.str());
    if (!script.ok()) {
      std::fprintf(stderr, "chatcart demo: %s\n", std::string(script.status().message()).c_str());
      return kExitFailure;
    }
    std::printf("\n=== %s (%s) ===\n", path.c_str(), language);
    std::unique_ptr<Session> session =
        engine->NewSession(std::string("demo-") + language, script->seed);
    int64_t now = script->start_unix_seconds;
    bool first = true;
    for (TranscriptTurn& turn : script->turns) {
      if (!first) now += 60 * turn.wait_minutes;
      first = false;
      turn.input.mutable_time()->set_seconds(now);
      PrintInput(turn.input);
      absl::StatusOr<v1::TurnResult> result = session->HandleTurn(turn.input);
      if (!result.ok()) {
        std::fprintf(stderr, "%s:%d: %s\n", path.c_str(), turn.line,
                     std::string(result.status().message()).c_str());
        return kExitFailure;
      }
      PrintReplies(*result, stdout);
    }
    std::printf("  (session snapshot: %zu bytes)\n", session->Snapshot().size());
  }
  return kExitOk;
}

CHATCART_CLI_COMMAND(demo,
                     {.name = "demo",
                      .summary = "Runs the demo bundle's scripted conversations",
                      .run = RunDemo,
                      .flags = {{"bundle", kValue, "DIR", "the bundle (default: the demo bundle)"}},
                      .example = "chatcart demo --bundle examples/bundles/demo"});

}  // namespace
}  // namespace chatcart::cli
