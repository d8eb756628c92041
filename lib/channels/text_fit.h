// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Text that fits a platform's limit: lengths in UTF-16 code units (never less
// than the code points or characters a platform counts), shortening at a word
// boundary with an ellipsis, never inside a UTF-8 sequence, a grapheme's
// combining marks or a price; SMS encodings and segments. Pure functions;
// thread-safe.

#ifndef CHATCART_CHANNELS_TEXT_FIT_H_
#define CHATCART_CHANNELS_TEXT_FIT_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "chatcart/channels.h"

namespace chatcart::channels::internal {

// `text` with each ill-formed UTF-8 subsequence replaced by U+FFFD, so that
// every payload is valid UTF-8 whatever a bundle or a host handed in.
std::string ValidUtf8(std::string_view text);

// Whether `text` is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// UTF-16 code units of valid UTF-8 `text` (a code point above U+FFFF counts 2).
size_t Utf16Length(std::string_view text);

// The longest prefix of `text` of at most `max_units` UTF-16 units: ends at a
// word boundary and carries `ellipsis` when it had to cut (`ellipsis` counts
// toward the limit). Trailing spaces and punctuation before the ellipsis are
// dropped. Never cuts inside a UTF-8 sequence, before a combining mark,
// variation selector or joiner, or inside a price ("€ 34.99", "34,99 €",
// "USD 12"): a price is kept whole or left out. A single word longer than the
// limit is cut at a character boundary. Returns `text` unchanged when it fits.
// *cut (may be null) says whether it cut.
std::string FitText(std::string_view text, size_t max_units, std::string_view ellipsis = "\u2026",
                    bool* cut = nullptr);

// The longest prefix of `text` ending at a sentence end (". ", "! ", "? ",
// a newline) of at most `max_units` SMS units for `encoding`
// (SmsUnits); when no sentence end fits, FitText's word boundary. Returns
// the length in bytes of that prefix (the rest starts after the spaces that
// follow it).
size_t SentencePrefix(std::string_view text, size_t max_units, SmsEncoding encoding);

// Whether every character of valid UTF-8 `text` is in GSM 03.38 (default
// alphabet or extension table).
bool IsGsm7(std::string_view text);

// Units of `text` in `encoding`: septets for GSM-7 (extension characters
// count 2), UTF-16 code units for UCS-2.
size_t SmsUnits(std::string_view text, SmsEncoding encoding);

// FNV-1a 64 of `bytes` (message ids in ChannelState).
uint64_t Fnv1a64(std::string_view bytes);

}  // namespace chatcart::channels::internal

#endif  // CHATCART_CHANNELS_TEXT_FIT_H_
