// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Colours in English, Italian and French, as a canonical English name:
// "rosso", "rouge", "red" -> "red"; "bleu marine", "navy blue" -> "navy";
// "grigio", "gray" -> "grey". Shades: "light"/"dark" before an English
// colour, "chiaro"/"scuro" and "clair"/"foncé" after an Italian or French
// one give "light blue", "dark green"; "azzurro", "bleu ciel", "sky blue"
// are "light blue". Extra entries come from EntityExtractorOptions::colours.
// Words that are colours only sometimes are left out: French "or" (gold),
// English "rose".
//
// Thread-safe.

#ifndef CHATCART_ENTITIES_COLOUR_H_
#define CHATCART_ENTITIES_COLOUR_H_

#include <string_view>
#include <vector>

#include "entities/lexicon.h"
#include "entities/scan.h"
#include "text/language.h"

namespace chatcart::entities {

// Adds the built-in colour words and shade modifiers of `language`.
void AddColourWords(text::Language language, LexiconBuilder* lexicon);

// Adds one colour phrase with its canonical value.
void AddColour(std::string_view phrase, std::string_view value, LexiconBuilder* lexicon);

// Proposes "colour" candidates.
void FindColours(const Scan& scan, std::vector<Candidate>* out);

}  // namespace chatcart::entities

#endif  // CHATCART_ENTITIES_COLOUR_H_
