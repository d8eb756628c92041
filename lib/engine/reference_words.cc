// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/reference_words.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "engine/product_words.h"

namespace chatcart::engine {

using converse::ActKind;

namespace {

constexpr std::string_view kPointers[] = {
    "it",         "that",     "this",     "them",    "those", "these",      "questo",
    "quello",     "questa",   "quella",   "lo",      "ça",    "ca",         "celui-ci",
    "celui-là",   "celle-ci", "celle-là", "celui",   "celle", "aggiungilo", "prendilo",
    "aggiungila", "prendila", "mettilo",  "mettila", "they",  "elles",      "ils"};

// Whether words[k] ("lo", "la", "les") is an article: before a word that
// could name something ("aggiungi anche lo spray" names the spray; "lo
// prendo" points).
bool IsArticleHere(const dialogue::Understanding& u, size_t k) {
  const std::string next = k + 1 < u.words.size() ? PlainWord(u.words[k + 1]) : std::string();
  return !next.empty() && !NamesNoProduct(next) && !IsCommandWord(next) &&
         !std::isdigit(static_cast<unsigned char>(next[0]));
}

}  // namespace

// Words that name no product: function words (IsFunctionWord), verbs of
// choosing, fillers and units of quantity.
bool NamesNoProduct(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "ones", "ok", "okay", "ll", "will", "go", "take", "want", "get", "buy", "please", "pls",
      "della", "prendo", "voglio", "vorrei", "comprare", "prends", "veux", "voudrais", "celui",
      "celle", "metti", "yes", "oui", "va", "bene", "allora", "then", "which", "nella", "could",
      "paia", "paio", "pair", "pairs", "paire", "paires", "pezzi", "pieces", "pcs",
      // acknowledgements around a choice ("bon ok, ajoute", "great, add it")
      "bon", "bien", "alors", "great", "perfect", "parfait", "perfetto", "fine", "good", "cool",
      "daccord", "sure", "vabbe", "benissimo", "super", "top"};
  return IsFunctionWord(w) ||
         std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Words of cart and shop commands that name no product either.
bool IsCommandWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "add",      "remove",  "delete",   "put",      "cart",    "basket",   "make",     "want",
      "need",     "have",    "got",      "aggiungi", "togli",   "rimuovi",  "metti",    "carrello",
      "elimina",  "voglio",  "vorrei",   "ajoute",   "ajouter", "ajoutez",  "enleve",   "enlever",
      "retire",   "retirer", "supprime", "panier",   "mets",    "mettre",   "voudrais", "veux",
      "also",     "too",     "anche",    "aussi",    "more",    "another",  "altro",    "altra",
      "autre",    "some",    "dei",      "delle",    "qualche", "deux",     "two",      "three",
      "due",      "tre",     "trois",    "please",   "stp",     "svp",      "grazie",   "thanks",
      "merci",    "ok",      "okay",     "yes",      "anyway",  "comunque", "quand",    "meme",
      "actually", "fait",    "anzi",     "you",      "your",    "vous",     "avez",     "avete",
      "hai",      "tell",    "about",    "show",     "much",    "how"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Italian and French object pronouns that point at a product only beside a
// verb of choosing ("li prendo", "ne prendo 2", "je les prends", "j'en
// prends deux").
bool SaysClitic(const dialogue::Understanding& u) {
  static constexpr std::string_view kClitics[] = {"li", "le", "la", "lo", "ne", "les", "en", "l"};
  for (size_t k = 0; k < u.words.size(); ++k) {
    if (std::find(std::begin(kClitics), std::end(kClitics), u.words[k]) != std::end(kClitics) &&
        !IsArticleHere(u, k)) {
      return true;
    }
  }
  return false;
}

// A verb of adding and nothing else that could name a product: "aggiungi",
// "add it please", "ok je prends".
bool BareCommand(const dialogue::Understanding& u) {
  static constexpr std::string_view kVerbs[] = {
      "add",  "aggiungi", "aggiungilo", "aggiungila", "ajoute", "ajoutez", "metti",
      "mets", "prendo",   "prends",     "take",       "buy",    "compro",  "achete"};
  bool verb = false;
  for (const std::string& word : u.words) {
    const std::string w = PlainWord(word);
    if (w.empty()) continue;
    if (std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs)) {
      verb = true;
    } else if (!NamesNoProduct(w) && !IsCommandWord(w)) {
      return false;
    }
  }
  return verb;
}

bool SaysPointer(const dialogue::Understanding& u) {
  for (size_t k = 0; k < u.words.size(); ++k) {
    // "Et la batterie elle tient combien ?", asked (not "elle dort jamais
    // sans doudou", a person; nor "il", impersonal in "il me faut", and the
    // Italian article).
    if (u.words[k] == "elle" && u.Has(converse::ActKind::kQuestion)) return true;
    if (std::find(std::begin(kPointers), std::end(kPointers), u.words[k]) != std::end(kPointers) &&
        !(u.words[k] == "lo" && IsArticleHere(u, k))) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> NameWords(const dialogue::Understanding& u,
                                   std::vector<std::string>* named) {
  std::vector<std::string> content;
  for (const std::string& word : u.words) {
    const std::string w = PlainWord(word);
    if (w.size() < 3 || NamesNoProduct(w) || IsCommandWord(w)) continue;
    // Sizes, colours, amounts and numbers said with it are no name.
    bool entity = false;
    bool category = false;
    for (const dialogue::Entity& e : u.entities) {
      if (e.type == "product" || e.type == "brand" || e.type == "model") continue;
      if (e.type == "category") {
        for (const std::string& c : PlainWordsOf(e.text)) category = category || c == w;
        continue;
      }
      entity = entity || PlainWord(e.text) == w || e.text == word;
      if (e.type == "size") {
        for (const std::string& c : PlainWordsOf(e.text)) entity = entity || c == w;  // "size 38"
      }
    }
    if (entity) continue;
    content.push_back(word);
    if (!category) named->push_back(word);
  }
  return content;
}

}  // namespace chatcart::engine
