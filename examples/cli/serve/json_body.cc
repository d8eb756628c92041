// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/json_body.h"

#include <httplib.h>

#include "json_writer.h"
#include "simdjson.h"

namespace chatcart::serve {

absl::StatusOr<std::map<std::string, std::string, std::less<>>> ParseStringObject(
    const std::string& body) {
  simdjson::ondemand::parser parser;
  simdjson::padded_string padded(body);
  simdjson::ondemand::document doc;
  simdjson::ondemand::object obj;
  if (parser.iterate(padded).get(doc) || doc.get_object().get(obj)) {
    return absl::InvalidArgumentError("the body is not a JSON object");
  }
  std::map<std::string, std::string, std::less<>> fields;
  for (auto field : obj) {
    std::string_view key, value;
    if (field.unescaped_key().get(key) || field.value().get_string().get(value)) {
      return absl::InvalidArgumentError("every field must be a string");
    }
    fields[std::string(key)] = std::string(value);
  }
  return fields;
}

void JsonError(httplib::Response& res, int status, std::string_view message) {
  cli::JsonWriter w;
  w.BeginObject();
  w.Key("error");
  w.String(message);
  w.EndObject();
  res.status = status;
  res.set_content(w.str(), "application/json");
}

bool IsToken(std::string_view s) {
  if (s.size() < 8 || s.size() > 64) return false;
  for (char c : s) {
    if (!(isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return false;
  }
  return true;
}

}  // namespace chatcart::serve
