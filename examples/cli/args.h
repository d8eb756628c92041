// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A small command-line parser for the CLI's subcommands: `--name value`,
// `--name=value`, repeatable flags (`--where a --where b`), boolean switches
// (`--json`) and positional arguments. Unknown flags are errors, reported by
// Finish() so a typo never passes silently.

#ifndef CHATCART_EXAMPLES_CLI_ARGS_H_
#define CHATCART_EXAMPLES_CLI_ARGS_H_

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace chatcart::cli {

class Args {
 public:
  // `argv` holds the arguments after the subcommand's name.
  explicit Args(std::vector<std::string> argv);

  // The last value of --name, or nullopt when absent.
  std::optional<std::string> Value(const std::string& name);
  // The value of --name, or `fallback`.
  std::string ValueOr(const std::string& name, const std::string& fallback);
  // Every value of a repeatable --name, in order.
  std::vector<std::string> Values(const std::string& name);
  // Whether the switch --name is present (it takes no value).
  bool Switch(const std::string& name);
  // Arguments that are not flags, in order.
  const std::vector<std::string>& Positional();

  // Returns an error message when a flag was malformed, given but never asked
  // for, or lacks a value; empty when all is well. Call after all lookups.
  std::string Finish();

 private:
  void Parse();

  std::vector<std::string> argv_;
  bool parsed_ = false;
  std::set<std::string> switches_;  // names asked for with Switch()
  std::multimap<std::string, std::optional<std::string>> flags_;
  std::vector<std::string> positional_;
  std::set<std::string> asked_;
  std::string error_;
};

}  // namespace chatcart::cli

#endif  // CHATCART_EXAMPLES_CLI_ARGS_H_
