// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "args.h"

#include <utility>

namespace chatcart::cli {

// A lookup of a flag the command did not declare is the command's bug: it
// fails the command line, so a test that runs the command finds it.
void Args::Check(const std::string& name) {
  if (declared_.count(name) == 0) SetError("flag --" + name + " is not declared (a bug)");
}

std::optional<std::string> Args::Value(const std::string& name) {
  Check(name);
  auto it = values_.find(name);
  if (it == values_.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string Args::ValueOr(const std::string& name, const std::string& fallback) {
  return Value(name).value_or(fallback);
}

std::vector<std::string> Args::Values(const std::string& name) {
  Check(name);
  auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

bool Args::Switch(const std::string& name) {
  Check(name);
  return switches_.count(name) != 0;
}

std::string Args::Finish() { return error_; }

}  // namespace chatcart::cli
