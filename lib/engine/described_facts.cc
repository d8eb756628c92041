// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Facts read from a product's name and description, for the questions no
// attribute answers: a number with its unit ("720 bricks", "8 cm", "80 ml",
// "3 min"), the clause that holds a word asked (through the glossary, in
// any language) and whether it says that word with or without it, for a yes
// or a no. AnswerQuestion (questions.cc) decides when they are asked.

#include "engine/described_facts.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/glossary.h"
#include "engine/product_words.h"

namespace chatcart::engine {
namespace {

using dialogue::TurnContext;

// Nouns counted in names and descriptions ("720 bricks", "600 beads").
constexpr std::string_view kCountables[] = {
    "pieces", "piece",       "pcs",        "bricks",  "beads",     "cards",   "prints",
    "photos", "sheets",      "keys",       "bars",    "colours",   "colors",  "pages",
    "pezzi",  "pezzo",       "mattoncini", "perline", "carte",     "stampe",  "foto",
    "fogli",  "tasti",       "colori",     "pagine",  "pieces",    "briques", "perles",
    "cartes", "impressions", "feuilles",   "touches", "couleurs",  "barres",  "cups",
    "tasses", "tazze",       "tazzine",    "eyelets", "occhielli", "oeillets"};
// What a question's word measures: the units that answer it.
struct Measure {
  std::string_view said;   // plain prefix of the shopper's word
  std::string_view units;  // "|"-separated units after a number
  std::string_view what;   // what it measures (MeasureAsked)
};
constexpr Measure kMeasures[] = {
    {"loud", "db|decibel", "noise"},
    {"volume", "db|decibel", "noise"},
    {"rumor", "db|decibel", "noise"},
    {"bruy", "db|decibel", "noise"},
    {"decib", "db|decibel|decibels", "noise"},
    {"big", "cm|mm|m|in", "size"},
    {"grand", "cm|mm|m|in", "size"},
    {"large", "cm|mm|m|in", "size"},
    {"tall", "cm|mm|m|in", "size"},
    {"alto", "cm|mm|m|in", "size"},
    {"haut", "cm|mm|m|in", "size"},
    {"long", "cm|mm|m|in|min|minutes|h", "length"},
    {"lung", "cm|mm|m|in|min|minuti|h|ore", "length"},
    {"dimension", "cm|mm|m|in", "size"},
    {"misur", "cm|mm|m|in", "size"},
    {"heavy", "kg|g", "weight"},
    {"pes", "kg|g", "weight"},
    {"lourd", "kg|g", "weight"},
    {"poids", "kg|g", "weight"},
    // "Quanto è alta?", "how high is the heel", "le talon fait combien ?"
    {"alta", "cm|mm|m|in", "height"},
    {"alte", "cm|mm|m|in", "height"},
    {"alti", "cm|mm|m|in", "height"},
    {"high", "cm|mm|m|in", "height"},
    {"heel", "cm|mm|in", "height"},
    {"tacc", "cm|mm", "height"},
    {"talon", "cm|mm", "height"},
    {"hauteur", "cm|mm|m", "height"},
    {"altezz", "cm|mm|m", "height"},
    {"height", "cm|mm|m|in", "height"},
    // "À quelle température ?", "how long does it steep", "infuse combien ?"
    {"temp", "°c|c|degrees|degres|gradi", "temperature"},
    {"degr", "°c|c|degrees|degres|gradi", "temperature"},
    {"grad", "°c|c|gradi", "temperature"},
    {"infus", "min|minutes|minuti|mn|°c|c|degrees|degres|gradi", "brewing"},
    {"steep", "min|minutes|°c|c|degrees", "brewing"},
    {"brew", "min|minutes|°c|c|degrees", "brewing"},
    {"minut", "min|minutes|minuti", "time"},
    // "Combien de ml ?", "what capacity?"
    {"ml", "ml|cl|l", "capacity"},
    {"cl", "ml|cl|l", "capacity"},
    {"capac", "ml|cl|l|cups|tasses|tazze", "capacity"},
    {"conten", "ml|cl|l", "capacity"},
    {"contien", "ml|cl|l", "capacity"},
    {"hold", "ml|cl|l|cups", "capacity"},
    {"litr", "ml|cl|l", "capacity"},
};

// "600 beads" in "600 beads, cords and a storage box." when `units` (or,
// for a count, any countable noun) follows a number; empty otherwise.
std::string NumberWithUnit(std::string_view text, const std::vector<std::string_view>& units,
                           bool countable, bool all = false) {
  std::string found;
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c == ' ' || c == ',' || c == '.' || c == ';' || c == '(' || c == ')') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(word);
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i].empty() || !absl::ascii_isdigit(static_cast<unsigned char>(words[i][0]))) continue;
    const std::string next = PlainWord(words[i + 1]);
    bool fits = std::find(units.begin(), units.end(), next) != units.end();
    if (countable) {
      fits = fits || std::find(std::begin(kCountables), std::end(kCountables), next) !=
                         std::end(kCountables);
    }
    if (!fits) continue;
    if (!all) return absl::StrCat(words[i], " ", words[i + 1]);
    absl::StrAppend(&found, found.empty() ? "" : ", ", words[i], " ", words[i + 1]);
  }
  return found;
}

