// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "channels/cat.h"
#include "channels/json_read.h"

#include <charconv>

namespace chatcart::channels::internal {

using simdjson::dom::element;
using simdjson::dom::element_type;

absl::StatusOr<element> ParseJson(std::string_view body, std::string_view what) {
  thread_local simdjson::dom::parser parser;
  thread_local simdjson::padded_string padded;
  padded = simdjson::padded_string(body);
  element root;
  simdjson::error_code error = parser.parse(padded).get(root);
  if (error != simdjson::SUCCESS) {
    return absl::InvalidArgumentError(
        Cat(what, ": not valid JSON (", simdjson::error_message(error), ")"));
  }
  return root;
}

namespace {

// The member `key`, or false when absent or null.
bool Member(simdjson::dom::object object, std::string_view key, element* out) {
  if (object.at_key(key).get(*out) != simdjson::SUCCESS) return false;
  return out->type() != element_type::NULL_VALUE;
}

}  // namespace

absl::Status OptString(simdjson::dom::object object, std::string_view key, std::string_view path,
                       std::string_view* out) {
  *out = {};
  element e;
  if (!Member(object, key, &e)) return absl::OkStatus();
  if (e.get_string().get(*out) != simdjson::SUCCESS) return Bad(path, key, "not a string");
  return absl::OkStatus();
}

absl::Status ReqString(simdjson::dom::object object, std::string_view key, std::string_view path,
                       std::string_view* out) {
  element e;
  if (!Member(object, key, &e)) return Bad(path, key, "missing");
  if (e.get_string().get(*out) != simdjson::SUCCESS) return Bad(path, key, "not a string");
  if (out->empty()) return Bad(path, key, "empty");
  return absl::OkStatus();
}

absl::Status OptInt(simdjson::dom::object object, std::string_view key, std::string_view path,
                    int64_t* out) {
  element e;
  if (!Member(object, key, &e)) return absl::OkStatus();
  int64_t value = 0;
  if (e.get_int64().get(value) == simdjson::SUCCESS) {
    *out = value;
    return absl::OkStatus();
  }
  std::string_view text;
  if (e.get_string().get(text) == simdjson::SUCCESS) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size()) {
      *out = value;
      return absl::OkStatus();
    }
  }
  return Bad(path, key, "not an integer");
}

absl::Status OptObject(simdjson::dom::object object, std::string_view key, std::string_view path,
                       simdjson::dom::object* out, bool* found) {
  element e;
  *found = Member(object, key, &e);
  if (!*found) return absl::OkStatus();
  if (e.get_object().get(*out) != simdjson::SUCCESS) return Bad(path, key, "not an object");
  return absl::OkStatus();
}

absl::Status OptArray(simdjson::dom::object object, std::string_view key, std::string_view path,
                      simdjson::dom::array* out, bool* found) {
  element e;
  *found = Member(object, key, &e);
  if (!*found) return absl::OkStatus();
  if (e.get_array().get(*out) != simdjson::SUCCESS) return Bad(path, key, "not an array");
  return absl::OkStatus();
}

}  // namespace chatcart::channels::internal
