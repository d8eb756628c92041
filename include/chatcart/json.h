// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// JSON string literals, for hosts and tools that write JSON by hand (the
// chatcart CLI's --json output; the channels' payloads use it too), so that
// every JSON string chatcart writes is escaped the same way.
//
//   std::string out = "{\"text\":";
//   chatcart::AppendJsonString("say \"hi\"\n", &out);   // {"text":"say \"hi\"\n"
//
// Thread safety: a pure function.

#ifndef CHATCART_JSON_H_
#define CHATCART_JSON_H_

#include <string>
#include <string_view>

namespace chatcart {

// Appends `text` to *out as a JSON string (RFC 8259), quotes included:
// `"` and `\` escaped, \n \r \t \b \f as such, the other control characters
// below 0x20 as \u00XX; well-formed UTF-8 copied as it is and each maximal
// ill-formed subpart replaced by U+FFFD (the Unicode standard's practice), so
// the result is always valid JSON.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace chatcart

#endif  // CHATCART_JSON_H_
