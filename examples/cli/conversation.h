// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Shared by `chatcart chat`, `demo` and `replay`: loading an engine, printing
// a turn's replies as chat lines, and the transcript format.
//
// Transcript format (tests/conversations/*.txt), one directive per line:
//   # comment                      ignored
//   @seed 7                        session seed (before the first turn)
//   @start 2026-11-23T10:00:00Z    time of the first turn; each turn is one
//                                  minute after the previous
//   @wait 45                       add 45 minutes before the next turn
//   @channel sms                   channel of the next turns
//   @locale it-IT                  the host's locale hint for the next turns
//   > text                         a shopper turn
//   * payload                      a quick-reply pick
//   ! kind key=value key=value     an event
//   < text                         an expected reply, in order, exactly
//   <~ text                        an expected reply containing text
//   ? intent                       the turn's expected intent
//   $ flow/state                   the innermost flow/state after the turn
// Every reply of a turn must be listed (< or <~), so a transcript notices a
// reply that appears as well as one that changes.

#ifndef CHATCART_EXAMPLES_CLI_CONVERSATION_H_
#define CHATCART_EXAMPLES_CLI_CONVERSATION_H_

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/engine.h"

namespace chatcart::cli {

// The bundle directory: `flag` when given, else the demo bundle found from
// the working directory or the source tree.
std::string BundleDir(const std::string& flag);

// Loads the engine, printing the error to stderr on failure.
std::shared_ptr<const Engine> LoadEngineOrDie(const std::string& dir);

// Prints the replies of `result` as "bot: ..." lines with numbered quick
// replies and product cards.
void PrintReplies(const v1::TurnResult& result, FILE* out);

struct TranscriptTurn {
  int line = 0;                     // where the turn starts
  v1::TurnInput input;              // text, payload or event; time set by the runner
  int wait_minutes = 1;
  struct Expected {
    std::string text;
    bool contains = false;
    int line = 0;
  };
  std::vector<Expected> replies;
  std::string intent;  // empty: not checked
  std::string state;   // empty: not checked
  int intent_line = 0;
  int state_line = 0;
};

struct Transcript {
  uint64_t seed = 1;
  int64_t start_unix_seconds = 1795428000;  // 2026-11-23T10:00:00Z
  std::vector<TranscriptTurn> turns;
};

// Parses a transcript; INVALID_ARGUMENT naming path:line for a bad line.
absl::StatusOr<Transcript> ParseTranscript(const std::string& path, const std::string& text);

}  // namespace chatcart::cli

#endif  // CHATCART_EXAMPLES_CLI_CONVERSATION_H_
