// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart validate DIR: compiles a bundle and reports every error.

#include <cstdio>
#include <string>

#include "chatcart/engine.h"
#include "command.h"

namespace chatcart::cli {
namespace {

int RunValidate(Args& args) {
  if (std::string error = args.Finish(); !error.empty() || args.Positional().size() != 1) {
    std::fprintf(stderr, "usage: chatcart validate BUNDLE_DIR%s%s\n", error.empty() ? "" : ": ",
                 error.c_str());
    return kExitUsage;
  }
  absl::StatusOr<std::shared_ptr<const Engine>> engine = Engine::Create(args.Positional()[0]);
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", std::string(engine.status().message()).c_str());
    return kExitFailure;
  }
  const EngineLoadStats& stats = (*engine)->load_stats();
  const BundleIdentity& id = (*engine)->identity();
  std::printf(
      "%s (%s): OK\n  %d flows, %d states; %d intents from %d examples (trained in %.0f ms);"
      " %zu products; loaded in %.0f ms\n",
      id.name.c_str(), id.version.c_str(), stats.flows, stats.states, stats.intents, stats.examples,
      stats.intent_train_ms, stats.products, stats.load_ms);
  return kExitOk;
}

CHATCART_CLI_COMMAND(validate, {.name = "validate",
                                .summary = "Compiles a bundle and reports every error",
                                .run = RunValidate,
                                .positional = "BUNDLE_DIR",
                                .example = "chatcart validate examples/bundles/demo"});

}  // namespace
}  // namespace chatcart::cli