// The clauses of a description: split at '.', ';' and ',', but not at a
// decimal point or separator ("5x7.6 stickers", "1,5 kg").
std::vector<std::string_view> Clauses(std::string_view text) {
  std::vector<std::string_view> out;
  size_t begin = 0;
  auto digit = [&](size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  for (size_t k = 0; k <= text.size(); ++k) {
    const bool end =
        k == text.size() || ((text[k] == '.' || text[k] == ';' || text[k] == ',') &&
                             !(text[k] != ';' && k > 0 && digit(k - 1) && digit(k + 1)));
    if (!end) continue;
    out.push_back(text.substr(begin, k - begin));
    begin = k + 1;
  }
  return out;
}

// Whether the word at `k` of plain or raw words `words` is said as
// missing: "sans théine", "senza lacci", "without a lid", "caffeine-free",
// "tous feux sauf induction".
bool SaysWithout(const std::vector<std::string>& words, size_t k) {
  static constexpr std::string_view kWithout[] = {"sans",    "senza", "without", "no",
                                                  "non",     "sauf",  "except",  "tranne",
                                                  "eccetto", "aucun", "nessun",  "zero"};
  for (size_t back = 1; back <= 2 && back <= k; ++back) {
    const std::string w = PlainWord(words[k - back]);
    if (std::find(std::begin(kWithout), std::end(kWithout), w) != std::end(kWithout)) return true;
  }
  return k + 1 < words.size() && PlainWord(words[k + 1]) == "free";
}

// Whether words ask a yes or a no ("sono in porcellana?", "does it pack
// down small?"), not what, which, how much or one thing or another ("c'est
// du cuir ou du daim ?"), and without a "not" that makes a yes ambiguous.
bool AsksYesOrNo(const std::vector<std::string>& words) {
  static constexpr std::string_view kOpen[] = {
      "what",  "whats",   "which",   "how",     "hows",  "where",  "when",     "why",    "who",
      "cosa",  "che",     "quale",   "quali",   "qual",  "quanto", "quanta",   "quanti", "quante",
      "come",  "dove",    "quando",  "perche",  "chi",   "quoi",   "que",      "quel",   "quelle",
      "quels", "quelles", "combien", "comment", "ou",    "quand",  "pourquoi", "qui",    "or",
      "o",     "not",     "pas",     "isnt",    "arent", "doesnt", "dont"};
  for (const std::string& word : words) {
    const std::string w = PlainWord(word);
    if (std::find(std::begin(kOpen), std::end(kOpen), w) != std::end(kOpen)) return false;
  }
  return true;
}

}  // namespace

bool AsksHowMany(const std::vector<std::string>& plain) {
  for (size_t i = 0; i < plain.size(); ++i) {
    if (plain[i] == "quanti" || plain[i] == "quante") return true;
    if (i + 1 < plain.size() && plain[i] == "how" && plain[i + 1] == "many") return true;
    if (i + 1 < plain.size() && plain[i] == "combien" && plain[i + 1] == "de") return true;
  }
  return false;
}

