// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The same product word in English, Italian and French ("leather", "pelle",
// "cuir"), so a question in one language finds the fact a catalog writes in
// another: "c'est du cuir ?" about shoes described "in pelle", "si piegano?"
// about a "ballerina pieghevole". A small built-in table of the words of
// materials, parts and qualities shoppers ask about; plain words (PlainWord:
// lower case, no accents), matched with SameWord.

#ifndef CHATCART_ENGINE_GLOSSARY_H_
#define CHATCART_ENGINE_GLOSSARY_H_

#include <string>
#include <string_view>
#include <vector>

namespace chatcart::engine {

// The words of the other languages (and other forms) that mean what plain
// word `word` means, when the table has it; empty otherwise. `word` itself
// is not among them.
std::vector<std::string_view> SameMeaning(std::string_view word);

}  // namespace chatcart::engine

#endif  // CHATCART_ENGINE_GLOSSARY_H_
