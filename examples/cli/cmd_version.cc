// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <cstdio>

#include "chatcart/version.h"
#include "command.h"

namespace chatcart::cli {
namespace {

int RunVersion(Args& args) {
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart version: %s\n", error.c_str());
    return kExitUsage;
  }
  std::printf("chatcart %s\n", CHATCART_VERSION_STRING);
  return kExitOk;
}

CHATCART_CLI_COMMAND(version, {.name = "version",
                               .summary = "Prints chatcart's version",
                               .run = RunVersion,
                               .example = "chatcart version"});

}  // namespace
}  // namespace chatcart::cli
