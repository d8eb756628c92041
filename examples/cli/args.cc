// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "args.h"

#include <utility>

namespace chatcart::cli {

Args::Args(std::vector<std::string> argv) : argv_(std::move(argv)) {}

// Flags take the next argument as their value unless written --name=value or
// followed by another flag; switches never do. Because switch names are only
// known when asked for, parsing is lazy and redone on each lookup.
void Args::Parse() {
  flags_.clear();
  positional_.clear();
  error_.clear();
  bool only_positional = false;
  for (size_t i = 0; i < argv_.size(); ++i) {
    const std::string& arg = argv_[i];
    if (only_positional || arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      if (arg == "--") {
        only_positional = true;
      } else {
        positional_.push_back(arg);
      }
      continue;
    }
    std::string body = arg.substr(2);
    size_t eq = body.find('=');
    if (eq != std::string::npos) {
      flags_.emplace(body.substr(0, eq), body.substr(eq + 1));
    } else if (switches_.count(body) != 0) {
      flags_.emplace(body, std::nullopt);
    } else if (i + 1 < argv_.size()) {
      flags_.emplace(body, argv_[++i]);
    } else {
      flags_.emplace(body, std::nullopt);
    }
  }
  parsed_ = true;
}

std::optional<std::string> Args::Value(const std::string& name) {
  asked_.insert(name);
  if (!parsed_) Parse();
  std::optional<std::string> value;
  auto [begin, end] = flags_.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (!it->second.has_value()) {
      error_ = "flag --" + name + " needs a value";
      return std::nullopt;
    }
    value = it->second;
  }
  return value;
}

std::string Args::ValueOr(const std::string& name, const std::string& fallback) {
  return Value(name).value_or(fallback);
}

std::vector<std::string> Args::Values(const std::string& name) {
  asked_.insert(name);
  if (!parsed_) Parse();
  std::vector<std::string> values;
  auto [begin, end] = flags_.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (!it->second.has_value()) {
      error_ = "flag --" + name + " needs a value";
      continue;
    }
    values.push_back(*it->second);
  }
  return values;
}

bool Args::Switch(const std::string& name) {
  asked_.insert(name);
  if (switches_.insert(name).second) parsed_ = false;
  if (!parsed_) Parse();
  return flags_.count(name) != 0;
}

const std::vector<std::string>& Args::Positional() {
  if (!parsed_) Parse();
  return positional_;
}

std::string Args::Finish() {
  if (!parsed_) Parse();
  if (!error_.empty()) return error_;
  for (const auto& [name, value] : flags_) {
    if (asked_.count(name) == 0) return "unknown flag --" + name;
    if (!value.has_value() && switches_.count(name) == 0) {
      return "flag --" + name + " needs a value";
    }
  }
  return "";
}

}  // namespace chatcart::cli
