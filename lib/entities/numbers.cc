// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/numbers.h"

#include <algorithm>

#include "entities/number_joins.h"

namespace chatcart::entities {
namespace {

using text::Language;

// ---- Affixes: letters glued to digits.

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool OneOf(std::string_view s, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list) {
    if (s == x) return true;
  }
  return false;
}

Affix SuffixAffix(std::string_view s, Language language) {
  if (s == "k") return Affix::kThousands;
  if (s == "x") return Affix::kTimes;
  if (s == "ish") return Affix::kAround;
  if (OneOf(s, {"c", "ct", "cts"})) return Affix::kCents;
  if (OneOf(s, {"yo", "y", "yr", "yrs", "yro", "yrsold", "yearold", "anni", "enne", "ans"})) {
    return Affix::kAgeYears;
  }
  if (OneOf(s, {"xs", "xxs", "xl", "xxl", "xxxl"})) return Affix::kSizeLetter;
  switch (language) {
    case Language::kEnglish:
      if (OneOf(s, {"st", "nd", "rd", "th"})) return Affix::kOrdinal;
      break;
    case Language::kItalian:
      if (OneOf(s, {"o", "a"})) return Affix::kOrdinal;  // 2º, 2ª after NFKC
      break;
    case Language::kFrench:
      if (OneOf(s, {"er", "re", "ere", "ère", "e", "eme", "ème", "nd", "nde", "de"})) {
        return Affix::kOrdinal;
      }
      break;
  }
  return Affix::kNone;
}

// Reads a number token with letters ("1.5k", "x2", "32x30", "eu42") into u.
void ReadAlnum(const Scan& scan, Separators seps, Unit* u) {
  std::string_view s = u->text;
  size_t a = 0;
  while (a < s.size() && !IsDigit(s[a])) ++a;
  size_t b = a;
  while (b < s.size() && (IsDigit(s[b]) || s[b] == '.' || s[b] == ',')) ++b;
  const std::string_view prefix = s.substr(0, a), digits = s.substr(a, b - a), suffix = s.substr(b);
  std::optional<Decimal> value = ParseDigits(digits, seps);
  if (!value.has_value()) return;
  if (!prefix.empty() && !suffix.empty()) return;  // "a3b": not a number
  if (!prefix.empty()) {
    const LexiconEntry* e = scan.lexicon->Find(prefix);
    const WordInfo* w = e != nullptr && e->is_word ? &e->word : nullptr;
    if (prefix == "x") {
      u->prefix = Affix::kTimes;
    } else if (prefix == "w") {
      u->prefix = Affix::kWaist;
    } else if (prefix == "l") {
      u->prefix = Affix::kLength;
    } else if (w != nullptr && w->Has(kSizeSystem)) {
      u->prefix = Affix::kSizeSystem;
    } else if (w != nullptr && w->Has(kCurrency)) {
      u->prefix = Affix::kCurrency;
    } else if (w != nullptr && w->Has(kCompat)) {
      u->prefix = Affix::kCompat;
    } else {
      return;
    }
    u->affix_info = w;
  } else {
    // "32x30": digits, x, digits.
    if (suffix.size() > 1 && suffix[0] == 'x' && IsDigit(suffix[1])) {
      std::optional<Decimal> second = ParseDigits(suffix.substr(1), seps);
      if (!second.has_value()) return;
      u->suffix = Affix::kByNumber;
      u->second = *second;
    } else if (scan.language == Language::kItalian && suffix == "mila") {
      // "2mila", "1,5mila": thousands written the Italian way.
      std::optional<Decimal> thousands = value->Times(1000);
      if (!thousands.has_value()) return;
      value = thousands;
    } else {
      u->suffix = SuffixAffix(suffix, scan.language);
      // "14600k", "7700k": four digits and a k are a model number (a CPU),
      // not thousands; "1.5k", "300k" stay amounts.
      if (u->suffix == Affix::kThousands && digits.size() >= 4 &&
          std::all_of(digits.begin(), digits.end(), IsDigit)) {
        return;
      }
      if (u->suffix == Affix::kNone) {
        const LexiconEntry* e = scan.lexicon->Find(suffix);
        if (e == nullptr || !e->is_word || !e->word.Has(kCurrency)) return;
        u->suffix = Affix::kCurrency;
        u->affix_info = &e->word;
      }
    }
  }
  u->has_number = true;
  u->number = *value;
}

}  // namespace

