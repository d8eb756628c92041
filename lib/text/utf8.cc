// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/utf8.h"

#include <cstdint>
#include <cstring>

#include "unicode/utf8.h"

namespace chatcart::text {

char32_t DecodeUtf8(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int64_t i = static_cast<int64_t>(*pos);
  const int64_t length = static_cast<int64_t>(text.size());
  UChar32 c;
  U8_NEXT(s, i, length, c);
  *pos = static_cast<size_t>(i);
  return c < 0 ? kReplacementChar : static_cast<char32_t>(c);
}

void AppendUtf8(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
    return;
  }
  if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacementChar;
  char buf[4];
  int32_t n = 0;
  U8_APPEND_UNSAFE(buf, n, static_cast<UChar32>(c));
  out->append(buf, static_cast<size_t>(n));
}

bool IsAscii(std::string_view text) {
  // Eight bytes at a time: this sits on the hot path of every turn.
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    if (word & 0x8080808080808080ULL) return false;
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= 0x80) return false;
  }
  return true;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const size_t start = pos;
    if (DecodeUtf8(text, &pos) == kReplacementChar) {
      // A well-formed U+FFFD is EF BF BD; anything else decoding to it is not.
      if (pos - start != 3 || text.compare(start, 3, "\xEF\xBF\xBD") != 0) return false;
    }
  }
  return true;
}

std::string ScrubUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      out.push_back(text[pos++]);
      continue;
    }
    const size_t start = pos;
    const char32_t c = DecodeUtf8(text, &pos);
    if (c == kReplacementChar) {
      AppendUtf8(kReplacementChar, &out);
    } else {
      out.append(text.substr(start, pos - start));
    }
  }
  return out;
}

size_t Utf8PrefixBytes(std::string_view text, size_t max_chars) {
  size_t pos = 0;
  for (size_t n = 0; n < max_chars && pos < text.size(); ++n) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
    } else {
      DecodeUtf8(text, &pos);
    }
  }
  return pos;
}

}  // namespace chatcart::text
