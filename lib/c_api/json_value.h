// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// JSON for the experimental C API: messages in a chatcart_format, and
// requests and results without a proto message as google.protobuf.Struct
// (parsed and printed by protobuf's JSON mapping; printed from deterministic
// bytes, so object keys come out sorted and equal values give equal text).
// The readers name the request and the key in their errors
// ("recommend request: top: 0 is outside 1..100").

#ifndef CHATCART_C_API_JSON_VALUE_H_
#define CHATCART_C_API_JSON_VALUE_H_

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/c.h"
#include "google/protobuf/message.h"
#include "google/protobuf/struct.pb.h"

namespace chatcart::c_api::json {

// ---- building

google::protobuf::Value String(std::string_view s);
google::protobuf::Value Number(double n);
google::protobuf::Value Bool(bool b);
google::protobuf::Value Object(google::protobuf::Struct s);
google::protobuf::Value List(google::protobuf::ListValue l);
void Set(google::protobuf::Struct* s, const std::string& key, google::protobuf::Value value);

// ---- reading; `where` names the value in errors

// INVALID_ARGUMENT naming the first key of `s` not among `known`.
absl::Status OnlyKeys(const google::protobuf::Struct& s, const std::string& where,
                      std::initializer_list<std::string_view> known);
absl::StatusOr<const google::protobuf::Struct*> AsObject(const google::protobuf::Value& v,
                                                         const std::string& where);
absl::StatusOr<const google::protobuf::ListValue*> AsList(const google::protobuf::Value& v,
                                                          const std::string& where);
absl::StatusOr<std::string> AsString(const google::protobuf::Value& v, const std::string& where);
absl::StatusOr<bool> AsBool(const google::protobuf::Value& v, const std::string& where);
// A whole number within [min, max].
absl::StatusOr<int64_t> AsInteger(const google::protobuf::Value& v, const std::string& where,
                                  int64_t min, int64_t max);
// A list of strings.
absl::StatusOr<std::vector<std::string>> Strings(const google::protobuf::Value& v,
                                                 const std::string& where);

// ---- messages

// Parses `in` as `message` in `format`. INVALID_ARGUMENT naming `function`
// and `what` for a format other than JSON and PROTO or input that does not
// parse.
absl::Status ParseMessage(chatcart_format format, std::string_view in, const char* function,
                          const char* what, google::protobuf::Message* message);
// `message` in `format`, deterministic (maps and Struct keys sorted).
absl::StatusOr<std::string> SerializeMessage(chatcart_format format,
                                             const google::protobuf::Message& message);
inline absl::StatusOr<std::string> SerializeStruct(const google::protobuf::Struct& s) {
  return SerializeMessage(CHATCART_FORMAT_JSON, s);
}

}  // namespace chatcart::c_api::json

#endif  // CHATCART_C_API_JSON_VALUE_H_
