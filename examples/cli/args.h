// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// A subcommand's command line as CLI11 parsed it (main.cc): the values of its
// flags (`--name value`, `--name=value`, repeatable flags such as `--where a
// --where b`, switches such as `--json`) and its positional arguments. What
// the command line got wrong (an unknown flag, a flag without its value) is
// reported by Finish(), so each command says it in its own words.

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
  Args() = default;

  // Filled by main.cc from CLI11's results. Declare() names a flag the
  // command declared; Add() records one value of it, SetSwitch() a switch.
  void Declare(const std::string& name) { declared_.insert(name); }
  void Add(const std::string& name, std::string value) {
    values_[name].push_back(std::move(value));
  }
  void SetSwitch(const std::string& name) { switches_.insert(name); }
  void AddPositional(std::string arg) { positional_.push_back(std::move(arg)); }
  // The first problem of the command line, reported by Finish().
  void SetError(std::string error) {
    if (error_.empty()) error_ = std::move(error);
  }

  // The last value of --name, or nullopt when absent.
  std::optional<std::string> Value(const std::string& name);
  // The value of --name, or `fallback`.
  std::string ValueOr(const std::string& name, const std::string& fallback);
  // Every value of a repeatable --name, in order.
  std::vector<std::string> Values(const std::string& name);
  // Whether the switch --name is present (it takes no value).
  bool Switch(const std::string& name);
  // Arguments that are not flags, in order.
  const std::vector<std::string>& Positional() const { return positional_; }

  // Returns an error message when a flag was unknown or lacked its value;
  // empty when all is well. Call after all lookups.
  std::string Finish();

 private:
  void Check(const std::string& name);

  std::set<std::string> declared_;
  std::map<std::string, std::vector<std::string>> values_;
  std::set<std::string> switches_;
  std::vector<std::string> positional_;
  std::string error_;
};

}  // namespace chatcart::cli

#endif  // CHATCART_EXAMPLES_CLI_ARGS_H_
