// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart: the command-line tool. `chatcart help` lists the subcommands;
// `chatcart <command> --help` lists a command's flags, with an example. The
// command line is parsed by CLI11 (Debian's libcli11-dev): each command's
// words are a chain of CLI11 subcommands ("cart" then "apply") and its flags
// are CLI11 options, read back into the command's Args.

#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "args.h"
#include "chatcart/version.h"
#include "command.h"

namespace chatcart::cli {
namespace {

constexpr char kExitCodes[] =
    "exit codes:\n"
    "  0  success\n"
    "  1  the work failed (a mismatch, an error, a score below its floor)\n"
    "  2  the command line or the input is malformed\n";

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
  std::fprintf(out, "\n`chatcart <command> --help` lists its flags, with an example.\n\n%s",
               kExitCodes);
}

// A command's --help: usage, summary, flags, example, exit codes.
class HelpFormatter : public CLI::Formatter {
 public:
  explicit HelpFormatter(const Command& command) : command_(command) {}
  std::string make_description(const CLI::App*) const override { return ""; }
  // Positional arguments are named in the usage line.
  std::string make_positionals(const CLI::App*) const override { return ""; }
  std::string make_usage(const CLI::App*, std::string) const override {
    std::string usage = "usage: chatcart " + command_.name + " [flags]";
    if (!command_.positional.empty()) usage += " " + command_.positional;
    return usage + "\n\n" + command_.summary + "\n";
  }
  std::string make_footer(const CLI::App*) const override {
    return "example:\n  " + command_.example + "\n\n" + kExitCodes;
  }

 private:
  const Command& command_;
};

// One command as CLI11 sees it: its subcommand and its options.
struct Leaf {
  const Command* command = nullptr;
  CLI::App* app = nullptr;
  std::vector<CLI::Option*> options;  // by command->flags' index
  std::vector<std::string> positional;
};

// Declares `command` under `root`, one subcommand per word of its name.
void AddCommand(CLI::App* root, const Command& command, Leaf* leaf) {
  CLI::App* node = root;
  size_t start = 0;
  while (start <= command.name.size()) {
    size_t space = command.name.find(' ', start);
    if (space == std::string::npos) space = command.name.size();
    const std::string word = command.name.substr(start, space - start);
    CLI::App* next = nullptr;
    for (CLI::App* sub : node->get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == word) next = sub;
    }
    if (next == nullptr) {
      next = node->add_subcommand(word, "");
      next->set_help_flag();
    }
    node = next;
    start = space + 1;
  }
  leaf->command = &command;
  leaf->app = node;
  node->description(command.summary);
  node->set_help_flag("-h,--help", "prints this help and exits");
  node->formatter(std::make_shared<HelpFormatter>(command));
  // Anything unknown is kept, then reported by Args::Finish() in the
  // command's own words ("unknown flag --x"), as before CLI11.
  node->allow_extras();
  for (const Flag& flag : command.flags) {
    CLI::Option* option = nullptr;
    if (flag.kind == kSwitch) {
      option = node->add_flag("--" + flag.name)->description(flag.help);
    } else {
      option = node->add_option("--" + flag.name)
                   ->description(flag.kind == kRepeated ? flag.help + " (repeatable)" : flag.help)
                   ->type_name(flag.value_name)
                   ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    }
    leaf->options.push_back(option);
  }
  node->add_option("arguments", leaf->positional)->group("");
}

// The command's Args from what CLI11 parsed.
Args ToArgs(const Leaf& leaf) {
  Args args;
  const std::vector<Flag>& flags = leaf.command->flags;
  for (size_t i = 0; i < flags.size(); ++i) {
    args.Declare(flags[i].name);
    const CLI::Option* option = leaf.options[i];
    if (option->count() == 0) continue;
    if (flags[i].kind == kSwitch) {
      args.SetSwitch(flags[i].name);
      continue;
    }
    for (const std::string& value : option->results()) args.Add(flags[i].name, value);
  }
  for (const std::string& arg : leaf.positional) args.AddPositional(arg);
  for (const std::string& extra : leaf.app->remaining()) {
    if (extra == "--") continue;
    if (extra.size() > 2 && extra.compare(0, 2, "--") == 0) {
      args.SetError("unknown flag " + extra.substr(0, extra.find('=')));
    } else {
      args.AddPositional(extra);  // "-x": an argument, as it always was
    }
  }
  return args;
}

// "--limit: 1 required N missing" -> "flag --limit needs a value".
std::string Reword(const CLI::ParseError& error) {
  const std::string what = error.what();
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error) != nullptr && what.rfind("--", 0) == 0) {
    return "flag " + what.substr(0, what.find(':')) + " needs a value";
  }
  return what;
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

// Parses `words` (the command line without the program's name) and runs the
// command they name; returns its exit code.
int Main(std::vector<std::string> words) {
  if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
    PrintUsage(words.empty() ? stderr : stdout);
    return words.empty() ? kExitUsage : kExitOk;
  }
  if (words[0] == "--version") words[0] = "version";
  static const std::vector<Command> commands = Commands();
  CLI::App app("conversational commerce engine", "chatcart");
  app.set_help_flag();
  std::vector<std::unique_ptr<Leaf>> leaves;
  for (const Command& command : commands) {
    leaves.push_back(std::make_unique<Leaf>());
    AddCommand(&app, command, leaves.back().get());
  }
  auto parsed_leaf = [&]() -> Leaf* {
    for (const auto& leaf : leaves) {
      if (leaf->app->parsed()) return leaf.get();
    }
    return nullptr;
  };
  std::string error;
  try {
    app.parse(std::vector<std::string>(words.rbegin(), words.rend()));
  } catch (const CLI::CallForHelp&) {
    if (Leaf* leaf = parsed_leaf(); leaf != nullptr) {
      std::fputs(leaf->app->help().c_str(), stdout);
      return kExitOk;
    }
  } catch (const CLI::ParseError& e) {
    error = Reword(e);
  }
  Leaf* leaf = parsed_leaf();
  if (leaf == nullptr) {
    std::fprintf(stderr, "chatcart: unknown command \"%s\"\n\n", words[0].c_str());
    PrintUsage(stderr);
    return kExitUsage;
  }
  Args args = ToArgs(*leaf);
  if (!error.empty()) args.SetError(error);
  return leaf->command->run(args);
}

}  // namespace chatcart::cli

int main(int argc, char** argv) {
  return chatcart::cli::Main(std::vector<std::string>(argv + 1, argv + argc));
}
