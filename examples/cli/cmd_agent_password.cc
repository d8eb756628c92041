// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart agent-password --id nick --name Nick [--iterations N] < password
//   Prints the accounts-file line for `chatcart serve --agents FILE`: the
//   password (the first line of stdin) as PBKDF2-HMAC-SHA256 with a fresh
//   random salt. Default iterations: 200,000.

#include <cstdio>
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "command.h"
#include "serve/accounts.h"

namespace chatcart::cli {
namespace {

int RunAgentPassword(Args& args) {
  std::string id = args.ValueOr("id", "");
  std::string name = args.ValueOr("name", id);
  int iterations = 200000;
  if (!absl::SimpleAtoi(args.ValueOr("iterations", "200000"), &iterations) || iterations < 10000) {
    std::fprintf(stderr, "chatcart agent-password: --iterations needs a number >= 10000\n");
    return kExitUsage;
  }
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart agent-password: %s\n", error.c_str());
    return kExitUsage;
  }
  std::string password;
  std::getline(std::cin, password);
  absl::StatusOr<std::string> line = serve::AccountLine(id, name, password, iterations);
  if (!line.ok()) {
    std::fprintf(stderr, "chatcart agent-password: %s\n",
                 std::string(line.status().message()).c_str());
    return kExitUsage;
  }
  std::printf("%s\n", line->c_str());
  return kExitOk;
}

CHATCART_CLI_COMMAND(agent_password,
                     {.name = "agent-password",
                      .summary = "Prints an agents-file line for chatcart serve --agents",
                      .run = RunAgentPassword,
                      .flags = {{"id", kValue, "ID", "the agent's id, as they sign in (required)"},
                                {"name", kValue, "NAME", "the name shoppers see (required)"},
                                {"iterations", kValue, "N", "PBKDF2 iterations (default 200000)"}},
                      .example = "chatcart agent-password --id nick --name Nick < password.txt"});

}  // namespace
}  // namespace chatcart::cli
