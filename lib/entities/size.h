// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Sizes, as canonical strings:
//   - letters: "XS", "S", "M", "L", "XL", "XXL", "XXXL", "4XL" ("size m",
//     "taglia L", "xl", "2XL", "extra large", "x-large"); a lone S, M or L
//     only in capitals and not beside an apostrophe ("L'iPhone", "I'M") or
//     after a size word; "small", "medium", "large" only after a size word;
//   - numbers after a size word ("size 42" -> "42", "pointure 38,5" ->
//     "38.5", "numero 40" in Italian above 10);
//   - shoe systems, before or after: "EU 42", "42 EU", "eu42", "US 9.5",
//     "UK 8" -> "EU 42", "US 9.5", "UK 8" (US and UK in capitals, or near a
//     size or shoe word, since "us" is a pronoun);
//   - waist x length: "32x30", "32 x 30", "W32 L30" -> "32x30".
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_SIZE_H_
#define CHATCART_ENTITIES_SIZE_H_

#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds size words, letters, systems and shoe nouns.
void AddSizeWords(text::Language language, LexiconBuilder* lexicon);

// Proposes "size" candidates.
void FindSizes(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_SIZE_H_