std::string CountedNoun(const std::vector<std::string>& plain) {
  for (size_t i = 0; i < plain.size(); ++i) {
    size_t next = 0;
    if (plain[i] == "quanti" || plain[i] == "quante") next = i + 1;
    if (i + 1 < plain.size() && ((plain[i] == "how" && plain[i + 1] == "many") ||
                                 (plain[i] == "combien" && plain[i + 1] == "de"))) {
      next = i + 2;
    }
    if (next > 0 && next < plain.size()) return plain[next];
  }
  return "";
}

std::string_view MeasureAsked(const std::vector<std::string>& plain) {
  for (const std::string& w : plain) {
    for (const Measure& m : kMeasures) {
      if (w.starts_with(m.said)) return m.what;
    }
  }
  return {};
}

bool IsCountable(std::string_view plain) {
  return std::find(std::begin(kCountables), std::end(kCountables), plain) != std::end(kCountables);
}

std::string CommerceExecutor::DescriptionSaying(ProductIndex i,
                                                const std::vector<std::string>& words,
                                                std::optional<bool>* agrees,
                                                std::string* gloss) const {
  if (gloss != nullptr) gloss->clear();
  // Besides function words (IsFunctionWord), the question words and
  // pronouns of en/it/fr that say nothing about a product.
  static constexpr std::string_view kQuestionWords[] = {
      "whats", "they",   "them",   "these",  "those", "from",    "about",   "there",
      "their", "your",   "much",   "many",   "long",  "come",    "quale",   "quali",
      "elle",  "elles",  "quel",   "quelle", "quels", "combien", "comment", "cest",
      "cosa",  "quanto", "quanti", "ancora", "still", "vous",    "avez",    "hanno"};
  if (agrees != nullptr) agrees->reset();
  const Product p = engine_.catalog->product(i);
  if (p.description.empty()) return "";
  const std::vector<std::string> name_words = PlainWordsOf(p.name);
  std::vector<std::string> asked;
  std::vector<size_t> asked_at;  // the index in `words` each comes from
  for (size_t k = 0; k < words.size(); ++k) {
    std::string plain = PlainWord(words[k]);
    if (plain.size() < 4 || IsFunctionWord(plain) ||
        std::find(std::begin(kQuestionWords), std::end(kQuestionWords), plain) !=
            std::end(kQuestionWords)) {
      continue;
    }
    if (std::find(name_words.begin(), name_words.end(), plain) != name_words.end()) continue;
    // "C'est du cuir ?" about a description in Italian ("in pelle").
    for (std::string_view same : SameMeaning(plain)) {
      asked.emplace_back(same);
      asked_at.push_back(k);
    }
    asked.push_back(std::move(plain));
    asked_at.push_back(k);
  }
  if (asked.empty()) return "";
  // The clause of the description that holds one of the words asked.
  for (std::string_view clause : Clauses(p.description)) {
    const std::vector<std::string> said = PlainWordsOf(clause);
    for (size_t j = 0; j < said.size(); ++j) {
      for (size_t a = 0; a < asked.size(); ++a) {
        if (asked[a] != said[j] && (said[j].size() < 4 || !SameWord(asked[a], said[j]))) continue;
        if (agrees != nullptr) {
          // "Sans théine" answers "ha la teina?" with a no; "senza calze"
          // answers "sans chaussettes ?" with a yes.
          *agrees = SaysWithout(said, j) == SaysWithout(words, asked_at[a]);
        }
        // Said in another language or form: the shopper's own word beside.
        const std::string typed = PlainWord(words[asked_at[a]]);
        if (gloss != nullptr && said[j] != typed && !SameWord(typed, said[j])) {
          *gloss = words[asked_at[a]];
        }
        return std::string(absl::StripAsciiWhitespace(ToAbsl(clause)));
      }
    }
  }
  return "";
}

