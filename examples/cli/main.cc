// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart: the command-line tool. `chatcart help` lists the subcommands.

#include <cstdio>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "args.h"
#include "chatcart/version.h"
#include "command.h"

namespace chatcart::cli {
namespace {

std::vector<Command>& Registry() {
  static auto* registry = new std::vector<Command>();
  return *registry;
}

void PrintUsage(FILE* out) {
  std::fprintf(out,
               "chatcart %s: conversational commerce engine\n\nusage: chatcart <command> "
               "[flags]\n\ncommands:\n",
               CHATCART_VERSION_STRING);
  for (const Command& command : Commands()) {
    std::fprintf(out, "  %-18s %s\n", command.name.c_str(), command.summary.c_str());
  }
}

}  // namespace

bool RegisterCommand(Command command) {
  Registry().push_back(std::move(command));
  return true;
}

std::vector<Command> Commands() {
  std::vector<Command> commands = Registry();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.name < b.name; });
  return commands;
}

}  // namespace chatcart::cli

int main(int argc, char** argv) {
  using chatcart::cli::Command;
  std::vector<std::string> words(argv + 1, argv + argc);
  if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
    chatcart::cli::PrintUsage(words.empty() ? stderr : stdout);
    return words.empty() ? chatcart::cli::kExitUsage : chatcart::cli::kExitOk;
  }
  if (words[0] == "--version") words[0] = "version";
  // Longest match first: "cart apply" before "cart".
  const Command* best = nullptr;
  size_t best_words = 0;
  static const std::vector<Command> commands = chatcart::cli::Commands();
  for (const Command& command : commands) {
    std::vector<std::string> name_words;
    size_t start = 0;
    while (start <= command.name.size()) {
      size_t space = command.name.find(' ', start);
      if (space == std::string::npos) space = command.name.size();
      name_words.push_back(command.name.substr(start, space - start));
      start = space + 1;
    }
    if (name_words.size() > words.size() || name_words.size() <= best_words) continue;
    if (std::equal(name_words.begin(), name_words.end(), words.begin())) {
      best = &command;
      best_words = name_words.size();
    }
  }
  if (best == nullptr) {
    std::fprintf(stderr, "chatcart: unknown command \"%s\"\n\n", words[0].c_str());
    chatcart::cli::PrintUsage(stderr);
    return chatcart::cli::kExitUsage;
  }
  // "chatcart converse-eval --help": what the command does, from its summary.
  for (size_t k = best_words; k < words.size(); ++k) {
    if (words[k] == "--help" || words[k] == "-h") {
      std::printf("usage: chatcart %s [flags]\n\n%s\n", best->name.c_str(), best->summary.c_str());
      return chatcart::cli::kExitOk;
    }
  }
  chatcart::cli::Args args(std::vector<std::string>(words.begin() + best_words, words.end()));
  return best->run(args);
}
