// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The chatcart CLI's subcommands. Each lives in its own cmd_<name>.cc and
// registers itself at static-initialization time with its flags, which
// main.cc hands to CLI11 (Debian's libcli11-dev) to parse the command line
// and to print `chatcart <command> --help`:
//
//   int RunDemo(Args& args);
//   CHATCART_CLI_COMMAND(demo, {.name = "demo",
//                               .summary = "Runs the scripted demo",
//                               .run = RunDemo,
//                               .flags = {{"bundle", kValue, "DIR", "the bundle"}},
//                               .example = "chatcart demo --bundle examples/bundles/demo"});
//
// The CLI uses chatcart's public headers only, like any host.

#ifndef CHATCART_EXAMPLES_CLI_COMMAND_H_
#define CHATCART_EXAMPLES_CLI_COMMAND_H_

#include <string>
#include <vector>

#include "args.h"

namespace chatcart::cli {

// Exit codes of every subcommand (each command's --help repeats them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // the work failed (a mismatch, an error)
inline constexpr int kExitUsage = 2;    // the command line or input is malformed

// How a flag takes values.
enum FlagKind {
  kValue,     // --name VALUE or --name=VALUE; given twice, the last wins
  kRepeated,  // --name VALUE, as many times as wanted, all kept in order
  kSwitch,    // --name, no value
};

struct Flag {
  std::string name;  // without the dashes: "catalog"
  FlagKind kind = kValue;
  std::string value_name;  // "FILE", shown in --help; empty for a switch
  std::string help;        // one line for --help
};

struct Command {
  std::string name;     // "cart apply" for a two-word command
  std::string summary;  // one line for `chatcart help`
  int (*run)(Args& args);
  std::vector<Flag> flags;  // every flag the command reads from Args
  std::string positional;   // "TEXT..." in --help; empty: none expected
  std::string example;      // one or more example command lines for --help
};

// Adds `command` to the registry; returns true (for static registration).
bool RegisterCommand(Command command);

// Every registered command, sorted by name.
std::vector<Command> Commands();

}  // namespace chatcart::cli

#define CHATCART_CLI_COMMAND(id, ...)              \
  static const bool chatcart_cli_registered_##id = \
      ::chatcart::cli::RegisterCommand(::chatcart::cli::Command __VA_ARGS__)

#endif  // CHATCART_EXAMPLES_CLI_COMMAND_H_
