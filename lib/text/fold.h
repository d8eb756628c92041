// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Folding: the one normal form every matcher in chatcart compares in (the
// intent classifier, the pattern tier, entity parsers, the catalog lexicon).
//
//   Fold("Ｃafé’s  “BEST”—deal")   // "café's  \"best\"-deal"
//   Fold("Straße")                 // "strasse"
//   Fold("Perché", {.strip_accents = true})   // "perche"
//
// Fold applies, in order:
//   1. ill-formed UTF-8 -> U+FFFD (never an error, never a crash);
//   2. ICU NFKC_Casefold ("nfkc_cf"): compatibility forms (full-width letters,
//      ligatures, superscripts) to plain ones, Unicode case folding, and
//      removal of default-ignorable code points (ZWJ, LRM, soft hyphen);
//   3. punctuation unification: every apostrophe-like mark (’ ‘ ‚ ‛ ʼ ` ´) to
//      ASCII ', every double quote or guillemet (“ ” „ ‟ « » ‹ ›) to ", every
//      dash or minus (‐ ‑ ‒ – — ― − ﹘ ﹣) to -;
//   4. optionally, removal of combining accents (é -> e, ç -> c).
// Whitespace is kept as it is (NFKC turns no-break spaces into spaces). ASCII
// input takes a fast path with the same result (lower-casing, ` -> ').
//
// All functions are thread-safe.

#ifndef CHATCART_TEXT_FOLD_H_
#define CHATCART_TEXT_FOLD_H_

#include <string>
#include <string_view>

namespace chatcart::text {

struct FoldOptions {
  // Remove combining marks after folding ("perché" -> "perche", "ça" -> "ca").
  // Default: false (accents often tell words apart: "è"/"e", "où"/"ou").
  bool strip_accents = false;
};

// Returns the folded form of `text` (see the file comment).
std::string Fold(std::string_view text, const FoldOptions& options = {});

// Appends the folded form of `text` to *out; same result as Fold, without a
// temporary when the caller reuses *out.
void FoldTo(std::string_view text, const FoldOptions& options, std::string* out);

// Whether `a` and `b` are the same letters once case and accents are set
// aside ("Expériences" = "experiences", "perche" = "perché", "ÇA" = "ça"):
// each code point is compared by the first code point of its canonical
// decomposition, case-folded; combining marks are skipped. Allocates
// nothing; pure ASCII takes a fast path.
bool EqualsIgnoringAccents(std::string_view a, std::string_view b);

// The unified form of one punctuation code point: '\'' for apostrophes, '"'
// for double quotes and guillemets, '-' for dashes and minus signs; `c`
// itself otherwise.
char32_t UnifyPunctuation(char32_t c);

}  // namespace chatcart::text

#endif  // CHATCART_TEXT_FOLD_H_
