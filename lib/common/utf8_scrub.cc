// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/utf8_scrub.h"

#include <cstdint>
#include <string>
#include <utility>

namespace chatcart {

size_t Utf8Sequence(std::string_view text, size_t pos, size_t* bad) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const uint8_t lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t need;
  uint8_t lo = 0x80, hi = 0xBF;  // the second byte's range
  if (lead >= 0xC2 && lead <= 0xDF) {
    need = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    need = 2;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    need = 3;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    *bad = 1;
    return 0;
  }
  size_t i = 1;
  for (; i <= need && pos + i < text.size(); ++i) {
    const uint8_t b = byte(pos + i);
    const bool fits = i == 1 ? (b >= lo && b <= hi) : (b >= 0x80 && b <= 0xBF);
    if (!fits) break;
  }
  if (i == need + 1) return i;
  *bad = i;
  return 0;
}

bool IsWellFormedUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t bad = 0;
    const size_t n = Utf8Sequence(text, pos, &bad);
    if (n == 0) return false;
    pos += n;
  }
  return true;
}

bool ScrubUtf8InPlace(std::string* text) {
  if (IsWellFormedUtf8(*text)) return false;
  std::string out;
  out.reserve(text->size() + 8);
  size_t pos = 0;
  while (pos < text->size()) {
    size_t bad = 0;
    const size_t n = Utf8Sequence(*text, pos, &bad);
    if (n > 0) {
      out.append(*text, pos, n);
      pos += n;
    } else {
      out.append("\xEF\xBF\xBD");
      pos += bad;
    }
  }
  *text = std::move(out);
  return true;
}

}  // namespace chatcart
