// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Joining the units of one number (number_joins.h): number words into one
// value, French thousands grouped with spaces, Italian thousands written
// apart, halves and spoken decimal points.

#include "entities/number_joins.h"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace chatcart::entities {
namespace {

using text::Language;

struct Acc {
  int64_t total = 0;
  int64_t current = 0;
  NumberClass last = NumberClass::kNone;
  int64_t last_value = 0;  // the word's own value ("dix" is 10)
};

// Adds the number word `w` to `acc`, or returns false when it cannot follow.
bool Step(Acc* acc, const WordInfo& w, Language language) {
  using C = NumberClass;
  const C last = acc->last;
  const bool after_big = last == C::kHundred || last == C::kThousand || last == C::kMillion;
  const int64_t v = w.number;
  switch (w.number_class) {
    case C::kNone:
      return false;
    case C::kArticle:
      // 1 before a multiplier ("a hundred"), or "vingt et un".
      if (last == C::kNone) {
        acc->current = 1;
      } else if (last == C::kTens && language != Language::kEnglish) {
        acc->current += 1;
      } else {
        return false;
      }
      break;
    case C::kUnit:
      if (!(last == C::kNone || last == C::kTens || after_big ||
            (language == Language::kFrench && last == C::kTeen && acc->last_value == 10))) {
        return false;
      }
      acc->current += v;
      break;
    case C::kTeen:
      if (!(last == C::kNone || after_big ||
            (language == Language::kFrench && last == C::kTens &&
             (acc->current % 100 == 60 || acc->current % 100 == 80)))) {
        return false;
      }
      acc->current += v;
      break;
    case C::kTens:
      if (!(last == C::kNone || after_big)) return false;
      acc->current += v;
      break;
    case C::kHundred:
      // "two hundred", "a hundred"; English also "fifteen hundred".
      if (!(last == C::kNone || last == C::kUnit || last == C::kArticle ||
            (language == Language::kEnglish && last == C::kTeen && acc->current < 100))) {
        return false;
      }
      acc->current = (acc->current == 0 ? 1 : acc->current) * 100;
      break;
    case C::kThousand:
    case C::kMillion:
      if (last == C::kThousand || last == C::kMillion) return false;
      acc->total += (acc->current == 0 ? 1 : acc->current) * v;
      acc->current = 0;
      break;
    case C::kWhole:
      if (last == C::kNone) {
        acc->current = v;
      } else if (last == C::kArticle || last == C::kUnit) {
        if (v != 12) return false;  // "a dozen", "two dozen"
        acc->current *= 12;
      } else {
        return false;
      }
      break;
  }
  acc->last = w.number_class;
  acc->last_value = v;
  return true;
}

bool IsJoiner(const Unit& u) { return u.IsDash() || (u.Has(kNumberAnd) && !IsNumberWordUnit(u)); }

// Whether text[a, b) is one space (ASCII, no-break, narrow no-break or thin).
bool OneSpace(std::string_view text, size_t a, size_t b) {
  const std::string_view gap = text.substr(a, b - a);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

}  // namespace

bool IsMultiplier(NumberClass c) {
  return c == NumberClass::kHundred || c == NumberClass::kThousand || c == NumberClass::kMillion;
}

bool IsNumberWordUnit(const Unit& u) {
  return u.info != nullptr && u.info->Has(kNumberWord) && u.kind == text::TokenKind::kWord;
}

size_t JoinWords(const std::vector<Unit>& units, size_t i, Language language, int64_t* value,
                 bool* article_only) {
  Acc acc;
  size_t end = i;  // one past the last unit taken
  size_t j = i;
  while (j < units.size()) {
    const Unit& u = units[j];
    if (j > i && IsJoiner(u)) {
      // Joiners ("-", "and", "-et-") count only when a number word that can
      // follow comes next.
      size_t k = j;
      bool has_and = false;
      while (k < units.size() && k < j + 3 && IsJoiner(units[k])) {
        has_and = has_and || units[k].Has(kNumberAnd);
        ++k;
      }
      if (k >= units.size() || !IsNumberWordUnit(units[k])) break;
      if (has_and && !(acc.last == NumberClass::kTens || IsMultiplier(acc.last))) break;
      Acc trial = acc;
      if (!Step(&trial, *units[k].info, language)) break;
      acc = trial;
      j = k + 1;
      end = j;
      if (acc.last == NumberClass::kWhole) break;
      continue;
    }
    if (!IsNumberWordUnit(u)) break;
    Acc trial = acc;
    if (!Step(&trial, *u.info, language)) break;
    acc = trial;
    ++j;
    end = j;
    if (acc.last == NumberClass::kWhole && units[j - 1].info->number != 12) break;
  }
  if (end == i) return 0;
  *article_only = acc.last == NumberClass::kArticle;
  if (*article_only && end - i > 1) {
    // "vingt et un" ends on an article yet is a number.
    *article_only = false;
  }
  *value = acc.total + acc.current;
  return end - i;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

void JoinSpaceGroups(Scan* scan) {
  std::vector<Unit>& units = scan->units;
  size_t out = 0;
  for (size_t i = 0; i < units.size();) {
    Unit u = units[i];
    size_t j = i + 1;
    if (u.kind == text::TokenKind::kNumber && u.has_number && AllDigits(u.text) &&
        u.text.size() <= 3 && u.text[0] != '0') {
      Decimal value = u.number;
      while (j < units.size() && units[j].kind == text::TokenKind::kNumber && units[j].has_number &&
             OneSpace(scan->text, units[j - 1].end, units[j].begin) &&
             value.mantissa < 1000000000000LL) {
        // A group of three digits, the last one maybe with decimals: "1 500,50".
        const std::string_view group = units[j].text;
        const bool last = group.size() > 4 && group[3] == ',' && AllDigits(group.substr(4));
        if (!(group.size() == 3 && AllDigits(group)) && !(last && AllDigits(group.substr(0, 3)))) {
          break;
        }
        const Decimal g = units[j].number;  // 500, or 500.50 at scale 2
        int64_t m = 0;
        int64_t scale = 1;
        for (int k = 0; k < g.scale; ++k) scale *= 10;
        if (__builtin_mul_overflow(value.mantissa, 1000, &m) ||
            __builtin_mul_overflow(m, scale, &m) || __builtin_add_overflow(m, g.mantissa, &m)) {
          break;
        }
        value = Decimal{m, g.scale};
        u.end = units[j].end;
        u.last_token = units[j].last_token;
        ++j;
        if (last) break;
      }
      if (j > i + 1) {
        u.number = value;
        u.phrase = true;
        u.info = nullptr;
      }
    }
    units[out++] = u;
    i = j;
  }
  units.resize(out);
}

void JoinItalianThousands(Scan* scan) {
  std::vector<Unit>& units = scan->units;
  size_t out = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    Unit u = units[i];
    if (u.number_words && u.has_number && i + 1 < units.size()) {
      const Unit& next = units[i + 1];
      std::optional<int64_t> a = u.number.Integer();
      std::optional<int64_t> b = next.number_words ? next.number.Integer() : std::nullopt;
      if (a.has_value() && b.has_value() && *a >= 1000 && *a % 1000 == 0 && *b > 0 && *b < 1000 &&
          !next.Has(kNumberWord)) {
        u.number = Decimal{*a + *b, 0};
        u.end = next.end;
        u.last_token = next.last_token;
        u.phrase = true;
        u.info = nullptr;
        ++i;
      }
    }
    units[out++] = u;
  }
  units.resize(out);
}

void JoinHalves(Scan* scan) {
  std::vector<Unit>& units = scan->units;
  size_t out = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    Unit u = units[i];
    size_t skip = 0;
    if (u.PlainNumber() && !u.article && u.number.Normalized().scale == 0 && i + 2 < units.size() &&
        units[i + 1].Has(kNumberAnd) && !units[i + 1].has_number) {
      const Unit& a = units[i + 2];
      const Unit* b = i + 3 < units.size() ? &units[i + 3] : nullptr;
      switch (scan->language) {
        case Language::kEnglish:
          if ((a.text == "a" || a.text == "one") && b != nullptr && b->text == "half") skip = 3;
          break;
        case Language::kItalian:
          if (a.text == "mezzo" || a.text == "mezza") skip = 2;
          break;
        case Language::kFrench:
          if (a.text == "demi" || a.text == "demie") skip = 2;
          break;
      }
    }
    // "two point five", "1 point 5", "due virgola cinque", "deux virgule cinq".
    if (skip == 0 && u.PlainNumber() && !u.article && u.number.Normalized().scale == 0 &&
        i + 2 < units.size() &&
        (units[i + 1].text == "point" || units[i + 1].text == "virgola" ||
         units[i + 1].text == "virgule") &&
        !units[i + 1].phrase && units[i + 2].PlainNumber() && !units[i + 2].article) {
      std::optional<int64_t> whole = u.number.Integer();
      std::optional<int64_t> tenths = units[i + 2].number.Integer();
      if (whole.has_value() && tenths.has_value() && *tenths >= 0 && *tenths <= 9 &&
          *whole < 1000000 && units[i + 2].text.size() <= (units[i + 2].number_words ? 16u : 1u)) {
        u.number = Decimal{*whole * 10 + *tenths, 1};
        u.end = units[i + 2].end;
        u.last_token = units[i + 2].last_token;
        u.phrase = true;
        u.info = nullptr;
        units[out++] = u;
        i += 2;
        continue;
      }
    }
    if (skip > 0) {
      if (std::optional<int64_t> whole = u.number.Integer();
          whole.has_value() && *whole < 1000000) {
        u.number = Decimal{*whole * 10 + 5, 1};
        u.end = units[i + skip].end;
        u.last_token = units[i + skip].last_token;
        u.phrase = true;
        u.info = nullptr;
        i += skip;
      }
    }
    units[out++] = u;
  }
  units.resize(out);
}

}  // namespace chatcart::entities
