// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Numbers in text as groups of digits (redact.cc reads each once), and the
// phone decision: shape first (international prefix, parentheses, groups,
// extension), then national plans and the words before the number.

#ifndef CHATCART_DESK_REDACT_PHONE_H_
#define CHATCART_DESK_REDACT_PHONE_H_

#include <cstddef>
#include <string_view>

#include "absl/container/inlined_vector.h"

namespace chatcart::redact_internal {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
// Bytes of words: ASCII letters and digits, '_' and every byte of a
// non-ASCII character (letters in en/it/fr text).
inline bool IsWordByte(unsigned char c) {
  return IsAlnum(static_cast<char>(c)) || c == '_' || c >= 0x80;
}

// Whether a number or code may start at `i`: not inside a word or a longer
// number ("CP-400", "A1234", "3.14").
bool StartsToken(std::string_view text, size_t i);

// One group of digits: bytes [begin, end), `paren` when written "(06)"
// (begin and end then exclude the parentheses).
struct DigitGroup {
  size_t begin = 0;
  size_t end = 0;
  int digits = 0;
  bool paren = false;
};

// A number as written: groups of digits split by single separators (" ",
// "-", ".", "/", " - ", ") "), with an optional leading '+'.
struct NumberRun {
  size_t begin = 0;
  size_t end = 0;
  bool plus = false;
  int digits = 0;
  absl::InlinedVector<DigitGroup, 8> groups;
  // The separator characters used between groups (bit per kind).
  unsigned separators = 0;
};

inline constexpr unsigned kSepSpace = 1;
inline constexpr unsigned kSepDash = 2;
inline constexpr unsigned kSepDot = 4;
inline constexpr unsigned kSepSlash = 8;

// Reads the number starting at `i` (a digit, '+' or '('). False when none
// starts there.
bool ReadNumberRun(std::string_view text, size_t i, NumberRun* run);

// What the words before a card-like number say: 1 a card word ("card",
// "cc", "carta", "CB"), -1 another kind of number ("SIRET", "order"), 0
// neither.
int CardContext(std::string_view text, size_t pos);

// Whether `run` is a phone number; *end receives the end of the span (past
// an extension such as " x204").
bool IsPhone(std::string_view text, const NumberRun& run, std::string_view language,
             size_t* end);

}  // namespace chatcart::redact_internal

#endif  // CHATCART_DESK_REDACT_PHONE_H_
