// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Ages in whole years: "my 6 year old", "6yo", "a 10-year-old girl", "aged 7",
// "turning 5", "ha 6 anni", "un bambino di 5 anni", "compie 3 anni", "il a 8
// ans", "pour un enfant de 5 ans", "âgé de 4 ans". Months count as the whole
// years they make ("18 months old" is 1).
//
// "old" or a glued "yo" makes an age certain. Without it, English needs a
// cue ("aged", "turning", a child noun before: "my son is 6 years"); Italian
// and French accept "N anni"/"N ans" alone with a lower confidence, and a cue
// ("ha", "a", "di" after a child noun, "età") raises it. Durations are not
// ages: "2 years warranty", "garanzia di 2 anni", "da 3 anni", "depuis 2 ans".
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_AGE_H_
#define CHATCART_ENTITIES_AGE_H_

#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds year and month words, age cues, child nouns and duration words.
void AddAgeWords(text::Language language, LexiconBuilder* lexicon);

// Proposes "age" candidates.
void FindAges(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_AGE_H_
