// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Numbers in chat text: digits with the separators people use ("1,500",
// "19,99", "1.500" in Italian and French, "1.5k") and numbers in words in
// English, Italian and French ("twenty-one", "a dozen", "ventitré",
// "centocinquanta", "quatre-vingt-dix"). Used by the entity extractors.
// Pure functions; thread-safe.

#ifndef CHATCART_INTENT_NUMBERS_H_
#define CHATCART_INTENT_NUMBERS_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "text/language.h"

namespace chatcart::intent {

// mantissa / 10^scale, exactly.
struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;

  double ToDouble() const;
  // Times 10^power (power >= 0); false on overflow.
  bool ScaleUp(int power);
};

// Parses a token of digits with '.'/',' separators. A separator followed by
// exactly three digits groups thousands in English ("1,500"), and in Italian
// and French when it is '.' ("1.500") or there are several groups; otherwise
// the last separator is the decimal point ("19.99", "19,99", "1.5"). False
// for anything else or more than 18 digits.
bool ParseDigits(std::string_view token, text::Language language, Decimal* out);

// A word token as the number grammar sees it.
struct WordToken {
  std::string_view bare;  // folded, accents stripped
};

// A number written in words over tokens [first, first + length).
struct WordNumber {
  size_t length = 0;
  int64_t value = 0;
};

// The longest number in words starting at tokens[i], or nullopt. Articles
// count only before a scale or a dozen ("a hundred", "un paio", "une
// douzaine"): "a" alone is no number.
std::optional<WordNumber> ParseWordNumber(const std::vector<WordToken>& tokens, size_t i,
                                          text::Language language);

// The value of one Italian number word, compounds included ("ventitre",
// "trentuno", "centocinquanta", "duemilacinquecento"), accents stripped;
// nullopt when the word is not a number.
std::optional<int64_t> ParseItalianNumberWord(std::string_view bare);

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_NUMBERS_H_
