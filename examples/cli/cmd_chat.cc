// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart chat --bundle DIR [--lang it] [--seed N] [--channel web]: an
// interactive conversation on stdin/stdout. Quick replies are numbered; type
// the number to pick one. The host's clock gives each turn's time.

#include <cstdio>
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/time/clock.h"
#include "command.h"
#include "conversation.h"

namespace chatcart::cli {
namespace {

int RunChat(Args& args) {
  std::string bundle = BundleDir(args.ValueOr("bundle", ""));
  std::string lang = args.ValueOr("lang", "");
  std::string channel = args.ValueOr("channel", "web");
  uint64_t seed = 1;
  if (auto s = args.Value("seed"); s.has_value() && !absl::SimpleAtoi(*s, &seed)) {
    std::fprintf(stderr, "chatcart chat: --seed needs a number\n");
    return kExitUsage;
  }
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart chat: %s\n", error.c_str());
    return kExitUsage;
  }
  std::shared_ptr<const Engine> engine = LoadEngineOrDie(bundle);
  if (engine == nullptr) return kExitFailure;
  std::unique_ptr<Session> session = engine->NewSession("cli", seed);
  std::fprintf(stderr, "chatcart chat: %s. Type a message, a number to pick a reply, or Ctrl-D.\n",
               engine->identity().name.c_str());
  std::string line;
  while (std::fputs("you> ", stdout), std::fflush(stdout), std::getline(std::cin, line)) {
    if (line.empty()) continue;
    v1::TurnInput input;
    input.set_text(line);
    input.set_channel(channel);
    input.set_locale_hint(lang);
    input.mutable_time()->set_seconds(absl::ToUnixSeconds(absl::Now()));
    absl::StatusOr<v1::TurnResult> result = session->HandleTurn(input);
    if (!result.ok()) {
      std::fprintf(stderr, "error: %s\n", std::string(result.status().message()).c_str());
      continue;
    }
    PrintReplies(*result, stdout);
  }
  std::printf("\n");
  return kExitOk;
}

CHATCART_CLI_COMMAND(chat,
                     {.name = "chat",
                      .summary = "Chats with a bundle interactively",
                      .run = RunChat,
                      .flags = {{"bundle", kValue, "DIR", "the bundle (default: the demo bundle)"},
                                {"lang", kValue, "LANG", "the session's language: en, it or fr"},
                                {"seed", kValue, "N", "the session's random seed"},
                                {"channel", kValue, "NAME",
                                 "the channel the replies are shaped for (default web)"}},
                      .example = "chatcart chat --bundle examples/bundles/demo --lang it"});

}  // namespace
}  // namespace chatcart::cli
