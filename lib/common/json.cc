// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// AppendJsonString (chatcart/json.h): the one JSON string escaper.

#include "chatcart/json.h"

#include <cstddef>

#include "common/utf8_scrub.h"

namespace chatcart {

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  static constexpr char kHex[] = "0123456789abcdef";
  size_t run = 0;  // start of the pending unescaped run
  auto flush = [&](size_t i) { out->append(text.data() + run, i - run); };
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // Copy a well-formed sequence as it is; replace an ill-formed one.
      size_t bad = 0;
      if (const size_t len = Utf8Sequence(text, i, &bad); len > 0) {
        i += len - 1;
        continue;
      }
      flush(i);
      out->append("\xEF\xBF\xBD");
      i += bad - 1;
      run = i + 1;
      continue;
    }
    const char* escape = nullptr;
    switch (c) {
      case '"':
        escape = "\\\"";
        break;
      case '\\':
        escape = "\\\\";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      case '\t':
        escape = "\\t";
        break;
      case '\b':
        escape = "\\b";
        break;
      case '\f':
        escape = "\\f";
        break;
      default:
        break;
    }
    if (escape == nullptr && c >= 0x20) continue;
    flush(i);
    if (escape != nullptr) {
      out->append(escape);
    } else {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
    run = i + 1;
  }
  flush(text.size());
  out->push_back('"');
}

}  // namespace chatcart
