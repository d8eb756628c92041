// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// JsonWriter: the CLI's one streaming JSON writer, for every --json output
// (objects, arrays, strings escaped by chatcart/json.h, numbers). Not
// thread-safe.
//
//   JsonWriter w;
//   w.BeginObject(); w.Key("rows"); w.Int(3); w.EndObject();
//   std::puts(w.str().c_str());   // {"rows":3}

#ifndef CHATCART_EXAMPLES_CLI_JSON_WRITER_H_
#define CHATCART_EXAMPLES_CLI_JSON_WRITER_H_

#include <charconv>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chatcart/json.h"

namespace chatcart::cli {

class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key) {
    Comma();
    Quote(key);
    out_.push_back(':');
    after_key_ = true;
  }
  void String(std::string_view s) {
    Comma();
    Quote(s);
  }
  void Int(int64_t v) {
    Comma();
    out_ += std::to_string(v);
  }
  // Non-finite numbers are written as null.
  void Double(double v) {
    Comma();
    if (!std::isfinite(v)) {
      out_ += "null";
      return;
    }
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
  }
  void Bool(bool v) {
    Comma();
    out_ += v ? "true" : "false";
  }
  void Null() {
    Comma();
    out_ += "null";
  }
  // A raw, already valid JSON value (a decimal amount kept exact: 34.80).
  void Raw(std::string_view json) {
    Comma();
    out_ += json;
  }
  const std::string& str() const { return out_; }

 private:
  void Quote(std::string_view s) { AppendJsonString(s, &out_); }
  void Open(char c) {
    Comma();
    out_.push_back(c);
    first_.push_back(true);
  }
  void Close(char c) {
    out_.push_back(c);
    first_.pop_back();
  }
  void Comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
  std::string out_;
  std::vector<bool> first_;
  bool after_key_ = false;
};

}  // namespace chatcart::cli

#endif  // CHATCART_EXAMPLES_CLI_JSON_WRITER_H_
