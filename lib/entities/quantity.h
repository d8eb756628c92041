// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Quantities and ordinals.
//
// A quantity is a number of items, told apart from a bare number by what is
// around it: "2 of those", "three of them", "due di quelli", "deux de
// ceux-ci" (a partitive after); "I'll take 3", "ne prendo due", "j'en prends
// deux", "add 2" (a buying verb before); "5 pieces", "3 pezzi", "2
// exemplaires" (a unit noun after); "qty 3", "x2", "2x", "2 more".
//
// An ordinal is a position in a list the shopper was shown: "the second
// one", "il secondo", "la terza", "le troisième", "2nd", "1er", "option 3",
// "numero 2" (Italian "numero" up to 10; above, it is a shoe size). Words
// need a determiner before or a noun like "one"/"option" after, so "secondo
// me" and "first of all" are not ordinals, and a time noun after vetoes ("the
// last time", "la prima volta"). Values: 1 for the first; the last one is
// -1 and the second to last -2 ("penultimo", "avant-dernier").
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_QUANTITY_H_
#define CHATCART_ENTITIES_QUANTITY_H_

#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds quantity cues and ordinal words for `language`.
void AddQuantityWords(text::Language language, LexiconBuilder* lexicon);

// Proposes "quantity" candidates.
void FindQuantities(const Scan& scan, std::vector<Candidate>* out);

// Proposes "ordinal" candidates.
void FindOrdinals(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_QUANTITY_H_
