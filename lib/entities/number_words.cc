// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include <array>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "common/strings.h"
#include "entities/numbers.h"

namespace chatcart::entities {
namespace {

using text::Language;

void AddNumber(LexiconBuilder* lx, std::string_view word, int64_t value, NumberClass cls) {
  lx->Add(word, [value, cls](WordInfo& w) {
    w.roles |= kNumberWord;
    w.number = value;
    w.number_class = cls;
  });
}

// ---- English

void AddEnglish(LexiconBuilder* lx) {
  const char* const units[] = {"one", "two",   "three", "four", "five",
                               "six", "seven", "eight", "nine"};
  for (int i = 0; i < 9; ++i) AddNumber(lx, units[i], i + 1, NumberClass::kUnit);
  const char* const teens[] = {"ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                               "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 10; ++i) AddNumber(lx, teens[i], 10 + i, NumberClass::kTeen);
  const char* const tens[] = {"twenty", "thirty",  "forty",  "fifty",
                              "sixty",  "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) AddNumber(lx, tens[i], 20 + 10 * i, NumberClass::kTens);
  AddNumber(lx, "zero", 0, NumberClass::kWhole);
  AddNumber(lx, "hundred", 100, NumberClass::kHundred);
  AddNumber(lx, "thousand", 1000, NumberClass::kThousand);
  AddNumber(lx, "million", 1000000, NumberClass::kMillion);
  AddNumber(lx, "dozen", 12, NumberClass::kWhole);
  AddNumber(lx, "dozens", 12, NumberClass::kWhole);
  AddNumber(lx, "a couple", 2, NumberClass::kWhole);
  AddNumber(lx, "a pair", 2, NumberClass::kWhole);
  lx->AddRoles({"thanks a million", "thank you a million"}, kFiller);
  lx->AddRoles("a pair", kPairWord);
  AddNumber(lx, "half a dozen", 6, NumberClass::kWhole);
  AddNumber(lx, "a", 1, NumberClass::kArticle);
  AddNumber(lx, "an", 1, NumberClass::kArticle);
  lx->AddRoles("one", kPronounOne);
  lx->AddRoles("and", kNumberAnd);
  lx->AddRoles({"the", "this", "that", "these", "those", "which", "another", "any", "each", "every",
                "other", "no", "a", "an", "my", "your", "same"},
               kDeterminer);
}

// ---- Italian

constexpr std::array<const char*, 10> kItalianUnits = {"zero",   "uno", "due",   "tre",  "quattro",
                                                       "cinque", "sei", "sette", "otto", "nove"};
constexpr std::array<const char*, 10> kItalianTeens = {
    "dieci",    "undici", "dodici",      "tredici",  "quattordici",
    "quindici", "sedici", "diciassette", "diciotto", "diciannove"};
constexpr std::array<const char*, 8> kItalianTens = {
    "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"};

// Every Italian number word 0..99, with and without the accent of "-tré".
const absl::flat_hash_map<std::string, int>& ItalianBelow100() {
  static const auto* table = [] {
    auto* t = new absl::flat_hash_map<std::string, int>();
    for (int i = 0; i < 10; ++i) (*t)[kItalianUnits[i]] = i;
    for (int i = 0; i < 10; ++i) (*t)[kItalianTeens[i]] = 10 + i;
    for (int i = 0; i < 8; ++i) {
      const std::string tens = kItalianTens[i];
      (*t)[tens] = 20 + 10 * i;
      for (int u = 1; u < 10; ++u) {
        std::string stem = tens;
        // "venti" + "uno" -> "ventuno", + "otto" -> "ventotto".
        if (u == 1 || u == 8) stem.pop_back();
        (*t)[stem + kItalianUnits[u]] = 20 + 10 * i + u;
        if (u == 3) (*t)[stem + "tré"] = 20 + 10 * i + 3;
      }
    }
    return t;
  }();
  return *table;
}

std::optional<int64_t> ItalianBelow1000(std::string_view w) {
  const size_t cent = w.find("cent");
  if (cent == std::string_view::npos) {
    auto it = ItalianBelow100().find(ToAbsl(w));
    if (it == ItalianBelow100().end()) return std::nullopt;
    return it->second;
  }
  int64_t hundreds = 1;
  if (cent > 0) {
    auto it = ItalianBelow100().find(ToAbsl(w.substr(0, cent)));
    if (it == ItalianBelow100().end() || it->second < 2 || it->second > 9) return std::nullopt;
    hundreds = it->second;
  }
  std::string_view rest = w.substr(cent + 4);
  // "cento" + "cinquanta"; "cent" + "ottanta" (the o is elided before o).
  if (rest.empty()) return std::nullopt;  // "cent" alone is not Italian
  if (rest == "o") return hundreds * 100;
  if (rest.front() == 'o') {
    auto it = ItalianBelow100().find(ToAbsl(rest.substr(1)));
    if (it != ItalianBelow100().end() && it->second > 0) return hundreds * 100 + it->second;
  }
  auto it = ItalianBelow100().find(ToAbsl(rest));
  if (it == ItalianBelow100().end() || it->second == 0) return std::nullopt;
  return hundreds * 100 + it->second;
}

void AddItalian(LexiconBuilder* lx) {
  for (const auto& [word, value] : ItalianBelow100()) {
    NumberClass cls =
        value < 10 ? NumberClass::kUnit
                   : (value % 10 == 0 && value >= 20 ? NumberClass::kTens : NumberClass::kTeen);
    if (value == 0) cls = NumberClass::kWhole;
    AddNumber(lx, word, value, cls);
  }
  AddNumber(lx, "cento", 100, NumberClass::kHundred);
  AddNumber(lx, "mille", 1000, NumberClass::kThousand);
  lx->AddRoles({"grazie mille", "mille grazie"}, kFiller);  // "thanks a lot": no number
  AddNumber(lx, "mila", 1000, NumberClass::kThousand);
  AddNumber(lx, "milione", 1000000, NumberClass::kMillion);
  AddNumber(lx, "milioni", 1000000, NumberClass::kMillion);
  AddNumber(lx, "dozzina", 12, NumberClass::kWhole);
  AddNumber(lx, "una dozzina", 12, NumberClass::kWhole);
  AddNumber(lx, "mezza dozzina", 6, NumberClass::kWhole);
  AddNumber(lx, "un paio", 2, NumberClass::kWhole);
  lx->AddRoles("un paio", kPairWord);
  AddNumber(lx, "un", 1, NumberClass::kArticle);
  AddNumber(lx, "una", 1, NumberClass::kArticle);
  lx->AddRoles("uno", kPronounOne);
  lx->AddRoles("e", kNumberAnd);
  lx->AddRoles(
      {"il",     "lo",    "la", "l",   "i",   "gli",   "le",    "questo", "questa", "quello",
       "quella", "quale", "un", "una", "uno", "altro", "altra", "ogni",   "mio",    "mia"},
      kDeterminer);
}

// ---- French

void AddFrench(LexiconBuilder* lx) {
  const char* const units[] = {"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"};
  for (int i = 0; i < 8; ++i) AddNumber(lx, units[i], i + 2, NumberClass::kUnit);
  const char* const teens[] = {"dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"};
  for (int i = 0; i < 7; ++i) AddNumber(lx, teens[i], 10 + i, NumberClass::kTeen);
  const char* const tens[] = {"vingt", "trente", "quarante", "cinquante", "soixante"};
  for (int i = 0; i < 5; ++i) AddNumber(lx, tens[i], 20 + 10 * i, NumberClass::kTens);
  AddNumber(lx, "vingts", 20, NumberClass::kTens);
  for (const char* eighty : {"quatre-vingt", "quatre-vingts", "quatre vingt", "quatre vingts"}) {
    AddNumber(lx, eighty, 80, NumberClass::kTens);
  }
  AddNumber(lx, "zéro", 0, NumberClass::kWhole);
  AddNumber(lx, "cent", 100, NumberClass::kHundred);
  AddNumber(lx, "cents", 100, NumberClass::kHundred);
  AddNumber(lx, "mille", 1000, NumberClass::kThousand);
  AddNumber(lx, "million", 1000000, NumberClass::kMillion);
  AddNumber(lx, "millions", 1000000, NumberClass::kMillion);
  AddNumber(lx, "douzaine", 12, NumberClass::kWhole);
  AddNumber(lx, "une douzaine", 12, NumberClass::kWhole);
  AddNumber(lx, "une demi-douzaine", 6, NumberClass::kWhole);
  AddNumber(lx, "une paire", 2, NumberClass::kWhole);
  lx->AddRoles({"merci mille fois", "mille mercis", "mille fois merci"}, kFiller);
  lx->AddRoles("une paire", kPairWord);
  AddNumber(lx, "un", 1, NumberClass::kArticle);
  AddNumber(lx, "une", 1, NumberClass::kArticle);
  lx->AddRoles("et", kNumberAnd);
  lx->AddRoles({"le", "la", "l", "les", "ce", "cet", "cette", "ces", "quel", "quelle", "un", "une",
                "autre", "chaque", "mon", "ma"},
               kDeterminer);
}

}  // namespace

void AddNumberWords(Language language, LexiconBuilder* lexicon) {
  switch (language) {
    case Language::kEnglish:
      AddEnglish(lexicon);
      break;
    case Language::kItalian:
      AddItalian(lexicon);
      break;
    case Language::kFrench:
      AddFrench(lexicon);
      break;
  }
  // Display resolutions, not thousands.
  lexicon->AddRoles({"4k", "8k"}, kMeasureUnit);
}

std::optional<int64_t> ParseItalianNumberWord(std::string_view word) {
  if (word.size() < 3 || word.size() > 64) return std::nullopt;
  const size_t mila = word.find("mila");
  if (mila != std::string_view::npos && mila > 0) {
    std::optional<int64_t> left = ItalianBelow1000(word.substr(0, mila));
    if (!left.has_value() || *left < 2) return std::nullopt;
    std::string_view rest = word.substr(mila + 4);
    if (rest.empty()) return *left * 1000;
    std::optional<int64_t> right = ItalianBelow1000(rest);
    if (!right.has_value() || *right == 0) return std::nullopt;
    return *left * 1000 + *right;
  }
  if (word.substr(0, 5) == "mille") {
    std::string_view rest = word.substr(5);
    if (rest.empty()) return 1000;
    std::optional<int64_t> right = ItalianBelow1000(rest);
    if (!right.has_value() || *right == 0) return std::nullopt;
    return 1000 + *right;
  }
  return ItalianBelow1000(word);
}

}  // namespace chatcart::entities
