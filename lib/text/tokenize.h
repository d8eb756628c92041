// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The tokenizer: words and numbers of a text, folded (text/fold.h), each with
// its byte span in the original text so callers can point back at what the
// shopper typed.
//
//   std::vector<Token> t = Tokenize("Got 2 “iPhone 15” cases? 1,500.50€!");
//   // got [0,3) 2 [4,5) iphone [10,16) 15 [17,19) cases [24,29) 1,500.50 [31,39)
//
// Rules (a simplification of Unicode word breaking, UAX #29, tuned for
// chat text in English, Italian and French):
//   - a token is a maximal run of letters and decimal digits (any script),
//     with the combining marks that follow them;
//   - '.' and ',' between two digits stay inside the token ("1,500.50",
//     "1.5k");
//   - apostrophes split ("l'iPhone" -> "l", "iphone"; "don't" -> "don", "t"),
//     as do hyphens, spaces, punctuation, symbols and emoji, which are
//     dropped unless TokenizeOptions::keep_symbols asks for currency signs,
//     '%', '+', '-', '<', '>' and '~';
//   - Han, Hiragana and Katakana characters are one token each; a change of
//     script between letters (Latin to Cyrillic, say) starts a new token;
//   - ill-formed UTF-8 decodes as U+FFFD and separates tokens; it never fails.
//
// All functions are thread-safe.

#ifndef CHATCART_TEXT_TOKENIZE_H_
#define CHATCART_TEXT_TOKENIZE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chatcart::text {

enum class TokenKind : uint8_t {
  kWord = 0,    // letters only: "iphone", "perché"
  kNumber = 1,  // digits, with '.'/',' between digits: "15", "1,500.50"
  kAlnum = 2,   // letters and digits: "6yo", "32x30", "1.5k"
  kSymbol = 3,  // one currency sign, '%', '+', '-', '<', '>' or '~' (keep_symbols only)
};

struct Token {
  std::string text;  // the folded token (Fold of the original bytes)
  size_t begin = 0;  // byte offset of the first byte in the original text
  size_t end = 0;    // byte offset one past the last byte
  TokenKind kind = TokenKind::kWord;
};

struct TokenizeOptions {
  // Also emit currency signs ($ € £ ¥ ...), '%', '+', '-' (any dash), '<',
  // '>' and '~' as kSymbol tokens, for entity parsers. Default: false.
  bool keep_symbols = false;
};

// Replaces *tokens with the tokens of `text`. Reusing one vector across calls
// avoids reallocating.
void Tokenize(std::string_view text, const TokenizeOptions& options, std::vector<Token>* tokens);

// The tokens of `text`.
std::vector<Token> Tokenize(std::string_view text, const TokenizeOptions& options = {});

}  // namespace chatcart::text

#endif  // CHATCART_TEXT_TOKENIZE_H_
