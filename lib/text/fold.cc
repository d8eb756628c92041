// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/fold.h"

#include <cstdint>

#include "text/utf8.h"
#include "unicode/bytestream.h"
#include "unicode/normalizer2.h"
#include "unicode/uchar.h"

namespace chatcart::text {
namespace {

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

const icu::Normalizer2* Nfd() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

const icu::Normalizer2* Nfc() {
  static const icu::Normalizer2* const instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    return U_SUCCESS(status) ? n : nullptr;
  }();
  return instance;
}

// Runs `normalizer` over UTF-8 `in` (well-formed). On the unlikely ICU
// failure (out of memory) the input is returned unchanged rather than lost.
std::string Normalize(const icu::Normalizer2* normalizer, std::string_view in) {
  std::string out;
  if (normalizer == nullptr) return std::string(in);
  out.reserve(in.size() + 8);
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  normalizer->normalizeUTF8(0, icu::StringPiece(in.data(), static_cast<int32_t>(in.size())), sink,
                            nullptr, status);
  if (U_FAILURE(status)) return std::string(in);
  return out;
}

char AsciiFold(char c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
  if (c == '`') return '\'';
  return c;
}

}  // namespace

char32_t UnifyPunctuation(char32_t c) {
  switch (c) {
    case U'`':
    case 0x00B4:  // ´ ACUTE ACCENT
    case 0x02BC:  // ʼ MODIFIER LETTER APOSTROPHE
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201A:  // ‚
    case 0x201B:  // ‛
      return U'\'';
    case 0x00AB:  // «
    case 0x00BB:  // »
    case 0x201C:  // “
    case 0x201D:  // ”
    case 0x201E:  // „
    case 0x201F:  // ‟
    case 0x2039:  // ‹
    case 0x203A:  // ›
      return U'"';
    case 0x2010:  // ‐ HYPHEN
    case 0x2011:  // ‑ NON-BREAKING HYPHEN
    case 0x2012:  // ‒ FIGURE DASH
    case 0x2013:  // – EN DASH
    case 0x2014:  // — EM DASH
    case 0x2015:  // ― HORIZONTAL BAR
    case 0x2212:  // − MINUS SIGN
    case 0xFE58:  // ﹘
    case 0xFE63:  // ﹣
    case 0xFF0D:  // －
      return U'-';
    default:
      return c;
  }
}

void FoldTo(std::string_view text, const FoldOptions& options, std::string* out) {
  if (IsAscii(text)) {
    const size_t base = out->size();
    out->resize(base + text.size());
    for (size_t i = 0; i < text.size(); ++i) (*out)[base + i] = AsciiFold(text[i]);
    return;
  }
  std::string folded =
      Normalize(NfkcCasefold(), IsValidUtf8(text) ? std::string(text) : ScrubUtf8(text));
  if (options.strip_accents) {
    std::string decomposed = Normalize(Nfd(), folded);
    std::string bare;
    bare.reserve(decomposed.size());
    for (size_t pos = 0; pos < decomposed.size();) {
      const size_t start = pos;
      const char32_t c = DecodeUtf8(decomposed, &pos);
      if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) continue;
      bare.append(decomposed, start, pos - start);
    }
    folded = Normalize(Nfc(), bare);
  }
  out->reserve(out->size() + folded.size());
  for (size_t pos = 0; pos < folded.size();) {
    if (static_cast<unsigned char>(folded[pos]) < 0x80) {
      out->push_back(AsciiFold(folded[pos++]));
      continue;
    }
    const size_t start = pos;
    const char32_t c = DecodeUtf8(folded, &pos);
    const char32_t unified = UnifyPunctuation(c);
    if (unified != c) {
      AppendUtf8(unified, out);
    } else {
      out->append(folded, start, pos - start);
    }
  }
}

namespace {

// The next code point of `text` from *pos that is not a combining mark,
// without its accents and case-folded; 0 at the end.
char32_t NextBaseLetter(std::string_view text, size_t* pos) {
  while (*pos < text.size()) {
    const unsigned char lead = static_cast<unsigned char>(text[*pos]);
    if (lead < 0x80) {
      ++*pos;
      return static_cast<char32_t>(AsciiFold(static_cast<char>(lead)));
    }
    char32_t c = DecodeUtf8(text, pos);
    if (u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK) continue;
    icu::UnicodeString decomposition;  // short: no heap allocation
    if (const icu::Normalizer2* nfd = Nfd();
        nfd != nullptr && nfd->getDecomposition(static_cast<UChar32>(c), decomposition)) {
      c = static_cast<char32_t>(decomposition.char32At(0));
    }
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  }
  return 0;
}

}  // namespace

bool EqualsIgnoringAccents(std::string_view a, std::string_view b) {
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    const unsigned char x = static_cast<unsigned char>(a[i]);
    const unsigned char y = static_cast<unsigned char>(b[j]);
    if (x < 0x80 && y < 0x80) {  // the common case: a byte each
      if (AsciiFold(static_cast<char>(x)) != AsciiFold(static_cast<char>(y))) return false;
      ++i;
      ++j;
      continue;
    }
    if (NextBaseLetter(a, &i) != NextBaseLetter(b, &j)) return false;
  }
  // What is left of either must be combining marks only.
  return NextBaseLetter(a, &i) == 0 && NextBaseLetter(b, &j) == 0;
}

std::string Fold(std::string_view text, const FoldOptions& options) {
  std::string out;
  FoldTo(text, options, &out);
  return out;
}

}  // namespace chatcart::text
