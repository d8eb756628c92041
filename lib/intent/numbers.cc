// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/numbers.h"

#include <cmath>
#include <limits>
#include <string>

namespace chatcart::intent {
namespace {

enum class Kind {
  kUnit,
  kTeen,
  kTen,
  kHundred,
  kThousand,
  kMillion,
  kDozen,
  kPair,
  kArticle,
  kCompound,  // an Italian compound below 1000 ("centocinquanta"): added whole
};

struct Word {
  std::string_view text;
  int64_t value;
  Kind kind;
};

constexpr Word kEnglish[] = {{"zero", 0, Kind::kUnit},
                             {"one", 1, Kind::kUnit},
                             {"two", 2, Kind::kUnit},
                             {"three", 3, Kind::kUnit},
                             {"four", 4, Kind::kUnit},
                             {"five", 5, Kind::kUnit},
                             {"six", 6, Kind::kUnit},
                             {"seven", 7, Kind::kUnit},
                             {"eight", 8, Kind::kUnit},
                             {"nine", 9, Kind::kUnit},
                             {"ten", 10, Kind::kTeen},
                             {"eleven", 11, Kind::kTeen},
                             {"twelve", 12, Kind::kTeen},
                             {"thirteen", 13, Kind::kTeen},
                             {"fourteen", 14, Kind::kTeen},
                             {"fifteen", 15, Kind::kTeen},
                             {"sixteen", 16, Kind::kTeen},
                             {"seventeen", 17, Kind::kTeen},
                             {"eighteen", 18, Kind::kTeen},
                             {"nineteen", 19, Kind::kTeen},
                             {"twenty", 20, Kind::kTen},
                             {"thirty", 30, Kind::kTen},
                             {"forty", 40, Kind::kTen},
                             {"fourty", 40, Kind::kTen},
                             {"fifty", 50, Kind::kTen},
                             {"sixty", 60, Kind::kTen},
                             {"seventy", 70, Kind::kTen},
                             {"eighty", 80, Kind::kTen},
                             {"ninety", 90, Kind::kTen},
                             {"hundred", 100, Kind::kHundred},
                             {"thousand", 1000, Kind::kThousand},
                             {"grand", 1000, Kind::kThousand},
                             {"million", 1000000, Kind::kMillion},
                             {"dozen", 12, Kind::kDozen},
                             {"couple", 2, Kind::kPair},
                             {"pair", 2, Kind::kPair},
                             {"a", 1, Kind::kArticle},
                             {"an", 1, Kind::kArticle}};

constexpr Word kItalian[] = {{"zero", 0, Kind::kUnit},
                             {"uno", 1, Kind::kUnit},
                             {"due", 2, Kind::kUnit},
                             {"tre", 3, Kind::kUnit},
                             {"quattro", 4, Kind::kUnit},
                             {"cinque", 5, Kind::kUnit},
                             {"sei", 6, Kind::kUnit},
                             {"sette", 7, Kind::kUnit},
                             {"otto", 8, Kind::kUnit},
                             {"nove", 9, Kind::kUnit},
                             {"dieci", 10, Kind::kTeen},
                             {"undici", 11, Kind::kTeen},
                             {"dodici", 12, Kind::kTeen},
                             {"tredici", 13, Kind::kTeen},
                             {"quattordici", 14, Kind::kTeen},
                             {"quindici", 15, Kind::kTeen},
                             {"sedici", 16, Kind::kTeen},
                             {"diciassette", 17, Kind::kTeen},
                             {"diciotto", 18, Kind::kTeen},
                             {"diciannove", 19, Kind::kTeen},
                             {"venti", 20, Kind::kTen},
                             {"trenta", 30, Kind::kTen},
                             {"quaranta", 40, Kind::kTen},
                             {"cinquanta", 50, Kind::kTen},
                             {"sessanta", 60, Kind::kTen},
                             {"settanta", 70, Kind::kTen},
                             {"ottanta", 80, Kind::kTen},
                             {"novanta", 90, Kind::kTen},
                             {"cento", 100, Kind::kHundred},
                             {"mille", 1000, Kind::kThousand},
                             {"mila", 1000, Kind::kThousand},
                             {"milione", 1000000, Kind::kMillion},
                             {"milioni", 1000000, Kind::kMillion},
                             {"dozzina", 12, Kind::kDozen},
                             {"paio", 2, Kind::kPair},
                             {"coppia", 2, Kind::kPair},
                             {"un", 1, Kind::kArticle},
                             {"una", 1, Kind::kArticle}};

constexpr Word kFrench[] = {{"zero", 0, Kind::kUnit},
                            {"deux", 2, Kind::kUnit},
                            {"trois", 3, Kind::kUnit},
                            {"quatre", 4, Kind::kUnit},
                            {"cinq", 5, Kind::kUnit},
                            {"six", 6, Kind::kUnit},
                            {"sept", 7, Kind::kUnit},
                            {"huit", 8, Kind::kUnit},
                            {"neuf", 9, Kind::kUnit},
                            {"dix", 10, Kind::kTeen},
                            {"onze", 11, Kind::kTeen},
                            {"douze", 12, Kind::kTeen},
                            {"treize", 13, Kind::kTeen},
                            {"quatorze", 14, Kind::kTeen},
                            {"quinze", 15, Kind::kTeen},
                            {"seize", 16, Kind::kTeen},
                            {"vingt", 20, Kind::kTen},
                            {"vingts", 20, Kind::kTen},
                            {"trente", 30, Kind::kTen},
                            {"quarante", 40, Kind::kTen},
                            {"cinquante", 50, Kind::kTen},
                            {"soixante", 60, Kind::kTen},
                            {"cent", 100, Kind::kHundred},
                            {"cents", 100, Kind::kHundred},
                            {"mille", 1000, Kind::kThousand},
                            {"million", 1000000, Kind::kMillion},
                            {"millions", 1000000, Kind::kMillion},
                            {"douzaine", 12, Kind::kDozen},
                            {"paire", 2, Kind::kPair},
                            {"couple", 2, Kind::kPair},
                            {"un", 1, Kind::kArticle},
                            {"une", 1, Kind::kArticle}};

const Word* Lookup(std::string_view bare, text::Language language) {
  auto find = [&](const auto& table) -> const Word* {
    for (const Word& w : table) {
      if (w.text == bare) return &w;
    }
    return nullptr;
  };
  switch (language) {
    case text::Language::kEnglish:
      return find(kEnglish);
    case text::Language::kItalian:
      return find(kItalian);
    case text::Language::kFrench:
      return find(kFrench);
  }
  return nullptr;
}

// The word's kind and value, Italian compounds included.
std::optional<Word> Classify(std::string_view bare, text::Language language) {
  if (const Word* w = Lookup(bare, language)) return *w;
  if (language == text::Language::kItalian) {
    if (std::optional<int64_t> v = ParseItalianNumberWord(bare)) {
      // A compound is a whole number, added as it is ("centocinquanta");
      // one of a thousand or more ends in a scale ("duemila") and may be
      // followed by the rest ("duemila cinquecento").
      return Word{bare, *v, *v >= 1000 ? Kind::kThousand : Kind::kCompound};
    }
  }
  return std::nullopt;
}

}  // namespace

double Decimal::ToDouble() const { return static_cast<double>(mantissa) / std::pow(10.0, scale); }

bool Decimal::ScaleUp(int power) {
  for (int i = 0; i < power; ++i) {
    if (scale > 0) {
      --scale;
      continue;
    }
    if (mantissa > std::numeric_limits<int64_t>::max() / 10) return false;
    mantissa *= 10;
  }
  return true;
}

bool ParseDigits(std::string_view token, text::Language language, Decimal* out) {
  if (token.empty() || token.front() < '0' || token.front() > '9') return false;
  // Separator positions and the digit groups between them.
  std::vector<size_t> seps;
  size_t digits = 0;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '.' || c == ',') {
      if (i + 1 >= token.size() || i == 0) return false;
      seps.push_back(i);
    } else {
      return false;
    }
  }
  if (digits > 18) return false;
  // Which separator, if any, is the decimal point.
  size_t decimal_at = std::string_view::npos;
  if (!seps.empty()) {
    const size_t last = seps.back();
    const char last_char = token[last];
    const size_t after = token.size() - last - 1;
    bool mixed = false;
    for (size_t s : seps) mixed |= token[s] != last_char;
    const bool english = language == text::Language::kEnglish;
    if (mixed) {
      decimal_at = last;  // "1,500.50", "1.500,50"
    } else if (seps.size() > 1) {
      decimal_at = std::string_view::npos;  // "1,000,000", "1.000.000"
    } else if (after != 3) {
      decimal_at = last;  // "19.99", "19,99", "1.5"
    } else if (english) {
      decimal_at = last_char == '.' ? last : std::string_view::npos;  // "1.500" = 1.5
    } else {
      // Italian and French: "1.500" is fifteen hundred; "1,500" too
      // (a three-decimal price is rarer than a careless grouping).
      decimal_at = std::string_view::npos;
    }
    // Groups before the decimal point must be of three digits.
    size_t prev = std::string_view::npos;
    for (size_t s : seps) {
      if (s == decimal_at) break;
      if (prev != std::string_view::npos && s - prev - 1 != 3) return false;
      prev = s;
    }
    if (prev != std::string_view::npos) {
      const size_t next = decimal_at == std::string_view::npos ? token.size() : decimal_at;
      if (next - prev - 1 != 3) return false;
    }
  }
  Decimal d;
  for (size_t i = 0; i < token.size(); ++i) {
    const char c = token[i];
    if (c >= '0' && c <= '9') {
      d.mantissa = d.mantissa * 10 + (c - '0');
      if (decimal_at != std::string_view::npos && i > decimal_at) ++d.scale;
    }
  }
  *out = d;
  return true;
}

