// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The chatcart CLI's subcommands. Each lives in its own cmd_<name>.cc and
// registers itself at static-initialization time:
//
//   int RunDemo(Args& args);
//   CHATCART_CLI_COMMAND(demo, "demo", "Runs the scripted demo", RunDemo);
//
// The CLI uses chatcart's public headers only, like any host.

#ifndef CHATCART_EXAMPLES_CLI_COMMAND_H_
#define CHATCART_EXAMPLES_CLI_COMMAND_H_

#include <string>
#include <vector>

#include "args.h"

namespace chatcart::cli {

// Exit codes of every subcommand.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the work failed (a mismatch, an error)
inline constexpr int kExitUsage = 2;    // the command line or input is malformed

struct Command {
  std::string name;     // "cart apply" for a two-word command
  std::string summary;  // one line for `chatcart help`
  int (*run)(Args& args);
};

// Adds `command` to the registry; returns true (for static registration).
bool RegisterCommand(Command command);

// Every registered command, sorted by name.
std::vector<Command> Commands();

}  // namespace chatcart::cli

#define CHATCART_CLI_COMMAND(id, name, summary, fn) \
  static const bool chatcart_cli_registered_##id =  \
      ::chatcart::cli::RegisterCommand({(name), (summary), (fn)})

#endif  // CHATCART_EXAMPLES_CLI_COMMAND_H_