bool CommerceExecutor::SayDescribed(const std::vector<ProductIndex>& products,
                                    const std::vector<std::string>& words,
                                    TurnContext& turn) const {
  const Catalog& catalog = *engine_.catalog;
  // "Sono in porcellana?", "elle est réglable ?": a yes or a no first.
  const bool yes_no = AsksYesOrNo(words);
  std::vector<ProductIndex> said;
  for (size_t k = 0; k < products.size() && k < 3; ++k) {
    std::optional<bool> agrees;
    std::string gloss;
    std::string clause = DescriptionSaying(products[k], words, &agrees, &gloss);
    if (clause.empty()) continue;
    // "Are they real leather?" of "Mocassino in pelle con nappine": "...
    // con nappine (leather)".
    if (!gloss.empty()) absl::StrAppend(&clause, " (", gloss, ")");
    std::string_view id = "chatcart.fact_described";
    if (yes_no && agrees.has_value()) {
      id = *agrees ? "chatcart.fact_described_yes" : "chatcart.fact_described_no";
    }
    turn.Say(id, {{"product", std::string(catalog.product_name(products[k]))}, {"value", clause}});
    said.push_back(products[k]);
  }
  // One of them said it: that one is what "I'll take it" then means.
  if (said.size() == 1) turn.set_focus(std::string(catalog.id(said.front())));
  return !said.empty();
}

std::vector<ProductIndex> CommerceExecutor::NearbyDescribing(
    const std::vector<ProductIndex>& shown, const std::vector<std::string>& words) const {
  const Catalog& catalog = *engine_.catalog;
  std::vector<CategoryId> categories;
  for (ProductIndex i : shown) categories.push_back(catalog.product(i).category);
  std::vector<ProductIndex> found;
  // Bounded: a large catalog is not read whole for one question.
  constexpr size_t kMostRead = 20000;
  constexpr size_t kMostFound = 2;
  const size_t n = std::min(catalog.size(), kMostRead);
  for (ProductIndex i = 0; i < n; ++i) {
    if (std::find(shown.begin(), shown.end(), i) != shown.end()) continue;
    const Product p = catalog.product(i);
    if (!p.purchasable() ||
        std::find(categories.begin(), categories.end(), p.category) == categories.end()) {
      continue;
    }
    if (DescriptionSaying(i, words).empty()) continue;
    found.push_back(i);
    if (found.size() > kMostFound) return {};  // a word many say points at none
  }
  return found;
}

std::string CommerceExecutor::DescribedFact(ProductIndex i,
                                            const std::vector<std::string>& words) const {
  std::vector<std::string> plain;
  for (const std::string& w : words) plain.push_back(PlainWord(w));
  // The units of each word that measures, in the order said: "à quelle
  // température on l'infuse ?" asks the degrees before the minutes.
  std::vector<std::vector<std::string_view>> asked;
  // "How do you brew it?": every number of the brewing (minutes and
  // degrees), not the first.
  bool brewing = false;
  for (const std::string& w : plain) {
    std::vector<std::string_view> units;
    for (const Measure& m : kMeasures) {
      if (w.starts_with(m.said)) {
        brewing = brewing || m.what == "brewing";
        for (absl::string_view u : absl::StrSplit(ToAbsl(m.units), '|')) units.push_back(ToStd(u));
      }
    }
    if (std::find(std::begin(kCountables), std::end(kCountables), w) != std::end(kCountables)) {
      units.push_back(
          std::string_view(*std::find(std::begin(kCountables), std::end(kCountables), w)));
    }
    if (!units.empty()) asked.push_back(std::move(units));
  }
  const bool count = AsksHowMany(plain);
  if (asked.empty() && !count) return "";
  if (asked.empty()) asked.emplace_back();
  const Product p = engine_.catalog->product(i);
  for (const std::vector<std::string_view>& units : asked) {
    for (std::string_view text : {p.name, p.description}) {
      std::string fact = NumberWithUnit(text, units, count, brewing);
      if (!fact.empty()) return fact;
    }
  }
  return "";
}

}  // namespace chatcart::engine
