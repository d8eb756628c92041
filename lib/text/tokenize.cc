// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "text/tokenize.h"

#include "text/fold.h"
#include "text/utf8.h"
#include "unicode/uchar.h"
#include "unicode/uscript.h"

namespace chatcart::text {
namespace {

enum class CharClass : uint8_t {
  kSeparator,
  kLetter,
  kDigit,
  kMark,          // a combining mark: continues a token, never starts one
  kIdeograph,     // Han, Hiragana, Katakana: a token of its own
  kNumberJoiner,  // '.' or ',': inside a number only
  kSymbol,
};

struct CharInfo {
  CharClass cls = CharClass::kSeparator;
  UScriptCode script = USCRIPT_COMMON;
};

bool IsSymbolChar(char32_t c) {
  if (c == U'%' || c == U'+' || c == U'-' || c == U'<' || c == U'>' || c == U'~') return true;
  if (UnifyPunctuation(c) == U'-') return true;
  return u_charType(static_cast<UChar32>(c)) == U_CURRENCY_SYMBOL;
}

CharInfo Classify(char32_t c) {
  CharInfo info;
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      info.cls = CharClass::kLetter;
      info.script = USCRIPT_LATIN;
    } else if (c >= '0' && c <= '9') {
      info.cls = CharClass::kDigit;
    } else if (c == '.' || c == ',') {
      info.cls = CharClass::kNumberJoiner;
    } else if (IsSymbolChar(c)) {
      info.cls = CharClass::kSymbol;
    }
    return info;
  }
  if (c == kReplacementChar) return info;
  const UChar32 uc = static_cast<UChar32>(c);
  if (U_GET_GC_MASK(uc) & U_GC_M_MASK) {
    info.cls = CharClass::kMark;
    return info;
  }
  if (u_isdigit(uc)) {
    info.cls = CharClass::kDigit;
    return info;
  }
  if (u_isalpha(uc)) {
    UErrorCode status = U_ZERO_ERROR;
    info.script = uscript_getScript(uc, &status);
    if (U_FAILURE(status)) info.script = USCRIPT_COMMON;
    info.cls = (info.script == USCRIPT_HAN || info.script == USCRIPT_HIRAGANA ||
                info.script == USCRIPT_KATAKANA)
                   ? CharClass::kIdeograph
                   : CharClass::kLetter;
    return info;
  }
  if (IsSymbolChar(c)) info.cls = CharClass::kSymbol;
  return info;
}

bool IsRealScript(UScriptCode s) { return s != USCRIPT_COMMON && s != USCRIPT_INHERITED; }

}  // namespace

void Tokenize(std::string_view text, const TokenizeOptions& options, std::vector<Token>* tokens) {
  tokens->clear();
  size_t pos = 0;
  // The token being built: [start, end) with what it holds so far.
  bool in_token = false;
  size_t start = 0, end = 0;
  bool has_letter = false, has_digit = false;
  bool last_was_digit = false;
  UScriptCode token_script = USCRIPT_COMMON;

  auto flush = [&] {
    if (!in_token) return;
    Token& t = tokens->emplace_back();
    t.begin = start;
    t.end = end;
    t.kind = has_letter ? (has_digit ? TokenKind::kAlnum : TokenKind::kWord) : TokenKind::kNumber;
    FoldTo(text.substr(start, end - start), FoldOptions(), &t.text);
    in_token = false;
  };
  auto begin = [&](size_t at) {
    in_token = true;
    start = at;
    has_letter = has_digit = false;
    token_script = USCRIPT_COMMON;
  };

  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t c = static_cast<unsigned char>(text[pos]) < 0x80
                           ? static_cast<char32_t>(text[pos++])
                           : DecodeUtf8(text, &pos);
    const CharInfo info = Classify(c);
    switch (info.cls) {
      case CharClass::kLetter:
        if (in_token && IsRealScript(token_script) && info.script != token_script) flush();
        if (!in_token) begin(at);
        has_letter = true;
        if (IsRealScript(info.script)) token_script = info.script;
        end = pos;
        last_was_digit = false;
        break;
      case CharClass::kDigit:
        if (!in_token) begin(at);
        has_digit = true;
        end = pos;
        last_was_digit = true;
        break;
      case CharClass::kMark:
        if (in_token && end == at) end = pos;  // attached to the previous character
        break;
      case CharClass::kIdeograph:
        flush();
        begin(at);
        has_letter = true;
        end = pos;
        flush();
        last_was_digit = false;
        break;
      case CharClass::kNumberJoiner: {
        // Inside a number only when a digit precedes and one follows.
        const bool next_is_digit = pos < text.size() && text[pos] >= '0' && text[pos] <= '9';
        if (in_token && end == at && last_was_digit && next_is_digit) {
          end = pos;
        } else {
          flush();
        }
        last_was_digit = false;
        break;
      }
      case CharClass::kSymbol:
        flush();
        if (options.keep_symbols) {
          Token& t = tokens->emplace_back();
          t.begin = at;
          t.end = pos;
          t.kind = TokenKind::kSymbol;
          FoldTo(text.substr(at, pos - at), FoldOptions(), &t.text);
        }
        last_was_digit = false;
        break;
      case CharClass::kSeparator:
        flush();
        last_was_digit = false;
        break;
    }
  }
  flush();
}

std::vector<Token> Tokenize(std::string_view text, const TokenizeOptions& options) {
  std::vector<Token> tokens;
  Tokenize(text, options, &tokens);
  return tokens;
}

}  // namespace chatcart::text