std::optional<int64_t> ParseItalianNumberWord(std::string_view bare) {
  // Morphemes, longer spellings first where one is a prefix of another.
  static constexpr std::pair<std::string_view, int64_t> kMorphemes[] = {
      {"diciassette", 17},  {"diciannove", 19},   {"diciotto", 18}, {"quattordici", 14},
      {"quindici", 15},     {"tredici", 13},      {"dodici", 12},   {"undici", 11},
      {"sedici", 16},       {"dieci", 10},        {"venti", 20},    {"vent", 20},
      {"trenta", 30},       {"trent", 30},        {"quaranta", 40}, {"quarant", 40},
      {"cinquanta", 50},    {"cinquant", 50},     {"sessanta", 60}, {"sessant", 60},
      {"settanta", 70},     {"settant", 70},      {"ottanta", 80},  {"ottant", 80},
      {"novanta", 90},      {"novant", 90},       {"cento", 100},   {"cent", 100},
      {"milioni", 1000000}, {"milione", 1000000}, {"mille", 1000},  {"mila", 1000},
      {"quattro", 4},       {"cinque", 5},        {"sette", 7},     {"otto", 8},
      {"nove", 9},          {"uno", 1},           {"una", 1},       {"due", 2},
      {"tre", 3},           {"sei", 6},           {"un", 1}};
  if (bare.empty()) return std::nullopt;
  int64_t total = 0, current = 0;
  size_t pos = 0;
  int parts = 0;
  while (pos < bare.size()) {
    bool matched = false;
    for (const auto& [m, v] : kMorphemes) {
      if (bare.compare(pos, m.size(), m) != 0) continue;
      if (v == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else if (v >= 1000) {
        total += (current == 0 ? 1 : current) * v;
        current = 0;
      } else {
        current += v;
      }
      pos += m.size();
      matched = true;
      ++parts;
      break;
    }
    if (!matched) return std::nullopt;
  }
  // One-morpheme words are in the plain table; "un"/"una" alone are
  // articles, not numbers.
  if (parts == 1 && (bare == "un" || bare == "una")) return std::nullopt;
  return total + current;
}

std::optional<WordNumber> ParseWordNumber(const std::vector<WordToken>& tokens, size_t i,
                                          text::Language language) {
  const bool french = language == text::Language::kFrench;
  const bool english = language == text::Language::kEnglish;
  int64_t total = 0, current = 0;
  size_t used = 0;  // tokens consumed into the number so far
  std::optional<Kind> last;
  int64_t last_value = 0;
  for (size_t k = i; k < tokens.size(); ++k) {
    const std::string_view bare = tokens[k].bare;
    // Connectors: "one hundred and five", "vingt et un", "soixante et onze".
    if (last.has_value() && k + 1 < tokens.size()) {
      const std::string_view next = tokens[k + 1].bare;
      if (english && bare == "and" && (*last == Kind::kHundred || *last == Kind::kThousand)) {
        std::optional<Word> w = Classify(next, language);
        if (w.has_value() && w->kind != Kind::kArticle && w->kind != Kind::kDozen &&
            w->kind != Kind::kPair) {
          continue;
        }
      }
      if (french && bare == "et" && *last == Kind::kTen &&
          (next == "un" || next == "une" || next == "onze")) {
        continue;
      }
    }
    std::optional<Word> w = Classify(bare, language);
    if (!w.has_value()) break;
    Kind kind = w->kind;
    if (kind == Kind::kArticle) {
      if (french && k > i && tokens[k - 1].bare == "et") {
        kind = Kind::kUnit;  // "vingt et un"
      } else if (!last.has_value()) {
        last = Kind::kArticle;  // counts only if a scale or a dozen follows
        continue;
      } else {
        break;
      }
    }
    bool ok = false;
    if (!last.has_value()) {
      ok = true;
    } else {
      switch (*last) {
        case Kind::kArticle:
          ok = kind == Kind::kHundred || kind == Kind::kThousand || kind == Kind::kMillion ||
               kind == Kind::kDozen || kind == Kind::kPair;
          break;
        case Kind::kUnit:
          ok = kind == Kind::kHundred || kind == Kind::kThousand || kind == Kind::kMillion ||
               kind == Kind::kDozen ||
               (french && w->value == 20 && last_value == 4);  // quatre-vingt(s)
          break;
        case Kind::kTeen:
          ok = kind == Kind::kHundred || kind == Kind::kThousand || kind == Kind::kMillion ||
               (french && last_value == 10 && kind == Kind::kUnit && w->value >= 7);  // dix-sept
          break;
        case Kind::kTen:
          ok = kind == Kind::kUnit || kind == Kind::kThousand || kind == Kind::kMillion ||
               (french && kind == Kind::kTeen && (current % 100 == 60 || current % 100 == 80));
          break;
        case Kind::kHundred:
          ok = kind == Kind::kUnit || kind == Kind::kTeen || kind == Kind::kTen ||
               kind == Kind::kThousand || kind == Kind::kMillion;
          break;
        case Kind::kThousand:
        case Kind::kMillion:
          ok = kind == Kind::kUnit || kind == Kind::kTeen || kind == Kind::kTen ||
               kind == Kind::kHundred || kind == Kind::kCompound;
          break;
        case Kind::kCompound:
          ok = kind == Kind::kThousand || kind == Kind::kMillion;
          break;
        case Kind::kDozen:
        case Kind::kPair:
          ok = false;
          break;
      }
    }
    if (!ok) break;
    switch (kind) {
      case Kind::kUnit:
      case Kind::kTeen:
      case Kind::kTen:
      case Kind::kCompound:
        if (french && w->value == 20 && last.has_value() && *last == Kind::kUnit &&
            last_value == 4) {
          current += 76;  // quatre (4) + vingt makes 80
          kind = Kind::kTen;
        } else {
          current += w->value;
        }
        break;
      case Kind::kHundred:
        current = (current == 0 ? 1 : current) * 100;
        break;
      case Kind::kThousand:
      case Kind::kMillion:
        total += (current == 0 ? 1 : current) * w->value;
        current = 0;
        break;
      case Kind::kDozen:
      case Kind::kPair:
        current = (current == 0 ? 1 : current) * w->value;
        break;
      case Kind::kArticle:
        break;
    }
    last = kind;
    last_value = w->value;
    used = k - i + 1;
  }
  if (used == 0) return std::nullopt;
  return WordNumber{used, total + current};
}

}  // namespace chatcart::intent
