// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "channels/wire.h"

#include <algorithm>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "channels/cat.h"
#include "channels/text_fit.h"
#include "chatcart/json.h"
#include "chatcart/money.h"

namespace chatcart::channels::internal {

void JsonWriter::Separate() {
  if (!first_) out_->push_back(',');
  first_ = false;
}

JsonWriter& JsonWriter::BeginObject() {
  Separate();
  out_->push_back('{');
  first_ = true;
  return *this;
}
JsonWriter& JsonWriter::EndObject() {
  out_->push_back('}');
  first_ = false;
  return *this;
}
JsonWriter& JsonWriter::BeginArray() {
  Separate();
  out_->push_back('[');
  first_ = true;
  return *this;
}
JsonWriter& JsonWriter::EndArray() {
  out_->push_back(']');
  first_ = false;
  return *this;
}
JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(key, out_);
  out_->push_back(':');
  first_ = true;  // the value follows without a comma
  return *this;
}
JsonWriter& JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(value, out_);
  return *this;
}
JsonWriter& JsonWriter::Int(int64_t value) {
  Separate();
  Append(out_, value);
  return *this;
}
JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_->append(value ? "true" : "false");
  return *this;
}
JsonWriter& JsonWriter::Number(std::string_view number) {
  Separate();
  out_->append(number);
  return *this;
}

std::string FormEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '*') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The next '%' or '+' at or after `from`, or npos.
size_t NextEscape(std::string_view part, size_t from) {
  for (size_t i = from; i < part.size(); ++i) {
    if (part[i] == '%' || part[i] == '+') return i;
  }
  return std::string_view::npos;
}

absl::StatusOr<std::string> Decode(std::string_view part, size_t offset) {
  size_t next = NextEscape(part, 0);
  if (next == std::string_view::npos) return std::string(part);  // the usual case
  std::string out;
  out.reserve(part.size());
  size_t i = 0;
  while (next != std::string_view::npos) {
    out.append(part.data() + i, next - i);
    if (part[next] == '+') {
      out.push_back(' ');
      i = next + 1;
    } else {
      int hi = next + 1 < part.size() ? HexValue(part[next + 1]) : -1;
      int lo = next + 2 < part.size() ? HexValue(part[next + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return absl::InvalidArgumentError(
            Cat("form body: bad percent escape at byte ", offset + next));
      }
      out.push_back(static_cast<char>(hi * 16 + lo));
      i = next + 3;
    }
    next = NextEscape(part, i);
  }
  out.append(part.data() + i, part.size() - i);
  return out;
}

}  // namespace

absl::StatusOr<std::vector<std::pair<std::string, std::string>>> FormDecode(std::string_view body) {
  std::vector<std::pair<std::string, std::string>> out;
  out.reserve(std::count(body.begin(), body.end(), '&') + 1);
  size_t start = 0;
  while (start <= body.size()) {
    size_t amp = body.find('&', start);
    if (amp == std::string_view::npos) amp = body.size();
    std::string_view part = body.substr(start, amp - start);
    if (!part.empty()) {
      size_t eq = part.find('=');
      std::string_view name = part.substr(0, eq);
      std::string_view value = eq == std::string_view::npos ? "" : part.substr(eq + 1);
      absl::StatusOr<std::string> n = Decode(name, start);
      if (!n.ok()) return n.status();
      absl::StatusOr<std::string> v = Decode(value, start + name.size() + 1);
      if (!v.ok()) return v.status();
      out.emplace_back(*std::move(n), *std::move(v));
    }
    start = amp + 1;
  }
  return out;
}

absl::StatusOr<std::string> AmountNumber(const v1::Money& money) {
  absl::StatusOr<Money> m = Money::FromMinorUnits(money.minor_units(), money.currency());
  if (!m.ok()) return m.status();
  return m->ToDecimalString();
}

}  // namespace chatcart::channels::internal
