// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "chatcart/limits.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace chatcart {
namespace {

// Whether objects and arrays in `json` nest deeper than `limit` (brackets
// in strings skipped). The protobuf parser recurses per level, and its own
// limit says less clearly what was wrong.
bool NestsDeeperThan(std::string_view json, int limit) {
  int depth = 0;
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > limit) return true;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return false;
}

}  // namespace

absl::Status CheckJsonLimits(std::string_view json, std::string_view what) {
  if (json.size() > kMaxJsonBytes) {
    return absl::ResourceExhaustedError(absl::StrCat(std::string(what), " JSON: ", json.size(),
                                                     " bytes, over the limit of ", kMaxJsonBytes,
                                                     " (kMaxJsonBytes)"));
  }
  if (NestsDeeperThan(json, kMaxJsonDepth)) {
    return absl::ResourceExhaustedError(absl::StrCat(
        std::string(what), " JSON: objects and arrays nested deeper than the limit of ",
        kMaxJsonDepth, " levels (kMaxJsonDepth)"));
  }
  return absl::OkStatus();
}

}  // namespace chatcart
