// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Numbers that are no amount, count or age: times ("5:30", "5 pm", "alle
// 18", "entro le 18"), dates ("March 3rd", "the 3rd of May", "3 maggio
// 2024", "le 3 mars", "12/05/2024") and phone numbers ("555-0199", "347
// 1234567", "06 12 34 56 78"). Their units lose their number, so no
// recognizer reports them.
//
// A phone number is two or more digit groups joined by one space or a dash
// where a group of two or more digits starts with 0, or the groups hold nine
// digits or more, or three groups or more hold seven or more ("555-1234"
// stays two numbers: a range such as "1000-1500" looks the same). An
// order number said as one group ("order 77120") stays a number.
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_NOT_AMOUNTS_H_
#define CHATCART_ENTITIES_NOT_AMOUNTS_H_

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds month names and time words.
void AddDateWords(text::Language language, LexiconBuilder* lexicon);

// Clears the number of every unit that is part of a time, date or phone
// number. Runs after ReadNumbers.
void MaskNotAmounts(Scan* scan);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_NOT_AMOUNTS_H_
