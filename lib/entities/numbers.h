// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Numbers in digits and in words, in English, Italian and French:
//   - digits with the language's separators ("1,500" / "1.500", "19,99");
//   - words, joined into one number ("twenty-five", "one hundred and five",
//     "vingt et un", "quatre-vingt-dix-sept", "deux cents", "a dozen",
//     "half a dozen", "un paio", "une douzaine") and Italian's fused forms
//     ("ventitré", "centocinquanta", "duemilacinquecento");
//   - digits with a multiplier word ("2 thousand", "1.5 million", "3 mila");
//   - letters glued to digits ("1.5k", "6yo", "2nd", "x2", "eu42", "32x30"),
//     read as an Affix for the recognizers that care.
// "a"/"an"/"un"/"une" are 1 only before a multiplier ("a hundred"); "one"
// after a determiner is a pronoun ("the red one"), not a number.
//
// The words of each language are in number_words.cc (AddNumberWords,
// ParseItalianNumberWord); reading them and the digits in a scan is in
// numbers.cc (ReadNumbers, FindNumbers, letters glued to digits), joining the
// units of one number (words, space groups, halves) in number_joins.cc.
//
// Functions are thread-safe; ReadNumbers changes only its Scan.

#ifndef CHATCART_ENTITIES_NUMBERS_H_
#define CHATCART_ENTITIES_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds the number words, determiners and articles of `language`.
void AddNumberWords(text::Language language, LexiconBuilder* lexicon);

// The value of an Italian number word written as one word ("ventitré",
// "centottanta", "duemilacinquecento"), up to 999,999; nullopt otherwise.
std::optional<int64_t> ParseItalianNumberWord(std::string_view word);

// Reads the numbers of scan->units in place: sets the number fields of each
// unit that holds one, and joins the units of a number in words into one.
void ReadNumbers(Scan* scan);

// Proposes a "number" for every whole number not read as anything else.
void FindNumbers(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_NUMBERS_H_
