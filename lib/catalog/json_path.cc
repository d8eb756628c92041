// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "catalog/json_path.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace chatcart::catalog {

absl::StatusOr<JsonPath> JsonPath::Parse(std::string_view text) {
  auto error = [&](std::string_view what) {
    return absl::InvalidArgumentError(absl::StrCat("path \"", ToAbsl(text), "\": ", ToAbsl(what)));
  };
  if (text.empty()) return error("empty");
  JsonPath path;
  path.text_ = std::string(text);
  size_t i = 0;
  bool expect_key = true;  // at the start and after '.'
  while (i < text.size()) {
    if (text[i] == '[') {
      size_t close = text.find(']', i);
      if (close == std::string_view::npos) return error("'[' without ']'");
      std::string_view digits = text.substr(i + 1, close - i - 1);
      int64_t index = -1;
      auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
      if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
          index < 0) {
        return error(absl::StrCat("bad index [", ToAbsl(digits), "]"));
      }
      if (expect_key && !path.steps_.empty()) return error("empty key before '['");
      path.steps_.push_back(Step{"", index});
      i = close + 1;
      expect_key = false;
      if (i < text.size() && text[i] != '.' && text[i] != '[') {
        return error("expected '.' or '[' after ']'");
      }
      continue;
    }
    if (text[i] == '.') {
      if (expect_key) return error("empty key");
      expect_key = true;
      ++i;
      if (i == text.size()) return error("ends with '.'");
      continue;
    }
    // A key: up to an unescaped '.' or '['.
    std::string key;
    while (i < text.size() && text[i] != '.' && text[i] != '[') {
      if (text[i] == '\\') {
        if (i + 1 == text.size()) return error("dangling '\\'");
        key.push_back(text[i + 1]);
        i += 2;
      } else {
        key.push_back(text[i]);
        ++i;
      }
    }
    if (!expect_key) return error("expected '.' before a key");
    path.steps_.push_back(Step{std::move(key), -1});
    expect_key = false;
  }
  return path;
}

JsonPath JsonPath::Tail(size_t from) const {
  JsonPath tail;
  tail.text_ = text_;
  tail.steps_.assign(steps_.begin() + static_cast<std::ptrdiff_t>(std::min(from, steps_.size())),
                     steps_.end());
  return tail;
}

JsonPath JsonPath::Head(size_t n) const {
  JsonPath head;
  head.text_ = text_;
  head.steps_.assign(steps_.begin(),
                     steps_.begin() + static_cast<std::ptrdiff_t>(std::min(n, steps_.size())));
  return head;
}

JsonPath::Result JsonPath::Resolve(simdjson::dom::element root, simdjson::dom::element* out) const {
  simdjson::dom::element cur = root;
  for (const Step& step : steps_) {
    if (cur.is_null()) return Result::kAbsent;
    if (step.index < 0) {
      simdjson::dom::object obj;
      if (cur.get_object().get(obj) != simdjson::SUCCESS) return Result::kWrongType;
      if (obj.at_key(step.key).get(cur) != simdjson::SUCCESS) return Result::kAbsent;
    } else {
      simdjson::dom::array arr;
      if (cur.get_array().get(arr) != simdjson::SUCCESS) return Result::kWrongType;
      if (arr.at(static_cast<size_t>(step.index)).get(cur) != simdjson::SUCCESS) {
        return Result::kAbsent;
      }
    }
  }
  if (cur.is_null()) return Result::kAbsent;
  *out = cur;
  return Result::kFound;
}

}  // namespace chatcart::catalog