void ReadNumbers(Scan* scan) {
  const Separators seps =
      scan->language == Language::kEnglish ? Separators::kDotDecimal : Separators::kCommaDecimal;
  std::vector<Unit>& units = scan->units;
  // 1. Digits, alnum tokens and Italian fused words, unit by unit.
  for (Unit& u : units) {
    if (u.phrase) continue;
    if (u.kind == text::TokenKind::kNumber) {
      if (std::optional<Decimal> d = ParseDigits(u.text, seps)) {
        u.has_number = true;
        u.number = *d;
        // ".77", " ,5": a decimal point with no digit before it.
        const char point = seps == Separators::kDotDecimal ? '.' : ',';
        if (u.begin >= 1 && scan->text[u.begin - 1] == point && d->scale == 0 &&
            (u.begin == 1 || scan->text[u.begin - 2] == ' ') && u.text.size() <= 6 &&
            AllDigits(u.text)) {
          u.number = Decimal{d->mantissa, static_cast<int>(u.text.size())};
          u.begin -= 1;
        }
      }
    } else if (u.kind == text::TokenKind::kAlnum) {
      if (u.info == nullptr) ReadAlnum(*scan, seps, &u);
    } else if (u.kind == text::TokenKind::kWord && scan->language == Language::kItalian &&
               u.info == nullptr && u.text.size() >= 5) {
      if (std::optional<int64_t> v = ParseItalianNumberWord(u.text)) {
        u.has_number = true;
        u.number_words = true;
        u.number = Decimal{*v, 0};
      }
    }
  }
  // 2. French groups thousands with a space: "1 000", "2 500 000".
  if (scan->language == Language::kFrench) JoinSpaceGroups(scan);
  // 3. Join number words, and digits with a multiplier word.
  if (scan->language == Language::kItalian) JoinItalianThousands(scan);
  size_t out = 0;
  for (size_t i = 0; i < units.size();) {
    Unit u = units[i];
    size_t used = 1;
    if (u.PlainNumber() && !u.number_words && i + 1 < units.size() &&
        IsNumberWordUnit(units[i + 1])) {
      const WordInfo& w = *units[i + 1].info;
      const bool multiplier =
          IsMultiplier(w.number_class) || (w.number == 12 && w.number_class == NumberClass::kWhole);
      if (multiplier) {
        if (std::optional<Decimal> d = u.number.Times(w.number)) {
          u.number = *d;
          u.end = units[i + 1].end;
          u.last_token = units[i + 1].last_token;
          u.info = nullptr;
          used = 2;
        }
      }
    } else if (IsNumberWordUnit(u)) {
      int64_t value = 0;
      bool article_only = false;
      used = JoinWords(units, i, scan->language, &value, &article_only);
      if (used == 0) {
        used = 1;
      } else {
        u.has_number = true;
        u.number_words = true;
        u.article = article_only;
        u.number = Decimal{value, 0};
        if (used > 1) {
          u.end = units[i + used - 1].end;
          u.last_token = units[i + used - 1].last_token;
          u.info = nullptr;
          u.phrase = true;
        }
      }
    }
    units[out++] = u;
    i += used;
  }
  units.resize(out);
  // 4. "one" after a determiner, maybe with an adjective between, is a
  // pronoun: "the red one", "this one", "a cheaper one".
  for (size_t i = 0; i < units.size(); ++i) {
    Unit& u = units[i];
    if (!u.Has(kPronounOne)) continue;
    const bool det1 = i >= 1 && units[i - 1].Has(kDeterminer);
    const bool det2 = i >= 2 && units[i - 2].Has(kDeterminer) && !units[i - 1].has_number &&
                      units[i - 1].kind == text::TokenKind::kWord;
    if (det1 || det2) u.pronoun = true;
  }
  // 5. "one and a half", "due e mezzo", "deux et demi": a half more.
  JoinHalves(scan);
  // 6. Italian "uno" before a noun is an article: "uno schermo", "ho uno Xiaomi".
  if (scan->language == Language::kItalian) {
    for (size_t i = 0; i + 1 < units.size(); ++i) {
      Unit& u = units[i];
      const Unit& next = units[i + 1];
      if (u.text != "uno" || u.phrase || !u.number_words) continue;
      if (next.kind == text::TokenKind::kWord && !next.has_number &&
          !next.Has(kQuantityAfter | kMore | kNumberAnd) && next.text != "di" && next.text != "o") {
        u.article = true;
      }
    }
  }
}

void FindNumbers(const Scan& scan, std::vector<Candidate>* out) {
  for (const Unit& u : scan.units) {
    if (!u.PlainNumber() || u.article || u.designation) continue;
    // English "one" before an adjective or "more" is a pronoun or a count
    // ("one blue one pink", "one more question"; counts are quantities).
    if (scan.language == Language::kEnglish && u.text == "one" && !u.phrase) {
      const Unit* next = scan.at(static_cast<int>(&u - scan.units.data()) + 1);
      if (next != nullptr &&
          next->Has(kMore | kColour | kColourModPrefix | kSizeWord | kSizeLetter)) {
        continue;
      }
    }
    const Decimal d = u.number.Normalized();
    int64_t whole = d.mantissa;
    for (int k = 0; k < d.scale; ++k) whole /= 10;
    // "-5", "minus 5": a dash glued to the number after a space, or "minus".
    const int at = static_cast<int>(&u - scan.units.data());
    const Unit* sign = scan.at(at - 1);
    bool negative = false;
    if (sign != nullptr && !sign->phrase &&
        ((sign->IsDash() && sign->end == u.begin &&
          (sign->begin == 0 || scan.text[sign->begin - 1] == ' ')) ||
         (scan.language == Language::kEnglish &&
          (sign->text == "minus" || sign->text == "negative")))) {
      negative = true;
    }
    Candidate& c = out->emplace_back();
    c.type = EntityType::kNumber;
    c.begin = negative ? sign->begin : u.begin;
    c.end = u.end;
    c.priority = kPriorityNumber;
    c.confidence = u.number_words ? 0.85 : 0.9;
    c.number = negative ? -whole : whole;
    c.value = d.ToString();
    if (negative && d.mantissa != 0) c.value.insert(0, 1, '-');
  }
}

}  // namespace chatcart::entities
