// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/numbers.h"

#include <algorithm>

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

// ---- Joining number words.

struct Acc {
  int64_t total = 0;
  int64_t current = 0;
  NumberClass last = NumberClass::kNone;
  int64_t last_value = 0;  // the word's own value ("dix" is 10)
};

bool IsMultiplier(NumberClass c) {
  return c == NumberClass::kHundred || c == NumberClass::kThousand || c == NumberClass::kMillion;
}

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

bool IsNumberWordUnit(const Unit& u) {
  return u.info != nullptr && u.info->Has(kNumberWord) && u.kind == text::TokenKind::kWord;
}

bool IsJoiner(const Unit& u) { return u.IsDash() || (u.Has(kNumberAnd) && !IsNumberWordUnit(u)); }

// Joins the number words starting at units[i]; returns the units consumed (0:
// none) and the value.
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

// Whether text[a, b) is one space (ASCII, no-break, narrow no-break or thin).
bool OneSpace(std::string_view text, size_t a, size_t b) {
  const std::string_view gap = text.substr(a, b - a);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
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

// Italian thousands written apart from the rest: "duemila cinquecento".
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

// "one and a half", "2 and a half", "due e mezzo", "deux et demi": the
// number and a half, one unit.
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
      if (std::optional<int64_t> whole = u.number.Integer(); whole.has_value() && *whole < 1000000) {
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
          !next.Has(kQuantityAfter | kMore | kNumberAnd) && next.text != "di" &&
          next.text != "o") {
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
