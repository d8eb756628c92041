// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart replay --bundle DIR TRANSCRIPT [--print]: replays a transcript
// (format in conversation.h) and checks every expected reply, intent and
// state. On a mismatch prints a diff and exits 1. --print writes the
// transcript as it actually runs (to author golden transcripts).

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "absl/time/time.h"
#include "command.h"
#include "conversation.h"

namespace chatcart::cli {
namespace {

void PrintTurnInput(const v1::TurnInput& input, FILE* out) {
  if (!input.text().empty()) {
    std::fprintf(out, "> %s\n", input.text().c_str());
  } else if (!input.payload().empty()) {
    std::fprintf(out, "* %s\n", input.payload().c_str());
  } else {
    std::fprintf(out, "! %s", input.event().kind().c_str());
    std::map<std::string, std::string> sorted(input.event().param().begin(),
                                              input.event().param().end());
    for (const auto& [k, v] : sorted) std::fprintf(out, " %s=%s", k.c_str(), v.c_str());
    std::fprintf(out, "\n");
  }
}

int RunReplay(Args& args) {
  std::string bundle = BundleDir(args.ValueOr("bundle", ""));
  bool print = args.Switch("print");
  if (std::string error = args.Finish(); !error.empty() || args.Positional().size() != 1) {
    std::fprintf(stderr, "usage: chatcart replay --bundle DIR TRANSCRIPT [--print]%s%s\n",
                 error.empty() ? "" : ": ", error.c_str());
    return kExitUsage;
  }
  const std::string& path = args.Positional()[0];
  std::ifstream in(path);
  if (!in) {
    std::fprintf(stderr, "chatcart replay: cannot read %s\n", path.c_str());
    return kExitUsage;
  }
  std::stringstream text;
  text << in.rdbuf();
  absl::StatusOr<Transcript> transcript = ParseTranscript(path, text.str());
  if (!transcript.ok()) {
    std::fprintf(stderr, "chatcart replay: %s\n",
                 std::string(transcript.status().message()).c_str());
    return kExitUsage;
  }
  std::shared_ptr<const Engine> engine = LoadEngineOrDie(bundle);
  if (engine == nullptr) return kExitFailure;
  std::unique_ptr<Session> session = engine->NewSession("replay", transcript->seed);
  int64_t now = transcript->start_unix_seconds;
  int mismatches = 0;
  if (print) {
    std::printf("@seed %llu\n", static_cast<unsigned long long>(transcript->seed));
    if (transcript->start_unix_seconds != Transcript().start_unix_seconds) {
      std::printf("@start %s\n", absl::FormatTime(absl::RFC3339_sec, absl::FromUnixSeconds(now),
                                                  absl::UTCTimeZone())
                                     .c_str());
    }
  }
  std::string channel, locale;  // as printed so far
  bool first = true;
  for (TranscriptTurn& turn : transcript->turns) {
    if (!first) now += 60 * turn.wait_minutes;
    first = false;
    turn.input.mutable_time()->set_seconds(now);
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(turn.input);
    if (!result.ok()) {
      std::fprintf(stderr, "%s:%d: turn failed: %s\n", path.c_str(), turn.line,
                   std::string(result.status().message()).c_str());
      return kExitFailure;
    }
    if (print) {
      if (turn.wait_minutes != 1) std::printf("@wait %d\n", turn.wait_minutes);
      if (turn.input.channel() != channel) {
        channel = turn.input.channel();
        std::printf("@channel %s\n", channel.c_str());
      }
      if (turn.input.locale_hint() != locale) {
        locale = turn.input.locale_hint();
        std::printf("@locale %s\n", locale.c_str());
      }
      PrintTurnInput(turn.input, stdout);
      for (const v1::Reply& reply : result->replies()) std::printf("< %s\n", reply.text().c_str());
      std::printf("? %s\n$ %s\n", result->trace().intent().c_str(),
                  result->trace().state().c_str());
      continue;
    }
    bool turn_ok = static_cast<int>(turn.replies.size()) == result->replies_size();
    for (size_t i = 0; turn_ok && i < turn.replies.size(); ++i) {
      const std::string& actual = result->replies(static_cast<int>(i)).text();
      const TranscriptTurn::Expected& expected = turn.replies[i];
      turn_ok = expected.contains ? actual.find(expected.text) != std::string::npos
                                  : actual == expected.text;
    }
    if (!turn.intent.empty() && turn.intent != result->trace().intent()) turn_ok = false;
    if (!turn.state.empty() && turn.state != result->trace().state()) turn_ok = false;
    if (turn_ok) continue;
    ++mismatches;
    std::fprintf(stderr, "%s:%d: turn differs\n", path.c_str(), turn.line);
    for (const TranscriptTurn::Expected& e : turn.replies) {
      std::fprintf(stderr, "  - expected%s: %s\n", e.contains ? " (contains)" : "", e.text.c_str());
    }
    for (const v1::Reply& reply : result->replies()) {
      std::fprintf(stderr, "  + actual:   %s\n", reply.text().c_str());
    }
    if (!turn.intent.empty() && turn.intent != result->trace().intent()) {
      std::fprintf(stderr, "  intent: expected %s, got %s\n", turn.intent.c_str(),
                   result->trace().intent().c_str());
    }
    if (!turn.state.empty() && turn.state != result->trace().state()) {
      std::fprintf(stderr, "  state: expected %s, got %s\n", turn.state.c_str(),
                   result->trace().state().c_str());
    }
  }
  if (print) return kExitOk;
  if (mismatches > 0) {
    std::fprintf(stderr, "%s: %d of %zu turns differ\n", path.c_str(), mismatches,
                 transcript->turns.size());
    return kExitFailure;
  }
  std::printf("%s: %zu turns as expected\n", path.c_str(), transcript->turns.size());
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    replay,
    {.name = "replay",
     .summary = "Replays a transcript and checks every reply",
     .run = RunReplay,
     .flags = {{"bundle", kValue, "DIR", "the bundle (default: the demo bundle)"},
               {"print", kSwitch, "", "prints the transcript as it actually runs"}},
     .positional = "TRANSCRIPT",
     .example =
         "chatcart replay --bundle examples/bundles/demo examples/bundles/demo/demo.en.txt"});

}  // namespace
}  // namespace chatcart::cli
