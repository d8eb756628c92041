// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "channels/text_fit.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace chatcart::channels::internal {
namespace {

// Decodes the code point at text[*pos] (valid or not) and advances *pos by
// at least one byte; U+FFFD for an ill-formed sequence.
char32_t Decode(std::string_view text, size_t* pos) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t i = *pos, n = text.size();
  unsigned char c = s[i];
  if (c < 0x80) {
    *pos = i + 1;
    return c;
  }
  int len = 0;
  char32_t cp = 0, min = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2, cp = c & 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3, cp = c & 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4, cp = c & 0x07, min = 0x10000;
  } else {
    *pos = i + 1;
    return 0xFFFD;
  }
  size_t j = i + 1;
  for (int k = 1; k < len; ++k, ++j) {
    if (j >= n || (s[j] & 0xC0) != 0x80) {
      *pos = j;
      return 0xFFFD;
    }
    cp = (cp << 6) | (s[j] & 0x3F);
  }
  *pos = j;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0xFFFD;
  return cp;
}

void Append(char32_t c, std::string* out) {
  if (c < 0x80) {
    out->push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (c >> 6)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (c >> 12)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (c >> 18)));
    out->push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Combining marks, joiners, variation selectors and emoji modifiers: a cut
// before one of them would split a grapheme.
bool Extends(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200D || c == 0x200C ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xE0020 && c <= 0xE007F);
}

bool IsSpace(char32_t c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }

bool IsCurrencySymbol(char32_t c) {
  return c == '$' || c == 0x20AC || c == 0x00A3 || c == 0x00A5 || c == 0x20B9 || c == 0x00A2 ||
         (c >= 0x20A0 && c <= 0x20CF);
}

struct Char {
  char32_t c;
  size_t begin, end;  // bytes
  int units;          // UTF-16
};

std::vector<Char> Chars(std::string_view text) {
  std::vector<Char> out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t c = Decode(text, &pos);
    out.push_back({c, begin, pos, c > 0xFFFF ? 2 : 1});
  }
  return out;
}

// Whether the word [begin, end) of chars is (part of) an amount: it holds a
// digit or a currency symbol, or is a three-letter upper-case code.
bool IsAmountWord(const std::vector<Char>& chars, size_t begin, size_t end) {
  int upper = 0;
  for (size_t i = begin; i < end; ++i) {
    if (IsDigit(chars[i].c) || IsCurrencySymbol(chars[i].c)) return true;
    if (chars[i].c >= 'A' && chars[i].c <= 'Z') ++upper;
  }
  return end - begin == 3 && upper == 3;
}

// Whether a word of chars [begin, end) is a currency (symbol or code).
bool IsCurrencyWord(const std::vector<Char>& chars, size_t begin, size_t end) {
  if (end == begin) return false;
  if (IsCurrencySymbol(chars[begin].c) || IsCurrencySymbol(chars[end - 1].c)) return true;
  if (end - begin != 3) return false;
  for (size_t i = begin; i < end; ++i) {
    if (chars[i].c < 'A' || chars[i].c > 'Z') return false;
  }
  return true;
}

bool HasDigit(const std::vector<Char>& chars, size_t begin, size_t end) {
  for (size_t i = begin; i < end; ++i) {
    if (IsDigit(chars[i].c)) return true;
  }
  return false;
}

bool IsTrailingPunct(char32_t c) {
  return c == ',' || c == ';' || c == ':' || c == '-' || c == 0x2013 || c == 0x2014 || c == '(' ||
         c == 0x00B7;
}

}  // namespace

std::string ValidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t c = Decode(text, &pos);
    if (c == 0xFFFD && !(pos - begin == 3 && static_cast<unsigned char>(text[begin]) == 0xEF)) {
      Append(c, &out);
    } else {
      out.append(text.substr(begin, pos - begin));
    }
  }
  return out;
}

size_t Utf16Length(std::string_view text) {
  size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) units += 1;  // a lead byte or ASCII
    if (c >= 0xF0) units += 1;           // a 4-byte sequence: a surrogate pair
  }
  return units;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t begin = pos;
    if (Decode(text, &pos) == 0xFFFD && text.substr(begin, pos - begin) != "\uFFFD") return false;
  }
  return true;
}

