// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The bytes of the channels: a small JSON writer (keys in the order written,
// so equal inputs give equal bytes), form encoding (Twilio) and amounts as
// JSON numbers. Thread-compatible values.

#ifndef CHATCART_CHANNELS_WIRE_H_
#define CHATCART_CHANNELS_WIRE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "chatcart/v1/money.pb.h"

namespace chatcart::channels::internal {

// Appends JSON to a string. The caller writes a well-formed sequence
// (Key before each object member); strings are escaped and made valid UTF-8.
class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  JsonWriter& BeginObject();
  JsonWriter& EndObject();
  JsonWriter& BeginArray();
  JsonWriter& EndArray();
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(int64_t value);
  JsonWriter& Bool(bool value);
  // A number written as is ("56.14"). REQUIRES: a JSON number.
  JsonWriter& Number(std::string_view number);
  // Key + String, Key + Int.
  JsonWriter& Member(std::string_view key, std::string_view value) { return Key(key).String(value); }
  JsonWriter& MemberInt(std::string_view key, int64_t value) { return Key(key).Int(value); }

 private:
  void Separate();
  std::string* out_;
  bool first_ = true;  // no value written yet at this level
};

// application/x-www-form-urlencoded.
std::string FormEncode(std::string_view text);
// Parses a form body into (name, value) pairs, decoded, in order.
// INVALID_ARGUMENT naming the offset of a bad percent escape.
absl::StatusOr<std::vector<std::pair<std::string, std::string>>> FormDecode(std::string_view body);

// An amount as a JSON number with the currency's decimals ("56.14", "50.00",
// "1000" for JPY). INVALID_ARGUMENT for an unknown currency.
absl::StatusOr<std::string> AmountNumber(const v1::Money& money);

}  // namespace chatcart::channels::internal

#endif  // CHATCART_CHANNELS_WIRE_H_
