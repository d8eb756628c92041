// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/category.h"

#include <algorithm>

#include "text/fold.h"
#include "text/tokenize.h"

namespace chatcart::entities {
namespace {

using text::Language;

void AddUnique(std::vector<std::string>* out, std::string s) {
  if (s.empty()) return;
  if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(std::move(s));
}

}  // namespace

std::vector<std::string> Inflections(std::string_view word, Language language) {
  std::vector<std::string> out;
  const std::string w(word);
  AddUnique(&out, w);
  if (w.size() < 3) return out;
  auto drop = [&](size_t n) { return w.substr(0, w.size() - n); };
  switch (language) {
    case Language::kEnglish:
      if (w.ends_with("ies")) {
        AddUnique(&out, drop(3) + "y");
      } else if (w.ends_with("ses") || w.ends_with("xes") || w.ends_with("ches") ||
                 w.ends_with("shes")) {
        AddUnique(&out, drop(2));  // boxes -> box
        AddUnique(&out, drop(1));  // cases -> case
      } else if (w.ends_with("s") && !w.ends_with("ss")) {
        AddUnique(&out, drop(1));
      } else if (w.ends_with("y") && w.size() > 3 &&
                 std::string_view("aeiou").find(w[w.size() - 2]) == std::string_view::npos) {
        AddUnique(&out, drop(1) + "ies");
      } else if (w.ends_with("s") || w.ends_with("x") || w.ends_with("ch") || w.ends_with("sh")) {
        AddUnique(&out, w + "es");
      } else {
        AddUnique(&out, w + "s");
      }
      break;
    case Language::kItalian: {
      const char last = w.back();
      if (std::string_view("aeio").find(last) == std::string_view::npos) break;
      const std::string stem = drop(1);
      for (const char* v : {"a", "e", "i", "o"}) AddUnique(&out, stem + v);
      if (stem.ends_with("c") || stem.ends_with("g")) {
        AddUnique(&out, stem + "hi");
        AddUnique(&out, stem + "he");
      }
      if (w.ends_with("chi") || w.ends_with("che") || w.ends_with("ghi") || w.ends_with("ghe")) {
        const std::string base = w.substr(0, w.size() - 2);
        AddUnique(&out, base + "o");
        AddUnique(&out, base + "a");
      }
      break;
    }
    case Language::kFrench:
      if (w.ends_with("aux")) {
        AddUnique(&out, drop(3) + "al");
      } else if (w.ends_with("al")) {
        AddUnique(&out, drop(2) + "aux");
      } else if (w.ends_with("eaux")) {
        AddUnique(&out, drop(1));
      } else if (w.ends_with("eau") || w.ends_with("eu") || w.ends_with("au")) {
        AddUnique(&out, w + "x");  // jeu -> jeux
      } else if (w.ends_with("s") || w.ends_with("x")) {
        AddUnique(&out, drop(1));
      } else {
        AddUnique(&out, w + "s");
      }
      break;
  }
  return out;
}

void CategoryTable::Add(std::string_view phrase, std::string_view value, Language language,
                        LexiconBuilder* lexicon) {
  // Words with and without accents share a lemma, as do their inflections.
  std::vector<uint32_t> lemmas;
  const std::vector<text::Token> tokens = text::Tokenize(phrase);
  if (tokens.empty()) return;
  for (const text::Token& t : tokens) {
    uint32_t lemma = lexicon->Lemma(t.text);
    if (lemma == 0) lemma = next_lemma_++;
    for (const std::string& form : Inflections(t.text, language)) {
      lexicon->SetLemma(form, lemma);
      lexicon->SetLemma(text::Fold(form, {.strip_accents = true}), lemma);
    }
    // The word may already have had another lemma from an earlier phrase.
    lemmas.push_back(lexicon->Lemma(t.text));
  }
  std::vector<Entry>& list = phrases_[lemmas[0]];
  Entry entry{std::vector<uint32_t>(lemmas.begin() + 1, lemmas.end()), std::string(value)};
  for (const Entry& e : list) {
    if (e.rest == entry.rest) return;  // the first value wins
  }
  list.push_back(std::move(entry));
}

void CategoryTable::Finish() {
  for (auto& [lemma, list] : phrases_) {
    std::stable_sort(list.begin(), list.end(),
                     [](const Entry& a, const Entry& b) { return a.rest.size() > b.rest.size(); });
  }
}

void CategoryTable::Find(const Scan& scan, std::vector<Candidate>* out) const {
  if (phrases_.empty()) return;
  // Category phrases are matched over tokens: a unit may join tokens into a
  // phrase of another recognizer ("a couple"), which must not hide a word.
  // Single-token units already hold their entry; only phrases look again.
  const std::vector<text::Token>& tokens = scan.tokens;
  std::vector<uint32_t>& lemmas = scan.lemmas;
  lemmas.assign(tokens.size(), 0);
  bool any = false;
  for (const Unit& u : scan.units) {
    if (u.last_token == u.first_token + 1) {
      lemmas[u.first_token] = u.entry == nullptr ? 0 : u.entry->lemma;
      any = any || lemmas[u.first_token] != 0;
      continue;
    }
    for (uint32_t k = u.first_token; k < u.last_token; ++k) {
      const LexiconEntry* e = scan.lexicon->Find(tokens[k].text);
      lemmas[k] = e == nullptr ? 0 : e->lemma;
      any = any || lemmas[k] != 0;
    }
  }
  if (!any) return;
  // Articles typed as such are no one-word category, whatever they fold to
  // ("the" is not the tea of a French catalog's "Thé").
  auto article = [](std::string_view word) {
    static constexpr std::string_view kArticles[] = {"the", "a", "an", "de", "la", "le", "les",
                                                     "des", "du", "il", "lo", "gli", "un", "une",
                                                     "una", "uno", "of", "to", "and", "et", "e"};
    std::string lower(word);
    for (char& ch : lower) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    return std::find(std::begin(kArticles), std::end(kArticles), lower) != std::end(kArticles);
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (lemmas[i] == 0) continue;
    auto it = phrases_.find(lemmas[i]);
    if (it == phrases_.end()) continue;
    for (const Entry& e : it->second) {
      if (i + 1 + e.rest.size() > tokens.size()) continue;
      if (e.rest.empty() && article(tokens[i].text)) continue;
      bool match = true;
      for (size_t k = 0; k < e.rest.size() && match; ++k) match = lemmas[i + 1 + k] == e.rest[k];
      if (!match) continue;
      Candidate& c = out->emplace_back();
      c.type = EntityType::kCategory;
      c.begin = static_cast<uint32_t>(tokens[i].begin);
      c.end = static_cast<uint32_t>(tokens[i + e.rest.size()].end);
      c.value = e.value;
      c.confidence = 0.85;
      c.priority = kPriorityCategory;
      break;
    }
  }
}

}  // namespace chatcart::entities
