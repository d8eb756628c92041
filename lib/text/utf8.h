// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// UTF-8 helpers shared by the normalizer, the tokenizer and the entity
// parsers. Ill-formed input is never an error: each maximal ill-formed
// subsequence decodes as U+FFFD (REPLACEMENT CHARACTER), as ICU's U8_NEXT and
// the Unicode standard's "best practice" define it. All functions are
// thread-safe.

#ifndef CHATCART_TEXT_UTF8_H_
#define CHATCART_TEXT_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chatcart::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point at text[*pos] and advances *pos past it (at least one
// byte). Returns U+FFFD for an ill-formed sequence.
// REQUIRES: *pos < text.size().
char32_t DecodeUtf8(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `c` to *out (U+FFFD for a surrogate or a
// value above U+10FFFF).
void AppendUtf8(char32_t c, std::string* out);

// Whether `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// `text` with each ill-formed subsequence replaced by U+FFFD.
std::string ScrubUtf8(std::string_view text);

// The number of bytes of `text` that hold its first `max_chars` code points
// (ill-formed sequences count as one each): cuts never split a character.
size_t Utf8PrefixBytes(std::string_view text, size_t max_chars);

// Whether every byte of `text` is ASCII.
bool IsAscii(std::string_view text);

}  // namespace chatcart::text

#endif  // CHATCART_TEXT_UTF8_H_
