// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Joining the units of one number, for ReadNumbers (numbers.cc): each
// function reads the units of a Scan whose digits and words already hold
// their numbers. Thread-safe; the Join functions change only their Scan.

#ifndef CHATCART_ENTITIES_NUMBER_JOINS_H_
#define CHATCART_ENTITIES_NUMBER_JOINS_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Whether `c` multiplies what comes before it: hundred, thousand, million.
bool IsMultiplier(NumberClass c);

// Whether `u` is one number word ("twenty", "cento", "mille", "dozen").
bool IsNumberWordUnit(const Unit& u);

// Joins the number words starting at units[i] ("twenty-five", "one hundred
// and five", "vingt et un", "a dozen"); returns the units consumed (0: none)
// and the value; *article_only when the number is an article alone ("a").
size_t JoinWords(const std::vector<Unit>& units, size_t i, text::Language language, int64_t* value,
                 bool* article_only);

// Whether `s` is ASCII digits only, and not empty.
bool AllDigits(std::string_view s);

// French groups thousands with a space: "1 000", "2 500 000", "1 500,50"
// become one unit.
void JoinSpaceGroups(Scan* scan);

// Italian thousands written apart from the rest: "duemila cinquecento".
void JoinItalianThousands(Scan* scan);

// "one and a half", "2 and a half", "due e mezzo", "deux et demi": the
// number and a half, one unit; "two point five", "due virgola cinque",
// "deux virgule cinq": the number with its tenths.
void JoinHalves(Scan* scan);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_NUMBER_JOINS_H_
