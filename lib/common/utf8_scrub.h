// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Well-formed UTF-8 for components below `text` (the cart): protobuf string
// fields must hold it, and protobuf logs an ERROR line for every string that
// does not each time it serializes one (#22). Each maximal ill-formed
// subsequence becomes U+FFFD, the Unicode standard's best practice, which is
// what ICU's U8_NEXT (text/utf8.h) does too, so text scrubbed by either reads
// the same. Pure functions; thread-safe.

#ifndef CHATCART_COMMON_UTF8_SCRUB_H_
#define CHATCART_COMMON_UTF8_SCRUB_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace chatcart {

// The length of the well-formed UTF-8 sequence at text[pos], or 0 when there
// is none; then *bad is the length of the maximal ill-formed subpart there
// (at least 1), what one U+FFFD replaces (Table 3-7 of the Unicode standard).
// REQUIRES: pos < text.size().
size_t Utf8Sequence(std::string_view text, size_t pos, size_t* bad);

// Whether `text` is well-formed UTF-8 (no surrogates, nothing above
// U+10FFFF, no overlong forms).
bool IsWellFormedUtf8(std::string_view text);

// Replaces each maximal ill-formed subsequence of *text with U+FFFD; returns
// whether anything changed.
bool ScrubUtf8InPlace(std::string* text);

}  // namespace chatcart

#endif  // CHATCART_COMMON_UTF8_SCRUB_H_
