// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "c_api/json_value.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "absl/strings/str_cat.h"
#include "chatcart/limits.h"
#include "chatcart/wire.h"
#include "common/wire_utf8.h"

namespace chatcart::c_api::json {

using google::protobuf::ListValue;
using google::protobuf::Struct;
using google::protobuf::Value;

namespace {

std::string_view KindName(const Value& v) {
  switch (v.kind_case()) {
    case Value::kNullValue:
      return "null";
    case Value::kNumberValue:
      return "a number";
    case Value::kStringValue:
      return "a string";
    case Value::kBoolValue:
      return "a boolean";
    case Value::kStructValue:
      return "an object";
    case Value::kListValue:
      return "a list";
    case Value::KIND_NOT_SET:
      break;
  }
  return "nothing";
}

absl::Status WrongKind(const Value& v, const std::string& where, std::string_view expected) {
  return absl::InvalidArgumentError(absl::StrCat(where, ": expected ", std::string(expected),
                                                 ", got ", std::string(KindName(v))));
}

// The length of the well-formed UTF-8 sequence at s[i] (Unicode Table 3-7),
// or 0 when none starts there.
size_t SequenceAt(std::string_view s, size_t i) {
  auto byte = [&](size_t k) -> unsigned { return static_cast<unsigned char>(s[k]); };
  auto in = [&](size_t k, unsigned lo, unsigned hi) {
    return k < s.size() && byte(k) >= lo && byte(k) <= hi;
  };
  const unsigned b = byte(i);
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) return in(i + 1, 0x80, 0xBF) ? 2 : 0;
  if (b >= 0xE0 && b <= 0xEF) {
    const unsigned lo = b == 0xE0 ? 0xA0 : 0x80, hi = b == 0xED ? 0x9F : 0xBF;
    return in(i + 1, lo, hi) && in(i + 2, 0x80, 0xBF) ? 3 : 0;
  }
  if (b >= 0xF0 && b <= 0xF4) {
    const unsigned lo = b == 0xF0 ? 0x90 : 0x80, hi = b == 0xF4 ? 0x8F : 0xBF;
    return in(i + 1, lo, hi) && in(i + 2, 0x80, 0xBF) && in(i + 3, 0x80, 0xBF) ? 4 : 0;
  }
  return 0;
}

// `s` with each byte that starts no well-formed sequence replaced by U+FFFD:
// JSON text is UTF-8, and some strings come as typed (an entity's text).
std::string WellFormedUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    const size_t n = SequenceAt(s, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(s, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace

Value String(std::string_view s) {
  Value v;
  v.set_string_value(WellFormedUtf8(s));
  return v;
}

Value Number(double n) {
  Value v;
  v.set_number_value(n);
  return v;
}

Value Bool(bool b) {
  Value v;
  v.set_bool_value(b);
  return v;
}

Value Object(Struct s) {
  Value v;
  *v.mutable_struct_value() = std::move(s);
  return v;
}

Value List(ListValue l) {
  Value v;
  *v.mutable_list_value() = std::move(l);
  return v;
}

void Set(Struct* s, const std::string& key, Value value) {
  (*s->mutable_fields())[key] = std::move(value);
}

absl::Status OnlyKeys(const Struct& s, const std::string& where,
                      std::initializer_list<std::string_view> known) {
  // Sorted, so the error names the same key every time.
  std::vector<std::string> keys;
  for (const auto& [key, value] : s.fields()) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  for (const std::string& key : keys) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || k == key;
    if (!ok) {
      std::string list;
      for (std::string_view k : known)
        absl::StrAppend(&list, list.empty() ? "" : ", ", std::string(k));
      return absl::InvalidArgumentError(
          absl::StrCat(where, ": unknown key \"", key, "\" (known: ", list, ")"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<const Struct*> AsObject(const Value& v, const std::string& where) {
  if (v.kind_case() != Value::kStructValue) return WrongKind(v, where, "an object");
  return &v.struct_value();
}

absl::StatusOr<const ListValue*> AsList(const Value& v, const std::string& where) {
  if (v.kind_case() != Value::kListValue) return WrongKind(v, where, "a list");
  return &v.list_value();
}

absl::StatusOr<std::string> AsString(const Value& v, const std::string& where) {
  if (v.kind_case() != Value::kStringValue) return WrongKind(v, where, "a string");
  return v.string_value();
}

absl::StatusOr<bool> AsBool(const Value& v, const std::string& where) {
  if (v.kind_case() != Value::kBoolValue) return WrongKind(v, where, "a boolean");
  return v.bool_value();
}

absl::StatusOr<int64_t> AsInteger(const Value& v, const std::string& where, int64_t min,
                                  int64_t max) {
  if (v.kind_case() != Value::kNumberValue) return WrongKind(v, where, "a number");
  double n = v.number_value();
  if (n != std::floor(n) || n < static_cast<double>(min) || n > static_cast<double>(max)) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": ", n, " is not a whole number within ", min, "..", max));
  }
  return static_cast<int64_t>(n);
}

absl::StatusOr<std::vector<std::string>> Strings(const Value& v, const std::string& where) {
  if (v.kind_case() != Value::kListValue) return WrongKind(v, where, "a list of strings");
  std::vector<std::string> out;
  for (int i = 0; i < v.list_value().values_size(); ++i) {
    const Value& item = v.list_value().values(i);
    if (item.kind_case() != Value::kStringValue) {
      return WrongKind(item, absl::StrCat(where, "[", i, "]"), "a string");
    }
    out.push_back(item.string_value());
  }
  return out;
}

absl::Status ParseMessage(chatcart_format format, std::string_view in, const char* function,
                          const char* what, google::protobuf::Message* message) {
  if (format == CHATCART_FORMAT_JSON) {
    absl::Status status = chatcart::ParseJson(in, what, message);
    if (!status.ok()) {
      // The code kept: RESOURCE_EXHAUSTED for JSON over a limit.
      return absl::Status(status.code(), absl::StrCat(function, ": ", status.message()));
    }
    return absl::OkStatus();
  }
  if (format == CHATCART_FORMAT_PROTO) {
    if (in.size() > chatcart::kMaxProtoBytes) {
      return absl::ResourceExhaustedError(
          absl::StrCat(function, ": ", what, ": ", in.size(), " bytes, over the limit of ",
                       chatcart::kMaxProtoBytes, " (kMaxProtoBytes)"));
    }
    // Before parsing: protobuf would log an ERROR line for an ill-formed
    // string (#22).
    if (std::string field = chatcart::IllFormedUtf8Field(*message->GetDescriptor(), in);
        !field.empty()) {
      return absl::InvalidArgumentError(
          absl::StrCat(function, ": ", what, ": ", field, " is not well-formed UTF-8"));
    }
    if (!message->ParseFromArray(in.data(), static_cast<int>(in.size()))) {
      return absl::InvalidArgumentError(absl::StrCat(function, ": ", what, ": not a ",
                                                     message->GetDescriptor()->full_name(),
                                                     " in binary protobuf"));
    }
    return absl::OkStatus();
  }
  return absl::InvalidArgumentError(
      absl::StrCat(function, ": format ", static_cast<int>(format),
                   " is neither CHATCART_FORMAT_JSON (1) nor CHATCART_FORMAT_PROTO (2)"));
}

absl::StatusOr<std::string> SerializeMessage(chatcart_format format,
                                             const google::protobuf::Message& message) {
  if (format == CHATCART_FORMAT_PROTO) return chatcart::DeterministicBytes(message);
  return chatcart::DeterministicJson(message);
}

}  // namespace chatcart::c_api::json
