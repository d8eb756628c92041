// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/echo.h"

#include "common/utf8_scrub.h"

namespace chatcart {

std::string Echo(std::string_view input, size_t max_bytes) {
  if (input.size() <= max_bytes) {
    std::string out(input);
    ScrubUtf8InPlace(&out);
    return out;
  }
  size_t cut = max_bytes;
  // input[cut] is the first byte left out: while it continues a sequence
  // (10xxxxxx), the prefix would end inside one.
  while (cut > 0 && (static_cast<unsigned char>(input[cut]) & 0xC0) == 0x80) --cut;
  std::string out(input.substr(0, cut));
  ScrubUtf8InPlace(&out);
  out += "\xE2\x80\xA6";  // …
  return out;
}

}  // namespace chatcart