std::string FitText(std::string_view input, size_t max_units, std::string_view ellipsis,
                    bool* cut) {
  // Ill-formed bytes are counted as the U+FFFD they become.
  std::string valid;
  std::string_view text = input;
  if (!IsValidUtf8(input)) {
    valid = ValidUtf8(input);
    text = valid;
  }
  if (cut != nullptr) *cut = false;
  if (Utf16Length(text) <= max_units) return std::string(text);
  if (cut != nullptr) *cut = true;
  size_t ellipsis_units = Utf16Length(ellipsis);
  if (max_units <= ellipsis_units) return std::string(ellipsis.substr(0, max_units));
  size_t budget = max_units - ellipsis_units;
  std::vector<Char> chars = Chars(text);
  // Words: maximal runs of non-space characters. A cut is allowed after a
  // word that leaves no amount split from its currency.
  struct Word {
    size_t begin, end;
  };
  std::vector<Word> words;
  for (size_t i = 0; i < chars.size();) {
    while (i < chars.size() && IsSpace(chars[i].c)) ++i;
    size_t begin = i;
    while (i < chars.size() && !IsSpace(chars[i].c)) ++i;
    if (i > begin) words.push_back({begin, i});
  }
  size_t units_before = 0;  // units of chars [0, words[w].end)
  size_t best_end = 0;      // chars
  bool found = false;
  size_t consumed = 0;
  for (size_t w = 0; w < words.size(); ++w) {
    for (size_t i = consumed; i < words[w].end; ++i) units_before += chars[i].units;
    consumed = words[w].end;
    if (units_before > budget) break;
    bool allowed = true;
    if (w + 1 < words.size()) {
      const Word& next = words[w + 1];
      // "34.99 €" and "€ 34.99" / "USD 12" stay together.
      if (HasDigit(chars, words[w].begin, words[w].end) && IsCurrencyWord(chars, next.begin, next.end))
        allowed = false;
      if (IsCurrencyWord(chars, words[w].begin, words[w].end) && HasDigit(chars, next.begin, next.end))
        allowed = false;
    }
    if (allowed) {
      best_end = words[w].end;
      found = true;
    }
  }
  size_t end_char;
  if (found) {
    end_char = best_end;
    // Drop punctuation that would dangle before the ellipsis.
    while (end_char > 0 && IsTrailingPunct(chars[end_char - 1].c)) --end_char;
    while (end_char > 0 && IsSpace(chars[end_char - 1].c)) --end_char;
  } else {
    // One long first word: cut at a character boundary that splits neither a
    // grapheme nor an amount.
    size_t units = 0;
    end_char = 0;
    while (end_char < chars.size() && units + chars[end_char].units <= budget) {
      units += chars[end_char].units;
      ++end_char;
    }
    while (end_char > 0 && end_char < chars.size() && Extends(chars[end_char].c)) --end_char;
    if (!words.empty() && IsAmountWord(chars, words[0].begin, words[0].end)) {
      while (end_char > 0 && (IsDigit(chars[end_char - 1].c) || chars[end_char - 1].c == '.' ||
                              chars[end_char - 1].c == ',' ||
                              IsCurrencySymbol(chars[end_char - 1].c))) {
        --end_char;
      }
    }
  }
  std::string out(text.substr(0, end_char == 0 ? 0 : chars[end_char - 1].end));
  out.append(ellipsis);
  return out;
}

// ---------------------------------------------------------------- SMS

namespace {

// GSM 03.38 default alphabet (besides ASCII letters and digits) and the
// extension table (unicode.org Public/MAPPINGS/ETSI/GSM0338.TXT).
bool InGsmDefault(char32_t c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  switch (c) {
    case '@': case 0xA3: case '$': case 0xA5: case 0xE8: case 0xE9: case 0xF9: case 0xEC:
    case 0xF2: case 0xC7: case '\n': case 0xD8: case 0xF8: case '\r': case 0xC5: case 0xE5:
    case 0x394: case '_': case 0x3A6: case 0x393: case 0x39B: case 0x3A9: case 0x3A0:
    case 0x3A8: case 0x3A3: case 0x398: case 0x39E: case 0xC6: case 0xE6: case 0xDF:
    case 0xC9: case ' ': case '!': case '"': case '#': case 0xA4: case '%': case '&':
    case '\'': case '(': case ')': case '*': case '+': case ',': case '-': case '.': case '/':
    case ':': case ';': case '<': case '=': case '>': case '?': case 0xA1: case 0xC4:
    case 0xD6: case 0xD1: case 0xDC: case 0xA7: case 0xBF: case 0xE4: case 0xF6: case 0xF1:
    case 0xFC: case 0xE0:
      return true;
    default:
      return false;
  }
}

bool InGsmExtension(char32_t c) {
  switch (c) {
    case '^': case '{': case '}': case '\\': case '[': case '~': case ']': case '|':
    case 0x20AC: case '\f':
      return true;
    default:
      return false;
  }
}

}  // namespace

bool IsGsm7(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = Decode(text, &pos);
    if (!InGsmDefault(c) && !InGsmExtension(c)) return false;
  }
  return true;
}

size_t SmsUnits(std::string_view text, SmsEncoding encoding) {
  if (encoding == SmsEncoding::kUcs2) return Utf16Length(text);
  size_t units = 0, pos = 0;
  while (pos < text.size()) {
    char32_t c = Decode(text, &pos);
    units += InGsmExtension(c) ? 2 : 1;
  }
  return units;
}

size_t SentencePrefix(std::string_view text, size_t max_units, SmsEncoding encoding) {
  size_t best = 0, units = 0, pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t c = Decode(text, &pos);
    units += encoding == SmsEncoding::kUcs2 ? (c > 0xFFFF ? 2 : 1) : (InGsmExtension(c) ? 2 : 1);
    if (units > max_units) break;
    bool end = c == '\n' ||
               ((c == '.' || c == '!' || c == '?') && (pos == text.size() || text[pos] == ' ' ||
                                                       text[pos] == '\n'));
    // "3.5" or "e.g." mid-sentence: a full stop needs a space after it.
    if (end) best = c == '\n' ? begin : pos;
  }
  if (units <= max_units && pos >= text.size()) return text.size();
  if (best > 0) return best;
  // No sentence end fits: a word boundary (FitText counts UTF-16 units,
  // which an extension character exceeds by one septet: shrink until it fits).
  for (size_t limit = max_units;; --limit) {
    std::string fitted = FitText(text, limit, "");
    if (SmsUnits(fitted, encoding) <= max_units || limit == 0) return fitted.size();
  }
}

uint64_t Fnv1a64(std::string_view bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace chatcart::channels::internal
